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
    const { byKecamatan } = (await pimpinan.get('/api/dashboard/summary')).json<DashboardSummary>();
    expect(byKecamatan).toHaveLength(33);
    expect(byKecamatan.find((k) => k.code === '35.07.13')).toEqual({ code: '35.07.13', name: 'Kepanjen', families: 3, poorFamilies: 2 });
    expect(byKecamatan.find((k) => k.code === '35.07.01')).toEqual({ code: '35.07.01', name: 'Donomulyo', families: 2, poorFamilies: 1 });
    expect(byKecamatan.find((k) => k.code === '35.07.24')).toEqual({ code: '35.07.24', name: 'Singosari', families: 0, poorFamilies: 0 });
    const names = byKecamatan.map((k) => k.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('needs a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard/summary' })).statusCode).toBe(401);
  });
});
