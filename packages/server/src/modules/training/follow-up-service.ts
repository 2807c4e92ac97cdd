import {
  FOLLOW_UP_WINDOW_DAYS, followUpDueDate, followUpState, TRAINING_FOLLOW_UP_STATUS_LABELS, type Page, type TrainingFollowUp, type TrainingFollowUpInput,
  type TrainingFollowUpListQuery,
} from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { assertInScope } from '../../http/scope.ts';
import { notify } from '../notifications/notify.ts';
import { familyScopeCondition } from '../registry/scope-filter.ts';
import { audit, requireManageTraining, type TrainingContext } from './context.ts';
import { requirePartner } from './course-service.ts';

type FollowUpValues = z.output<typeof TrainingFollowUpInput>;

function followUpRows(db: Kysely<DB>) {
  return db
    .selectFrom('training_follow_up as u')
    .innerJoin('training_participant as p', 'p.id', 'u.participant_id')
    .innerJoin('member as m', 'm.id', 'p.member_id')
    .innerJoin('family as f', 'f.id', 'p.family_id')
    .innerJoin('training_cohort as h', 'h.id', 'p.cohort_id')
    .innerJoin('training_course as c', 'c.id', 'h.course_id')
    .innerJoin('agency as a', 'a.id', 'c.agency_id')
    .leftJoin('partner as e', 'e.id', 'u.employer_partner_id')
    .select([
      'u.id', 'u.participant_id', 'p.member_id', 'p.family_id', 'm.name', 'f.village_code', 'h.id as cohort_id', 'h.name as cohort_name',
      'c.name as course_name', 'c.agency_id', 'a.short_name as agency_short_name', 'u.milestone', 'u.due_on', 'u.contacted_on', 'u.status',
      'u.employer_partner_id', sql<string | null>`coalesce(e.name, u.employer_name)`.as('employer_name'), 'u.monthly_turnover', 'u.note',
    ]);
}
type FollowUpRow = Awaited<ReturnType<ReturnType<typeof followUpRows>['executeTakeFirstOrThrow']>>;

function toFollowUp(row: FollowUpRow, today: string): TrainingFollowUp {
  return {
    id: row.id, participantId: row.participant_id, memberId: row.member_id, familyId: row.family_id, name: row.name, cohortId: row.cohort_id,
    cohortName: row.cohort_name, courseName: row.course_name, agencyShortName: row.agency_short_name, milestone: row.milestone, dueOn: row.due_on,
    state: followUpState(row.due_on, row.contacted_on, today), contactedOn: row.contacted_on, status: row.status, employerPartnerId: row.employer_partner_id,
    employerName: row.employer_name, monthlyTurnover: row.monthly_turnover, note: row.note,
  };
}

/** The day FOLLOW_UP_WINDOW_DAYS before `today`: a follow-up due before it is overdue. */
function windowStart(today: string): string {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - FOLLOW_UP_WINDOW_DAYS);
  return day.toISOString().slice(0, 10);
}

/**
 * Follow-ups in the user's scope by state on `asOf` (default today): open (due or overdue: the reminders), or one
 * state, or all; oldest due first.
 */
