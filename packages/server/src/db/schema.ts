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
  /** Migration 0006: a deceased member or one who left stays on record but is no longer a current member. */
  status: Defaulted<'active' | 'deceased' | 'left'>;
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
  /** Migration 0006. */
  end_reason: Defaulted<'moved' | 'deceased' | 'left' | null>;
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
  /** {sheetName: SampleRow[]} (migration 0009). */
  samples: Defaulted<unknown>;
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

// Duplicates and data-subject corrections (migration 0007).
export interface DuplicateScanTable {
  id: Generated<string>;
  kind: 'full' | 'batch';
  batch_id: string | null;
  status: Defaulted<'running' | 'done' | 'failed'>;
  threshold: number;
  blocks_total: Defaulted<number>;
  blocks_done: Defaulted<number>;
  pairs_found: Defaulted<number>;
  started_by: string | null;
  started_at: Timestamp;
  heartbeat_at: Timestamp;
  finished_at: Date | null;
  error: string | null;
}

export interface DuplicateCandidateTable {
  id: Generated<string>;
  member_a: string;
  member_b: string;
  village_code: string;
  kecamatan_code: ColumnType<string, never, never>;
  score: number;
  /** {nameSimilarity, sameBirthDate, sameVillage} */
  reasons: unknown;
  status: Defaulted<'open' | 'merged' | 'distinct'>;
  scan_id: string | null;
  found_at: Timestamp;
  kept_member_id: string | null;
  removed_member_id: string | null;
  removed_nik: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  note: string | null;
}

export interface CorrectionRequestTable {
  id: Generated<string>;
  entity: 'member' | 'family';
  member_id: string | null;
  family_id: string;
  subject_nik: string | null;
  /** {field: requested value} */
  requested_changes: Defaulted<unknown>;
  reason: string;
  channel: 'in_person' | 'letter' | 'phone' | 'online';
  requester_name: string;
  requester_contact: string | null;
  status: Defaulted<'received' | 'in_review' | 'accepted' | 'rejected'>;
  outcome_note: string | null;
  apply_status: 'nothing_to_apply' | 'applied' | 'operator_must_apply' | null;
  applied_changes: unknown;
  decided_by: string | null;
  decided_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// Programs (migration 0008). JSON columns are typed where they are read: modules/programs.
export interface ProgramTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  kind: string;
  approach: string;
  description: string | null;
  period_from: string;
  period_to: string;
  funding_source: string;
  budget: number | null;
  unit_value: number | null;
  benefit_items: Defaulted<unknown>;
  target_families: number | null;
  target_people: number | null;
  target_units: number | null;
  target_money: number | null;
  region_codes: Defaulted<string[]>;
  legal_basis: string | null;
  status: Defaulted<'draft' | 'active' | 'closed'>;
  rule: unknown;
  priority: unknown;
  rule_version: Defaulted<number>;
  current_run_id: string | null;
  version: Defaulted<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  activated_at: Date | null;
  closed_at: Date | null;
}

export interface ProgramQuotaTable {
  program_id: string;
  kecamatan_code: string;
  families: number;
  units: number | null;
  money: number | null;
}

export interface ProgramRuleVersionTable {
  program_id: string;
  version: number;
  rule: unknown;
  priority: unknown;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ProgramRunTable {
  id: Generated<string>;
  program_id: string;
  status: Defaulted<'queued' | 'running' | 'done' | 'failed'>;
  phase: Defaulted<'queued' | 'counting' | 'selecting' | 'saving' | 'done' | 'failed'>;
  rule_version: number;
  rule: unknown;
  priority: unknown;
  reference_date: string;
  region_codes: Defaulted<string[]>;
  quotas: Defaulted<unknown>;
  target_families: number | null;
  registry_snapshot_at: Date | null;
  registry_families: number | null;
  registry_members: number | null;
  total_families: number | null;
  processed_families: Defaulted<number>;
  qualified: number | null;
  selected: number | null;
  waiting: number | null;
  by_kecamatan: Defaulted<unknown>;
  adopted: Defaulted<boolean>;
  error: unknown;
  created_by: string | null;
  created_at: Timestamp;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface ProgramRunFamilyTable {
  run_id: string;
  family_id: string;
  kecamatan_code: string;
  village_code: string;
  score: number;
  rank: number;
  kecamatan_rank: number;
  outcome: 'selected' | 'waiting';
  waiting_rank: number | null;
}

export interface ProgramDecreeTable {
  id: Generated<string>;
  program_id: string;
  number: string;
  decree_date: string;
  signed_by: string;
  title: string | null;
  kind: 'initial' | 'amendment';
  enrolment_count: number;
  file_path: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  file_sha256: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export type EnrolmentStatusColumn = 'candidate' | 'verified' | 'rejected' | 'in_decree' | 'served' | 'finished' | 'stopped' | 'cancelled';

export interface ProgramEnrolmentTable {
  id: Generated<string>;
  program_id: string;
  family_id: string;
  kecamatan_code: string;
  village_code: string;
  status: Defaulted<EnrolmentStatusColumn>;
  reason: 'moved' | 'died' | 'not_poor' | 'refused' | 'other' | null;
  note: string | null;
  source: 'targeting' | 'replacement';
  run_id: string | null;
  rank: number | null;
  score: number | null;
  replaces_id: string | null;
  verified_on: string | null;
  verified_by: string | null;
  decree_id: string | null;
  served_at: Date | null;
  /** Kept by a trigger: the day served, else the decree's date. */
  received_on: ColumnType<string | null, never, never>;
  status_changed_at: Timestamp;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EnrolmentChangeTable {
  id: Generated<number>;
  enrolment_id: string;
  program_id: string;
  action: 'verify' | 'reject' | 'decree' | 'serve' | 'finish' | 'stop' | 'cancel' | 'replace' | 'replacement';
  from_status: EnrolmentStatusColumn | null;
  to_status: EnrolmentStatusColumn;
  reason: string | null;
  note: string | null;
  post_decree: Defaulted<boolean>;
  decree_id: string | null;
  related_id: string | null;
  field_date: string | null;
  user_id: string | null;
  at: Timestamp;
}

/** Every distinct head or member name, for the typo-tolerant name search (migration 0009). */
export interface RegistryNameTable {
  name: string;
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
  registry_name: RegistryNameTable;
  duplicate_scan: DuplicateScanTable;
  duplicate_candidate: DuplicateCandidateTable;
  correction_request: CorrectionRequestTable;
  program: ProgramTable;
  program_quota: ProgramQuotaTable;
  program_rule_version: ProgramRuleVersionTable;
  program_run: ProgramRunTable;
  program_run_family: ProgramRunFamilyTable;
  program_decree: ProgramDecreeTable;
  program_enrolment: ProgramEnrolmentTable;
  enrolment_change: EnrolmentChangeTable;
}

export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
