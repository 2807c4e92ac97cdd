import { maskBirthDate, maskIdNumber } from '../mask.ts';
import { labelOf, type CodeList } from '../reference/code-list.ts';
import { DISABILITY_ITEMS } from '../reference/disability.ts';
import { ASSETS, BUSINESS_SECTORS, BUSINESS_STATUS_LABELS } from '../reference/economy.ts';
import {
  COOKING_FUELS, FLOOR_TYPES, HOUSE_OWNERSHIP, LIGHTING_SOURCES, ROOF_TYPES, TOILET_FACILITIES, WALL_TYPES, WATER_SOURCES,
} from '../reference/house.ts';
import {
  CHRONIC_ILLNESSES, EDUCATION_LEVELS, MARITAL_STATUSES, RELATIONS, SCHOOLING, SEXES, WORK_SECTORS, WORK_STATUSES,
} from '../reference/people.ts';
import { PPKS_CATEGORIES } from '../reference/ppks.ts';
import { SPECIAL_STATUSES } from '../reference/status.ts';
import { FAMILY_FIELD_LABELS, MEMBER_FIELD_LABELS, type FieldLabel } from '../registry-import/fields.ts';
import { FAMILY_FIELDS, MEMBER_FIELDS } from '../registry-import/types.ts';
import { MEMBER_STATUSES } from './membership.ts';

/**
 * Field-level change history as the registry records it (table registry_change): `{field: [old, new]}` with the
 * field names of the import contract (camelCase of the columns) and the values as the database holds them.
 */
export type ChangeEntity = 'family' | 'member';
export type ChangeValue = string | number | boolean | string[] | null;
export type FieldChanges = Record<string, [ChangeValue, ChangeValue]>;

type AnyCodeList = CodeList<string> | CodeList;

const FAMILY_VALUE_LISTS: Record<string, AnyCodeList> = {
  houseOwnership: HOUSE_OWNERSHIP,
  floorType: FLOOR_TYPES,
  wallType: WALL_TYPES,
  roofType: ROOF_TYPES,
  waterSource: WATER_SOURCES,
  lighting: LIGHTING_SOURCES,
  cookingFuel: COOKING_FUELS,
  toilet: TOILET_FACILITIES,
  assets: ASSETS,
  businessStatus: BUSINESS_STATUS_LABELS,
  businessSector: BUSINESS_SECTORS,
};

const MEMBER_VALUE_LISTS: Record<string, AnyCodeList> = {
  sex: SEXES,
  relation: RELATIONS,
  maritalStatus: MARITAL_STATUSES,
  schooling: SCHOOLING,
  education: EDUCATION_LEVELS,
  workStatus: WORK_STATUSES,
  workSector: WORK_SECTORS,
  disabilities: DISABILITY_ITEMS,
  chronicIllness: CHRONIC_ILLNESSES,
  ppks: PPKS_CATEGORIES,
  specialStatus: SPECIAL_STATUSES,
  status: MEMBER_STATUSES,
};

const EXTRA_MEMBER_LABELS: Record<string, FieldLabel> = {
  status: { id: 'Status keanggotaan', en: 'Membership status' },
};

/** The human name of a changed field; an unknown field (a future import column) shows as itself. */
export function changeFieldLabel(entity: ChangeEntity, field: string): FieldLabel {
  const labels: Record<string, FieldLabel> = entity === 'family' ? FAMILY_FIELD_LABELS : { ...MEMBER_FIELD_LABELS, ...EXTRA_MEMBER_LABELS };
  return labels[field] ?? { id: field, en: field };
}

const FIELD_ORDER: Record<ChangeEntity, readonly string[]> = { family: FAMILY_FIELDS, member: [...MEMBER_FIELDS, 'status'] };

/**
 * The changes in the order the record's form lists its fields (the database keeps JSON keys in its own order);
 * fields unknown to this version come last, by name.
 */
export function orderedFieldChanges(entity: ChangeEntity, changes: FieldChanges): [string, [ChangeValue, ChangeValue]][] {
  const order = FIELD_ORDER[entity];
  const rank = (field: string) => {
    const index = order.indexOf(field);
    return index === -1 ? order.length : index;
  };
  return Object.entries(changes).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Identity numbers and birth dates are personal data shown masked unless the viewer deliberately unmasks. */
const ID_NUMBER_FIELDS = new Set(['nik', 'noKk']);
const BIRTH_DATE_FIELDS = new Set(['birthDate']);

export function maskChangeValue(field: string, value: ChangeValue): ChangeValue {
  if (typeof value !== 'string') return value;
  if (ID_NUMBER_FIELDS.has(field)) return maskIdNumber(value);
  if (BIRTH_DATE_FIELDS.has(field)) return maskBirthDate(value);
  return value;
}

/** Every value of a change masked where its field needs it. */
export function maskFieldChanges(changes: FieldChanges): FieldChanges {
  return Object.fromEntries(Object.entries(changes).map(([field, [before, after]]) => [field, [maskChangeValue(field, before), maskChangeValue(field, after)]]));
}

const EMPTY = '—';

function labelFor(list: AnyCodeList, code: string | number, language: 'id' | 'en'): string {
  return labelOf(list as CodeList<string | number>, code, language) ?? String(code);
}

/** A recorded value as a person reads it: code labels instead of codes, units where the column has one. */
export function formatChangeValue(entity: ChangeEntity, field: string, value: ChangeValue, language: 'id' | 'en'): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return EMPTY;
  const list = (entity === 'family' ? FAMILY_VALUE_LISTS : MEMBER_VALUE_LISTS)[field];
  if (Array.isArray(value)) return value.map((code) => (list ? labelFor(list, code, language) : code)).join(', ');
  if (list && (typeof value === 'string' || typeof value === 'number')) return labelFor(list, value, language);
  if (typeof value === 'boolean') return value ? (language === 'id' ? 'ya' : 'yes') : language === 'id' ? 'tidak' : 'no';
  if (typeof value === 'number') {
    const number = value.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB');
    if (field === 'powerVa') return `${number} VA`;
    if (field === 'floorAreaM2') return `${number} m²`;
    if (field === 'businessTurnover') return `Rp${number}`;
    return number;
  }
  return value;
}

/** One line per change ("Desil nasional: 3 → 2"), values masked unless `unmasked`. */
export function describeFieldChanges(entity: ChangeEntity, changes: FieldChanges, language: 'id' | 'en', unmasked = false): string {
  const shown = unmasked ? changes : maskFieldChanges(changes);
  return orderedFieldChanges(entity, shown)
    .map(([field, [before, after]]) => {
      const label = changeFieldLabel(entity, field)[language];
      return `${label}: ${formatChangeValue(entity, field, before, language)} → ${formatChangeValue(entity, field, after, language)}`;
    })
    .join('; ');
}

function sameValue(a: unknown, b: unknown): boolean {
  const blank = (v: unknown) => v === null || v === undefined;
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  // Lists of codes are sets: the same codes in another order are no change.
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = new Set(a.map(String));
    const right = new Set(b.map(String));
    return left.size === right.size && [...left].every((item) => right.has(item));
  }
  return a === b;
}

/** The fields of `next` whose value differs from `current`, as `{field: [old, new]}`; fields absent from `next` are untouched. */
export function diffFields<T extends Record<string, ChangeValue>>(current: T, next: Partial<T>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, value] of Object.entries(next) as [string, ChangeValue | undefined][]) {
    if (value === undefined) continue;
    const before = current[field] ?? null;
    if (!sameValue(before, value)) changes[field] = [before, value];
  }
  return changes;
}
