import type { Page, RenovationListItem, RenovationStage, RenovationSummary } from '@sinergi/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { makeFamily } from '../../../test/family-factories.ts';
import { provinceWorld, sumByLevel, type ProvinceWorld } from '../regions/province-test-world.ts';

/**
 * Targets 2026: Kepanjen 10, Donomulyo 5, first Lumajang kecamatan 7 (second none). Houses 2026: Kepanjen completed ×2 and
 * in progress, Donomulyo proposed, Lumajang completed in each kecamatan.
 */
describe.each(testDatabaseKinds)('renovation summary of a province installation on %s', (kind) => {
  let w: ProvinceWorld;
  beforeAll(async () => {
    w = await provinceWorld(kind);
    const [l1, l2] = w.lumajangVillages;
    const target = await w.perkimOperator.put('/api/renovations/targets/2026', {
      units: 900, kecamatan: [{ kecamatanCode: '35.07.13', units: 10 }, { kecamatanCode: '35.07.01', units: 5 }, { kecamatanCode: l1.slice(0, 8), units: 7 }],
    });
    expect(target.statusCode, target.body).toBe(200);
    const houses: [string, RenovationStage][] = [
      ['35.07.13.2001', 'completed'], ['35.07.13.2002', 'completed'], ['35.07.13.2001', 'in_progress'], ['35.07.01.2001', 'proposed'], [l1, 'completed'], [l2, 'completed'],
    ];
    for (const [index, [village, stage]] of houses.entries()) {
      const family = await makeFamily(w.db, { villageCode: village, headName: `Rumah ${index + 1}` });
      await w.db.insertInto('renovation_house').values({ family_id: family.id, village_code: village, agency_id: w.perkim.id, year: 2026, stage, source: 'registry' }).execute();
    }
  });
  afterAll(async () => w.t.close());

  const summary = async (query = '') => {
    const response = await w.pimpinan.get(`/api/renovations/summary?year=2026${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<RenovationSummary>();
  };
  const kecamatanRows = (s: RenovationSummary) => s.byKecamatan.map((row) => ({ ...row, code: row.kecamatanCode }));

  it('rolls target and realisation up to the regencies, as their kecamatan add up', async () => {
    const s = await summary();
    expect(s).toMatchObject({ target: 900, completed: 4, byAreaLevel: 2, area: { code: '35' }, parents: [] });
    expect(s.byArea).toEqual([
      { code: '35.07', name: 'Kabupaten Malang', target: 15, completed: 2, inProgress: 1, pipeline: 2 },
      { code: '35.08', name: 'Kabupaten Lumajang', target: 7, completed: 2, inProgress: 0, pipeline: 0 },
    ]);
    for (const key of ['completed', 'inProgress', 'pipeline', 'target'] as const) {
      expect(sumByLevel(kecamatanRows(s), 2, (r) => r[key] ?? 0)).toEqual(sumByLevel(s.byArea, 2, (r) => r[key] ?? 0));
    }
  });

  it('drills down to one regency with the sum of its kecamatan targets', async () => {
    const whole = await summary();
    const malang = await summary('&area=35.07');
    expect(malang).toMatchObject({ target: 15, completed: 2, byAreaLevel: 3, area: { code: '35.07', level: 2 }, parents: [{ code: '35', name: 'Jawa Timur' }] });
    expect(malang.byKecamatan).toEqual(whole.byKecamatan.filter((row) => row.kecamatanCode.startsWith('35.07.')));
    expect(malang.byArea.map((row) => [row.code, row.completed])).toEqual(malang.byKecamatan.map((row) => [row.kecamatanCode, row.completed]));
  });

  it('lists the houses of one regency when the list is narrowed to it', async () => {
    const list = async (area: string) => {
      const response = await w.pimpinan.get(`/api/renovations?year=2026&area=${area}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Page<RenovationListItem>>().items.map((house) => house.villageCode).sort();
    };
    expect(await list('35.08')).toEqual([...w.lumajangVillages].sort());
    expect(await list('35.07')).toEqual(['35.07.01.2001', '35.07.13.2001', '35.07.13.2001', '35.07.13.2002']);
  });

  it('names the regency of every kecamatan and house in the XLSX report', async () => {
    const response = await w.pimpinan.get('/api/renovations/report?year=2026');
    expect(response.statusCode, response.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const perKecamatan = workbook.worksheets[0]!;
    expect(perKecamatan.getRow(1).values).toContain('Kabupaten/kota');
    const regencies = perKecamatan.getColumn(2).values.slice(2).filter(Boolean);
    expect(regencies).toEqual(['Kabupaten Malang', 'Kabupaten Malang', 'Kabupaten Lumajang', 'Kabupaten Lumajang']);
    const houses = workbook.worksheets[2]!;
    const regencyColumn = (houses.getRow(1).values as unknown[]).indexOf('Kabupaten/kota');
    expect(houses.getColumn(regencyColumn).values.slice(2)).toEqual(['Kabupaten Malang', 'Kabupaten Malang', 'Kabupaten Malang', 'Kabupaten Malang', 'Kabupaten Lumajang', 'Kabupaten Lumajang']);
  });
});
