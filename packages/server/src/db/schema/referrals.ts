import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from './columns.ts';

/** Referrals between agencies, their history and rules, and in-app notifications (migration 0012). */

export type ReferralStatusColumn = 'sent' | 'accepted' | 'declined' | 'served' | 'not_served' | 'withdrawn';
export type ReferralEventAction = 'send' | 'accept' | 'decline' | 'serve' | 'not_serve' | 'withdraw' | 'overdue';

export interface ReferralRuleTable {
  id: Generated<string>;
  program_id: string;
  to_agency_id: string;
  services: string[];
  answer_days: number;
  due_days: number | null;
  note: string | null;
  active: Defaulted<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReferralTable {
  id: Generated<string>;
  family_id: string;
  member_id: string | null;
  kecamatan_code: string;
  village_code: string;
  from_agency_id: string;
  to_agency_id: string;
  services: string[];
  note: string | null;
  answer_days: number;
  answer_by: ColumnType<string, string, string>;
  due_on: string | null;
  sharing_basis: 'consent' | 'legal_basis';
  consent_on: string | null;
  consent_by: string | null;
  legal_basis: string | null;
  enrolment_id: string | null;
  rule_id: string | null;
  automatic: Defaulted<boolean>;
  status: Defaulted<ReferralStatusColumn>;
  reason: string | null;
  outcome: string | null;
  overdue_notified: Defaulted<string[]>;
  created_by: string | null;
  sent_at: Timestamp;
  answered_at: Date | null;
  closed_at: Date | null;
  version: Defaulted<number>;
  updated_at: Timestamp;
}

export interface ReferralEventTable {
  id: Generated<number>;
  referral_id: string;
  action: ReferralEventAction;
  from_status: ReferralStatusColumn | null;
  to_status: ReferralStatusColumn;
  text: string | null;
  user_id: string | null;
  agency_id: string | null;
  at: Timestamp;
}

export interface NotificationTable {
  id: Generated<string>;
  agency_id: string | null;
  user_id: string | null;
  kind: string;
  params: ColumnType<Record<string, string | number>, string, string>;
  link: string | null;
  created_at: Timestamp;
}

export interface NotificationReadTable {
  notification_id: string;
  user_id: string;
  read_at: Timestamp;
}

export interface ReferralsTables {
  referral_rule: ReferralRuleTable;
  referral: ReferralTable;
  referral_event: ReferralEventTable;
  notification: NotificationTable;
  notification_read: NotificationReadTable;
}
