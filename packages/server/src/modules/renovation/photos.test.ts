import fs from 'node:fs';
import path from 'node:path';
import type { Me } from '@sinergi/domain';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { KEPANJEN_VILLAGE, multipart, ok, poorHouseFamily, renovationWorld, scheduledHouse, testJpeg, type RenovationWorld } from './test-kit.ts';

describe.each(testDatabaseKinds)('renovation progress and photos on %s', (kind) => {
  let w: RenovationWorld;
  let houseId: string;
  const storedFiles = () => {
    const folder = path.join(w.t.config.uploadDir, 'renovation', houseId);
    return fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => !name.startsWith('.')) : [];
  };
  const upload = (url: string, fields: Record<string, string>, files: { name: string; content: Buffer }[], client = w.perkimOperator) =>
    client.request({ method: 'POST', url, ...multipart(fields, files) });

  beforeAll(async () => {
    w = await renovationWorld(kind);
    houseId = (await scheduledHouse(w.perkimOperator, await poorHouseFamily(w.db, KEPANJEN_VILLAGE, 'Sutini'))).id;
  });
  afterAll(async () => {
    await w.t.close();
    fs.rmSync(w.t.config.uploadDir, { recursive: true, force: true });
  });

  it('starts construction with the first progress report and keeps its photo downscaled', async () => {
    const house = await ok(await upload(`/api/renovations/${houseId}/progress`, { percent: '40', recordedOn: '2026-04-15', note: 'Rangka atap terpasang' }, [{ name: 'IMG_20260415.jpg', content: await testJpeg(4000, 3000) }]));
    expect(house).toMatchObject({ stage: 'in_progress', progress: 40, startedOn: '2026-04-15' });
    expect(house.progressEntries.map((entry) => [entry.percent, entry.recordedOn, entry.note])).toEqual([[40, '2026-04-15', 'Rangka atap terpasang']]);
    expect(house.photos).toHaveLength(1);
    const photo = house.photos[0]!;
    expect(photo).toMatchObject({ kind: 'progress', progressId: house.progressEntries[0]!.id, width: 1600, height: 1200, name: 'IMG_20260415.jpg' });
    const served = await w.pimpinan.get(photo.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.length).toBe(photo.size);
    expect((await sharp(served.rawPayload).metadata()).width).toBe(1600);
  });

  it('refuses a progress report going backwards, a non-image and an oversized file, leaving no file behind', async () => {
    const before = storedFiles().length;
    const backwards = await upload(`/api/renovations/${houseId}/progress`, { percent: '30', recordedOn: '2026-04-20' }, [{ name: 'a.jpg', content: await testJpeg(200, 150) }]);
    expect(backwards.statusCode).toBe(409);
    expect(backwards.json()).toMatchObject({ code: 'renovation_progress_backwards', message: 'Progres tidak boleh turun: terakhir tercatat 40%.' });
    const pdf = await upload(`/api/renovations/${houseId}/progress`, { percent: '50', recordedOn: '2026-04-20' }, [{ name: 'foto.jpg', content: Buffer.from('%PDF-1.4\nbukan foto') }]);
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json()).toMatchObject({ code: 'photo_file_type', message: 'Foto harus berupa JPG, PNG atau WebP.' });
    const big = Buffer.concat([await testJpeg(100, 100), Buffer.alloc(16 * 1024 * 1024)]);
    const tooLarge = await upload(`/api/renovations/${houseId}/progress`, { percent: '50', recordedOn: '2026-04-20' }, [{ name: 'besar.jpg', content: big }]);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'payload_too_large' });
    const badField = await upload(`/api/renovations/${houseId}/progress`, { percent: '150', recordedOn: '2026-04-20' }, [{ name: 'b.jpg', content: await testJpeg(200, 150) }]);
    expect(badField.json()).toMatchObject({ code: 'validation_failed' });
    const notMultipart = await w.perkimOperator.post(`/api/renovations/${houseId}/progress`, { percent: 50 });
    expect(notMultipart.statusCode).toBe(415);
    expect(storedFiles().length).toBe(before);
    const house = await ok(await w.perkimOperator.get(`/api/renovations/${houseId}`));
    expect([house.progress, house.progressEntries.length, house.photos.length]).toEqual([40, 1, 1]);
  });

  it('completes only with before and after photos, then counts the house as done', async () => {
    await ok(await upload(`/api/renovations/${houseId}/progress`, { percent: '100', recordedOn: '2026-05-28' }, []));
    let house = await ok(await w.perkimOperator.get(`/api/renovations/${houseId}`));
    const missing = await w.perkimOperator.post(`/api/renovations/${houseId}/complete`, { version: house.version, completedOn: '2026-05-30' });
    expect(missing.statusCode).toBe(409);
    expect(missing.json()).toMatchObject({ code: 'renovation_photos_required' });
    await ok(await upload(`/api/renovations/${houseId}/photos`, { kind: 'before', caption: 'Dinding bambu lapuk' }, [{ name: 'sebelum.png', content: await sharp({ create: { width: 800, height: 600, channels: 3, background: '#777777' } }).png().toBuffer() }]));
    house = await ok(await upload(`/api/renovations/${houseId}/photos`, { kind: 'after' }, [{ name: 'sesudah.jpg', content: await testJpeg(1200, 900, '#dddddd') }]));
    expect(house.photos.map((photo) => [photo.kind, photo.name, photo.width])).toEqual([['progress', 'IMG_20260415.jpg', 1600], ['before', 'sebelum.jpg', 800], ['after', 'sesudah.jpg', 1200]]);
    const wrongKind = await upload(`/api/renovations/${houseId}/photos`, { kind: 'selfie' }, [{ name: 'x.jpg', content: await testJpeg(100, 100) }]);
    expect(wrongKind.json()).toMatchObject({ code: 'validation_failed' });
    house = await ok(await w.perkimOperator.post(`/api/renovations/${houseId}/complete`, { version: house.version, completedOn: '2026-05-30', handoverOn: '2026-06-02', note: 'Diserahterimakan oleh Camat' }));
    expect(house).toMatchObject({ stage: 'completed', progress: 100, completedOn: '2026-05-30', handoverOn: '2026-06-02', actions: ['fund', 'photo'] });
    expect(storedFiles()).toHaveLength(3);
  });

  it('serves a photo only to users whose scope holds the house, and only photos of that house', async () => {
    const house = await ok(await w.perkimOperator.get(`/api/renovations/${houseId}`));
    const url = house.photos[0]!.url;
    expect((await w.kepanjenPendamping.get(url)).statusCode).toBe(200);
    const other = await scheduledHouse(w.perkimOperator, await poorHouseFamily(w.db, '35.07.01.2001', 'Sarmi'));
    expect((await w.perkimOperator.get(`/api/renovations/${other.id}/photos/${house.photos[0]!.id}`)).statusCode).toBe(404);
    await ok(await upload(`/api/renovations/${other.id}/photos`, { kind: 'assessment' }, [{ name: 'nilai.jpg', content: await testJpeg(300, 200) }]));
    const otherPhoto = (await ok(await w.perkimOperator.get(`/api/renovations/${other.id}`))).photos[0]!;
    const refused = await w.kepanjenPendamping.get(otherPhoto.url);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'out_of_scope' });
    const anonymous = await w.t.app.inject({ method: 'GET', url: otherPhoto.url });
    expect(anonymous.statusCode).toBe(401);
  });

  it('records every photo served in the audit trail: who saw which photo of which family', async () => {
    const house = await ok(await w.perkimOperator.get(`/api/renovations/${houseId}`));
    const [first, second] = house.photos;
    const viewer = (await w.kepanjenPendamping.get('/api/auth/me')).json<Me>();
    const photoViews = () => w.db.selectFrom('audit_log').select(['user_id', 'username', 'action', 'entity', 'entity_id', 'details'])
      .where('entity', '=', 'renovation_photo').where('action', '=', 'view').where('user_id', '=', viewer.id).orderBy('id').execute();
    const before = (await photoViews()).length;
    expect((await w.kepanjenPendamping.get(first!.url)).statusCode).toBe(200);
    expect((await w.kepanjenPendamping.get(second!.url)).statusCode).toBe(200);
    const views = (await photoViews()).slice(before);
    expect(views).toEqual([first!, second!].map((photo) => ({
      user_id: viewer.id, username: viewer.username, action: 'view', entity: 'renovation_photo', entity_id: photo.id,
      details: { houseId, familyId: house.familyId, kind: photo.kind },
    })));
    // A photo refused (out of scope, or of another house) is not a view.
    const refusedBefore = (await photoViews()).length;
    expect((await w.kepanjenPendamping.get(`/api/renovations/${houseId}/photos/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect(await photoViews()).toHaveLength(refusedBefore);
  });
});
