import type { Realisation, RealisationArea, RealisationKecamatan } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../../test/db.ts';
import { provinceWorld, sumByLevel, type ProvinceWorld } from '../../regions/province-test-world.ts';
import { insertFamilies, noKkAt } from '../test-kit.ts';

/**
 * A province-wide program: quotas Kepanjen 5 (Rp5 juta), Donomulyo 3, two Lumajang kecamatan 4 and 2; decreed families
 * Kepanjen 2, Donomulyo 1, Lumajang 1 + 1; Rp500.000 handed over to one Kepanjen and one Lumajang family.
 */
describe.each(testDatabaseKinds)('realisation of a province installation on %s', (kind) => {
  let w: ProvinceWorld;
  let programId: string;
  beforeAll(async () => {
    w = await provinceWorld(kind);
    const [l1, l2] = w.lumajangVillages;
    const program = await w.db.insertInto('program').values({
      agency_id: w.dinsos.id, name: 'Paket Usaha Jatim', kind: 'business_package', approach: 'raise_income', period_from: '2026-01-01', period_to: '2026-12-31',
      funding_source: 'apbd', status: 'active', target_families: 14,
    }).returning('id').executeTakeFirstOrThrow();
    programId = program.id;
    await w.db.insertInto('program_quota').values([
      { program_id: programId, kecamatan_code: '35.07.13', families: 5, units: null, money: 5_000_000 },
      { program_id: programId, kecamatan_code: '35.07.01', families: 3, units: null, money: null },
      { program_id: programId, kecamatan_code: l1.slice(0, 8), families: 4, units: null, money: null },
      { program_id: programId, kecamatan_code: l2.slice(0, 8), families: 2, units: null, money: null },
    ]).execute();
    const decree = await w.db.insertInto('program_decree').values({
      program_id: programId, number: '460/12/KPTS/2026', decree_date: '2026-03-02', signed_by: 'Gubernur Jawa Timur', kind: 'initial', enrolment_count: 5,
    }).returning('id').executeTakeFirstOrThrow();
    const villages = ['35.07.13.2001', '35.07.13.2002', '35.07.01.2001', l1, l2];
    const ids = await insertFamilies(w.db, villages.map((village, i) => ({
      villageCode: village, noKk: noKkAt(village, 700 + i), desil: 2, business: 'stalled', headSex: 'L', headBirthDate: '1979-02-02',
    })));
    const enrolments = await w.db.insertInto('program_enrolment').values(villages.map((village, i) => ({
      program_id: programId, family_id: ids[i]!, kecamatan_code: village.slice(0, 8), village_code: village, status: 'in_decree', source: 'targeting', rank: i + 1, decree_id: decree.id,
    }))).returning(['id', 'family_id', 'kecamatan_code', 'village_code']).execute();
    const stage = await w.db.insertInto('distribution_stage').values({
      program_id: programId, number: 1, name: 'Tahap 1', kind: 'cash', amount_per_family: 500_000, planned_from: null, planned_to: null, created_by: w.officerId,
    }).returning('id').executeTakeFirstOrThrow();
    await w.db.insertInto('distribution_handover').values([enrolments[0]!, enrolments[3]!].map((e, i) => ({
      program_id: programId, stage_id: stage.id, enrolment_id: e.id, family_id: e.family_id, kecamatan_code: e.kecamatan_code, village_code: e.village_code,
      client_key: `province-${i}`, handed_on: '2026-04-10', officer_id: w.officerId, amount: 500_000, people: 1, latitude: null, longitude: null, accuracy_m: null,
      note: null, recorded_by: w.officerId,
    }))).execute();
  });
  afterAll(async () => w.t.close());

  const realisation = async (query = '') => {
    const response = await w.pimpinan.get(`/api/programs/${programId}/realisation${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Realisation>();
  };
  const rowsOf = (rows: (RealisationKecamatan | RealisationArea)[]) => rows.map((row) => ('code' in row ? row : { ...row, code: row.kecamatanCode }));
  const sums = (rows: (RealisationKecamatan | RealisationArea)[], level: number) => [
    sumByLevel(rowsOf(rows), level, (r) => r.target.families ?? 0), sumByLevel(rowsOf(rows), level, (r) => r.decreed),
    sumByLevel(rowsOf(rows), level, (r) => r.realised.families), sumByLevel(rowsOf(rows), level, (r) => r.realised.money),
  ];

  it('breaks the province down per regency, each the sum of its kecamatan quotas and realisation', async () => {
    const r = await realisation();
    expect(r).toMatchObject({ area: { code: '35', level: 1 }, parents: [], byAreaLevel: 2, decreed: 5 });
    expect(r.target.families).toBe(14);
    expect(r.byArea.map((row) => [row.code, row.name, row.target.families, row.decreed, row.realised.families])).toEqual([
      ['35.07', 'Kabupaten Malang', 8, 3, 1],
      ['35.08', 'Kabupaten Lumajang', 6, 2, 1],
    ]);
    expect(r.byArea[0]!.target.money).toBe(5_000_000);
    expect(r.byArea[1]!.target.money).toBeNull();
    expect(sums(r.byArea, 2)).toEqual(sums(r.byKecamatan, 2));
  });

  it('drills down to one regency: its kecamatan, its quotas as the target, the province as the way back', async () => {
    const whole = await realisation();
    const malang = await realisation('?area=35.07');
    expect(malang).toMatchObject({ area: { code: '35.07', name: 'Kabupaten Malang', level: 2 }, parents: [{ code: '35' }], byAreaLevel: 3, decreed: 3 });
    expect(malang.target).toEqual({ families: 8, people: null, money: 5_000_000, units: null });
    expect(malang.realised).toEqual({ families: 1, people: 1, money: 500_000, units: 0 });
    expect(malang.byKecamatan).toEqual(whole.byKecamatan.filter((row) => row.kecamatanCode.startsWith('35.07.')));
    expect(malang.byArea.map((row) => row.code)).toEqual(malang.byKecamatan.map((row) => row.kecamatanCode));
  });

  it('refuses an area outside the jurisdiction or the user’s scope', async () => {
    expect((await w.pimpinan.get(`/api/programs/${programId}/realisation?area=36.01`)).statusCode).toBe(400);
    expect((await w.kepanjenOperator.get(`/api/programs/${programId}/realisation?area=35.08`)).statusCode).toBe(403);
  });
});
