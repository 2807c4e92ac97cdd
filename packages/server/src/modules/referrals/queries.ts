import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB, ReferralEventAction, ReferralEventTable, ReferralStatusColumn } from '../../db/schema/index.ts';

/** A referral with what the inbox and the detail show about its family, member, agencies and program. */
export interface ReferralRow {
  id: string;
  status: ReferralStatusColumn;
  family_id: string;
  no_kk: string;
  head_name: string | null;
  address: string | null;
  village_code: string;
  village_name: string;
  kecamatan_code: string;
  kecamatan_name: string;
  desil: number | null;
  member_id: string | null;
  member_name: string | null;
  member_nik: string | null;
  from_agency_id: string;
  from_agency_name: string;
  from_agency_short_name: string;
  to_agency_id: string;
  to_agency_name: string;
  to_agency_short_name: string;
  services: string[];
  note: string | null;
  answer_days: number;
  answer_by: string;
  due_on: string | null;
  sharing_basis: 'consent' | 'legal_basis';
  consent_on: string | null;
  consent_by: string | null;
  legal_basis: string | null;
  enrolment_id: string | null;
  program_name: string | null;
  automatic: boolean;
  created_by_name: string | null;
  sent_at: Date;
  answered_at: Date | null;
  closed_at: Date | null;
  reason: string | null;
  outcome: string | null;
  version: number;
}

const SELECT_REFERRAL = sql`
  SELECT r.id, r.status, r.family_id, f.no_kk, f.head_name, f.address, r.village_code, v.name AS village_name, r.kecamatan_code,
         k.name AS kecamatan_name, f.desil_national AS desil, r.member_id, m.name AS member_name, m.nik AS member_nik,
         r.from_agency_id, fa.name AS from_agency_name, fa.short_name AS from_agency_short_name,
         r.to_agency_id, ta.name AS to_agency_name, ta.short_name AS to_agency_short_name,
         r.services, r.note, r.answer_days, r.answer_by, r.due_on, r.sharing_basis, r.consent_on, r.consent_by, r.legal_basis,
         r.enrolment_id, p.name AS program_name, r.automatic, u.full_name AS created_by_name, r.sent_at, r.answered_at, r.closed_at,
         r.reason, r.outcome, r.version
    FROM referral r
    JOIN family f ON f.id = r.family_id
    JOIN region v ON v.code = r.village_code
    JOIN region k ON k.code = r.kecamatan_code
    JOIN agency fa ON fa.id = r.from_agency_id
    JOIN agency ta ON ta.id = r.to_agency_id
    LEFT JOIN member m ON m.id = r.member_id
    LEFT JOIN program_enrolment e ON e.id = r.enrolment_id
    LEFT JOIN program p ON p.id = e.program_id
    LEFT JOIN app_user u ON u.id = r.created_by`;

export async function findReferral(db: Kysely<DB>, id: string): Promise<ReferralRow | undefined> {
  const result = await sql<ReferralRow>`${SELECT_REFERRAL} WHERE r.id = ${id}::uuid`.execute(db);
  return result.rows[0];
}

/** Late on `today`: unanswered after the answer day, or accepted and not closed after the due date (SQL twin of referralOverdue). */
export function overdueCondition(today: string, alias = 'r'): RawBuilder<SqlBool> {
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  return sql<SqlBool>`((${ref('status')} = 'sent' AND ${ref('answer_by')} < ${today}::date)
    OR (${ref('status')} = 'accepted' AND ${ref('due_on')} < ${today}::date))`;
}

/** Conditions on alias `r`, joined by AND; an empty list means every referral. */
export async function listReferrals(db: Kysely<DB>, where: RawBuilder<SqlBool>[], page: { page: number; pageSize: number }): Promise<ReferralRow[]> {
  const condition = where.length > 0 ? sql.join(where, sql` AND `) : sql`true`;
  const result = await sql<ReferralRow>`${SELECT_REFERRAL} WHERE ${condition}
    ORDER BY r.sent_at DESC, r.id LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`.execute(db);
  return result.rows;
}

export async function countReferrals(db: Kysely<DB>, where: RawBuilder<SqlBool>[]): Promise<number> {
  const condition = where.length > 0 ? sql.join(where, sql` AND `) : sql`true`;
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM referral r WHERE ${condition}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** One history row as written; `id` and `at` are filled by the database. */
export type EventValues = Omit<ReferralEventTable, 'id' | 'at'>;

export async function insertEvent(db: Kysely<DB>, event: EventValues): Promise<void> {
  await db.insertInto('referral_event').values(event).execute();
}

export interface EventRow {
  id: number;
  action: ReferralEventAction;
  from_status: ReferralStatusColumn | null;
  to_status: ReferralStatusColumn;
  text: string | null;
  user_name: string | null;
  username: string | null;
  user_id: string | null;
  agency_short_name: string | null;
  at: Date;
}

/** Every step of the given referrals, oldest first. */
export async function referralEvents(db: Kysely<DB>, referralIds: readonly string[]): Promise<(EventRow & { referral_id: string })[]> {
  if (referralIds.length === 0) return [];
  return db
    .selectFrom('referral_event as ev')
    .leftJoin('app_user as u', 'u.id', 'ev.user_id')
    .leftJoin('agency as a', 'a.id', 'ev.agency_id')
    .select([
      'ev.id', 'ev.referral_id', 'ev.action', 'ev.from_status', 'ev.to_status', 'ev.text', 'u.full_name as user_name', 'u.username', 'ev.user_id',
      'a.short_name as agency_short_name', 'ev.at',
    ])
    .where('ev.referral_id', 'in', referralIds)
    .orderBy('ev.id')
    .execute();
}

/** Agencies of a kind (Bappeda gets every overdue flag). */
export async function agencyIdsOfKind(db: Kysely<DB>, kind: string): Promise<string[]> {
  const rows = await db.selectFrom('agency').select('id').where('kind', '=', kind).execute();
  return rows.map((row) => row.id);
}
