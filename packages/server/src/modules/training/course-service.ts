import type { Page, TrainingCourse, TrainingCourseInput, TrainingCourseListQuery, TrainingSkill } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { audit, mayManageTraining, requireManageTraining, type TrainingContext } from './context.ts';
import { courseRows, listCourses, type CourseRow } from './queries.ts';

type CourseValues = z.output<typeof TrainingCourseInput>;

function toCourse(context: TrainingContext, row: CourseRow): TrainingCourse {
  return {
    id: row.id, name: row.name, skill: row.skill as TrainingSkill, description: row.description, agencyId: row.agency_id,
    agencyShortName: row.agency_short_name, lpkPartnerId: row.lpk_partner_id, lpkName: row.lpk_name, hours: row.hours,
    minAttendancePercent: row.min_attendance_percent, cohortCount: row.cohort_count, canManage: mayManageTraining(context.user, row.agency_id),
  };
}

export async function requireCourse(db: Kysely<DB>, id: string): Promise<CourseRow> {
  const row = await courseRows(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/** A partner that must exist and be of the given type (an LPK for a course, a prison for a prison cohort). */
export async function requirePartner(db: Kysely<DB>, id: string, type: string | null): Promise<{ id: string; name: string }> {
  const partner = await db.selectFrom('partner').select(['id', 'name', 'type']).where('id', '=', id).executeTakeFirst();
  if (!partner) throw new AppError('validation_failed', {}, [{ path: '/partnerId', message: 'mitra tidak dikenal / unknown partner' }]);
  if (type !== null && partner.type !== type) throw new AppError('training_partner_type', { name: partner.name, type: type.toUpperCase() });
  return partner;
}

export async function getCourse(context: TrainingContext, id: string): Promise<TrainingCourse> {
  return toCourse(context, await requireCourse(context.db, id));
}

export async function searchCourses(context: TrainingContext, query: TrainingCourseListQuery): Promise<Page<TrainingCourse>> {
  const { rows, total } = await listCourses(context.db, query);
  return { items: rows.map((row) => toCourse(context, row)), total, page: query.page, pageSize: query.pageSize };
}

/** Creates a course for the user's agency (admins: any agency). */
export async function createCourse(context: TrainingContext, input: CourseValues): Promise<TrainingCourse> {
  const agencyId = input.agencyId ?? context.user.agencyId;
  const agency = await context.db.selectFrom('agency').select(['id', 'short_name']).where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw new AppError('unknown_agency');
  requireManageTraining(context.user, { agency_id: agency.id, agency_short_name: agency.short_name });
  if (input.lpkPartnerId) await requirePartner(context.db, input.lpkPartnerId, 'lpk');
  const row = await context.db
    .insertInto('training_course')
    .values({
      agency_id: agency.id, name: input.name, skill: input.skill, description: input.description, lpk_partner_id: input.lpkPartnerId,
      hours: input.hours, min_attendance_percent: input.minAttendancePercent, created_by: context.user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(context, { action: 'create', entity: 'training_course', entityId: row.id, details: { name: input.name, skill: input.skill, agency: agency.short_name } });
  return getCourse(context, row.id);
}

/** Changes a course (owner agency); the owner agency itself stays. */
export async function updateCourse(context: TrainingContext, id: string, input: CourseValues): Promise<TrainingCourse> {
  const before = await requireCourse(context.db, id);
  requireManageTraining(context.user, before);
  if (input.lpkPartnerId) await requirePartner(context.db, input.lpkPartnerId, 'lpk');
  await context.db
    .updateTable('training_course')
    .set({
      name: input.name, skill: input.skill, description: input.description, lpk_partner_id: input.lpkPartnerId, hours: input.hours,
      min_attendance_percent: input.minAttendancePercent, updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  await audit(context, { action: 'update', entity: 'training_course', entityId: id, details: { name: input.name, minAttendancePercent: input.minAttendancePercent } });
  return getCourse(context, id);
}
