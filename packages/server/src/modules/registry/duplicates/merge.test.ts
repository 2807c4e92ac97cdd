import type { DuplicateCandidate, Page } from '@sinergi/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/app.ts';
import { testDatabaseKinds } from '../../../../test/db.ts';
import { loginAs, makeUser } from '../../../../test/factories.ts';
import { startFullScan } from './scan.ts';
import { KEMIRI, makePerson, SENGGURUH, type TestPerson } from './test-kit.ts';

describe.each(testDatabaseKinds)('merging a probable duplicate on %s', (kind) => {
  let t: TestApp;
  let operator: TestClient;
  let kept: TestPerson;
  let removed: TestPerson;
  let third: TestPerson;
  let fourth: TestPerson;
  let candidate: DuplicateCandidate;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    operator = await loginAs(t.app, await makeUser(db, { role: 'operator' }));
    kept = await makePerson(db, { villageCode: KEMIRI, name: 'Siti Aminah', birthDate: '1980-05-05' });
    removed = await makePerson(db, { villageCode: KEMIRI, name: 'Siti Aminah ', birthDate: '1980-05-05' });
    third = await makePerson(db, { villageCode: KEMIRI, name: 'Sity Aminah', birthDate: '1980-05-05' });
    fourth = await makePerson(db, { villageCode: KEMIRI, name: 'Sitti Aminah', birthDate: '1980-05-05' });
    await makePerson(db, { villageCode: SENGGURUH, name: 'Joko Susilo', birthDate: '1970-01-01', sex: 'L' });
    // The removed record knows what the kept one lacks; a later module's table refers to it.
    await db.updateTable('member').set({ education: null }).where('id', '=', kept.memberId).execute();
    await db.updateTable('member').set({ education: 3, disabilities: ['penglihatan'] }).where('id', '=', removed.memberId).execute();
    await t.database.exec('CREATE TABLE test_enrolment (id serial PRIMARY KEY, member_id uuid NOT NULL REFERENCES member (id), program text)');
    await sql`INSERT INTO test_enrolment (member_id, program) VALUES (${removed.memberId}, 'PKH')`.execute(db);
    await (await startFullScan(db, { userId: null })).finished;
    const open = (await operator.get('/api/registry/duplicates')).json<Page<DuplicateCandidate>>();
    expect(open.total).toBe(6);
    const pair = (x: TestPerson, y: TestPerson) => {
      const found = open.items.find((c) => [c.a.id, c.b.id].includes(x.memberId) && [c.a.id, c.b.id].includes(y.memberId));
      if (!found) throw new Error(`pair ${x.name} / ${y.name} not proposed`);
      return found;
    };
    candidate = pair(kept, removed);
    // Decided before the merge: the removed record and the third are different people.
    expect((await operator.post(`/api/registry/duplicates/${pair(removed, third).id}/distinct`, { note: 'Beda orang tua' })).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it('moves memberships and references to the kept member, removes the other and records everything', async () => {
    const keep = candidate.a.id === kept.memberId ? 'a' : 'b';
    const res = await operator.post(`/api/registry/duplicates/${candidate.id}/merge`, { keep, note: 'Data ganda dari dua impor' });
    expect(res.statusCode, res.body).toBe(200);
    const merged = res.json<DuplicateCandidate>();
    const gone = keep === 'a' ? merged.b : merged.a;
    expect(merged).toMatchObject({ status: 'merged', kept: keep, note: 'Data ganda dari dua impor' });
    // The removed side is still shown, from its recorded data.
    expect(gone).toMatchObject({ id: removed.memberId, present: false, name: 'Siti Aminah ', familyId: removed.familyId });

    const db = t.database.db;
    expect(await db.selectFrom('member').select('id').where('id', '=', removed.memberId).executeTakeFirst()).toBeUndefined();
    const keptRow = await db.selectFrom('member').select(['education', 'disabilities', 'version']).where('id', '=', kept.memberId).executeTakeFirstOrThrow();
    expect(keptRow).toEqual({ education: 3, disabilities: ['penglihatan'], version: 2 });

    const memberships = await db
      .selectFrom('family_membership')
      .select(['family_id', sql<boolean>`end_date IS NULL`.as('open')])
      .where('member_id', '=', kept.memberId)
      .orderBy('open', 'desc')
      .execute();
    expect(memberships).toEqual([
      { family_id: kept.familyId, open: true },
      { family_id: removed.familyId, open: false },
    ]);
    const enrolment = await sql<{ member_id: string }>`SELECT member_id FROM test_enrolment`.execute(db);
    expect(enrolment.rows).toEqual([{ member_id: kept.memberId }]);

    const history = await db.selectFrom('registry_change').select(['entity', 'entity_id', 'changes', 'source']).where('source', '=', 'merge').orderBy('id').execute();
    const snapshot = history.find((h) => h.entity_id === removed.memberId)?.changes as Record<string, unknown[]>;
    expect(snapshot).toMatchObject({ nik: [removed.nik, null], name: ['Siti Aminah ', null], birthDate: ['1980-05-05', null], mergedInto: [null, kept.memberId] });
    expect(history.find((h) => h.entity_id === kept.memberId)?.changes).toEqual({ education: [null, 3], disabilities: [[], ['penglihatan']], mergedFrom: [null, removed.nik] });
    expect(history.find((h) => h.entity === 'family' && h.entity_id === removed.familyId)?.changes).toEqual({ memberCount: [1, 0] });

    const audit = await db.selectFrom('audit_log').select(['action', 'entity', 'entity_id']).where('entity_id', 'in', [candidate.id, removed.memberId]).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'update', entity: 'duplicate_candidate', entity_id: candidate.id },
      { action: 'delete', entity: 'member', entity_id: removed.memberId },
    ]);
    expect(await db.selectFrom('duplicate_candidate').select('removed_nik').where('id', '=', candidate.id).executeTakeFirstOrThrow()).toEqual({ removed_nik: removed.nik });
  });

  it('drops the removed member’s open pairs, carries its "distinct" decisions over, and refuses a second decision', async () => {
    const ids = (c: DuplicateCandidate) => [c.a.id, c.b.id].sort().join('+');
    const key = (x: TestPerson, y: TestPerson) => [x.memberId, y.memberId].sort().join('+');
    const open = (await operator.get('/api/registry/duplicates')).json<Page<DuplicateCandidate>>();
    expect(open.items.map(ids).sort()).toEqual([key(kept, fourth), key(third, fourth)].sort());
    const distinct = (await operator.get('/api/registry/duplicates?status=distinct')).json<Page<DuplicateCandidate>>();
    expect(distinct.items.map(ids).sort()).toEqual([key(removed, third), key(kept, third)].sort());
    expect(distinct.items.find((c) => ids(c) === key(kept, third))?.note).toMatch(/^Diwarisi dari keputusan .+: Beda orang tua$/);
    const merged = (await operator.get('/api/registry/duplicates?status=merged')).json<Page<DuplicateCandidate>>();
    expect(merged.items.map((c) => c.id)).toEqual([candidate.id]);
    const again = await operator.post(`/api/registry/duplicates/${candidate.id}/merge`, { keep: 'a' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'duplicate_already_decided' });
    const distinctAgain = await operator.post(`/api/registry/duplicates/${candidate.id}/distinct`, {});
    expect(distinctAgain.statusCode).toBe(409);
  });
  it('cancels the whole merge when a moved reference clashes with one of the kept member', async () => {
    const db = t.database.db;
    await t.database.exec('CREATE TABLE test_membership_card (member_id uuid NOT NULL REFERENCES member (id), program text NOT NULL, UNIQUE (member_id, program))');
    await sql`INSERT INTO test_membership_card VALUES (${kept.memberId}, 'KIS'), (${fourth.memberId}, 'KIS')`.execute(db);
    const open = (await operator.get('/api/registry/duplicates')).json<Page<DuplicateCandidate>>();
    const pair = open.items.find((c) => [c.a.id, c.b.id].includes(kept.memberId) && [c.a.id, c.b.id].includes(fourth.memberId));
    const res = await operator.post(`/api/registry/duplicates/${pair?.id}/merge`, { keep: pair?.a.id === kept.memberId ? 'a' : 'b' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      code: 'duplicate_merge_blocked',
      message: 'Penggabungan dibatalkan: data terkait di "test_membership_card" bentrok dengan data yang dipertahankan. Tidak ada yang diubah.',
    });
    expect(await db.selectFrom('member').select('id').where('id', '=', fourth.memberId).executeTakeFirst()).toEqual({ id: fourth.memberId });
    expect(await db.selectFrom('duplicate_candidate').select('status').where('id', '=', pair?.id ?? '').executeTakeFirst()).toEqual({ status: 'open' });
  });
});
