import type { BUSINESS_STATUSES } from '../schemas/families.ts';

/** A member as rules see it (mirrors the `member` table; dates are 'YYYY-MM-DD'). */
export interface EligibilityMember {
  id?: string;
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
}

/** One program a family received; the caller lists only receipts that count (e.g. served, not cancelled). */
export interface ProgramReceipt {
  programId: string;
  kind: string;
  /** The day it was received; null when not yet served (counts only for period 'ever'). */
  date: string | null;
  name?: string;
}

/** A family as rules see it (mirrors the `family` table), with its current members and received programs. */
export interface EligibilityFamily {
  id?: string;
  noKk: string;
  villageCode: string;
  kecamatanCode: string;
  memberCount: number;
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
  businessStatus: (typeof BUSINESS_STATUSES)[number];
  businessSector: string | null;
  businessTurnover: number | null;
  dataDate: string | null;
  members: EligibilityMember[];
  programs: ProgramReceipt[];
  /** The family's way out of poverty, when it has one (absent = none). */
  pathway?: PathwayFacts | null;
}

/** What graduation criteria read from a family's pathway. */
export interface PathwayFacts {
  /** The day its business (re)started, e.g. when the business package arrived. */
  businessStartedOn: string | null;
  /** National desil when the family entered the pathway. */
  baselineDesil: number | null;
}
