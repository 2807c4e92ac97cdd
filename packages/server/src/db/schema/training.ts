import type { Generated } from 'kysely';
import type { Defaulted, Timestamp } from './columns.ts';

/** Training (migration 0014): courses, cohorts, sessions, participants, attendance, follow-ups. */

export interface TrainingCourseTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  skill: string;
  description: string | null;
  lpk_partner_id: string | null;
  hours: number | null;
  min_attendance_percent: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrainingCohortTable {
  id: Generated<string>;
  course_id: string;
  name: string;
  place_kind: 'lpk' | 'prison' | 'village_hall' | 'other';
  place_name: string;
  place_partner_id: string | null;
  region_code: string | null;
  start_date: string;
  end_date: string;
  trainers: Defaulted<string[]>;
  seats: number;
  status: Defaulted<'open' | 'completed'>;
  completed_at: Date | null;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrainingSessionTable {
  id: Generated<string>;
  cohort_id: string;
  session_date: string;
  topic: string | null;
}

export interface TrainingParticipantTable {
  id: Generated<string>;
  cohort_id: string;
  member_id: string;
  family_id: string;
  target_group: 'inmate' | 'disability' | 'business_family' | 'other';
  referral_id: string | null;
  referred_by_agency_id: string | null;
  withdrawn: Defaulted<boolean>;
  passed: boolean | null;
  outcome: 'completed' | 'not_completed' | null;
  attended_sessions: number | null;
  session_count: number | null;
  certificate_number: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrainingAttendanceTable {
  session_id: string;
  participant_id: string;
  present: boolean;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface TrainingFollowUpTable {
  id: Generated<string>;
  participant_id: string;
  milestone: 3 | 6 | 12;
  due_on: string;
  contacted_on: string | null;
  status: 'working' | 'own_business' | 'not_working' | null;
  employer_partner_id: string | null;
  employer_name: string | null;
  monthly_turnover: number | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: Date | null;
  due_notified_at: Date | null;
}

export interface TrainingTables {
  training_course: TrainingCourseTable;
  training_cohort: TrainingCohortTable;
  training_session: TrainingSessionTable;
  training_participant: TrainingParticipantTable;
  training_attendance: TrainingAttendanceTable;
  training_follow_up: TrainingFollowUpTable;
}
