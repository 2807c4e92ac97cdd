import type { FamilyDetail, FamilyHistory, MemberEditResult, MembershipEntry } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/app.ts';
import { testDatabaseKinds } from '../../../../test/db.ts';
import { loginAs, makeUser } from '../../../../test/factories.ts';
import { makeFamily } from '../../../../test/family-factories.ts';

const KEMIRI = '35.07.13.2001'; // Kepanjen
const SENGGURUH = '35.07.13.2002'; // Kepanjen

const masked = (id: string) => `${id.slice(0, 4)}********${id.slice(-4)}`;

describe.each(testDatabaseKinds)('family membership changes on %s', (kind) => {
  let t: TestApp;
  let operator: TestClient;
  beforeAll(async () => {
    t = await startTestApp(kind);
    operator = await loginAs(t.app, await makeUser(t.database.db, { role: 'operator' }));
  });
  afterAll(async () => t.close());

  const withChild = (villageCode: string, head: string, child: string) =>
    makeFamily(t.database.db, {
      villageCode,
      headName: head,
      members: [
        { name: head, sex: 'L', birthDate: '1970-01-05', relation: 1 },
        { name: child, sex: 'L', birthDate: '1998-06-10', relation: 3 },
      ],
    });
  const familyRow = (id: string) => t.database.db.selectFrom('family').select(['member_count', 'head_name', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
  const membershipsOf = (memberId: string) =>
    t.database.db.selectFrom('family_membership').select(['family_id', 'start_date', 'end_date', 'end_reason']).where('member_id', '=', memberId).orderBy('start_date').orderBy('end_date').execute();

  it('moves a member to another family card and keeps where they were, with dates', async () => {
    const from = await withChild(KEMIRI, 'Sugeng Widodo', 'Budi Widodo');
    const to = await withChild(SENGGURUH, 'Joko Susilo', 'Rina Susilo');
    const budi = from.members[1]!;
    const res = await operator.post(`/api/members/${budi.id}/move`, { version: 1, familyId: to.id, relation: 4, date: '2025-01-15' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MemberEditResult>()).toMatchObject({ familyId: to.id, member: { relation: 4, version: 2 }, status: 'active', familyVersion: 2 });

    const memberships = await membershipsOf(budi.id);
    expect(memberships).toHaveLength(2);
    expect(memberships[0]).toMatchObject({ family_id: from.id, end_date: '2025-01-15', end_reason: 'moved' });
    expect(memberships[1]).toEqual({ family_id: to.id, start_date: '2025-01-15', end_date: null, end_reason: null });
    expect(await familyRow(from.id)).toMatchObject({ member_count: 1, version: 2 });
    expect(await familyRow(to.id)).toMatchObject({ member_count: 3, version: 2 });

    const left = (await operator.get(`/api/families/${from.id}/memberships`)).json<MembershipEntry[]>();
    expect(left.find((m) => m.memberId === budi.id)).toMatchObject({ endDate: '2025-01-15', endReason: 'moved', movedTo: { id: to.id, noKk: masked(to.noKk) }, nik: masked(budi.nik) });
    const joined = (await operator.get(`/api/families/${to.id}/memberships`)).json<MembershipEntry[]>();
    expect(joined).toEqual([expect.objectContaining({ memberId: budi.id, startDate: '2025-01-15', endDate: null, movedFrom: { id: from.id, noKk: masked(from.noKk) }, movedTo: null })]);

    const history = (await operator.get(`/api/families/${to.id}/history?unmask=true`)).json<FamilyHistory>();
    const move = history.items.find((entry) => entry.entityId === budi.id);
    expect(move?.changes).toEqual([
      { field: 'noKk', label: { id: 'Nomor Kartu Keluarga (No KK)', en: 'Family card number (No KK)' }, old: from.noKk, new: to.noKk },
      { field: 'relation', label: { id: 'Hubungan dengan kepala keluarga', en: 'Relation to the family head' }, old: 3, new: 4 },
    ]);
    expect((await operator.get(`/api/families/${to.id}`)).json<FamilyDetail>().members.map((m) => m.name)).toEqual(['Joko Susilo', 'Rina Susilo', 'Budi Widodo']);

    const back = await operator.post(`/api/members/${budi.id}/move`, { version: 2, familyId: to.id });
    expect(back.json()).toMatchObject({ code: 'member_already_in_family' });
    const early = await operator.post(`/api/members/${budi.id}/move`, { version: 2, familyId: from.id, date: '2024-12-31' });
    expect(early.statusCode).toBe(400);
    expect(await membershipsOf(budi.id)).toHaveLength(2);
  });

  it('records a death: the membership ends with the reason, the member no longer counts, the family is told it lost its head', async () => {
    const family = await withChild(KEMIRI, 'Slamet Riyadi', 'Agus Riyadi');
    const head = family.members[0]!;
    const res = await operator.post(`/api/members/${head.id}/end`, { version: 1, reason: 'deceased', date: '2025-02-01' });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<MemberEditResult>();
    expect(result).toMatchObject({ status: 'deceased', changedFields: ['status'], familyVersion: 2 });
    expect(result.warnings.map((w) => w.code)).toEqual(['no_head']);

    expect(await familyRow(family.id)).toEqual({ member_count: 1, head_name: 'Slamet Riyadi', version: 2 });
    const memberships = await membershipsOf(head.id);
    expect(memberships.map(({ start_date: _start, ...end }) => end)).toEqual([{ family_id: family.id, end_date: '2025-02-01', end_reason: 'deceased' }]);
    expect(memberships[0]!.start_date <= '2025-02-01').toBe(true);
    const profile = (await operator.get(`/api/families/${family.id}`)).json<FamilyDetail>();
    expect(profile.members.map((m) => m.name)).toEqual(['Agus Riyadi']);
    const history = (await operator.get(`/api/families/${family.id}/history`)).json<FamilyHistory>();
    expect(history.items.map((entry) => entry.changes.map((c) => [c.field, c.old, c.new]))).toEqual([
      [['memberCount', 2, 1]],
      [['status', 'active', 'deceased']],
    ]);

    expect((await operator.post(`/api/members/${head.id}/end`, { version: 2, reason: 'left' })).json()).toMatchObject({ code: 'member_not_active' });
    expect((await operator.post(`/api/members/${head.id}/move`, { version: 2, familyId: family.id })).json()).toMatchObject({ code: 'member_not_active' });

    // The son becomes head: the card's head name follows.
    const son = family.members[1]!;
    const promoted = await operator.patch(`/api/members/${son.id}`, { version: 1, changes: { relation: 1 } });
    expect(promoted.json<MemberEditResult>().warnings).toEqual([]);
    expect(await familyRow(family.id)).toMatchObject({ head_name: 'Agus Riyadi', member_count: 1 });
  });

  it('lets a member who left rejoin a family by moving them, and refuses a date before the membership began', async () => {
    const family = await withChild(KEMIRI, 'Bambang Purnomo', 'Dewi Purnomo');
    const dewi = family.members[1]!;
    await t.database.db.insertInto('family_membership').values({ member_id: dewi.id, family_id: family.id, relation: 3, start_date: '2020-01-01' }).execute();
    const tooEarly = await operator.post(`/api/members/${dewi.id}/end`, { version: 1, reason: 'left', date: '2019-12-31' });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json()).toMatchObject({ code: 'validation_failed', details: [{ path: '/date' }] });

    expect((await operator.post(`/api/members/${dewi.id}/end`, { version: 1, reason: 'left', date: '2024-03-01' })).statusCode).toBe(200);
    expect(await familyRow(family.id)).toMatchObject({ member_count: 1 });
    const rejoined = await operator.post(`/api/members/${dewi.id}/move`, { version: 2, familyId: family.id, date: '2024-09-01' });
    expect(rejoined.statusCode, rejoined.body).toBe(200);
    expect(rejoined.json<MemberEditResult>()).toMatchObject({ status: 'active', changedFields: ['status'] });
    expect(await membershipsOf(dewi.id)).toEqual([
      { family_id: family.id, start_date: '2020-01-01', end_date: '2024-03-01', end_reason: 'left' },
      { family_id: family.id, start_date: '2024-09-01', end_date: null, end_reason: null },
    ]);
    expect(await familyRow(family.id)).toMatchObject({ member_count: 2 });
  });
});
