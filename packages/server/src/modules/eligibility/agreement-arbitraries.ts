import {
  RULE_FAMILY_FIELDS, RULE_MEMBER_FIELDS, ruleValueShape, type Condition, type EligibilityFamily, type EligibilityMember, type PathwayFacts, type PriorityKey,
  type PriorityOrder, type ReceiptPeriod, type RuleField, type RuleOperator, type RuleScalar, type RuleValue,
} from '@sinergi/domain';
import fc from 'fast-check';

/**
 * Generators for the SQL/TypeScript agreement test. Values come from small pools around the boundaries the rules
 * care about (desil 5/6, age 17/18 and 59/60 with birthdays on, before and after the reference date, empty lists,
 * missing values), so that generated rules and families meet at the edges instead of far from them.
 */

export const REFERENCE_DATES = ['2026-03-01', '2024-02-29', '2025-02-28', '2025-12-31', '2026-01-01'] as const;
export const PROGRAM_KINDS = ['business_package', 'training', 'cash_transfer'] as const;
export const RECEIPT_STATUSES = ['served', 'in_decree', 'cancelled'] as const;
export const COUNTED_STATUSES = ['served', 'in_decree'];

export interface Regions {
  villages: string[];
  kecamatan: string[];
}

export interface GeneratedReceipt {
  program: number;
  status: (typeof RECEIPT_STATUSES)[number];
  date: string | null;
}

/** A generated family before it has a database id; receipts point at programs by index. */
export interface GeneratedFamily extends Omit<EligibilityFamily, 'programs' | 'noKk' | 'kecamatanCode' | 'members' | 'pathway'> {
  pathway: PathwayFacts | null;
  members: Omit<EligibilityMember, 'name'>[];
  receipts: GeneratedReceipt[];
}

const NUMBER_POOLS: Record<string, number[]> = {
  desilNational: [1, 2, 4, 5, 6, 9, 10],
  desilProvince: [1, 5, 6, 10],
  desilRegency: [1, 3, 5, 6, 10],
  memberCount: [0, 1, 2, 3, 4, 5, 6],
  powerVa: [450, 900, 1300, 2200],
  floorAreaM2: [0, 7.2, 20, 36, 36.5, 50],
  floorAreaPerPerson: [0, 4.5, 7.2, 8, 9, 12.35],
  businessTurnover: [0, 500_000, 1_000_000, 2_500_000],
  age: [0, 5, 17, 18, 59, 60, 70],
  businessMonths: [0, 1, 11, 12, 13, 24],
  desilRise: [-1, 0, 1, 2],
};
const DATE_POOL = ['2025-06-30', '2025-10-01', '2026-01-01'];
const RECEIPT_DATES = ['2024-02-29', '2025-02-28', '2025-03-01', '2025-12-31', '2026-01-01', '2026-03-01', '2026-12-31'];
/** Business start days a month-end apart from the reference dates, so that "12 months" is decided on its edge. */
const BUSINESS_START_DATES = ['2024-01-31', '2024-02-29', '2024-03-01', '2025-01-31', '2025-02-28', '2025-03-01', '2025-03-31', '2025-12-31', '2026-01-31', '2026-03-02'];

function addDays(date: string, days: number): string {
  const moved = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return moved.toISOString().slice(0, 10);
}

