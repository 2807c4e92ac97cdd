import type { DashboardSummary } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './app.ts';
import { testDatabaseKinds } from './db.ts';
import { loginAs, makeUser } from './factories.ts';
import { makeFamily } from './family-factories.ts';

const KEMIRI = '35.07.13.2001'; // Kepanjen
const TULUNGREJO = '35.07.01.2001'; // Donomulyo

describe.each(testDatabaseKinds)('dashboard summary on %s', (kind) => {
  let t: TestApp;
  let pimpinan: TestClient;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    pimpinan = await loginAs(t.app, await makeUser(db, { role: 'pimpinan', agencyKind: 'bappeda' }));
    const family = (villageCode: string, desil: number | null, businessStatus: 'none' | 'active' | 'stalled', memberNames: string[]) =>
      makeFamily(db, { villageCode, headName: memberNames[0]!, desil, businessStatus, members: memberNames.map((name) => ({ name })) });
    await family(KEMIRI, 1, 'stalled', ['Karsiyem', 'Paijo', 'Tukinem']);
    await family(KEMIRI, 5, 'active', ['Marsudi']);
    await family(KEMIRI, 6, 'none', ['Wagiman', 'Sumini']);
    await family(TULUNGREJO, 2, 'stalled', ['Rusmini', 'Darmaji']);
    await family(TULUNGREJO, null, 'none', ['Tugiyo']);
  });
  afterAll(async () => t.close());

  it('counts families, members and poor families (desil 1–5) across the jurisdiction', async () => {
    const res = await pimpinan.get('/api/dashboard/summary');
    expect(res.statusCode).toBe(200);
    const summary = res.json<DashboardSummary>();
    expect(summary).toMatchObject({ families: 5, members: 9, poorFamilies: 3 });
    expect(summary.byBusinessStatus).toEqual([
      { status: 'none', families: 2 },
      { status: 'active', families: 1 },
      { status: 'stalled', families: 2 },
    ]);
  });

  it('gives every desil 1–10 (zeros too) and then the families without a desil', async () => {
    const { byDesil } = (await pimpinan.get('/api/dashboard/summary')).json<DashboardSummary>();
    expect(byDesil).toEqual([
      { desil: 1, families: 1 },
      { desil: 2, families: 1 },
      { desil: 3, families: 0 },
      { desil: 4, families: 0 },
      { desil: 5, families: 1 },
      { desil: 6, families: 1 },
      { desil: 7, families: 0 },
      { desil: 8, families: 0 },
      { desil: 9, families: 0 },
      { desil: 10, families: 0 },
      { desil: null, families: 1 },
    ]);
  });

  it('lists all 33 kecamatan by name with their counts, zero where there are no families', async () => {
    const summary = (await pimpinan.get('/api/dashboard/summary')).json<DashboardSummary>();
    expect(summary.area).toEqual({ code: '35.07', name: 'Kabupaten Malang', level: 2 });
    expect(summary.parents).toEqual([]);
    expect(summary.byAreaLevel).toBe(3);
    const { byArea } = summary;
    expect(byArea).toHaveLength(33);
    expect(byArea.find((k) => k.code === '35.07.13')).toEqual({ code: '35.07.13', name: 'Kepanjen', families: 3, poorFamilies: 2 });
    expect(byArea.find((k) => k.code === '35.07.01')).toEqual({ code: '35.07.01', name: 'Donomulyo', families: 2, poorFamilies: 1 });
    expect(byArea.find((k) => k.code === '35.07.24')).toEqual({ code: '35.07.24', name: 'Singosari', families: 0, poorFamilies: 0 });
    const names = byArea.map((k) => k.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('drills down to a kecamatan: its families only, one row per village, the regency as the way back', async () => {
    const summary = (await pimpinan.get('/api/dashboard/summary?area=35.07.13')).json<DashboardSummary>();
    expect(summary).toMatchObject({ area: { code: '35.07.13', name: 'Kepanjen', level: 3 }, families: 3, members: 6, poorFamilies: 2, byAreaLevel: 4 });
    expect(summary.parents).toEqual([{ code: '35.07', name: 'Kabupaten Malang' }]);
    expect(summary.byArea.length).toBeGreaterThan(10);
    expect(summary.byArea.every((village) => village.code.startsWith('35.07.13.'))).toBe(true);
    expect(summary.byArea.find((village) => village.code === KEMIRI)).toMatchObject({ families: 3, poorFamilies: 2 });
    expect(summary.byArea.reduce((sum, village) => sum + village.families, 0)).toBe(3);
    expect(summary.byDesil.filter((d) => d.families > 0)).toEqual([{ desil: 1, families: 1 }, { desil: 5, families: 1 }, { desil: 6, families: 1 }]);
  });

  it('explains in the user’s language why a village or a region outside the jurisdiction has no summary', async () => {
    const village = await pimpinan.get(`/api/dashboard/summary?area=${KEMIRI}`);
    expect(village.statusCode).toBe(400);
    expect(village.json()).toMatchObject({ code: 'dashboard_area_too_deep', message: `Ringkasan dibuat per provinsi, kabupaten/kota atau kecamatan; ${KEMIRI} adalah desa/kelurahan.` });
    const lumajang = await pimpinan.get('/api/dashboard/summary?area=35.08');
    expect(lumajang.statusCode).toBe(400);
    expect(lumajang.json()).toMatchObject({ code: 'outside_jurisdiction' });
  });

  it('needs a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard/summary' })).statusCode).toBe(401);
  });
});

