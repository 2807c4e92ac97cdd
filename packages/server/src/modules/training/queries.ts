import type { TrainingCohortListQuery, TrainingCourseListQuery } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import { containsPattern } from '../../db/like.ts';
import type { DB } from '../../db/schema/index.ts';

/** Courses with their owner agency and LPK, and how many cohorts each has. */
export function courseRows(db: Kysely<DB>) {
  return db
    .selectFrom('training_course as c')
    .innerJoin('agency as a', 'a.id', 'c.agency_id')
    .leftJoin('partner as l', 'l.id', 'c.lpk_partner_id')
    .select([
      'c.id', 'c.name', 'c.skill', 'c.description', 'c.agency_id', 'a.short_name as agency_short_name', 'c.lpk_partner_id', 'l.name as lpk_name',
      'c.hours', 'c.min_attendance_percent',
      sql<number>`(SELECT count(*)::int FROM training_cohort h WHERE h.course_id = c.id)`.as('cohort_count'),
    ]);
}
export type CourseRow = Awaited<ReturnType<ReturnType<typeof courseRows>['executeTakeFirstOrThrow']>>;

export async function listCourses(db: Kysely<DB>, query: TrainingCourseListQuery): Promise<{ rows: CourseRow[]; total: number }> {
  let filtered = courseRows(db);
  if (query.q) filtered = filtered.where('c.name', 'ilike', containsPattern(query.q));
  if (query.agencyId) filtered = filtered.where('c.agency_id', '=', query.agencyId);
  if (query.skill) filtered = filtered.where('c.skill', '=', query.skill);
  const [rows, total] = await Promise.all([
    filtered.orderBy('c.name').orderBy('c.id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    filtered.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** Cohorts with course, agency, LPK and participant counts (withdrawn ones do not hold a seat). */
export function cohortRows(db: Kysely<DB>) {
  return db
    .selectFrom('training_cohort as h')
    .innerJoin('training_course as c', 'c.id', 'h.course_id')
    .innerJoin('agency as a', 'a.id', 'c.agency_id')
    .leftJoin('partner as l', 'l.id', 'c.lpk_partner_id')
    .leftJoin('partner as pp', 'pp.id', 'h.place_partner_id')
    .leftJoin('region as r', 'r.code', 'h.region_code')
    .select([
      'h.id', 'h.course_id', 'c.name as course_name', 'c.skill', 'c.agency_id', 'a.short_name as agency_short_name', 'l.name as lpk_name',
      'h.name', 'h.place_kind', 'h.place_name', 'h.place_partner_id', 'pp.name as place_partner_name', 'h.region_code', 'r.name as region_name',
      'h.start_date', 'h.end_date', 'h.trainers', 'h.seats', 'h.status', 'h.completed_at', 'h.version', 'c.min_attendance_percent', 'c.hours',
      sql<number>`(SELECT count(*)::int FROM training_participant p WHERE p.cohort_id = h.id AND NOT p.withdrawn)`.as('participants'),
      sql<number>`(SELECT count(*)::int FROM training_participant p WHERE p.cohort_id = h.id AND p.outcome = 'completed')`.as('completed'),
    ]);
}
export type CohortRow = Awaited<ReturnType<ReturnType<typeof cohortRows>['executeTakeFirstOrThrow']>>;

export async function findCohort(db: Kysely<DB>, id: string): Promise<CohortRow | undefined> {
  return cohortRows(db).where('h.id', '=', id).executeTakeFirst();
}

export async function listCohorts(db: Kysely<DB>, query: TrainingCohortListQuery): Promise<{ rows: CohortRow[]; total: number }> {
  let filtered = cohortRows(db);
  if (query.courseId) filtered = filtered.where('h.course_id', '=', query.courseId);
  if (query.agencyId) filtered = filtered.where('c.agency_id', '=', query.agencyId);
  if (query.status) filtered = filtered.where('h.status', '=', query.status);
  if (query.placeKind) filtered = filtered.where('h.place_kind', '=', query.placeKind);
  const [rows, total] = await Promise.all([
    filtered.orderBy('h.start_date', 'desc').orderBy('h.name').orderBy('h.id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    filtered.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export async function cohortSessions(db: Kysely<DB>, cohortId: string) {
  return db.selectFrom('training_session').select(['id', 'session_date as date', 'topic']).where('cohort_id', '=', cohortId)
    .orderBy('session_date').orderBy('id').execute();
}
