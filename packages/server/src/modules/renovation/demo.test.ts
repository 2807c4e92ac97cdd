import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../../test/db.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { seedOrganisations } from '../seed/seed-organisations.ts';
import { demoPhoto } from './demo-photos.ts';
import { DEMO_TARGET_UNITS, demoStagePlan, seedDemoRenovation } from './demo.ts';

describe('demo renovation plan', () => {
  it('deals every stage out early and holds 42 houses', () => {
    const plan = demoStagePlan();
    expect(plan).toHaveLength(42);
    expect(new Set(plan.slice(0, 7))).toEqual(new Set(['proposed', 'assessed', 'verified', 'scheduled', 'in_progress', 'completed', 'rejected']));
  });

  it('draws the same photo for the same scene and variant', async () => {
    const hash = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');
    expect(hash(await demoPhoto('after', 3))).toBe(hash(await demoPhoto('after', 3)));
    expect(await sharp(await demoPhoto('before', 1)).metadata()).toMatchObject({ format: 'jpeg', width: 480, height: 360 });
  });
});

describe.each(testDatabaseKinds)('demo renovation on %s', (kind) => {
  let handle: DatabaseHandle;
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-renovation-demo-'));
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await seedDemo(handle, { families: 1500, regionCode: '35.07', seed: 2026 });
    await seedOrganisations(handle.db, '35.07');
  });
  afterAll(async () => {
    await handle.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  it('puts houses at every step with partner contributions, photos and the 1,500-unit target, once', async () => {
    const result = await seedDemoRenovation(handle, undefined, { jurisdiction: '35.07', uploadDir });
    expect(result.houses).toBe(42);
    const stages = await sql<{ stage: string; n: number }>`SELECT stage, count(*)::int AS n FROM renovation_house GROUP BY stage ORDER BY stage`.execute(handle.db);
    const counts = Object.fromEntries(stages.rows.map((row) => [row.stage, row.n]));
    expect(Object.keys(counts).sort()).toEqual(['assessed', 'completed', 'in_progress', 'proposed', 'rejected', 'scheduled', 'verified']);
    expect(counts.completed).toBe(12);
    const target = await handle.db.selectFrom('renovation_target').select('units').executeTakeFirstOrThrow();
    const split = await sql<{ n: number }>`SELECT sum(units)::int AS n FROM renovation_target_kecamatan`.execute(handle.db);
    expect([target.units, split.rows[0]?.n]).toEqual([DEMO_TARGET_UNITS, DEMO_TARGET_UNITS]);
    const forum = await sql<{ forms: string[] }>`
      SELECT array_agg(DISTINCT f.form ORDER BY f.form) AS forms FROM renovation_funding f JOIN partner p ON p.id = f.partner_id WHERE p.type = 'community_forum'`.execute(handle.db);
    expect(forum.rows[0]?.forms).toEqual(['labour', 'materials']);
    const photos = await handle.db.selectFrom('renovation_photo').select(['file_path', 'size']).execute();
    expect(photos.length).toBe(result.photos);
    for (const photo of photos) expect(fs.statSync(path.join(uploadDir, photo.file_path)).size).toBe(photo.size);
    const completedWithoutAfter = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM renovation_house h WHERE h.stage = 'completed'
         AND NOT EXISTS (SELECT 1 FROM renovation_photo p WHERE p.house_id = h.id AND p.kind = 'after')`.execute(handle.db);
    expect(completedWithoutAfter.rows[0]?.n).toBe(0);
    expect(await seedDemoRenovation(handle, undefined, { jurisdiction: '35.07', uploadDir })).toEqual({ houses: 0, photos: 0 });
  });
});