export async function listFollowUps(context: TrainingContext, query: TrainingFollowUpListQuery): Promise<Page<TrainingFollowUp>> {
  const today = query.asOf ?? context.today;
  let rows = followUpRows(context.db);
  const scope = familyScopeCondition(context.user, 'f');
  if (scope) rows = rows.where(scope);
  if (query.cohortId) rows = rows.where('h.id', '=', query.cohortId);
  const open = query.state !== 'all' && query.state !== 'done';
  if (query.state === 'done') rows = rows.where('u.contacted_on', 'is not', null);
  if (open) rows = rows.where('u.contacted_on', 'is', null);
  if (query.state === 'open' || query.state === 'due' || query.state === 'overdue') rows = rows.where('u.due_on', '<=', today);
  if (query.state === 'due') rows = rows.where('u.due_on', '>=', windowStart(today));
  if (query.state === 'overdue') rows = rows.where('u.due_on', '<', windowStart(today));
  if (query.state === 'scheduled') rows = rows.where('u.due_on', '>', today);
  const [items, total] = await Promise.all([
    rows.orderBy('u.due_on').orderBy('m.name').orderBy('u.id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    rows.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((row) => toFollowUp(row, today)), total: total.n, page: query.page, pageSize: query.pageSize };
}

function incomplete(status: FollowUpValues['status'], field: { id: string; en: string }): AppError {
  return new AppError('training_follow_up_incomplete', { status: TRAINING_FOLLOW_UP_STATUS_LABELS[status].id, field: field.id });
}

/**
 * Records (or corrects) what a graduate does at a follow-up: working needs the employer, own business the monthly
 * turnover. It may be recorded from a month before its due date, never for a day after today.
 */
export async function recordFollowUp(context: TrainingContext, id: string, input: FollowUpValues): Promise<TrainingFollowUp> {
  const row = await followUpRows(context.db).where('u.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  requireManageTraining(context.user, row);
  assertInScope(context.user, row.village_code);
  if (input.status === 'working' && !input.employerPartnerId && !input.employerName) throw incomplete(input.status, { id: 'nama pemberi kerja', en: 'the employer' });
  if (input.status === 'own_business' && input.monthlyTurnover === null) throw incomplete(input.status, { id: 'omzet per bulan', en: 'the monthly turnover' });
  const earliest = followUpDueDate(row.due_on, -1);
  if (input.contactedOn < earliest) throw new AppError('training_follow_up_early', { months: row.milestone, date: earliest });
  if (input.contactedOn > context.today) throw new AppError('validation_failed', {}, [{ path: '/contactedOn', message: 'tanggal di masa depan / date in the future' }]);
  if (input.employerPartnerId) await requirePartner(context.db, input.employerPartnerId, null);
  const working = input.status === 'working';
  await context.db
    .updateTable('training_follow_up')
    .set({
      contacted_on: input.contactedOn, status: input.status, employer_partner_id: working ? input.employerPartnerId : null,
      employer_name: working && !input.employerPartnerId ? input.employerName : null,
      monthly_turnover: input.status === 'not_working' ? null : input.monthlyTurnover, note: input.note, recorded_by: context.user.id, recorded_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  await audit(context, { action: 'update', entity: 'training_follow_up', entityId: id, details: { milestone: row.milestone, status: input.status, contactedOn: input.contactedOn } });
  return toFollowUp(await followUpRows(context.db).where('u.id', '=', id).executeTakeFirstOrThrow(), context.today);
}

/**
 * Reminds each owner agency once of follow-ups that fell due by `today` and are still open: one notification per
 * cohort and milestone. Returns how many notifications were sent. Idempotent, also when two runs overlap.
 */
export async function notifyDueFollowUps(db: Kysely<DB>, today: string): Promise<number> {
  const groups = await sql<{ cohort_id: string; cohort_name: string; agency_id: string; milestone: number }>`
    SELECT h.id AS cohort_id, h.name AS cohort_name, c.agency_id, u.milestone
      FROM training_follow_up u
      JOIN training_participant p ON p.id = u.participant_id
      JOIN training_cohort h ON h.id = p.cohort_id
      JOIN training_course c ON c.id = h.course_id
     WHERE u.contacted_on IS NULL AND u.due_notified_at IS NULL AND u.due_on <= ${today}
     GROUP BY h.id, h.name, c.agency_id, u.milestone
     ORDER BY min(u.due_on), h.name`.execute(db);
  let sent = 0;
  for (const group of groups.rows) {
    sent += await db.transaction().execute(async (trx) => {
      // Marking before notifying: an overlapping run (the hourly timer, another server) then finds nothing left to claim.
      const claimed = await sql<{ n: number; due_on: string | null }>`
        WITH claimed AS (
          UPDATE training_follow_up u SET due_notified_at = now()
            FROM training_participant p
           WHERE p.id = u.participant_id AND p.cohort_id = ${group.cohort_id}::uuid AND u.milestone = ${group.milestone}
             AND u.contacted_on IS NULL AND u.due_notified_at IS NULL AND u.due_on <= ${today}
          RETURNING u.due_on)
        SELECT count(*)::int AS n, min(due_on) AS due_on FROM claimed`.execute(trx);
      const { n, due_on: dueOn } = claimed.rows[0] ?? { n: 0, due_on: null };
      if (n === 0) return 0;
      await notify(trx, {
        agencyId: group.agency_id, kind: 'training.follow_up_due', link: `/pelatihan/angkatan/${group.cohort_id}`,
        params: { cohort: group.cohort_name, months: group.milestone, count: n, dueOn: dueOn ?? today },
      });
      return 1;
    });
  }
  return sent;
}
