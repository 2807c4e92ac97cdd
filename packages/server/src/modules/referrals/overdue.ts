import { referralOverdue, type ReferralOverdue } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DB, ReferralStatusColumn } from '../../db/schema/index.ts';
import { notify } from '../notifications/notify.ts';
import { agencyIdsOfKind, insertEvent, overdueCondition } from './queries.ts';

interface LateRow {
  id: string;
  status: ReferralStatusColumn;
  answer_by: string;
  due_on: string | null;
  from_agency_id: string;
  to_agency_id: string;
  from_short: string;
  to_short: string;
}

/**
 * Flags referrals that became late on `today` (jurisdiction day): once per kind of lateness, a history row and a
 * notification to both agencies and to every Bappeda. Returns how many were flagged. Idempotent for one day.
 */
export async function flagOverdueReferrals(db: Kysely<DB>, today: string): Promise<number> {
  const late = await sql<LateRow>`
    SELECT r.id, r.status, r.answer_by, r.due_on, r.from_agency_id, r.to_agency_id, fa.short_name AS from_short, ta.short_name AS to_short
      FROM referral r JOIN agency fa ON fa.id = r.from_agency_id JOIN agency ta ON ta.id = r.to_agency_id
     WHERE ${overdueCondition(today)}
       AND NOT (CASE WHEN r.status = 'sent' THEN 'answer' ELSE 'close' END = ANY (r.overdue_notified))
     ORDER BY r.sent_at, r.id`.execute(db);
  if (late.rows.length === 0) return 0;
  const planners = await agencyIdsOfKind(db, 'bappeda');
  for (const row of late.rows) {
    const kind: ReferralOverdue | null = referralOverdue({ status: row.status, answerBy: row.answer_by, dueOn: row.due_on }, today);
    if (!kind) continue;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('referral').set({ overdue_notified: sql<string[]>`array_append(overdue_notified, ${kind})` }).where('id', '=', row.id).execute();
      await insertEvent(trx, { referral_id: row.id, action: 'overdue', from_status: row.status, to_status: row.status, text: kind, user_id: null, agency_id: null });
      const since = kind === 'answer' ? row.answer_by : (row.due_on ?? '');
      const recipients = new Set([row.from_agency_id, row.to_agency_id, ...planners]);
      for (const agencyId of recipients) {
        await notify(trx, { agencyId, kind: `referral.overdue_${kind}`, link: `/rujukan/${row.id}`, params: { from: row.from_short, to: row.to_short, since } });
      }
    });
  }
  return late.rows.length;
}
