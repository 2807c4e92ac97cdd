import type { DashboardSummary, FamilyDetail, FamilyListItem, Page, Region } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './app.ts';
import { testDatabaseKinds } from './db.ts';
import { loginAs, makeUser } from './factories.ts';
import { makeFamily, type TestFamily } from './family-factories.ts';

const KEPANJEN = '35.07.13';
const DONOMULYO = '35.07.01';
const KEMIRI = '35.07.13.2001'; // Kepanjen
const SENGGURUH = '35.07.13.2002'; // Kepanjen
const TULUNGREJO = '35.07.01.2001'; // Donomulyo

const masked = (id: string) => `${id.slice(0, 4)}********${id.slice(-4)}`;

describe.each(testDatabaseKinds)('registry scope and masking on %s', (kind) => {
  let t: TestApp;
  let operator: TestClient;
  let pimpinan: TestClient;
  let kepanjenPendamping: TestClient;
  let kemiriPendamping: TestClient;
  let inKemiri: TestFamily;
  let inSengguruh: TestFamily;
  let inDonomulyo: TestFamily;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    operator = await loginAs(t.app, await makeUser(db, { role: 'operator' }));
    pimpinan = await loginAs(t.app, await makeUser(db, { role: 'pimpinan', agencyKind: 'bappeda' }));
    kepanjenPendamping = await loginAs(t.app, await makeUser(db, { role: 'pendamping', scopeCodes: [KEPANJEN] }));
    kemiriPendamping = await loginAs(t.app, await makeUser(db, { role: 'pendamping', scopeCodes: [KEMIRI] }));
    inKemiri = await makeFamily(db, {
      villageCode: KEMIRI,
      headName: 'Sugeng Widodo',
      members: [
        { name: 'Sugeng Widodo', sex: 'L', birthDate: '1975-08-17', relation: 1 },
        { name: 'Siti Aminah', sex: 'P', birthDate: '1979-11-02', relation: 2 },
      ],
    });
    inSengguruh = await makeFamily(db, { villageCode: SENGGURUH, headName: 'Sugeng Riyanto', desil: 6 });
    inDonomulyo = await makeFamily(db, { villageCode: TULUNGREJO, headName: 'Sugeng Prayitno', desil: 2 });
  });
  afterAll(async () => t.close());

  const list = async (client: TestClient, query = '') => {
    const res = await client.get(`/api/families?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page<FamilyListItem>>().items.map((f) => f.id).sort();
  };
  const auditOf = (familyId: string) =>
    t.database.db.selectFrom('audit_log').select(['action', 'username']).where('entity', '=', 'family').where('entity_id', '=', familyId).orderBy('id').execute();

  describe('a user scoped to kecamatan Kepanjen', () => {
    it('never lists families of another kecamatan, whatever the query', async () => {
      expect(await list(kepanjenPendamping)).toEqual([inKemiri.id, inSengguruh.id].sort());
      expect(await list(kepanjenPendamping, 'q=Sugeng')).toEqual([inKemiri.id, inSengguruh.id].sort());
      expect(await list(kepanjenPendamping, `q=${inDonomulyo.noKk}`)).toEqual([]);
      expect(await list(kepanjenPendamping, `q=${inDonomulyo.members[0]!.nik}`)).toEqual([]);
      const other = await kepanjenPendamping.get(`/api/families?region=${DONOMULYO}`);
      expect(other.statusCode).toBe(403);
      expect(other.json()).toMatchObject({ code: 'out_of_scope' });
      expect(await list(operator)).toEqual([inKemiri.id, inSengguruh.id, inDonomulyo.id].sort());
    });

    it('is refused the profile of another kecamatan’s family, and nothing is recorded as viewed', async () => {
      const res = await kepanjenPendamping.get(`/api/families/${inDonomulyo.id}`);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'out_of_scope', message: 'Data ini berada di luar wilayah tugas Anda.' });
      expect(await auditOf(inDonomulyo.id)).toEqual([]);
      expect((await kepanjenPendamping.get(`/api/families/${inSengguruh.id}`)).statusCode).toBe(200);
    });

    it('sees only Kepanjen in the dashboard and in the scoped region picker', async () => {
      const summary = (await kepanjenPendamping.get('/api/dashboard/summary')).json<DashboardSummary>();
      expect(summary).toMatchObject({ families: 2, members: 3, poorFamilies: 1 });
      expect(summary.byArea).toEqual([{ code: KEPANJEN, name: 'Kepanjen', families: 2, poorFamilies: 1 }]);
      const donomulyo = await kepanjenPendamping.get('/api/dashboard/summary?area=35.07.01');
      expect(donomulyo.statusCode).toBe(403);
      expect(donomulyo.json()).toMatchObject({ code: 'out_of_scope' });
      const picker = (await kepanjenPendamping.get('/api/regions?scoped=true')).json<Region[]>();
      expect(picker.map((r) => r.code)).toEqual([KEPANJEN]);
    });
  });

  describe('a user scoped to the village Kemiri', () => {
    it('sees only that village’s families, also when filtering by its kecamatan', async () => {
      expect(await list(kemiriPendamping)).toEqual([inKemiri.id]);
      expect(await list(kemiriPendamping, `region=${KEPANJEN}`)).toEqual([inKemiri.id]);
      expect((await kemiriPendamping.get(`/api/families?region=${SENGGURUH}`)).statusCode).toBe(403);
      expect((await kemiriPendamping.get(`/api/families/${inSengguruh.id}`)).statusCode).toBe(403);
      const summary = (await kemiriPendamping.get('/api/dashboard/summary')).json<DashboardSummary>();
      expect(summary).toMatchObject({ families: 1, members: 2 });
    });
  });

  describe('masking', () => {
    it('masks NIK, No KK and birth dates by default and records the view', async () => {
      const res = await operator.get(`/api/families/${inKemiri.id}`);
      expect(res.statusCode).toBe(200);
      const family = res.json<FamilyDetail>();
      expect(family).toMatchObject({ unmasked: false, noKk: masked(inKemiri.noKk), villageName: 'Kemiri', kecamatanCode: KEPANJEN, memberCount: 2 });
      expect(family.members.map((m) => [m.name, m.nik, m.birthDate])).toEqual([
        ['Sugeng Widodo', masked(inKemiri.members[0]!.nik), '1975-**-**'],
        ['Siti Aminah', masked(inKemiri.members[1]!.nik), '1979-**-**'],
      ]);
      expect(res.body).not.toContain(inKemiri.members[0]!.nik);
      expect((await auditOf(inKemiri.id)).at(-1)).toMatchObject({ action: 'view' });
    });

    it('shows everything to an operator who asks to unmask, and records the unmask', async () => {
      const family = (await operator.get(`/api/families/${inKemiri.id}?unmask=true`)).json<FamilyDetail>();
      expect(family).toMatchObject({ unmasked: true, noKk: inKemiri.noKk });
      expect(family.members.map((m) => [m.nik, m.birthDate])).toEqual(inKemiri.members.map((m) => [m.nik, m.birthDate]));
      expect((await auditOf(inKemiri.id)).at(-1)).toMatchObject({ action: 'unmask' });
      expect((await operator.get(`/api/families/${inKemiri.id}?unmask=false`)).json<FamilyDetail>().unmasked).toBe(false);
    });

    it('refuses unmasking to leaders and facilitators (403) without recording an unmask', async () => {
      for (const client of [pimpinan, kepanjenPendamping]) {
        const res = await client.get(`/api/families/${inSengguruh.id}?unmask=true`);
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ code: 'forbidden' });
      }
      expect((await auditOf(inSengguruh.id)).filter((e) => e.action === 'unmask')).toEqual([]);
    });

    it('answers 404 for an unknown family and 400 for a malformed id', async () => {
      expect((await operator.get('/api/families/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
      expect((await operator.get('/api/families/3507132001000001')).statusCode).toBe(400);
    });
  });
});
