import {
  ASSETS, BUSINESS_SECTORS, BUSINESS_STATUS_LABELS, CHRONIC_ILLNESSES, COOKING_FUELS, DISABILITY_ITEMS, EDUCATION_LEVELS, FLOOR_TYPES,
  HOUSE_OWNERSHIP, LIGHTING_SOURCES, MARITAL_STATUSES, PPKS_CATEGORIES, RELATION, RELATIONS, ROOF_TYPES, SCHOOLING, SEXES, SPECIAL_STATUSES,
  TOILET_FACILITIES, WALL_TYPES, WATER_SOURCES, WORK_SECTORS, WORK_STATUSES, type CodeList,
} from '../reference/index.ts';
import type { LocalText, RuleOperator } from './ast.ts';
import { ageAt, monthsBetween } from './dates.ts';
import type { EligibilityFamily, EligibilityMember } from './subject.ts';

/**
 * The catalogue of what a rule may talk about. It is the only source of SQL in compiled rules:
 * a rule names a field by key, and the compiler takes the expression from here.
 */

export type FieldScope = 'family' | 'member';
export type FieldType = 'number' | 'code' | 'codes' | 'region' | 'date';
export type FieldValue = number | string | readonly string[] | null;

export const FIELD_GROUPS = {
  welfare: { id: 'Kesejahteraan', en: 'Welfare' },
  region: { id: 'Wilayah', en: 'Region' },
  house: { id: 'Rumah', en: 'House' },
  economy: { id: 'Usaha dan aset', en: 'Business and assets' },
  person: { id: 'Data diri', en: 'Personal data' },
  work: { id: 'Pendidikan dan pekerjaan', en: 'Education and work' },
  vulnerability: { id: 'Kerentanan', en: 'Vulnerability' },
  record: { id: 'Data', en: 'Record' },
} as const satisfies Record<string, LocalText>;
export type FieldGroup = keyof typeof FIELD_GROUPS;

interface FieldBase<S> {
  key: string;
  scope: FieldScope;
  group: FieldGroup;
  label: LocalText;
  /** SQL over alias `f` (family) or `m` (member); trusted text, never built from user input. */
  sql: string;
  nullable: boolean;
  operators: readonly RuleOperator[];
  read: (subject: S, referenceDate: string) => FieldValue;
}
export interface NumberField<S = never> extends FieldBase<S> {
  type: 'number';
  sqlType: 'integer' | 'bigint' | 'numeric';
  decimals: number;
  min: number;
  max: number;
  unit?: { id: string; en: string; prefix?: boolean };
  /** Integer range used for the priority score (values are floored and clamped into it); absent = not a priority key. */
  priorityRange?: readonly [number, number];
  /** Counts things (people): "paling sedikit/banyak" rather than "paling rendah/tinggi". */
  countable?: boolean;
  /** Compiled as birth-date cutoffs instead of an age expression. */
  ageFromBirthDate?: boolean;
  /** `sql` is a date; the value is the whole months from it to the reference date (PostgreSQL age()). */
  monthsSinceDate?: boolean;
}
export interface CodeField<S = never> extends FieldBase<S> {
  type: 'code';
  sqlType: 'integer' | 'text';
  codes: CodeList<string | number>;
}
export interface CodesField<S = never> extends FieldBase<S> {
  type: 'codes';
  sqlType: 'text';
  codes: CodeList<string>;
}
export interface RegionField<S = never> extends FieldBase<S> {
  type: 'region';
  sqlType: 'text';
  level: 'kecamatan' | 'village';
}
export interface DateField<S = never> extends FieldBase<S> {
  type: 'date';
  sqlType: 'date';
}
export type RuleField<S = never> = NumberField<S> | CodeField<S> | CodesField<S> | RegionField<S> | DateField<S>;

const EMPTINESS: readonly RuleOperator[] = ['is empty', 'is not empty'];
const ORDERED: readonly RuleOperator[] = ['=', '!=', '<', '<=', '>', '>=', 'between'];
const MEMBERSHIP: readonly RuleOperator[] = ['=', '!=', 'in', 'not in'];

function operatorsFor(type: FieldType, nullable: boolean): readonly RuleOperator[] {
  const emptiness = nullable ? EMPTINESS : [];
  switch (type) {
    case 'number':
      return [...ORDERED, 'in', 'not in', ...emptiness];
    case 'date':
      return [...ORDERED, ...emptiness];
    case 'code':
      return [...MEMBERSHIP, ...emptiness];
    case 'region':
      return MEMBERSHIP;
    case 'codes':
      return ['contains', 'not contains', 'contains any', ...EMPTINESS];
  }
}

