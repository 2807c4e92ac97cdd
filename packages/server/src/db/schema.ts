import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Row types of the tables the migrations create; keep in step with db/migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface RegionTable {
  code: string;
  parent_code: string | null;
  level: number;
  kind: 'provinsi' | 'kabupaten' | 'kota' | 'kecamatan' | 'desa' | 'kelurahan';
  name: string;
}

export interface AgencyTable {
  id: Generated<string>;
  name: string;
  short_name: string;
  kind: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartnerTable {
  id: Generated<string>;
  name: string;
  type: string;
  agency_id: string | null;
  contact_person: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  region_code: string | null;
  notes: string | null;
  active: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  password_hash: string;
  role: 'admin' | 'pimpinan' | 'operator' | 'pendamping';
  agency_id: string;
  scope_codes: Defaulted<string[]>;
  language: Defaulted<'id' | 'en'>;
  must_change_password: Defaulted<boolean>;
  disabled_at: Date | null;
  failed_logins: Defaulted<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: string | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  ip: string | null;
  details: unknown;
}

export interface FamilyTable {
  id: Generated<string>;
  no_kk: string;
  village_code: string;
  kecamatan_code: ColumnType<string, never, never>;
  address: string | null;
  rt: string | null;
  rw: string | null;
  dusun: string | null;
  head_name: string | null;
  member_count: Defaulted<number>;
  desil_national: number | null;
  desil_province: number | null;
  desil_regency: number | null;
  house_ownership: number | null;
  floor_type: number | null;
  wall_type: number | null;
  roof_type: number | null;
  water_source: number | null;
  lighting: number | null;
  power_va: number | null;
  cooking_fuel: number | null;
  toilet: number | null;
  floor_area_m2: number | null;
  assets: Defaulted<string[]>;
  business_status: Defaulted<'none' | 'active' | 'stalled'>;
  business_sector: string | null;
  business_turnover: number | null;
  data_source: Defaulted<string>;
  data_date: string | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MemberTable {
  id: Generated<string>;
  nik: string;
  family_id: string;
  name: string;
  birth_date: string | null;
  sex: 'L' | 'P' | null;
  relation: number | null;
  marital_status: number | null;
  schooling: number | null;
  education: number | null;
  work_status: number | null;
  work_sector: string | null;
  disabilities: Defaulted<string[]>;
  chronic_illness: string | null;
  ppks: Defaulted<string[]>;
  special_status: Defaulted<string[]>;
  business_owner: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  business_turnover: ColumnType<number | null, number | null | undefined, number | null>;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FamilyMembershipTable {
  id: Generated<string>;
  member_id: string;
  family_id: string;
  relation: number | null;
  start_date: Defaulted<string>;
  end_date: string | null;
}

export interface AppSettingTable {
  key: string;
  value: unknown;
}

// Registry import (migration 0005). JSON columns are typed where they are read: import/batch-state.ts.
export interface ImportBatchTable {
  id: Generated<string>;
  file_name: string;
  files: unknown;
  file_size: number;
  file_sha256: string;
  sheets: Defaulted<unknown>;
  mapping: unknown;
  template_id: string | null;
  status: Defaulted<'uploaded' | 'mapped' | 'running' | 'done' | 'failed' | 'paused'>;
  rows_total: number | null;
  rows_processed: Defaulted<number>;
  families_added: Defaulted<number>;
  families_updated: Defaulted<number>;
  families_unchanged: Defaulted<number>;
  families_rejected: Defaulted<number>;
  members_added: Defaulted<number>;
  members_updated: Defaulted<number>;
  members_unchanged: Defaulted<number>;
  members_rejected: Defaulted<number>;
  scope_codes: Defaulted<string[]>;
  created_by: string | null;
  agency_id: string | null;
  created_at: Timestamp;
  started_at: Date | null;
  finished_at: Date | null;
  error: unknown;
}

export interface ImportRowResultTable {
  batch_id: string;
  sheet: string;
  row_number: number;
  entity: 'family' | 'member';
  key: string | null;
  no_kk: string | null;
  outcome: 'added' | 'updated' | 'unchanged' | 'rejected';
  issues: unknown;
  raw: unknown;
}

export interface ImportTemplateTable {
  id: Generated<string>;
  name: string;
  sheet_kind: 'family' | 'member' | 'combined';
  mapping: unknown;
  created_by: string | null;
  agency_id: string | null;
  created_at: Timestamp;
}

export interface RegistryChangeTable {
  id: Generated<number>;
  entity: 'family' | 'member';
  entity_id: string;
  family_id: string | null;
  /** {field: [old, new]} */
  changes: unknown;
  source: 'import' | 'edit' | 'merge';
  batch_id: string | null;
  user_id: string | null;
  at: Timestamp;
}

export interface DB {
  region: RegionTable;
  agency: AgencyTable;
  partner: PartnerTable;
  app_user: AppUserTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  family: FamilyTable;
  member: MemberTable;
  family_membership: FamilyMembershipTable;
  app_setting: AppSettingTable;
  import_batch: ImportBatchTable;
  import_row_result: ImportRowResultTable;
  import_template: ImportTemplateTable;
  registry_change: RegistryChangeTable;
}

export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
