import type { Page, RenovationCandidate, RenovationSummary, RenovationTarget } from '@sinergi/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { makeFamily } from '../../../test/family-factories.ts';
import { DONOMULYO_VILLAGE, KEPANJEN_VILLAGE, multipart, ok, poorHouseFamily, renovationWorld, scheduledHouse, testJpeg, type RenovationWorld } from './test-kit.ts';

describe.each(testDatabaseKinds)('renovation targets and realisation on %s', (kind) => {
  let w: RenovationWorld;

  /** Scheduled, then built and completed with photos: a realised house. */
  async function completedHouse(villageCode: string, name: string, funding: object[]): Promise<void> {
    const house = await scheduledHouse(w.perkimOperator, await poorHouseFamily(w.db, villageCode, name));
    for (const entry of funding) await ok(await w.perkimOperator.post(`/api/renovations/${house.id}/funding`, entry));
    const photo = [{ name: 'foto.jpg', content: await testJpeg(320, 240) }];
    await ok(await w.perkimOperator.request({ method: 'POST', url: `/api/renovations/${house.id}/progress`, ...multipart({ percent: '100', recordedOn: '2026-05-20' }, photo) }));
    await ok(await w.perkimOperator.request({ method: 'POST', url: `/api/renovations/${house.id}/photos`, ...multipart({ kind: 'before' }, photo) }));
    const done = await ok(await w.perkimOperator.request({ method: 'POST', url: `/api/renovations/${house.id}/photos`, ...multipart({ kind: 'after' }, photo) }));
    await ok(await w.perkimOperator.post(`/api/renovations/${house.id}/complete`, { version: done.version, completedOn: '2026-05-30' }));
  }

  const apbd = { source: 'apbd', form: 'money', value: 17_500_000, contributedOn: '2026-03-20' };
  const forumLabour = () => ({ source: 'community', partnerId: w.forumId, form: 'labour', value: 2_500_000, contributedOn: '2026-04-03' });
  const forumMaterials = () => ({ source: 'community', partnerId: w.forumId, form: 'materials', value: 1_000_000, contributedOn: '2026-04-04' });
  const csr = () => ({ source: 'csr', partnerId: w.csrId, form: 'money', value: 5_000_000, contributedOn: '2026-04-05' });

  beforeAll(async () => {
    w = await renovationWorld(kind);
    const target = await w.perkimOperator.put('/api/renovations/targets/2026', { units: 1500, kecamatan: [{ kecamatanCode: '35.07.13', units: 60 }, { kecamatanCode: '35.07.02', units: 45 }] });
    expect(target.statusCode, target.body).toBe(200);
    await completedHouse(KEPANJEN_VILLAGE, 'Kepanjen Satu', [apbd, forumLabour()]);
    await completedHouse(KEPANJEN_VILLAGE, 'Kepanjen Dua', [apbd, forumLabour(), forumMaterials(), csr()]);
    await completedHouse(DONOMULYO_VILLAGE, 'Donomulyo Satu', [csr()]);
    const building = await scheduledHouse(w.perkimOperator, await poorHouseFamily(w.db, KEPANJEN_VILLAGE, 'Kepanjen Tiga'));
    await ok(await w.perkimOperator.post(`/api/renovations/${building.id}/funding`, apbd));
    await ok(await w.perkimOperator.request({ method: 'POST', url: `/api/renovations/${building.id}/progress`, ...multipart({ percent: '35', recordedOn: '2026-05-02' }, []) }));
    await ok(await w.perkimOperator.post('/api/renovations', { familyId: await poorHouseFamily(w.db, DONOMULYO_VILLAGE, 'Donomulyo Dua'), year: 2026, source: 'village' }), 201);
    const rejected = await ok(await w.perkimOperator.post('/api/renovations', { familyId: await poorHouseFamily(w.db, DONOMULYO_VILLAGE, 'Donomulyo Tiga'), year: 2026, source: 'village' }), 201);
    await ok(await w.perkimOperator.post(`/api/renovations/${rejected.id}/reject`, { version: rejected.version, reason: 'Rumah kontrak', rejectedOn: '2026-02-01' }));
    await ok(await w.perkimOperator.post('/api/renovations', { familyId: await poorHouseFamily(w.db, KEPANJEN_VILLAGE, 'Tahun Depan'), year: 2027, source: 'village' }), 201);
  });
  afterAll(async () => w.t.close());

  it('stores the target with its kecamatan split', async () => {
    const target = (await w.pimpinan.get('/api/renovations/targets/2026')).json<RenovationTarget>();
    expect(target).toMatchObject({ year: 2026, units: 1500 });
    expect(target.kecamatan.map((k) => [k.kecamatanCode, k.units])).toEqual([['35.07.02', 45], ['35.07.13', 60]]);
    expect((await w.pimpinan.get('/api/renovations/targets/2030')).json()).toEqual({ year: 2030, units: null, kecamatan: [] });
  });

  it('counts realisation against the target per stage, kecamatan and funder', async () => {
    const summary = (await w.pimpinan.get('/api/renovations/summary?year=2026')).json<RenovationSummary>();
    expect(summary).toMatchObject({ year: 2026, target: 1500, completed: 3 });
    expect(summary.byStage).toEqual({ proposed: 1, assessed: 0, verified: 0, scheduled: 0, in_progress: 1, completed: 3, rejected: 1 });
    expect(summary.byKecamatan.map((k) => [k.kecamatanCode, k.target, k.completed, k.inProgress, k.pipeline])).toEqual([
      ['35.07.01', null, 1, 0, 1],
      ['35.07.02', 45, 0, 0, 0],
      ['35.07.13', 60, 2, 1, 1],
    ]);
    // A regency installation breaks down per kecamatan as before: byArea is byKecamatan under its generic names.
    expect(summary).toMatchObject({ area: { code: '35.07', level: 2 }, parents: [], byAreaLevel: 3 });
    expect(summary.byArea).toEqual(summary.byKecamatan.map(({ kecamatanCode, kecamatanName, ...counts }) => ({ code: kecamatanCode, name: kecamatanName, ...counts })));
    expect(summary.byFunder.map((f) => [f.source, f.partnerName, f.houses, f.completedHouses, f.value, f.byForm])).toEqual([
      ['apbd', null, 3, 2, 52_500_000, { money: 52_500_000, materials: 0, labour: 0 }],
      ['csr', 'PT Sinar Tani Nusantara (CSR)', 2, 2, 10_000_000, { money: 10_000_000, materials: 0, labour: 0 }],
      ['community', 'Paguyuban Sosial Marga Tionghoa Indonesia (PSMTI) Malang', 2, 2, 6_000_000, { money: 0, materials: 1_000_000, labour: 5_000_000 }],
    ]);
  });

  it('narrows to a kecamatan and to a scoped user’s region, with their share of the target', async () => {
    const kepanjen = (await w.pimpinan.get('/api/renovations/summary?year=2026&kecamatanCode=35.07.13')).json<RenovationSummary>();
    expect([kepanjen.target, kepanjen.completed, kepanjen.byKecamatan.length]).toEqual([60, 2, 1]);
    const scoped = (await w.kepanjenPendamping.get('/api/renovations/summary?year=2026')).json<RenovationSummary>();
    expect(scoped).toMatchObject({ target: 60, completed: 2 });
    expect(scoped.byFunder.map((f) => [f.source, f.houses, f.value])).toEqual([['apbd', 3, 52_500_000], ['community', 2, 6_000_000], ['csr', 1, 5_000_000]]);
    expect((await w.pimpinan.get('/api/renovations/summary?year=2027')).json()).toMatchObject({ target: null, completed: 0, byStage: { proposed: 1 } });
  });

  it('exports the year as an XLSX report with the same numbers, audited', async () => {
    const response = await w.pimpinan.get('/api/renovations/report?year=2026');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain('bedah-rumah-2026.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const rows = (index: number) => {
      const out: unknown[][] = [];
      workbook.worksheets[index]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Per kecamatan', 'Per sumber dan mitra', 'Daftar rumah']);
    expect(rows(0).at(-1)).toEqual([undefined, 'Jumlah', 1500, 3, 0.2, 1]);
    expect(rows(0).find((row) => row[0] === '35.07.13')).toEqual(['35.07.13', 'Kepanjen', 60, 2, 3.3, 1, 1]);
    expect(rows(1)[1]).toEqual(['APBD', undefined, 3, 2, 52_500_000, 0, 0, 52_500_000]);
    expect(rows(2)).toHaveLength(1 + 6);
    const audit = await w.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', '=', 'renovation_report').execute();
    expect(audit).toEqual([{ action: 'export', entity: 'renovation_report' }]);
  });

  it('lists registry candidates by house score, leaving out houses already in the pipeline', async () => {
    const sound = await makeFamily(w.db, { villageCode: KEPANJEN_VILLAGE, headName: 'Rumah Layak' });
    await w.db.updateTable('family').set({ floor_type: 2, wall_type: 1, roof_type: 2, floor_area_m2: 90, member_count: 3 }).where('id', '=', sound.id).execute();
    const worst = await poorHouseFamily(w.db, KEPANJEN_VILLAGE, 'Paling Rusak');
    await w.db.updateTable('family').set({ toilet: 6, lighting: 4 }).where('id', '=', worst).execute();
    const page = (await w.perkimOperator.get('/api/renovations/candidates?kecamatanCode=35.07.13&pageSize=50')).json<Page<RenovationCandidate>>();
    expect(page.items[0]).toMatchObject({ familyId: worst, registryScore: 85, criteria: { sanitation: true, electricity: true, roof: true } });
    const names = page.items.map((item) => item.headName);
    expect(names).not.toContain('Rumah Layak');
    expect(names).not.toContain('Kepanjen Satu');
    expect(page.items.every((item) => item.registryScore >= 50 && item.villageCode.startsWith('35.07.13'))).toBe(true);
    expect(page.total).toBe(page.items.length);
  });
});
