import type { Generated } from 'kysely';
import type { Defaulted, Timestamp } from './columns.ts';

/** Distribution of programs (migration 0010): stages, hand-overs, their corrections and proof images. */

export interface DistributionStageTable {
  id: Generated<string>;
  program_id: string;
  number: number;
  name: string;
  kind: 'cash' | 'in_kind';
  amount_per_family: number | null;
  items: Defaulted<unknown>;
  planned_from: string | null;
  planned_to: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Defaulted<number>;
}

export interface DistributionHandoverTable {
  id: Generated<string>;
  program_id: string;
  stage_id: string;
  enrolment_id: string;
  family_id: string;
  kecamatan_code: string;
  village_code: string;
  client_key: string;
  handed_on: string;
  officer_id: string;
  amount: number;
  items: Defaulted<unknown>;
  people: number;
  latitude: number | null;
  longitude: number | null;
  accuracy_m: number | null;
  note: string | null;
  revision: Defaulted<number>;
  recorded_by: string;
  recorded_at: Timestamp;
  updated_at: Timestamp;
}

export interface DistributionHandoverRevisionTable {
  handover_id: string;
  revision: number;
  handed_on: string;
  amount: number;
  items: Defaulted<unknown>;
  note: string | null;
  reason: string | null;
  user_id: string;
  at: Timestamp;
}

export interface DistributionProofTable {
  id: Generated<string>;
  handover_id: string;
  kind: 'receipt' | 'signature' | 'thumbprint';
  file_path: string;
  file_type: string;
  file_size: number;
  file_sha256: string;
  reason: string | null;
  user_id: string;
  at: Timestamp;
}

export interface DistributionTables {
  distribution_stage: DistributionStageTable;
  distribution_handover: DistributionHandoverTable;
  distribution_handover_revision: DistributionHandoverRevisionTable;
  distribution_proof: DistributionProofTable;
}