type Spec<F> = F extends RuleField<infer S> ? Omit<F, 'operators' | 'scope' | 'read'> & { read: (subject: S, referenceDate: string) => FieldValue } : never;

function define<S>(scope: FieldScope, specs: Spec<RuleField<S>>[]): RuleField<S>[] {
  return specs.map((spec) => ({ ...spec, scope, operators: operatorsFor(spec.type, spec.nullable) }));
}

/** Rounds floor area per person to 0.01 m² exactly as PostgreSQL's round(numeric, 2) does (half away from zero). */
export function floorAreaPerPerson(floorAreaM2: number | null, memberCount: number): number | null {
  if (floorAreaM2 === null || memberCount === 0) return null;
  const tenths = Math.round(floorAreaM2 * 10);
  const count = Math.abs(memberCount);
  const hundredths = Math.floor((2 * Math.abs(tenths) * 10 + count) / (2 * count));
  return (Math.sign(tenths) * Math.sign(memberCount) * hundredths) / 100;
}

const blankToNull = (value: string | null): string | null => (value === '' ? null : value);
const desil = (key: 'desilNational' | 'desilProvince' | 'desilRegency', column: string, label: LocalText): Spec<NumberField<EligibilityFamily>> => ({
  key, type: 'number', group: 'welfare', label, sql: `f.${column}`, sqlType: 'integer', nullable: true, decimals: 0, min: 1, max: 10,
  priorityRange: [1, 10], read: (f) => f[key],
});
type HouseKey = 'houseOwnership' | 'floorType' | 'wallType' | 'roofType' | 'waterSource' | 'lighting' | 'cookingFuel' | 'toilet';
const house = (key: HouseKey, column: string, label: LocalText, codes: CodeList): Spec<CodeField<EligibilityFamily>> => ({
  key, type: 'code', group: 'house', label, sql: `f.${column}`, sqlType: 'integer', nullable: true, codes, read: (f) => f[key],
});

