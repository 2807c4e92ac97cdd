import type { FamilyDetail, FamilyHistory, FamilyTimeline, MemberEditResult } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/app.ts';
import { testDatabaseKinds } from '../../../../test/db.ts';
import { loginAs, makeUser, type TestUser } from '../../../../test/factories.ts';
import { makeFamily, type TestFamily } from '../../../../test/family-factories.ts';

const KEMIRI = '35.07.13.2001'; // Kepanjen
const SECRETS = ['berjalan_atau_naik_tangga', 'korban_penyalahgunaan_napza', 'Berjalan', 'NAPZA'];

describe.each(testDatabaseKinds)('editing specific personal data on %s', (kind) => {
  let t: TestApp;
  let operatorUser: TestUser;
  let operator: TestClient;
  let pendamping: TestClient;
  let family: TestFamily;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    operatorUser = await makeUser(db, { role: 'operator' });
    operator = await loginAs(t.app, operatorUser);
    pendamping = await loginAs(t.app, await makeUser(db, { role: 'pendamping' }));
    family = await makeFamily(db, {
      villageCode: KEMIRI,
      headName: 'Sugeng Widodo',
      members: [
        { name: 'Sugeng Widodo', sex: 'L', birthDate: '1975-08-17', relation: 1 },
        { name: 'Siti Aminah', sex: 'P', birthDate: '1979-11-02', relation: 2 },
      ],
    });
    await db.updateTable('member').set({ ppks: ['fakir_miskin'] }).where('id', '=', family.members[1]!.id).execute();
  });
  afterAll(async () => t.close());

  const wife = () => family.members[1]!.id;
  const stored = () => t.database.db.selectFrom('member').select(['disabilities', 'ppks', 'version']).where('id', '=', wife()).executeTakeFirstOrThrow();

  it('changes specific data only from an unmasked view, answers masked or unmasked as asked, and audits the showing', async () => {
    const refused = await operator.patch(`/api/members/${wife()}`, { version: 1, changes: { disabilities: ['berjalan_atau_naik_tangga'], education: 3 } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'specific_data_masked', details: [{ path: '/changes/disabilities' }] });
    expect(await stored()).toEqual({ disabilities: [], ppks: ['fakir_miskin'], version: 1 });

    const plain = await operator.patch(`/api/members/${wife()}`, { version: 1, changes: { education: 3 } });
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.json<MemberEditResult>().member).toMatchObject({ education: 3, disabilities: null, specialStatus: null, chronicIllness: null, specificDataHidden: true, version: 2 });

    const changes = { disabilities: ['berjalan_atau_naik_tangga'], ppks: ['fakir_miskin', 'korban_penyalahgunaan_napza'] };
    const unmasked = await operator.patch(`/api/members/${wife()}?unmask=true`, { version: 2, changes });
    expect(unmasked.statusCode, unmasked.body).toBe(200);
    expect(unmasked.json<MemberEditResult>()).toMatchObject({ member: { ...changes, specificDataHidden: false, version: 3 }, changedFields: ['disabilities', 'ppks'] });
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'username', 'details']).where('entity', '=', 'member').where('entity_id', '=', wife())
      .orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.username])).toEqual([['update', operatorUser.username], ['update', operatorUser.username], ['unmask', operatorUser.username]]);
    expect(audit.at(-1)?.details).toMatchObject({ specificDataShown: true, familyId: family.id });

    // The same change again from a masked answer: nothing leaks back, whatever the outcome.
    const stale = await operator.patch(`/api/members/${wife()}`, { version: 2, changes: { education: 1 } });
    expect(stale.statusCode).toBe(409);
    for (const secret of SECRETS) expect(stale.body).not.toContain(secret);

    const masked = await operator.get(`/api/families/${family.id}`);
    expect(masked.json<FamilyDetail>().members[1]).toMatchObject({ disabilities: null, ppks: ['fakir_miskin'], specificDataHidden: true });
    for (const secret of SECRETS) expect(masked.body).not.toContain(secret);
    const shown = (await operator.get(`/api/families/${family.id}?unmask=true`)).json<FamilyDetail>();
    expect(shown.members[1]).toMatchObject({ ...changes, specificDataHidden: false });
  });

  it('shows the change of specific data in history and timeline without its values unless unmasked', async () => {
    for (const client of [pendamping, operator]) {
      const history = await client.get(`/api/families/${family.id}/history?memberId=${wife()}`);
      expect(history.statusCode).toBe(200);
      const latest = history.json<FamilyHistory>().items[0]!;
      expect(latest.changes.map((c) => [c.field, c.old, c.new])).toEqual([['disabilities', '***', '***'], ['ppks', '***', '***']]);
      for (const secret of SECRETS) expect(history.body).not.toContain(secret);
      const timeline = await client.get(`/api/families/${family.id}/timeline`);
      expect(timeline.statusCode).toBe(200);
      for (const secret of SECRETS) expect(timeline.body).not.toContain(secret);
      const edits = timeline.json<FamilyTimeline>().items.map((e) => e.detail?.id ?? '');
      expect(edits).toContain('Siti Aminah: Disabilitas, Kategori PPKS: diubah (data pribadi spesifik disembunyikan)');
    }
    expect((await pendamping.get(`/api/families/${family.id}/history?unmask=true`)).statusCode).toBe(403);
    const full = (await operator.get(`/api/families/${family.id}/history?memberId=${wife()}&unmask=true`)).json<FamilyHistory>();
    expect(full.items[0]?.changes.map((c) => [c.field, c.old, c.new])).toEqual([
      ['disabilities', [], ['berjalan_atau_naik_tangga']],
      ['ppks', ['fakir_miskin'], ['fakir_miskin', 'korban_penyalahgunaan_napza']],
    ]);
  });

  it('refuses an unmasked edit to a role that may not unmask or write', async () => {
    const res = await pendamping.patch(`/api/members/${wife()}?unmask=true`, { version: 3, changes: { disabilities: [] } });
    expect(res.statusCode).toBe(403);
    expect((await stored()).disabilities).toEqual(['berjalan_atau_naik_tangga']);
  });
});
