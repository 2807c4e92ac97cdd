import type { DesilHistory, FamilyHistory, MemberEditResult } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/app.ts';
import { testDatabaseKinds } from '../../../../test/db.ts';
import { loginAs, makeUser, type TestUser } from '../../../../test/factories.ts';
import { makeFamily, testNik, type TestFamily } from '../../../../test/family-factories.ts';
import type { DB } from '../../../db/schema/index.ts';

const KEMIRI = '35.07.13.2001'; // Kepanjen

const masked = (id: string) => `${id.slice(0, 4)}********${id.slice(-4)}`;

/** What the import engine records for an update (migration 0005's contract): a batch and its field changes. */
async function recordImport(db: Kysely<DB>, by: TestUser, fileName: string, family: TestFamily, changes: object, at: string): Promise<string> {
  const batch = await db
    .insertInto('import_batch')
    .values({ file_name: fileName, files: JSON.stringify([]), file_size: 1024, file_sha256: 'ab'.repeat(32), status: 'done', created_by: by.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('registry_change')
    .values({ entity: 'family', entity_id: family.id, family_id: family.id, changes: JSON.stringify(changes), source: 'import', batch_id: batch.id, user_id: by.id, at })
    .execute();
  return batch.id;
}

describe.each(testDatabaseKinds)('family history on %s', (kind) => {
  let t: TestApp;
  let importer: TestUser;
  let editor: TestUser;
  let operator: TestClient;
  let pendamping: TestClient;
  let otherKecamatan: TestClient;
  let family: TestFamily;
  let januaryBatch: string;
  let aprilBatch: string;
  let newNik: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    importer = await makeUser(db, { role: 'operator' });
    editor = await makeUser(db, { role: 'operator' });
    operator = await loginAs(t.app, editor);
    pendamping = await loginAs(t.app, await makeUser(db, { role: 'pendamping', scopeCodes: ['35.07.13'] }));
    otherKecamatan = await loginAs(t.app, await makeUser(db, { role: 'pendamping', scopeCodes: ['35.07.01'] }));
    family = await makeFamily(db, {
      villageCode: KEMIRI,
      headName: 'Sugeng Widodo',
      desil: 2,
      members: [
        { name: 'Sugeng Widodo', sex: 'L', birthDate: '1975-08-17', relation: 1 },
        { name: 'Siti Aminah', sex: 'P', birthDate: '1979-11-02', relation: 2 },
      ],
    });
    januaryBatch = await recordImport(db, importer, 'dtsen-2025-q1.xlsx', family, { desilNational: [4, 3], floorType: [null, 8] }, '2025-01-10T03:00:00Z');
    aprilBatch = await recordImport(db, importer, 'dtsen-2025-q2.xlsx', family, { desilNational: [3, 2], desilRegency: [null, 2] }, '2025-04-10T03:00:00Z');
    await db.updateTable('family').set({ desil_regency: 2 }).where('id', '=', family.id).execute();
    expect((await operator.patch(`/api/families/${family.id}`, { version: 1, changes: { desilNational: 1 } })).statusCode).toBe(200);
    newNik = testNik(KEMIRI, '1979-11-02', 'P');
    const wife = await operator.patch(`/api/members/${family.members[1]!.id}`, { version: 1, changes: { nik: newNik, education: 2 } });
    expect(wife.json<MemberEditResult>().member.version).toBe(2);
  });
  afterAll(async () => t.close());

  it('tells who changed what and when, from which import file or edit, newest first and paged', async () => {
    const first = (await operator.get(`/api/families/${family.id}/history?pageSize=2`)).json<FamilyHistory>();
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 2, unmasked: false });
    expect(first.items.map((e) => [e.entity, e.source, e.memberName, e.actor?.username, e.batch])).toEqual([
      ['member', 'edit', 'Siti Aminah', editor.username, null],
      ['family', 'edit', null, editor.username, null],
    ]);
    expect(first.items[1]?.changes).toEqual([{ field: 'desilNational', label: { id: 'Desil nasional', en: 'National decile' }, old: 2, new: 1 }]);

    const second = (await operator.get(`/api/families/${family.id}/history?pageSize=2&page=2`)).json<FamilyHistory>();
    expect(second.items.map((e) => [e.source, e.at, e.batch, e.actor?.username])).toEqual([
      ['import', '2025-04-10T03:00:00.000Z', { id: aprilBatch, fileName: 'dtsen-2025-q2.xlsx' }, importer.username],
      ['import', '2025-01-10T03:00:00.000Z', { id: januaryBatch, fileName: 'dtsen-2025-q1.xlsx' }, importer.username],
    ]);
    expect(second.items[1]?.changes.map((c) => [c.field, c.old, c.new])).toEqual([['desilNational', 4, 3], ['floorType', null, 8]]);

    const onlyMember = (await operator.get(`/api/families/${family.id}/history?memberId=${family.members[1]!.id}`)).json<FamilyHistory>();
    expect(onlyMember.items.map((e) => e.entityId)).toEqual([family.members[1]!.id]);
  });

  it('masks NIK values inside the history unless an operator deliberately unmasks, which is audited', async () => {
    const masks = (await pendamping.get(`/api/families/${family.id}/history`)).json<FamilyHistory>();
    const nikChange = masks.items[0]?.changes.find((c) => c.field === 'nik');
    expect(nikChange).toMatchObject({ old: masked(family.members[1]!.nik), new: masked(newNik) });

    const refused = await pendamping.get(`/api/families/${family.id}/history?unmask=true`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden' });

    const unmasked = (await operator.get(`/api/families/${family.id}/history?unmask=true`)).json<FamilyHistory>();
    expect(unmasked.unmasked).toBe(true);
    expect(unmasked.items[0]?.changes.find((c) => c.field === 'nik')).toMatchObject({ old: family.members[1]!.nik, new: newNik });

    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'username', 'details']).where('entity', '=', 'family').where('entity_id', '=', family.id).orderBy('id').execute();
    expect(audit.filter((a) => (a.details as { section?: string } | null)?.section === 'history').map((a) => [a.action, a.username])).toEqual(
      expect.arrayContaining([['unmask', editor.username]]),
    );
    expect(audit.some((a) => a.action === 'unmask' && a.username !== editor.username)).toBe(false);
  });

  it('derives the desil over time: first recorded values, each change with its source, and now', async () => {
    const desil = (await pendamping.get(`/api/families/${family.id}/desil-history`)).json<DesilHistory>();
    expect(desil.initial).toEqual({ national: 4, province: null, regency: null });
    expect(desil.current).toEqual({ national: 1, province: null, regency: 2 });
    expect(desil.changes.map((c) => [c.level, c.from, c.to, c.source, c.batch?.fileName ?? c.actor?.username])).toEqual([
      ['national', 4, 3, 'import', 'dtsen-2025-q1.xlsx'],
      ['national', 3, 2, 'import', 'dtsen-2025-q2.xlsx'],
      ['regency', null, 2, 'import', 'dtsen-2025-q2.xlsx'],
      ['national', 2, 1, 'edit', editor.username],
    ]);
  });

  it('refuses every history view of a family outside the user’s region', async () => {
    for (const section of ['history', 'desil-history', 'memberships', 'timeline']) {
      const res = await otherKecamatan.get(`/api/families/${family.id}/${section}`);
      expect(res.statusCode, section).toBe(403);
      expect(res.json()).toMatchObject({ code: 'out_of_scope' });
    }
    expect((await operator.get('/api/families/00000000-0000-4000-8000-000000000000/history')).statusCode).toBe(404);
  });
});
