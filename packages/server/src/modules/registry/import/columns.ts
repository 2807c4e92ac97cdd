import type { ColumnMapping, FamilyField, FamilyRecord, MemberField, MemberRecord } from '@sinergi/domain';

/** One registry column the import writes: the record field it comes from and the mapped fields that feed it. */
export interface MergeColumn<R> {
  field: keyof R & string;
  column: string;
  /** The column is merged only when one of these fields has a source column; others keep what the registry holds. */
  mappedBy: readonly string[];
}

const VILLAGE_PARTS: readonly FamilyField[] = ['villageCode', 'provinceCode', 'regencyCode', 'kecamatanCode', 'villageLocalCode'];

const one = <R>(field: keyof R & string, column: string): MergeColumn<R> => ({ field, column, mappedBy: [field] });

/** Family columns in staging order (after batch_id, chunk_no, row_number, no_kk). */
export const FAMILY_COLUMNS: readonly MergeColumn<FamilyRecord>[] = [
  { field: 'villageCode', column: 'village_code', mappedBy: VILLAGE_PARTS },
  one('address', 'address'),
  one('rt', 'rt'),
  one('rw', 'rw'),
  one('dusun', 'dusun'),
  one('headName', 'head_name'),
  one('memberCount', 'member_count'),
  one('desilNational', 'desil_national'),
  one('desilProvince', 'desil_province'),
  one('desilRegency', 'desil_regency'),
  one('houseOwnership', 'house_ownership'),
  one('floorType', 'floor_type'),
  one('wallType', 'wall_type'),
  one('roofType', 'roof_type'),
  one('waterSource', 'water_source'),
  one('lighting', 'lighting'),
  one('powerVa', 'power_va'),
  one('cookingFuel', 'cooking_fuel'),
  one('toilet', 'toilet'),
  one('floorAreaM2', 'floor_area_m2'),
  one('assets', 'assets'),
  one('businessStatus', 'business_status'),
  one('businessSector', 'business_sector'),
  one('businessTurnover', 'business_turnover'),
  one('dataDate', 'data_date'),
];

const DISABILITY_SOURCES: readonly MemberField[] = [
  'disabilities', 'dis_penglihatan', 'dis_pendengaran', 'dis_berjalan', 'dis_tangan', 'dis_belajar', 'dis_perilaku', 'dis_bicara',
  'dis_mengurus_diri', 'dis_mengingat', 'dis_depresi',
];

/** Member columns in staging order (after batch_id, chunk_no, row_number, nik, no_kk). */
export const MEMBER_COLUMNS: readonly MergeColumn<MemberRecord>[] = [
  one('name', 'name'),
  one('birthDate', 'birth_date'),
  one('sex', 'sex'),
  one('relation', 'relation'),
  one('maritalStatus', 'marital_status'),
  one('schooling', 'schooling'),
  one('education', 'education'),
  one('workStatus', 'work_status'),
  one('workSector', 'work_sector'),
  { field: 'disabilities', column: 'disabilities', mappedBy: DISABILITY_SOURCES },
  one('chronicIllness', 'chronic_illness'),
  one('ppks', 'ppks'),
  { field: 'specialStatus', column: 'special_status', mappedBy: ['specialStatus', 'pregnant'] },
  one('businessOwner', 'business_owner'),
  one('businessTurnover', 'business_turnover'),
];

/** Family fields a count or name derived from the members overrides; taken from the file only for a new family. */
const DERIVED_FROM_MEMBERS = new Set(['memberCount', 'headName']);

export interface FamilyMergePlan {
  /** Columns written when a family is new. */
  insert: MergeColumn<FamilyRecord>[];
  /** Columns compared and overwritten when the family exists. */
  update: MergeColumn<FamilyRecord>[];
}

/**
 * Which family columns a batch writes. Unmapped columns are left alone, so a file without, say, provincial desil
 * never wipes it; with member data in the batch, member count and head name follow the members.
 */
export function familyMergePlan(mapping: ColumnMapping, batchHasMembers: boolean): FamilyMergePlan {
  const mapped = new Set(Object.keys(mapping.family).filter((field) => mapping.family[field as FamilyField]));
  const insert = FAMILY_COLUMNS.filter((c) => c.mappedBy.some((field) => mapped.has(field)));
  const update = insert.filter((c) => !(batchHasMembers && DERIVED_FROM_MEMBERS.has(c.field)));
  return { insert, update };
}

/** True when the members carry DTSEN's per-person business answers, from which the family's business follows. */
export function rollsUpBusiness(mapping: ColumnMapping): boolean {
  return Boolean(mapping.member.businessOwner);
}

/** Which member columns a batch writes (name always: it is required). */
export function memberMergeColumns(mapping: ColumnMapping): MergeColumn<MemberRecord>[] {
  const mapped = new Set(Object.keys(mapping.member).filter((field) => mapping.member[field as MemberField]));
  return MEMBER_COLUMNS.filter((c) => c.field === 'name' || c.mappedBy.some((field) => mapped.has(field)));
}
