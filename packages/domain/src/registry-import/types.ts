/**
 * Contract between the registry import engine (server) and the pure row normalisation (domain).
 * A source row is a plain object keyed by the file's own header names, values as read from CSV/XLSX
 * (string, number, Date, boolean or null/undefined).
 */
export type RawValue = string | number | boolean | Date | null | undefined;
export type RawRow = Record<string, RawValue>;

/** What one file (or one sheet) holds: families, members, or both on one row per member. */
export type SheetKind = 'family' | 'member' | 'combined';

/** Our field keys (camelCase of the family/member columns); a mapping points each at one source header. */
export const FAMILY_FIELDS = [
  'noKk', 'villageCode', 'provinceCode', 'regencyCode', 'kecamatanCode', 'villageLocalCode', 'address', 'rt', 'rw', 'dusun',
  'headName', 'memberCount', 'desilNational', 'desilProvince', 'desilRegency', 'houseOwnership', 'floorType', 'floorAreaM2',
  'wallType', 'roofType', 'waterSource', 'lighting', 'powerVa', 'cookingFuel', 'toilet', 'assets', 'businessStatus',
  'businessSector', 'businessTurnover', 'dataDate',
] as const;
export type FamilyField = (typeof FAMILY_FIELDS)[number];

export const MEMBER_FIELDS = [
  'nik', 'noKk', 'name', 'birthDate', 'sex', 'relation', 'maritalStatus', 'schooling', 'education', 'workStatus', 'workSector',
  'businessOwner', 'businessTurnover', 'disabilities', 'chronicIllness', 'ppks', 'specialStatus',
  // Old DTKS/BDT `Sta_hamil` (yes/no); a yes adds 'hamil' to `specialStatus`.
  'pregnant',
  // DTSEN lists functional difficulties one column each; they fold into `disabilities`.
  'dis_penglihatan', 'dis_pendengaran', 'dis_berjalan', 'dis_tangan', 'dis_belajar', 'dis_perilaku', 'dis_bicara', 'dis_mengurus_diri',
  'dis_mengingat', 'dis_depresi',
] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

export interface ColumnMapping {
  sheetKind: SheetKind;
  /** field key → source header name as it appears in the file */
  family: Partial<Record<FamilyField, string>>;
  member: Partial<Record<MemberField, string>>;
}

/** A named, saved mapping; shipped templates have `builtin: true` and header aliases to match by. */
export interface ImportTemplate {
  id: string;
  name: { id: string; en: string };
  description: { id: string; en: string };
  sheetKind: SheetKind;
  builtin: boolean;
  /** field key → accepted header names (case/space/underscore-insensitive) */
  familyAliases: Partial<Record<FamilyField, string[]>>;
  memberAliases: Partial<Record<MemberField, string[]>>;
}

export type IssueSeverity = 'error' | 'warning';

/** One problem in one row; errors reject the row, warnings keep it. Messages in both languages. */
export interface RowIssue {
  field: string;
  code: string;
  severity: IssueSeverity;
  message: { id: string; en: string };
  value?: string;
}

/** A family as the registry stores it (mirrors the `family` table). */
export interface FamilyRecord {
  noKk: string;
  villageCode: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  dusun: string | null;
  headName: string | null;
  memberCount: number | null;
  desilNational: number | null;
  desilProvince: number | null;
  desilRegency: number | null;
  houseOwnership: number | null;
  floorType: number | null;
  wallType: number | null;
  roofType: number | null;
  waterSource: number | null;
  lighting: number | null;
  powerVa: number | null;
  cookingFuel: number | null;
  toilet: number | null;
  floorAreaM2: number | null;
  assets: string[];
  businessStatus: 'none' | 'active' | 'stalled';
  businessSector: string | null;
  businessTurnover: number | null;
  dataDate: string | null;
}

/** A member as the registry stores it (mirrors the `member` table), with the No KK it belongs to. */
export interface MemberRecord {
  nik: string;
  noKk: string;
  name: string;
  birthDate: string | null;
  sex: 'L' | 'P' | null;
  relation: number | null;
  maritalStatus: number | null;
  schooling: number | null;
  education: number | null;
  workStatus: number | null;
  workSector: string | null;
  disabilities: string[];
  chronicIllness: string | null;
  ppks: string[];
  specialStatus: string[];
  /** DTSEN `kepemilikan_usaha` / `omzet_usaha_utama` are asked per person; the engine rolls them up to the family. */
  businessOwner?: boolean | null;
  businessTurnover?: number | null;
}

export interface NormalizeContext {
  /** Installation root, e.g. '35.07'; villages outside are rejected. */
  jurisdiction: string;
  today: Date;
}

export interface NormalizedRow<T> {
  record: T | null; // null when any issue is an error
  issues: RowIssue[];
}
