import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, Defaulted } from './columns.ts';

/** Programs: catalog, rule versions, targeting runs, decrees, enrolments. */

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

export interface ProgramsTables {
  program: ProgramTable;
  program_quota: ProgramQuotaTable;
  program_rule_version: ProgramRuleVersionTable;
  program_run: ProgramRunTable;
  program_run_family: ProgramRunFamilyTable;
  program_decree: ProgramDecreeTable;
  program_enrolment: ProgramEnrolmentTable;
  enrolment_change: EnrolmentChangeTable;
}
