import {
  type Page, type TrainingCohort, type TrainingCohortInput, type TrainingCohortListItem, type TrainingCohortListQuery, type TrainingCohortUpdate,
  type TrainingPlaceKind, type TrainingSession, type TrainingSkill,
} from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { requireRegionInJurisdiction } from '../regions/service.ts';
import { audit, mayManageTraining, requireManageTraining, type TrainingContext } from './context.ts';
import { requireCourse, requirePartner } from './course-service.ts';
import { cohortSessions, findCohort, listCohorts, type CohortRow } from './queries.ts';

type CohortValues = z.output<typeof TrainingCohortInput>;
type CohortUpdateValues = z.output<typeof TrainingCohortUpdate>;
type SessionValues = { date: string; topic: string | null };

const iso = (value: Date | null) => (value === null ? null : new Date(value).toISOString());

function toListItem(row: CohortRow): TrainingCohortListItem {
  return {
    id: row.id, courseId: row.course_id, courseName: row.course_name, skill: row.skill as TrainingSkill, agencyId: row.agency_id,
    agencyShortName: row.agency_short_name, lpkName: row.lpk_name, name: row.name, placeKind: row.place_kind, placeName: row.place_name,
    startDate: row.start_date, endDate: row.end_date, seats: row.seats, participants: row.participants, completed: row.completed, status: row.status,
  };
}

export async function requireCohort(db: Kysely<DB>, id: string): Promise<CohortRow> {
  const row = await findCohort(db, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** A cohort the user may change: the owner agency's, not yet completed. */
export async function requireOpenCohort(context: TrainingContext, id: string): Promise<CohortRow> {
  const cohort = await requireCohort(context.db, id);
  requireManageTraining(context.user, cohort);
  if (cohort.status === 'completed') throw new AppError('training_cohort_completed');
  return cohort;
}

export async function getCohort(context: TrainingContext, id: string): Promise<TrainingCohort> {
  const row = await requireCohort(context.db, id);
  const sessions: TrainingSession[] = await cohortSessions(context.db, id);
  return {
    ...toListItem(row), placePartnerId: row.place_partner_id, placePartnerName: row.place_partner_name, regionCode: row.region_code,
    regionName: row.region_name, trainers: row.trainers, minAttendancePercent: row.min_attendance_percent, sessions, completedAt: iso(row.completed_at),
    version: row.version, canManage: mayManageTraining(context.user, row.agency_id) && row.status === 'open',
  };
}

export async function searchCohorts(context: TrainingContext, query: TrainingCohortListQuery): Promise<Page<TrainingCohortListItem>> {
  const { rows, total } = await listCohorts(context.db, query);
  return { items: rows.map(toListItem), total, page: query.page, pageSize: query.pageSize };
}

/** One session per working day (Monday to Friday) from start to end, at most 200. */
export function workingDays(startDate: string, endDate: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${startDate}T00:00:00Z`); day.toISOString().slice(0, 10) <= endDate && days.length < 200; day.setUTCDate(day.getUTCDate() + 1)) {
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

function checkSessionDates(sessions: readonly SessionValues[], period: { startDate: string; endDate: string }): void {
  for (const session of sessions) {
    if (session.date < period.startDate || session.date > period.endDate) {
      throw new AppError('training_session_outside_cohort', { date: session.date, from: period.startDate, to: period.endDate });
    }
  }
}

/** Place partner of the right kind (a prison cohort's partner is a prison) and a region of the jurisdiction. */
async function checkPlace(context: TrainingContext, input: { placeKind: TrainingPlaceKind; placePartnerId: string | null; regionCode: string | null }): Promise<void> {
  if (input.placePartnerId) await requirePartner(context.db, input.placePartnerId, input.placeKind === 'prison' ? 'prison' : null);
  if (input.regionCode) await requireRegionInJurisdiction(context.db, context.config, input.regionCode);
}

/** Creates a cohort of a course (owner agency) with its sessions: the given ones, else every working day of the period. */
export async function createCohort(context: TrainingContext, input: CohortValues): Promise<TrainingCohort> {
  const course = await requireCourse(context.db, input.courseId);
  requireManageTraining(context.user, course);
  await checkPlace(context, input);
  const sessions: SessionValues[] = input.sessions ?? workingDays(input.startDate, input.endDate).map((date) => ({ date, topic: null }));
  checkSessionDates(sessions, input);
  const id = await context.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('training_cohort')
      .values({
        course_id: course.id, name: input.name, place_kind: input.placeKind, place_name: input.placeName, place_partner_id: input.placePartnerId,
        region_code: input.regionCode, start_date: input.startDate, end_date: input.endDate, trainers: input.trainers, seats: input.seats,
        created_by: context.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (sessions.length > 0) {
      await trx.insertInto('training_session').values(sessions.map((session) => ({ cohort_id: row.id, session_date: session.date, topic: session.topic }))).execute();
    }
    return row.id;
  });
  await audit(context, { action: 'create', entity: 'training_cohort', entityId: id, details: { course: course.name, name: input.name, seats: input.seats, sessions: sessions.length } });
  return getCohort(context, id);
}

/** Changes an open cohort; seats never below the participants it holds, sessions stay inside the period. */
export async function updateCohort(context: TrainingContext, id: string, input: CohortUpdateValues): Promise<TrainingCohort> {
  const cohort = await requireOpenCohort(context, id);
  if (input.version !== cohort.version) throw new AppError('conflict');
  if (input.seats < cohort.participants) throw new AppError('training_seats_below_participants', { participants: cohort.participants, seats: input.seats });
  await checkPlace(context, input);
  checkSessionDates(await cohortSessions(context.db, id), input);
  const updated = await context.db
    .updateTable('training_cohort')
    .set({
      name: input.name, place_kind: input.placeKind, place_name: input.placeName, place_partner_id: input.placePartnerId, region_code: input.regionCode,
      start_date: input.startDate, end_date: input.endDate, trainers: input.trainers, seats: input.seats, version: cohort.version + 1, updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', cohort.version)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw new AppError('conflict');
  await audit(context, { action: 'update', entity: 'training_cohort', entityId: id, details: { name: input.name, seats: input.seats } });
  return getCohort(context, id);
}

export async function addSession(context: TrainingContext, cohortId: string, input: SessionValues): Promise<TrainingCohort> {
  const cohort = await requireOpenCohort(context, cohortId);
  checkSessionDates([input], { startDate: cohort.start_date, endDate: cohort.end_date });
  const row = await context.db.insertInto('training_session').values({ cohort_id: cohortId, session_date: input.date, topic: input.topic }).returning('id').executeTakeFirstOrThrow();
  await audit(context, { action: 'create', entity: 'training_session', entityId: row.id, details: { cohortId, date: input.date } });
  return getCohort(context, cohortId);
}

/** Removes a session with its attendance (a meeting that did not take place). */
export async function removeSession(context: TrainingContext, cohortId: string, sessionId: string): Promise<TrainingCohort> {
  await requireOpenCohort(context, cohortId);
  const removed = await context.db.deleteFrom('training_session').where('id', '=', sessionId).where('cohort_id', '=', cohortId).executeTakeFirst();
  if (removed.numDeletedRows === 0n) throw new AppError('not_found');
  await audit(context, { action: 'delete', entity: 'training_session', entityId: sessionId, details: { cohortId } });
  return getCohort(context, cohortId);
}
