import { maskIdNumber, type ApproachCoverage, type CoverageFamily, type Page, type ProgramCombinations, type UntouchedCount } from '@sinergi/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { programsWorld, type ProgramsWorld } from '../programs/test-kit.ts';
import { insertCoverageWorld, type CoverageWorld } from './test-world.ts';

describe.each(testDatabaseKinds)('cross-program views on %s', (kind) => {
  let w: ProgramsWorld;
  let world: CoverageWorld;
  beforeAll(async () => {
    w = await programsWorld(kind);
    world = await insertCoverageWorld(w.db, w.dinsos.id);
  });
  afterAll(async () => w.t.close());

  const json = async <T>(url: string, client = w.pimpinan): Promise<T> => {
    const response = await client.get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };
  const combos = (result: ProgramCombinations) =>
    result.combinations
      .map((combination): [string, number] => [combination.programs.map((program) => program.name).sort().join(' + '), combination.families])
      .sort(([a], [b]) => (a < b ? -1 : 1));
  const labelsOf = (page: Page<CoverageFamily>) =>
    page.items.map((item) => Object.entries(world.families).find(([, family]) => family.id === item.familyId)?.[0]);

  it('counts families per combination of programs received, most frequent first', async () => {
    const all = await json<ProgramCombinations>('/api/coverage/combinations');
    expect(all.families).toBe(7);
    expect(all.truncated).toBe(false);
    expect(all.combinations[0]?.families).toBe(2);
    expect(combos(all)).toEqual([
      ['BLT Dana Desa + PKH 2026', 1],
      ['Bedah Rumah + Paket Usaha A + Sembako 2026', 1],
      ['Modal Usaha B + Paket Usaha A', 1],
      ['Modal Usaha B + Paket Usaha A + Sembako 2026', 1],
      ['Paket Usaha A + Sembako 2026', 2],
      ['Sembako 2026', 1],
    ]);
    const year2026 = await json<ProgramCombinations>('/api/coverage/combinations?year=2026');
    expect(year2026.families).toBe(7);
    expect(combos(year2026)).toEqual([
      ['BLT Dana Desa + PKH 2026', 1],
      ['Bedah Rumah + Paket Usaha A + Sembako 2026', 1],
      ['Modal Usaha B', 1],
      ['Modal Usaha B + Paket Usaha A + Sembako 2026', 1],
      ['Paket Usaha A + Sembako 2026', 1],
      ['Sembako 2026', 2],
    ]);
    expect((await json<ProgramCombinations>('/api/coverage/combinations?year=2024')).families).toBe(0);
  });

  it('drills down to the families of exactly one combination, masked and audited, in the user’s scope', async () => {
    const ids = [world.programs.usahaA, world.programs.sembako].join(',');
    const page = await json<Page<CoverageFamily>>(`/api/coverage/combinations/families?programs=${ids}`);
    expect(page.total).toBe(2);
    expect(labelsOf(page)).toEqual(['F11', 'F2']);
    expect(page.items[0]?.noKk).toBe(maskIdNumber(world.families.F11!.noKk));
    expect(JSON.stringify(page)).not.toContain(world.families.F11!.noKk);
    const scoped = await json<Page<CoverageFamily>>(`/api/coverage/combinations/families?programs=${ids}`, w.kepanjenPendamping);
    expect(labelsOf(scoped)).toEqual(['F2']);
    const audit = await w.db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'coverage_families').orderBy('id').execute();
    expect(audit[0]).toMatchObject({ action: 'view', details: { view: 'combination', page: 1 } });
    const bad = await w.pimpinan.get('/api/coverage/combinations/families?programs=bukan-id');
    expect(bad.statusCode).toBe(400);
  });

  it('counts desil 1–5 families that no program reached, per kecamatan and per village', async () => {
    const byKecamatan = await json<UntouchedCount[]>('/api/coverage/untouched');
    expect(byKecamatan.map((row) => [row.code, row.poorFamilies, row.untouched])).toEqual([['35.07.01', 3, 1], ['35.07.13', 6, 2]]);
    expect(byKecamatan[1]?.name).toBe('Kepanjen');
    const byVillage = await json<UntouchedCount[]>('/api/coverage/untouched?level=village');
    expect(byVillage.map((row) => [row.code, row.poorFamilies, row.untouched])).toEqual([
      ['35.07.01.2001', 2, 0], ['35.07.01.2002', 1, 1], ['35.07.13.2001', 3, 1], ['35.07.13.2002', 3, 1],
    ]);
    expect(byVillage[2]?.kecamatanName).toBe('Kepanjen');
    // In 2025 only F2 and F3 received something.
    const in2025 = await json<UntouchedCount[]>('/api/coverage/untouched?year=2025');
    expect(in2025.map((row) => [row.code, row.untouched])).toEqual([['35.07.01', 3], ['35.07.13', 4]]);
    const scoped = await json<UntouchedCount[]>('/api/coverage/untouched?level=village', w.kepanjenPendamping);
    expect(scoped.map((row) => row.code)).toEqual(['35.07.13.2001', '35.07.13.2002']);
    const outside = await w.kepanjenPendamping.get('/api/coverage/untouched?region=35.07.01');
    expect(outside.statusCode).toBe(403);
  });

  it('lists the untouched families by village, paged, and exports them only for roles that may export', async () => {
    const page = await json<Page<CoverageFamily>>('/api/coverage/untouched/families?pageSize=2');
    expect(page.total).toBe(3);
    expect(labelsOf(page)).toEqual(['F9', 'F6']);
    const second = await json<Page<CoverageFamily>>('/api/coverage/untouched/families?pageSize=2&page=2');
    expect(labelsOf(second)).toEqual(['F5']);
    expect((await json<Page<CoverageFamily>>('/api/coverage/untouched/families?region=35.07.13.2002')).total).toBe(1);

    expect((await w.pimpinan.get('/api/coverage/untouched/export')).statusCode).toBe(403);
    const file = await w.dinsosOperator.get('/api/coverage/untouched/export?region=35.07.13');
    expect(file.statusCode, file.body.slice(0, 200)).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.getWorksheet('Belum tersentuh')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.map((row) => [row[0], row[5], row[8]])).toEqual([
      ['No KK', 'Desa/kelurahan', 'Desil nasional'],
      [maskIdNumber(world.families.F6!.noKk), 'Kemiri', 1],
      [maskIdNumber(world.families.F5!.noKk), 'Sengguruh', 5],
    ]);
    const exported = await w.db.selectFrom('audit_log').select('details').where('entity', '=', 'coverage_untouched').where('action', '=', 'export').execute();
    expect(exported.map((row) => row.details)).toEqual([{ year: null, region: '35.07.13', format: 'xlsx', rows: 2 }]);
  });

  it('counts families reached per approach and per kecamatan', async () => {
    const coverage = await json<ApproachCoverage>('/api/coverage/approaches');
    expect(coverage.total).toEqual({ poorFamilies: 9, lowerSpending: 6, raiseIncome: 5, removePockets: 1, anyApproach: 7, allApproaches: 1 });
    expect(coverage.byKecamatan).toEqual([
      { code: '35.07.01', name: 'Donomulyo', poorFamilies: 3, lowerSpending: 3, raiseIncome: 2, removePockets: 1, anyApproach: 3, allApproaches: 1 },
      { code: '35.07.13', name: 'Kepanjen', poorFamilies: 6, lowerSpending: 3, raiseIncome: 3, removePockets: 0, anyApproach: 4, allApproaches: 0 },
    ]);
    // A regency installation breaks down per kecamatan as before.
    expect(coverage).toMatchObject({ area: { code: '35.07' }, parents: [], byAreaLevel: 3 });
    expect(coverage.byArea).toEqual(coverage.byKecamatan);
    const in2025 = await json<ApproachCoverage>('/api/coverage/approaches?year=2025');
    expect(in2025.total).toEqual({ poorFamilies: 9, lowerSpending: 0, raiseIncome: 2, removePockets: 0, anyApproach: 2, allApproaches: 0 });
    const scoped = await json<ApproachCoverage>('/api/coverage/approaches', w.kepanjenPendamping);
    expect(scoped.byKecamatan.map((row) => row.code)).toEqual(['35.07.13']);
  });
});
