import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, Defaulted } from './columns.ts';

/** The registry: families, members, memberships, imports, change history, duplicates, correction requests. */

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

/** Every distinct head or member name, for the typo-tolerant name search (migration 0009). */
export interface RegistryNameTable {
  name: string;
}

export interface RegistryTables {
  family: FamilyTable;
  member: MemberTable;
  family_membership: FamilyMembershipTable;
  import_batch: ImportBatchTable;
  import_row_result: ImportRowResultTable;
  import_template: ImportTemplateTable;
  registry_change: RegistryChangeTable;
  registry_name: RegistryNameTable;
  duplicate_scan: DuplicateScanTable;
  duplicate_candidate: DuplicateCandidateTable;
  correction_request: CorrectionRequestTable;
}