export const RULE_FAMILY_FIELDS: readonly RuleField<EligibilityFamily>[] = define<EligibilityFamily>('family', [
  desil('desilNational', 'desil_national', { id: 'Desil nasional', en: 'National decile' }),
  desil('desilProvince', 'desil_province', { id: 'Desil provinsi', en: 'Provincial decile' }),
  desil('desilRegency', 'desil_regency', { id: 'Desil kabupaten/kota', en: 'Regency decile' }),
  {
    key: 'memberCount', type: 'number', group: 'welfare', label: { id: 'Jumlah anggota keluarga', en: 'Number of family members' },
    sql: 'f.member_count', sqlType: 'integer', nullable: false, decimals: 0, min: 0, max: 99, priorityRange: [0, 20], countable: true,
    unit: { id: 'orang', en: 'people' }, read: (f) => f.memberCount,
  },
  {
    key: 'kecamatanCode', type: 'region', group: 'region', label: { id: 'Kecamatan', en: 'District (kecamatan)' },
    sql: 'f.kecamatan_code', sqlType: 'text', nullable: false, level: 'kecamatan', read: (f) => f.kecamatanCode,
  },
  {
    key: 'villageCode', type: 'region', group: 'region', label: { id: 'Desa/kelurahan', en: 'Village' },
    sql: 'f.village_code', sqlType: 'text', nullable: false, level: 'village', read: (f) => f.villageCode,
  },
  house('houseOwnership', 'house_ownership', { id: 'Status kepemilikan rumah', en: 'House ownership' }, HOUSE_OWNERSHIP),
  house('floorType', 'floor_type', { id: 'Jenis lantai terluas', en: 'Main floor material' }, FLOOR_TYPES),
  house('wallType', 'wall_type', { id: 'Jenis dinding terluas', en: 'Main wall material' }, WALL_TYPES),
  house('roofType', 'roof_type', { id: 'Jenis atap terluas', en: 'Main roof material' }, ROOF_TYPES),
  house('waterSource', 'water_source', { id: 'Sumber air minum utama', en: 'Main drinking water source' }, WATER_SOURCES),
  house('lighting', 'lighting', { id: 'Sumber penerangan utama', en: 'Main lighting source' }, LIGHTING_SOURCES),
  house('cookingFuel', 'cooking_fuel', { id: 'Bahan bakar utama memasak', en: 'Main cooking fuel' }, COOKING_FUELS),
  house('toilet', 'toilet', { id: 'Fasilitas buang air besar', en: 'Toilet facility' }, TOILET_FACILITIES),
  {
    key: 'powerVa', type: 'number', group: 'house', label: { id: 'Daya listrik terpasang', en: 'Installed electric power' },
    sql: 'f.power_va', sqlType: 'integer', nullable: true, decimals: 0, min: 0, max: 1_000_000, unit: { id: 'VA', en: 'VA' },
    read: (f) => f.powerVa,
  },
  {
    key: 'floorAreaM2', type: 'number', group: 'house', label: { id: 'Luas lantai', en: 'Floor area' },
    sql: 'f.floor_area_m2', sqlType: 'numeric', nullable: true, decimals: 1, min: 0, max: 99_999.9, unit: { id: 'm²', en: 'm²' },
    read: (f) => f.floorAreaM2,
  },
  {
    key: 'floorAreaPerPerson', type: 'number', group: 'house', label: { id: 'Luas lantai per orang', en: 'Floor area per person' },
    sql: 'round(f.floor_area_m2 / NULLIF(f.member_count, 0), 2)', sqlType: 'numeric', nullable: true, decimals: 2, min: 0, max: 99_999.9,
    unit: { id: 'm²', en: 'm²' }, priorityRange: [0, 30], read: (f) => floorAreaPerPerson(f.floorAreaM2, f.memberCount),
  },
  {
    key: 'assets', type: 'codes', group: 'economy', label: { id: 'Aset yang dimiliki', en: 'Assets owned' },
    sql: 'f.assets', sqlType: 'text', nullable: false, codes: ASSETS, read: (f) => f.assets,
  },
  {
    key: 'businessStatus', type: 'code', group: 'economy', label: { id: 'Status usaha keluarga', en: 'Family business status' },
    sql: 'f.business_status', sqlType: 'text', nullable: false, codes: BUSINESS_STATUS_LABELS, read: (f) => f.businessStatus,
  },
  {
    key: 'businessSector', type: 'code', group: 'economy', label: { id: 'Bidang usaha', en: 'Business sector' },
    sql: "NULLIF(f.business_sector, '')", sqlType: 'text', nullable: true, codes: BUSINESS_SECTORS, read: (f) => blankToNull(f.businessSector),
  },
  {
    key: 'businessTurnover', type: 'number', group: 'economy', label: { id: 'Omzet usaha per bulan', en: 'Monthly business turnover' },
    sql: 'f.business_turnover', sqlType: 'bigint', nullable: true, decimals: 0, min: 0, max: 1_000_000_000_000,
    unit: { id: 'Rp', en: 'IDR', prefix: true }, read: (f) => f.businessTurnover,
  },
  // From the family's way out of poverty (modules/pathways): graduation criteria talk about these.
  {
    key: 'businessMonths', type: 'number', group: 'economy', label: { id: 'Lama usaha berjalan', en: 'Months the business has run' },
    sql: '(SELECT fp.business_started_on FROM family_pathway fp WHERE fp.family_id = f.id)', sqlType: 'integer', nullable: true,
    decimals: 0, min: 0, max: 1200, unit: { id: 'bulan', en: 'months' }, monthsSinceDate: true,
    read: (f, referenceDate) => {
      const started = f.pathway?.businessStartedOn ?? null;
      return started === null ? null : monthsBetween(started, referenceDate);
    },
  },
  {
    key: 'desilRise', type: 'number', group: 'welfare', label: { id: 'Kenaikan desil nasional sejak masuk jalur', en: 'National decile rise since entering the pathway' },
    sql: '(f.desil_national - (SELECT fp.baseline_desil FROM family_pathway fp WHERE fp.family_id = f.id))', sqlType: 'integer', nullable: true,
    decimals: 0, min: -9, max: 9,
    read: (f) => {
      const baseline = f.pathway?.baselineDesil ?? null;
      return baseline === null || f.desilNational === null ? null : f.desilNational - baseline;
    },
  },
  {
    key: 'dataDate', type: 'date', group: 'record', label: { id: 'Tanggal data', en: 'Data date' },
    sql: 'f.data_date', sqlType: 'date', nullable: true, read: (f) => f.dataDate,
  },
]);