function yearsBefore(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year - years, month, 0)).getUTCDate();
  return `${String(year - years).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 5 });
const codesOf = (field: RuleField) => (field.type === 'code' || field.type === 'codes' ? field.codes.map((item) => item.code) : []);
const familyField = (key: string) => RULE_FAMILY_FIELDS.find((field) => field.key === key)!;
const memberField = (key: string) => RULE_MEMBER_FIELDS.find((field) => field.key === key)!;
/** A few codes of a field plus one the code list does not know, as messy imports leave behind. */
const someCodes = (field: RuleField, count: number, stray?: number) => {
  const codes = codesOf(field).slice(0, count);
  return stray === undefined ? codes : [...codes, stray];
};

/** Birth dates on, just before and just after the birthdays that decide the ages in the pools, plus leap days. */
const birthDate = fc.oneof(
  fc.tuple(fc.constantFrom(...REFERENCE_DATES), fc.constantFrom(...NUMBER_POOLS.age!, 30, 45), fc.constantFrom(-1, 0, 1))
    .map(([reference, age, offset]) => addDays(yearsBefore(reference, age), offset)),
  fc.constantFrom('2000-02-29', '2004-02-29', '2008-02-29', '1966-03-01'),
  fc.integer({ min: 0, max: 90 * 365 }).map((days) => addDays('1936-01-01', days)),
);

const member: fc.Arbitrary<Omit<EligibilityMember, 'name'>> = fc.record({
  birthDate: nullable(birthDate),
  sex: fc.constantFrom(null, 'L', 'P'),
  relation: fc.constantFrom(null, 1, 1, 1, 2, 3, 3, 8),
  maritalStatus: nullable(fc.constantFrom(...someCodes(memberField('maritalStatus'), 4) as number[])),
  schooling: nullable(fc.constantFrom(1, 2, 3)),
  education: nullable(fc.constantFrom(0, 1, 2, 3)),
  workStatus: nullable(fc.constantFrom(0, 1, 4, 7, 99)),
  workSector: fc.constantFrom(null, '', 'perdagangan', 'pertanian_tanaman_pangan'),
  disabilities: fc.subarray(['penglihatan', 'berjalan_atau_naik_tangga', 'mengurus_diri']),
  chronicIllness: fc.constantFrom(null, '', 'hipertensi', 'diabetes'),
  ppks: fc.subarray(['penyandang_disabilitas', 'fakir_miskin', 'lanjut_usia_terlantar']),
  specialStatus: fc.subarray(['warga_binaan', 'hamil']),
});

export function familyArbitrary(regions: Regions): fc.Arbitrary<GeneratedFamily> {
  const houseCode = (key: string) => nullable(fc.constantFrom(...someCodes(familyField(key), 4, 99) as number[]));
  return fc.record({
    villageCode: fc.constantFrom(...regions.villages),
    memberCount: fc.integer({ min: 0, max: 6 }),
    desilNational: nullable(fc.constantFrom(...NUMBER_POOLS.desilNational!, 3, 7, 8)),
    desilProvince: nullable(fc.integer({ min: 1, max: 10 })),
    desilRegency: nullable(fc.constantFrom(...NUMBER_POOLS.desilRegency!)),
    houseOwnership: houseCode('houseOwnership'),
    floorType: houseCode('floorType'),
    wallType: houseCode('wallType'),
    roofType: houseCode('roofType'),
    waterSource: houseCode('waterSource'),
    lighting: houseCode('lighting'),
    powerVa: nullable(fc.constantFrom(450, 900, 1300, 2200, 3500)),
    cookingFuel: houseCode('cookingFuel'),
    toilet: houseCode('toilet'),
    floorAreaM2: nullable(fc.oneof(fc.constantFrom(0, 7.2, 14.4, 36, 36.5, 45), fc.integer({ min: 0, max: 2000 }).map((tenths) => tenths / 10))),
    assets: fc.subarray(['sepeda', 'sepeda_motor', 'lemari_es', 'sapi']),
    businessStatus: fc.constantFrom('none', 'active', 'stalled'),
    businessSector: fc.constantFrom(null, '', 'warung_kelontong', 'pertanian'),
    businessTurnover: nullable(fc.oneof(fc.constantFrom(...NUMBER_POOLS.businessTurnover!), fc.integer({ min: 0, max: 5_000_000 }))),
    dataDate: nullable(fc.constantFrom(...DATE_POOL, '2025-01-15')),
    members: fc.array(member, { maxLength: 5 }),
    pathway: fc.option(fc.record({
      businessStartedOn: nullable(fc.constantFrom(...BUSINESS_START_DATES)),
      baselineDesil: nullable(fc.constantFrom(1, 2, 4, 5, 6)),
    }), { nil: null, freq: 3 }),
    receipts: fc.array(
      fc.record({ program: fc.nat({ max: PROGRAM_KINDS.length - 1 }), status: fc.constantFrom(...RECEIPT_STATUSES), date: nullable(fc.constantFrom(...RECEIPT_DATES)) }),
      { maxLength: 3 },
    ),
  });
}

/** Values a rule may compare a field with: the pools above, the field's codes, or the regions in use. */
function poolOf(field: RuleField, regions: Regions): RuleScalar[] {
  switch (field.type) {
    case 'number':
      return NUMBER_POOLS[field.key] ?? [0, 1];
    case 'code':
    case 'codes':
      return codesOf(field).slice(0, 6);
    case 'region':
      return field.level === 'village' ? regions.villages : regions.kecamatan;
    case 'date':
      return DATE_POOL;
  }
}

function valueFor(field: RuleField, op: RuleOperator, regions: Regions): fc.Arbitrary<RuleValue | undefined> {
  const pool = poolOf(field, regions);
  switch (ruleValueShape(op)) {
    case 'none':
      return fc.constant(undefined);
    case 'single':
      return fc.constantFrom(...pool);
    case 'pair':
      return fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...pool)).map(([a, b]) => (a <= b ? [a, b] : [b, a]));
    case 'list':
      return fc.shuffledSubarray(pool, { minLength: 1, maxLength: Math.min(3, pool.length) });
  }
}

function compare(fields: readonly RuleField[], regions: Regions): fc.Arbitrary<Condition> {
  return fc.constantFrom(...fields).chain((field) =>
    fc.constantFrom(...field.operators).chain((op) =>
      valueFor(field, op, regions).map((value): Condition => (value === undefined ? { kind: 'compare', field: field.key, op } : { kind: 'compare', field: field.key, op, value }))));
}

const period: fc.Arbitrary<ReceiptPeriod> = fc.oneof(
  fc.constantFrom<ReceiptPeriod>('ever', 'this_year', { lastMonths: 12 }, { lastMonths: 1 }),
  fc.tuple(fc.constantFrom(...RECEIPT_DATES), fc.constantFrom(...RECEIPT_DATES)).map(([a, b]): ReceiptPeriod => (a <= b ? { from: a, to: b } : { from: b, to: a })),
);

function receivedProgram(programIds: readonly string[]): fc.Arbitrary<Condition> {
  return fc.record({
    kinds: fc.option(fc.shuffledSubarray([...PROGRAM_KINDS], { minLength: 1, maxLength: 2 }), { nil: undefined }),
    ids: fc.option(fc.shuffledSubarray([...programIds], { minLength: 1, maxLength: 2 }), { nil: undefined }),
    period,
  }).map(({ kinds, ids, period: when }): Condition => ({
    kind: 'receivedProgram', ...(kinds ? { programKinds: kinds } : {}), ...(ids ? { programIds: ids } : {}), period: when,
  }));
}

const countValue = fc.constantFrom('=', '!=', '<', '<=', '>', '>=', 'between' as const).chain((op) =>
  (op === 'between' ? fc.tuple(fc.nat(3), fc.nat(3)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]) : fc.nat(3)).map((value) => ({ op, value })));

/** Rules from the whole catalogue: groups, negation, member quantifiers, counts and program receipts. */
export function conditionArbitrary(regions: Regions, programIds: readonly string[]): fc.Arbitrary<Condition> {
  const { family } = fc.letrec<{ family: Condition; member: Condition }>((tie) => ({
    family: fc.oneof(
      { depthSize: 'small', maxDepth: 4, depthIdentifier: 'rule', withCrossShrink: true },
      compare(RULE_FAMILY_FIELDS, regions),
      receivedProgram(programIds),
      fc.array(tie('family'), { minLength: 1, maxLength: 3 }).map((conditions): Condition => ({ kind: 'all', conditions })),
      fc.array(tie('family'), { minLength: 1, maxLength: 3 }).map((conditions): Condition => ({ kind: 'any', conditions })),
      tie('family').map((condition): Condition => ({ kind: 'not', condition })),
      fc.tuple(fc.constantFrom('anyMember', 'allMembers', 'head' as const), tie('member')).map(([kind, where]): Condition => ({ kind, where })),
      fc.tuple(countValue, fc.option(tie('member'), { nil: undefined })).map(([count, where]): Condition => ({ kind: 'countMembers', ...count, ...(where ? { where } : {}) })),
    ),
    member: fc.oneof(
      { depthSize: 'small', maxDepth: 4, depthIdentifier: 'rule', withCrossShrink: true },
      compare(RULE_MEMBER_FIELDS, regions),
      fc.array(tie('member'), { minLength: 1, maxLength: 3 }).map((conditions): Condition => ({ kind: 'all', conditions })),
      fc.array(tie('member'), { minLength: 1, maxLength: 3 }).map((conditions): Condition => ({ kind: 'any', conditions })),
      tie('member').map((condition): Condition => ({ kind: 'not', condition })),
    ),
  }));
  return family;
}

export function priorityArbitrary(regions: Regions, programIds: readonly string[]): fc.Arbitrary<PriorityOrder> {
  const fieldKeys = RULE_FAMILY_FIELDS.filter((field) => field.type === 'number' && field.priorityRange).map((field) => field.key);
  const key: fc.Arbitrary<PriorityKey> = fc.oneof(
    fc.record({ kind: fc.constant('field' as const), field: fc.constantFrom(...fieldKeys), direction: fc.constantFrom('asc', 'desc' as const) }),
    fc.record({ kind: fc.constant('condition' as const), condition: conditionArbitrary(regions, programIds), direction: fc.constantFrom('asc', 'desc' as const) }),
  );
  return fc.array(key, { minLength: 1, maxLength: 3 }).map((keys) => ({ keys }));
}
