import { completionOf, FOLLOW_UP_MONTHS, followUpDueDate, type TrainingCompletionSummary } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { requireOpenCohort } from './cohort-service.ts';
import { audit, type TrainingContext } from './context.ts';
import { cohortSessions } from './queries.ts';

/** "Disnaker/PLT/2026/003/": the agency, the year the cohort ended and its place among that agency's cohorts completed that year. */
async function certificatePrefix(db: Kysely<DB>, agency: { id: string; shortName: string }, year: string): Promise<string> {
  const earlier = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM training_cohort h JOIN training_course c ON c.id = h.course_id
     WHERE c.agency_id = ${agency.id}::uuid AND h.status = 'completed' AND extract(year FROM h.end_date) = ${Number(year)}`.execute(db);
  const serial = String((earlier.rows[0]?.n ?? 0) + 1).padStart(3, '0');
  return `${agency.shortName.replace(/[^\w-]+/g, '')}/PLT/${year}/${serial}/`;
}

/**
 * Completes a cohort (owner agency, once): every participant's outcome is fixed by the course's rule (attendance over
 * all sessions and passed), graduates get a certificate number (by name) and follow-ups at 3, 6 and 12 months after
 * the cohort's last day. Attendance and participants are frozen from then on.
 */
export async function completeCohort(context: TrainingContext, cohortId: string, version: number): Promise<TrainingCompletionSummary> {
  const cohort = await requireOpenCohort(context, cohortId);
  if (version !== cohort.version) throw new AppError('conflict');
  const sessions = await cohortSessions(context.db, cohortId);
  const participants = await context.db
    .selectFrom('training_participant as p')
    .innerJoin('member as m', 'm.id', 'p.member_id')
    .select([
      'p.id', 'p.passed', 'p.withdrawn',
      sql<number>`(SELECT count(*)::int FROM training_attendance a WHERE a.participant_id = p.id AND a.present)`.as('attended'),
    ])
    .where('p.cohort_id', '=', cohortId)
    .orderBy('m.name')
    .orderBy('p.id')
    .execute();
  const prefix = await certificatePrefix(context.db, { id: cohort.agency_id, shortName: cohort.agency_short_name }, cohort.end_date.slice(0, 4));
  let completed = 0;
  const followUps: { participant_id: string; milestone: 3 | 6 | 12; due_on: string }[] = [];
  await context.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('training_cohort')
      .set({ status: 'completed', completed_at: new Date(), version: cohort.version + 1, updated_at: new Date() })
      .where('id', '=', cohortId)
      .where('version', '=', cohort.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('conflict');
    for (const participant of participants) {
      const result = completionOf({
        sessions: sessions.length, attended: participant.attended, passed: participant.passed, withdrawn: participant.withdrawn,
        minAttendancePercent: cohort.min_attendance_percent,
      });
      const graduate = result.outcome === 'completed';
      if (graduate) completed += 1;
      await trx
        .updateTable('training_participant')
        .set({
          outcome: result.outcome, attended_sessions: participant.attended, session_count: sessions.length,
          certificate_number: graduate ? `${prefix}${String(completed).padStart(3, '0')}` : null, updated_at: new Date(),
        })
        .where('id', '=', participant.id)
        .execute();
      if (graduate) for (const months of FOLLOW_UP_MONTHS) followUps.push({ participant_id: participant.id, milestone: months, due_on: followUpDueDate(cohort.end_date, months) });
    }
    if (followUps.length > 0) await trx.insertInto('training_follow_up').values(followUps).execute();
  });
  const summary = { participants: participants.length, completed, notCompleted: participants.length - completed, followUps: followUps.length };
  await audit(context, { action: 'update', entity: 'training_cohort', entityId: cohortId, details: { status: 'completed', ...summary } });
  return summary;
}
