import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from './columns.ts';

/** House renovation (migration 0015). JSON columns are typed where they are read: modules/renovation. */

export type RenovationStageColumn = 'proposed' | 'assessed' | 'verified' | 'scheduled' | 'in_progress' | 'completed' | 'rejected';

export interface RenovationHouseTable {
  id: Generated<string>;
  family_id: string;
  village_code: string;
  kecamatan_code: ColumnType<string, never, never>;
  address: string | null;
  agency_id: string;
  year: number;
  stage: Defaulted<RenovationStageColumn>;
  source: 'registry' | 'village';
  proposer: string | null;
  proposal_note: string | null;
  criteria: unknown;
  score: number | null;
  floor_area_m2: number | null;
  occupants: number | null;
  assessed_on: string | null;
  assessment_note: string | null;
  verified_on: string | null;
  verification_note: string | null;
  planned_start: string | null;
  planned_end: string | null;
  budget: number | null;
  progress: Defaulted<number>;
  started_on: string | null;
  completed_on: string | null;
  handover_on: string | null;
  completion_note: string | null;
  rejected_reason: string | null;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RenovationStageChangeTable {
  id: Generated<string>;
  house_id: string;
  from_stage: RenovationStageColumn | null;
  to_stage: RenovationStageColumn;
  note: string | null;
  user_id: string | null;
  at: Timestamp;
}

export interface RenovationFundingTable {
  id: Generated<string>;
  house_id: string;
  source: 'apbd' | 'apbn' | 'dana_desa' | 'csr' | 'community' | 'other';
  partner_id: string | null;
  form: 'money' | 'materials' | 'labour';
  value: number;
  description: string | null;
  contributed_on: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface RenovationProgressTable {
  id: Generated<string>;
  house_id: string;
  percent: number;
  recorded_on: string;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface RenovationPhotoTable {
  id: Generated<string>;
  house_id: string;
  progress_id: string | null;
  kind: 'assessment' | 'progress' | 'before' | 'after' | 'handover';
  file_path: string;
  file_name: string;
  mime: string;
  size: number;
  width: number;
  height: number;
  sha256: string;
  taken_at: string | null;
  caption: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface RenovationTargetTable {
  year: number;
  units: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface RenovationTargetKecamatanTable {
  year: number;
  kecamatan_code: string;
  units: number;
}

export interface RenovationTables {
  renovation_house: RenovationHouseTable;
  renovation_stage_change: RenovationStageChangeTable;
  renovation_funding: RenovationFundingTable;
  renovation_progress: RenovationProgressTable;
  renovation_photo: RenovationPhotoTable;
  renovation_target: RenovationTargetTable;
  renovation_target_kecamatan: RenovationTargetKecamatanTable;
}
