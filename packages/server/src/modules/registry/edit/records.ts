import type { ChangeValue, FamilyEditable, FieldChanges, MemberEditable } from '@sinergi/domain';
import type { Selectable } from 'kysely';
import type { FamilyTable, MemberTable } from '../../../db/schema/index.ts';

/** Editable fields and the columns that hold them; field names are those of the change history. */
export const FAMILY_EDIT_COLUMNS = {
  noKk: 'no_kk',
  villageCode: 'village_code',
  address: 'address',
  rt: 'rt',
  rw: 'rw',
  dusun: 'dusun',
  desilNational: 'desil_national',
  desilProvince: 'desil_province',
  desilRegency: 'desil_regency',
  houseOwnership: 'house_ownership',
  floorType: 'floor_type',
  wallType: 'wall_type',
  roofType: 'roof_type',
  waterSource: 'water_source',
  lighting: 'lighting',
  powerVa: 'power_va',
  cookingFuel: 'cooking_fuel',
  toilet: 'toilet',
  floorAreaM2: 'floor_area_m2',
  assets: 'assets',
  businessStatus: 'business_status',
  businessSector: 'business_sector',
  businessTurnover: 'business_turnover',
  dataDate: 'data_date',
} as const satisfies Record<keyof FamilyEditable, keyof FamilyTable>;

export const MEMBER_EDIT_COLUMNS = {
  nik: 'nik',
  name: 'name',
  birthDate: 'birth_date',
  sex: 'sex',
  relation: 'relation',
  maritalStatus: 'marital_status',
  schooling: 'schooling',
  education: 'education',
  workStatus: 'work_status',
  workSector: 'work_sector',
  disabilities: 'disabilities',
  chronicIllness: 'chronic_illness',
  ppks: 'ppks',
  specialStatus: 'special_status',
} as const satisfies Record<keyof MemberEditable, keyof MemberTable>;

type ColumnMap = Record<string, string>;

/** A row's editable values under their field names. */
function fieldsOf(row: object, columns: ColumnMap): Record<string, ChangeValue> {
  const values = row as Record<string, ChangeValue>;
  return Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, values[column] ?? null]));
}

export const familyFields = (row: Selectable<FamilyTable>) => fieldsOf(row, FAMILY_EDIT_COLUMNS);
export const memberFields = (row: Selectable<MemberTable>) => fieldsOf(row, MEMBER_EDIT_COLUMNS);

/** The new values of the changed fields, keyed by column, ready for an UPDATE. */
export function columnValues(changes: FieldChanges, columns: ColumnMap): Record<string, ChangeValue> {
  const values: Record<string, ChangeValue> = {};
  for (const [field, [, after]] of Object.entries(changes)) {
    const column = columns[field];
    if (column) values[column] = after;
  }
  return values;
}

/** A blank text (an emptied form field) is stored as no value. */
export function blanksToNull<T extends object>(changes: T): T {
  return Object.fromEntries(Object.entries(changes).map(([field, value]) => [field, value === '' ? null : (value as unknown)])) as T;
}
