import type { ApproachCoverage, UntouchedCount } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { insertFamilies, noKkAt } from '../programs/test-kit.ts';
import { provinceWorld, sumByLevel, type ProvinceWorld } from '../regions/province-test-world.ts';
import { insertCoverageWorld } from './test-world.ts';

/** The coverage world of Kabupaten Malang (see test-world.ts) plus three untouched desil 1–5 families in Kabupaten Lumajang. */
describe.each(testDatabaseKinds)('cross-program views of a province installation on %s', (kind) => {
  let w: ProvinceWorld;
  beforeAll(async () => {
    w = await provinceWorld(kind);
    await insertCoverageWorld(w.db, w.dinsos.id);
    const [l1, l2] = w.lumajangVillages;
    await insertFamilies(w.db, [[l1, 2], [l1, 9], [l2, 4], [l2, 5]].map(([village, desil], i) => ({
      villageCode: String(village), noKk: noKkAt(String(village), 900 + i), desil: Number(desil), business: 'none', headSex: 'P', headBirthDate: '1975-01-01',
    })));
  });
  afterAll(async () => w.t.close());

  const json = async <T>(url: string, client = w.pimpinan): Promise<T> => {
    const response = await client.get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };
  const counts = (rows: UntouchedCount[], level: number) => [sumByLevel(rows, level, (r) => r.poorFamilies), sumByLevel(rows, level, (r) => r.untouched)];

  it('counts untouched families per regency first, as the kecamatan and village rows add up', async () => {
    const byRegency = await json<UntouchedCount[]>('/api/coverage/untouched');
    expect(byRegency.map((r) => [r.code, r.name])).toEqual([['35.07', 'Kabupaten Malang'], ['35.08', 'Kabupaten Lumajang']]);
    expect(byRegency.find((r) => r.code === '35.08')).toMatchObject({ poorFamilies: 3, untouched: 3 });
    const byKecamatan = await json<UntouchedCount[]>('/api/coverage/untouched?level=kecamatan');
    const byVillage = await json<UntouchedCount[]>('/api/coverage/untouched?level=village');
    expect(counts(byKecamatan, 2)).toEqual(counts(byRegency, 2));
    expect(counts(byVillage, 2)).toEqual(counts(byRegency, 2));
    expect(byKecamatan).toHaveLength(4);
  });

  it('drills down from a regency to its kecamatan, then to the villages of one kecamatan', async () => {
    const malang = await json<UntouchedCount[]>('/api/coverage/untouched?region=35.07');
    const kecamatan = await json<UntouchedCount[]>('/api/coverage/untouched?level=kecamatan');
    expect(malang).toEqual(kecamatan.filter((r) => r.code.startsWith('35.07.')));
    const kepanjen = await json<UntouchedCount[]>('/api/coverage/untouched?region=35.07.13');
    expect(kepanjen.map((r) => r.code)).toEqual(['35.07.13.2001', '35.07.13.2002']);
    expect(counts(kepanjen, 3)).toEqual(counts(malang.filter((r) => r.code === '35.07.13'), 3));
  });

  it('rolls coverage per approach up to the regencies, and down to kecamatan inside one', async () => {
    const province = await json<ApproachCoverage>('/api/coverage/approaches');
    expect(province).toMatchObject({ area: { code: '35', level: 1 }, parents: [], byAreaLevel: 2 });
    expect(province.byArea.map((r) => r.name)).toEqual(['Kabupaten Malang', 'Kabupaten Lumajang']);
    for (const key of ['poorFamilies', 'lowerSpending', 'raiseIncome', 'removePockets', 'anyApproach', 'allApproaches'] as const) {
      expect(sumByLevel(province.byKecamatan, 2, (r) => r[key])).toEqual(sumByLevel(province.byArea, 2, (r) => r[key]));
    }
    expect(province.byArea.find((r) => r.code === '35.08')).toMatchObject({ poorFamilies: 3, anyApproach: 0 });
    const malang = await json<ApproachCoverage>('/api/coverage/approaches?region=35.07');
    expect(malang).toMatchObject({ area: { code: '35.07', name: 'Kabupaten Malang' }, parents: [{ code: '35' }], byAreaLevel: 3 });
    expect(malang.byArea).toEqual(malang.byKecamatan);
    expect(malang.byKecamatan).toEqual(province.byKecamatan.filter((r) => r.code.startsWith('35.07.')));
  });

  it('refuses a regency outside a kecamatan-scoped user’s scope', async () => {
    expect((await w.kepanjenOperator.get('/api/coverage/untouched?region=35.08')).statusCode).toBe(403);
    const own = await json<UntouchedCount[]>('/api/coverage/untouched', w.kepanjenOperator);
    expect(own.map((r) => r.code)).toEqual(['35.07']);
  });
});
