import type { Generated } from 'kysely';
import type { Defaulted, Timestamp } from './columns.ts';

/** Each family's way out of poverty (migration 0013). JSON columns are typed where they are read: modules/pathways. */

export type PathwayStageColumn = 'bantuan' | 'pemberdayaan' | 'pengembangan' | 'mandiri';

export interface GraduationCriteriaTable {
  version: number;
  rule: unknown;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface GraduationAssessmentTable {
  id: Generated<string>;
  family_id: string;
  criteria_version: number;
  rule: unknown;
  reference_date: string;
  passed: boolean;
  explanation: unknown;
  note: string | null;
  user_id: string | null;
  at: Timestamp;
}

export interface FamilyPathwayTable {
  family_id: string;
  stage: PathwayStageColumn;
  stage_since: string;
  agency_id: string | null;
  baseline_desil: number | null;
  business_started_on: string | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PathwayTransitionTable {
  id: Generated<string>;
  family_id: string;
  from_stage: PathwayStageColumn | null;
  to_stage: PathwayStageColumn;
  on_date: string;
  agency_id: string | null;
  evidence: Defaulted<unknown>;
  note: string | null;
  assessment_id: string | null;
  override_reason: string | null;
  user_id: string | null;
  at: Timestamp;
}

export interface PathwaysTables {
  graduation_criteria: GraduationCriteriaTable;
  graduation_assessment: GraduationAssessmentTable;
  family_pathway: FamilyPathwayTable;
  pathway_transition: PathwayTransitionTable;
}
