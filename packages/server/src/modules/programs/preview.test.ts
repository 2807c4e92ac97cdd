import { BUSINESS_PACKAGE_RULE, evaluateRule, HOUSE_RENOVATION_RULE, type EligibilityRule, type PreviewCount } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { loadEligibilityFamilies } from '../eligibility/queries.ts';
import { jurisdictionToday } from './context.ts';
import { PROGRAM_RECEIPT_TABLES } from './receipts.ts';
import { DONOMULYO, DONOMULYO_VILLAGES, insertFamilies, KEPANJEN, KEPANJEN_VILLAGES, noKkAt, programsWorld, type FamilySpec, type ProgramsWorld } from './test-kit.ts';

/** A small deterministic registry: every mix of desil, business, head age and sex, disability, and earlier receipts. */
function generatedFamilies(count: number, seed: number): FamilySpec[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const villages = [...KEPANJEN_VILLAGES, ...DONOMULYO_VILLAGES];
  return Array.from({ length: count }, (_, index) => {
    const villageCode = pick(villages);
    return {
      villageCode,
      noKk: noKkAt(villageCode, 5000 + index),
      desil: pick([1, 2, 3, 4, 5, 6, 8, null]),
      business: pick(['none', 'active', 'stalled', 'stalled'] as const),
      headSex: pick(['L', 'P'] as const),
      headBirthDate: `${pick([1950, 1966, 1967, 1980, 1995, 2007, 2008, 2010])}-${pick(['01-15', '06-30', '12-31'])}`,
      disabledMember: next() < 0.3,
      house: { ownership: pick([1, 1, 2]), floorType: pick([1, 3, 8]), floorAreaM2: pick([6, 12, 40]) },
    };
  });
}

const FEMALE_HEAD_IN_KEPANJEN: EligibilityRule = {
  version: 1,
  condition: {
    kind: 'all',
    conditions: [
      { kind: 'compare', field: 'kecamatanCode', op: '=', value: KEPANJEN },
      { kind: 'head', where: { kind: 'compare', field: 'sex', op: '=', value: 'P' } },
      { kind: 'countMembers', where: { kind: 'compare', field: 'disabilities', op: 'is not empty' }, op: '>=', value: 1 },
    ],
  },
};

describe.each(testDatabaseKinds)('preview count on %s', (kind) => {
  let w: ProgramsWorld;
  let ids: string[];
  beforeAll(async () => {
    w = await programsWorld(kind);
    ids = await insertFamilies(w.db, generatedFamilies(160, 7));
    // An earlier business package: some families received it this year (counts), some were only candidates or cancelled (do not).
    const earlier = await w.db.insertInto('program').values({
      agency_id: w.dinsos.id, name: 'Paket Usaha 2025', kind: 'business_package', approach: 'raise_income', period_from: '2025-01-01',
      period_to: '2026-12-31', funding_source: 'apbd', status: 'active',
    }).returning('id').executeTakeFirstOrThrow();
    const today = jurisdictionToday('35.07');
    await w.db.insertInto('program_enrolment').values(ids.slice(0, 45).map((familyId, index) => ({
      program_id: earlier.id, family_id: familyId, kecamatan_code: '35.07.13', village_code: '35.07.13.2001', source: 'targeting' as const,
      status: (['served', 'candidate', 'cancelled'] as const)[index % 3]!, served_at: index % 3 === 0 ? new Date(`${today}T05:00:00Z`) : null,
    }))).execute();
  });
  afterAll(async () => w.t.close());

  async function expectedCounts(rule: EligibilityRule, kecamatan: string[]): Promise<Record<string, number>> {
    const families = await loadEligibilityFamilies(w.db, ids, { programTables: PROGRAM_RECEIPT_TABLES });
    const context = { referenceDate: jurisdictionToday('35.07') };
    const counts: Record<string, number> = Object.fromEntries(kecamatan.map((code) => [code, 0]));
    for (const family of families) {
      if (family.kecamatanCode in counts && evaluateRule(rule, family, context)) counts[family.kecamatanCode] = (counts[family.kecamatanCode] ?? 0) + 1;
    }
    return counts;
  }

  const countsOf = (preview: PreviewCount, codes: string[]) => Object.fromEntries(preview.byKecamatan.filter((k) => codes.includes(k.code)).map((k) => [k.code, k.count]));

  it.each([
    ['business package', BUSINESS_PACKAGE_RULE],
    ['house renovation', HOUSE_RENOVATION_RULE],
    ['female head with a disabled member in Kepanjen', FEMALE_HEAD_IN_KEPANJEN],
  ])('counts exactly the families a TypeScript evaluation accepts: %s', async (_name, rule) => {
    const response = await w.dinsosOperator.post('/api/programs/preview-count', { rule });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json<PreviewCount>();
    const expected = await expectedCounts(rule, [KEPANJEN, DONOMULYO]);
    expect(countsOf(preview, [KEPANJEN, DONOMULYO])).toEqual(expected);
    expect(preview.total).toBe((expected[KEPANJEN] ?? 0) + (expected[DONOMULYO] ?? 0));
    expect(preview.total).toBeGreaterThan(0);
    expect(preview.byKecamatan.length).toBe(33);
    expect(preview.referenceDate).toBe(jurisdictionToday('35.07'));
  });

  it('ignores the edited program’s own receipts when told which program it is', async () => {
    const [earlier] = await w.db.selectFrom('program').select('id').where('name', '=', 'Paket Usaha 2025').execute();
    const plain = (await w.dinsosOperator.post('/api/programs/preview-count', { rule: BUSINESS_PACKAGE_RULE })).json<PreviewCount>();
    const own = (await w.dinsosOperator.post('/api/programs/preview-count', { rule: BUSINESS_PACKAGE_RULE, programId: earlier!.id })).json<PreviewCount>();
    expect(own.total).toBeGreaterThan(plain.total);
  });

  it('counts only the user’s scope, and refuses a region outside it', async () => {
    const preview = (await w.kepanjenPendamping.post('/api/programs/preview-count', { rule: BUSINESS_PACKAGE_RULE })).json<PreviewCount>();
    const expected = await expectedCounts(BUSINESS_PACKAGE_RULE, [KEPANJEN]);
    expect(preview.byKecamatan).toEqual([{ code: KEPANJEN, name: 'Kepanjen', count: expected[KEPANJEN] }]);
    expect(preview.total).toBe(expected[KEPANJEN]);
    const village = (await w.dinsosOperator.post('/api/programs/preview-count', { rule: BUSINESS_PACKAGE_RULE, region: KEPANJEN_VILLAGES[0] })).json<PreviewCount>();
    expect(village.byKecamatan).toHaveLength(1);
    expect(village.total).toBeLessThanOrEqual(expected[KEPANJEN] ?? 0);
    const outside = await w.kepanjenPendamping.post('/api/programs/preview-count', { rule: BUSINESS_PACKAGE_RULE, region: DONOMULYO });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'out_of_scope' });
  });

  it('answers an unfinished rule with every issue and its path, in English when asked', async () => {
    const response = await w.dinsosOperator.request({
      method: 'POST', url: '/api/programs/preview-count', headers: { 'accept-language': 'en' },
      payload: { rule: { version: 1, condition: { kind: 'compare', field: 'desilNational', op: 'between', value: [7] } } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'invalid_rule', message: 'The rule cannot be saved yet: 1 problems need fixing.', details: { issues: [{ path: ['condition', 'value'] }] },
    });
  });
});