describe.each(testDatabaseKinds)('dashboard summary of a province installation on %s', (kind) => {
  let t: TestApp;
  let pimpinan: TestClient;
  let lumajangVillage: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { jurisdiction: '35' });
    const db = t.database.db;
    pimpinan = await loginAs(t.app, await makeUser(db, { role: 'pimpinan', agencyKind: 'bappeda' }));
    const village = await db.selectFrom('region').select('code').where('level', '=', 4).where('code', 'like', '35.08.%').orderBy('code').executeTakeFirstOrThrow();
    lumajangVillage = village.code;
    await makeFamily(db, { villageCode: KEMIRI, headName: 'Karsiyem', desil: 1, members: [{ name: 'Karsiyem' }, { name: 'Paijo' }] });
    await makeFamily(db, { villageCode: TULUNGREJO, headName: 'Rusmini', desil: 7, members: [{ name: 'Rusmini' }] });
    await makeFamily(db, { villageCode: lumajangVillage, headName: 'Sutrisno', desil: 3, members: [{ name: 'Sutrisno' }] });
  });
  afterAll(async () => t.close());

  it('lists the province’s regencies and cities, not its hundreds of kecamatan', async () => {
    const summary = (await pimpinan.get('/api/dashboard/summary')).json<DashboardSummary>();
    expect(summary).toMatchObject({ area: { code: '35', level: 1 }, families: 3, members: 4, poorFamilies: 2, byAreaLevel: 2 });
    const regencies = await t.database.db.selectFrom('region').select('code').where('parent_code', '=', '35').execute();
    expect(summary.byArea.map((r) => r.code).sort()).toEqual(regencies.map((r) => r.code).sort());
    expect(summary.byArea.find((r) => r.code === '35.07')).toEqual({ code: '35.07', name: 'Kabupaten Malang', families: 2, poorFamilies: 1 });
    expect(summary.byArea.find((r) => r.code === '35.08')).toMatchObject({ families: 1, poorFamilies: 1 });
  });

  it('drills down to one regency with the province as the way back', async () => {
    const summary = (await pimpinan.get('/api/dashboard/summary?area=35.07')).json<DashboardSummary>();
    expect(summary).toMatchObject({ area: { code: '35.07', level: 2 }, families: 2, members: 3, poorFamilies: 1, byAreaLevel: 3 });
    expect(summary.parents.map((p) => p.code)).toEqual(['35']);
    expect(summary.byArea).toHaveLength(33);
    expect(summary.byArea.find((k) => k.code === '35.07.13')).toMatchObject({ families: 1, poorFamilies: 1 });
  });
});
