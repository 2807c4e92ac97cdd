import type { FamilyDetail, MemberConflictDetails, MemberEditResult } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/app.ts';
import { testDatabaseKinds } from '../../../../test/db.ts';
import { loginAs, makeUser } from '../../../../test/factories.ts';
import { makeFamily, testNik, type TestFamily } from '../../../../test/family-factories.ts';

const KEMIRI = '35.07.13.2001'; // Kepanjen
const TULUNGREJO = '35.07.01.2001'; // Donomulyo

const masked = (id: string) => `${id.slice(0, 4)}********${id.slice(-4)}`;

describe.each(testDatabaseKinds)('member edits on %s', (kind) => {
  let t: TestApp;
  let operator: TestClient;
  let colleague: TestClient;
  let kepanjenOperator: TestClient;
  let pendamping: TestClient;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    operator = await loginAs(t.app, await makeUser(db, { role: 'operator' }));
    colleague = await loginAs(t.app, await makeUser(db, { role: 'operator' }));
    kepanjenOperator = await loginAs(t.app, await makeUser(db, { role: 'operator', scopeCodes: ['35.07.13'] }));
    pendamping = await loginAs(t.app, await makeUser(db, { role: 'pendamping' }));
  });
  afterAll(async () => t.close());

  const couple = (villageCode = KEMIRI) =>
    makeFamily(t.database.db, {
      villageCode,
      headName: 'Sugeng Widodo',
      members: [
        { name: 'Sugeng Widodo', sex: 'L', birthDate: '1975-08-17', relation: 1 },
        { name: 'Siti Aminah', sex: 'P', birthDate: '1979-11-02', relation: 2 },
      ],
    });
  const memberChanges = (memberId: string) =>
    t.database.db.selectFrom('registry_change').select(['changes', 'family_id', 'source']).where('entity', '=', 'member').where('entity_id', '=', memberId).orderBy('id').execute();
  const wife = (family: TestFamily) => family.members[1]!;

  it('refuses a stale member edit with the current member (masked) and keeps the first edit', async () => {
    const family = await couple();
    const profile = (await operator.get(`/api/families/${family.id}`)).json<FamilyDetail>();
    expect(profile.members.map((m) => m.version)).toEqual([1, 1]);

    const first = await operator.patch(`/api/members/${wife(family).id}`, { version: 1, changes: { education: 3, workStatus: 4 } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<MemberEditResult>()).toMatchObject({ member: { version: 2, education: 3, workStatus: 4 }, familyId: family.id, familyVersion: 1, status: 'active' });

    const second = await colleague.patch(`/api/members/${wife(family).id}`, { version: 1, changes: { education: 1 } });
    expect(second.statusCode).toBe(409);
    const details = second.json<{ code: string; details: MemberConflictDetails }>();
    expect(details).toMatchObject({ code: 'conflict', details: { current: { version: 2, education: 3, nik: masked(wife(family).nik), birthDate: '1979-**-**' } } });
    expect(await memberChanges(wife(family).id)).toEqual([{ changes: { education: [null, 3], workStatus: [null, 4] }, family_id: family.id, source: 'edit' }]);
  });

  it('records a corrected NIK exactly, warns where the NIK disagrees with the record, and refuses a NIK already taken', async () => {
    const family = await couple();
    const corrected = testNik(KEMIRI, '1979-11-02', 'P');
    const res = await operator.patch(`/api/members/${wife(family).id}`, { version: 1, changes: { nik: corrected, sex: 'L' } });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<MemberEditResult>();
    expect(result.member).toMatchObject({ nik: masked(corrected), sex: 'L', version: 2 });
    expect(result.warnings.map((w) => w.code)).toEqual(['nik_sex_mismatch']);
    expect(result.warnings[0]?.message.id).toContain('Perempuan');
    expect(await memberChanges(wife(family).id)).toEqual([{ changes: { nik: [wife(family).nik, corrected], sex: ['P', 'L'] }, family_id: family.id, source: 'edit' }]);

    const taken = await operator.patch(`/api/members/${wife(family).id}`, { version: 2, changes: { nik: family.members[0]!.nik } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'duplicate', details: { memberId: family.members[0]!.id, familyId: family.id } });

    for (const nik of ['3507134211790000', '35071342117', '3507133211790001']) {
      const invalid = await operator.patch(`/api/members/${wife(family).id}`, { version: 2, changes: { nik } });
      expect(invalid.statusCode, nik).toBe(400);
    }
  });

  it('keeps the head name in step with the members and warns about two heads', async () => {
    const family = await couple();
    const renamed = await operator.patch(`/api/members/${family.members[0]!.id}`, { version: 1, changes: { name: 'Sugeng Widodo Santoso' } });
    expect(renamed.json<MemberEditResult>()).toMatchObject({ familyVersion: 2, warnings: [] });
    const stored = await t.database.db.selectFrom('family').select(['head_name', 'version']).where('id', '=', family.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ head_name: 'Sugeng Widodo Santoso', version: 2 });
    const familyChanges = await t.database.db.selectFrom('registry_change').select('changes').where('entity', '=', 'family').where('entity_id', '=', family.id).execute();
    expect(familyChanges).toEqual([{ changes: { headName: ['Sugeng Widodo', 'Sugeng Widodo Santoso'] } }]);

    const twoHeads = await operator.patch(`/api/members/${wife(family).id}`, { version: 1, changes: { relation: 1 } });
    expect(twoHeads.json<MemberEditResult>().warnings.map((w) => w.code)).toEqual(['several_heads']);
  });

  it('adds a member with an open membership from the given date; the family count and history follow', async () => {
    const family = await couple();
    const nik = testNik(KEMIRI, '2010-03-04', 'P');
    const res = await operator.post(`/api/families/${family.id}/members`, {
      member: { nik, name: 'Putri Lestari', sex: 'P', birthDate: '2010-03-04', relation: 3, disabilities: [] },
      startDate: '2024-05-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const added = res.json<MemberEditResult>();
    expect(added).toMatchObject({ member: { name: 'Putri Lestari', nik: masked(nik), version: 1 }, familyVersion: 2, warnings: [] });

    const db = t.database.db;
    expect(await db.selectFrom('family').select(['member_count', 'version']).where('id', '=', family.id).executeTakeFirstOrThrow()).toEqual({ member_count: 3, version: 2 });
    expect(await db.selectFrom('family_membership').select(['family_id', 'relation', 'start_date', 'end_date']).where('member_id', '=', added.member.id).execute()).toEqual([
      { family_id: family.id, relation: 3, start_date: '2024-05-01', end_date: null },
    ]);
    expect(await memberChanges(added.member.id)).toEqual([
      { changes: { nik: [null, nik], name: [null, 'Putri Lestari'], birthDate: [null, '2010-03-04'], sex: [null, 'P'], relation: [null, 3] }, family_id: family.id, source: 'edit' },
    ]);
    const profile = (await operator.get(`/api/families/${family.id}`)).json<FamilyDetail>();
    expect(profile.members.map((m) => m.name)).toContain('Putri Lestari');

    const again = await operator.post(`/api/families/${family.id}/members`, { member: { nik, name: 'Putri L.' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'duplicate' });
  });

  it('lets only writers in scope add, edit, move or end members', async () => {
    const far = await couple(TULUNGREJO);
    const near = await couple(KEMIRI);
    const calls = [
      (c: TestClient) => c.patch(`/api/members/${wife(far).id}`, { version: 1, changes: { education: 2 } }),
      (c: TestClient) => c.post(`/api/families/${far.id}/members`, { member: { nik: testNik(TULUNGREJO, '2001-01-01', 'L'), name: 'Andi' } }),
      (c: TestClient) => c.post(`/api/members/${wife(far).id}/end`, { version: 1, reason: 'left' }),
      (c: TestClient) => c.post(`/api/members/${wife(near).id}/move`, { version: 1, familyId: far.id }),
    ];
    for (const call of calls) {
      const scoped = await call(kepanjenOperator);
      expect(scoped.statusCode).toBe(403);
      expect(scoped.json()).toMatchObject({ code: 'out_of_scope' });
      const reader = await call(pendamping);
      expect(reader.statusCode).toBe(403);
      expect(reader.json()).toMatchObject({ code: 'forbidden' });
    }
    const versions = await t.database.db.selectFrom('member').select('version').where('family_id', 'in', [far.id, near.id]).execute();
    expect(versions.map((v) => v.version)).toEqual([1, 1, 1, 1]);
  });
});