type MemberCodeKey = 'relation' | 'maritalStatus' | 'schooling' | 'education' | 'workStatus';
const memberCode = (key: MemberCodeKey, column: string, group: FieldGroup, label: LocalText, codes: CodeList): Spec<CodeField<EligibilityMember>> => ({
  key, type: 'code', group, label, sql: `m.${column}`, sqlType: 'integer', nullable: true, codes, read: (m) => m[key],
});
const memberCodes = (key: 'disabilities' | 'ppks' | 'specialStatus', column: string, label: LocalText, codes: CodeList<string>): Spec<CodesField<EligibilityMember>> => ({
  key, type: 'codes', group: 'vulnerability', label, sql: `m.${column}`, sqlType: 'text', nullable: false, codes, read: (m) => m[key],
});

export const RULE_MEMBER_FIELDS: readonly RuleField<EligibilityMember>[] = define<EligibilityMember>('member', [
  {
    key: 'age', type: 'number', group: 'person', label: { id: 'Umur', en: 'Age' }, sql: 'm.birth_date', sqlType: 'integer', nullable: true,
    decimals: 0, min: 0, max: 150, unit: { id: 'tahun', en: 'years' }, ageFromBirthDate: true,
    read: (m, referenceDate) => (m.birthDate === null ? null : ageAt(m.birthDate, referenceDate)),
  },
  {
    key: 'sex', type: 'code', group: 'person', label: { id: 'Jenis kelamin', en: 'Sex' }, sql: 'm.sex', sqlType: 'text', nullable: true,
    codes: SEXES, read: (m) => m.sex,
  },
  memberCode('relation', 'relation', 'person', { id: 'Hubungan dengan kepala keluarga', en: 'Relation to the head of family' }, RELATIONS),
  memberCode('maritalStatus', 'marital_status', 'person', { id: 'Status perkawinan', en: 'Marital status' }, MARITAL_STATUSES),
  memberCode('schooling', 'schooling', 'work', { id: 'Partisipasi sekolah', en: 'School participation' }, SCHOOLING),
  memberCode('education', 'education', 'work', { id: 'Ijazah tertinggi', en: 'Highest certificate' }, EDUCATION_LEVELS),
  memberCode('workStatus', 'work_status', 'work', { id: 'Status pekerjaan', en: 'Work status' }, WORK_STATUSES),
  {
    key: 'workSector', type: 'code', group: 'work', label: { id: 'Lapangan usaha pekerjaan utama', en: 'Sector of main work' },
    sql: "NULLIF(m.work_sector, '')", sqlType: 'text', nullable: true, codes: WORK_SECTORS, read: (m) => blankToNull(m.workSector),
  },
  memberCodes('disabilities', 'disabilities', { id: 'Disabilitas (kesulitan fungsional)', en: 'Disabilities (functional difficulties)' }, DISABILITY_ITEMS),
  {
    key: 'chronicIllness', type: 'code', group: 'vulnerability', label: { id: 'Penyakit kronis', en: 'Chronic illness' },
    sql: "NULLIF(m.chronic_illness, '')", sqlType: 'text', nullable: true, codes: CHRONIC_ILLNESSES, read: (m) => blankToNull(m.chronicIllness),
  },
  memberCodes('ppks', 'ppks', { id: 'Kategori PPKS', en: 'PPKS category' }, PPKS_CATEGORIES),
  memberCodes('specialStatus', 'special_status', { id: 'Status khusus', en: 'Special status' }, SPECIAL_STATUSES),
]);

const familyByKey = new Map(RULE_FAMILY_FIELDS.map((field) => [field.key, field]));
const memberByKey = new Map(RULE_MEMBER_FIELDS.map((field) => [field.key, field]));

export function familyRuleField(key: string): RuleField<EligibilityFamily> | undefined {
  return familyByKey.get(key);
}

export function memberRuleField(key: string): RuleField<EligibilityMember> | undefined {
  return memberByKey.get(key);
}

/** The member relation code that marks the head of family. */
export const HEAD_OF_FAMILY_RELATION: number = RELATION.head;

/** Lets a member count be validated and phrased like a number field ("paling sedikit 2"). */
export const MEMBER_COUNT_FIELD: NumberField = {
  key: 'count', scope: 'family', group: 'welfare', type: 'number', label: { id: 'Jumlah anggota', en: 'Member count' }, sql: '', sqlType: 'bigint',
  nullable: false, operators: [], decimals: 0, min: 0, max: 99, countable: true, read: () => null,
};
