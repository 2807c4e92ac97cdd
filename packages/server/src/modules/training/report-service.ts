import {
  followUpState, rateCounts, rateCountsBy, TRAINING_TARGET_GROUP_LABELS, TRAINING_TARGET_GROUPS, type ReportParticipant, type TrainingFollowUpStatus,
  type TrainingReport, type TrainingReportQuery, type TrainingTargetGroup,
} from '@sinergi/domain';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { TrainingContext } from './context.ts';

interface ParticipantFacts extends ReportParticipant {
  cohortId: string;
  cohortName: string;
  courseId: string;
  courseName: string;
  targetGroup: TrainingTargetGroup;
  employerPartnerId: string | null;
  employerName: string | null;
}

interface FactRow {
  cohort_id: string;
  cohort_name: string;
  cohort_status: 'open' | 'completed';
  course_id: string;
  course_name: string;
  target_group: TrainingTargetGroup;
  outcome: 'completed' | 'not_completed' | null;
  latest_status: TrainingFollowUpStatus | null;
  employer_partner_id: string | null;
  employer_name: string | null;
}

/** The report's filter on a course aliased `c`. */
function reportFilter(query: TrainingReportQuery): RawBuilder<SqlBool> {
  const where: RawBuilder<SqlBool>[] = [sql`true`];
  if (query.agencyId) where.push(sql`c.agency_id = ${query.agencyId}::uuid`);
  if (query.courseId) where.push(sql`c.id = ${query.courseId}::uuid`);
  return sql<SqlBool>`${sql.join(where, sql` AND `)}`;
}

/**
 * Completion and placement rates in total, by target group, course and cohort, graduates per employer and the
 * follow-up states on today. Counts only, no personal data; withdrawn participants count as not completed.
 */
export async function trainingReport(context: TrainingContext, query: TrainingReportQuery): Promise<TrainingReport> {
  const facts = await sql<FactRow>`
    SELECT h.id AS cohort_id, h.name AS cohort_name, h.status AS cohort_status, c.id AS course_id, c.name AS course_name, p.target_group, p.outcome,
           l.status AS latest_status, l.employer_partner_id, coalesce(e.name, l.employer_name) AS employer_name
      FROM training_participant p
      JOIN training_cohort h ON h.id = p.cohort_id
      JOIN training_course c ON c.id = h.course_id
      LEFT JOIN LATERAL (
        SELECT u.status, u.employer_partner_id, u.employer_name FROM training_follow_up u
         WHERE u.participant_id = p.id AND u.contacted_on IS NOT NULL ORDER BY u.milestone DESC LIMIT 1
      ) l ON true
      LEFT JOIN partner e ON e.id = l.employer_partner_id
     WHERE ${reportFilter(query)}
     ORDER BY c.name, h.start_date, h.name, h.id`.execute(context.db);
  const participants: ParticipantFacts[] = facts.rows.map((row) => ({
    cohortCompleted: row.cohort_status === 'completed', outcome: row.outcome, latestStatus: row.latest_status, cohortId: row.cohort_id,
    cohortName: row.cohort_name, courseId: row.course_id, courseName: row.course_name, targetGroup: row.target_group,
    employerPartnerId: row.employer_partner_id, employerName: row.employer_name,
  }));
  const labels = new Map<string, string>();
  for (const p of participants) labels.set(`course:${p.courseId}`, p.courseName).set(`cohort:${p.cohortId}`, `${p.courseName} — ${p.cohortName}`);
  const rows = (counts: Map<string, ReturnType<typeof rateCounts>>, prefix: string) =>
    [...counts].map(([key, value]) => ({ key, label: labels.get(`${prefix}:${key}`) ?? key, ...value }));
  const byGroupCounts = rateCountsBy(participants, (p) => p.targetGroup);
  const byGroup = TRAINING_TARGET_GROUPS.filter((group) => byGroupCounts.has(group)).map((group) => ({
    key: group, label: TRAINING_TARGET_GROUP_LABELS[group][context.user.language], ...byGroupCounts.get(group)!,
  }));
  return {
    total: { key: 'total', label: context.user.language === 'en' ? 'All participants' : 'Semua peserta', ...rateCounts(participants) },
    byGroup,
    byCourse: rows(rateCountsBy(participants, (p) => p.courseId), 'course'),
    byCohort: rows(rateCountsBy(participants, (p) => p.cohortId), 'cohort'),
    employers: employers(participants),
    followUps: await followUpStates(context, query),
  };
}

/** Graduates working at their latest follow-up, per employer, most first. */
function employers(participants: readonly ParticipantFacts[]): TrainingReport['employers'] {
  const counts = new Map<string, { partnerId: string | null; name: string; graduates: number }>();
  for (const p of participants) {
    if (p.latestStatus !== 'working' || !p.employerName) continue;
    const key = p.employerPartnerId ?? `name:${p.employerName.toLowerCase()}`;
    const entry = counts.get(key) ?? { partnerId: p.employerPartnerId, name: p.employerName, graduates: 0 };
    entry.graduates += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.graduates - a.graduates || a.name.localeCompare(b.name));
}

async function followUpStates(context: TrainingContext, query: TrainingReportQuery): Promise<TrainingReport['followUps']> {
  const rows = await sql<{ due_on: string; contacted_on: string | null }>`
    SELECT u.due_on, u.contacted_on FROM training_follow_up u
      JOIN training_participant p ON p.id = u.participant_id JOIN training_cohort h ON h.id = p.cohort_id JOIN training_course c ON c.id = h.course_id
     WHERE ${reportFilter(query)}`.execute(context.db);
  const states = { due: 0, overdue: 0, done: 0, scheduled: 0 };
  for (const row of rows.rows) states[followUpState(row.due_on, row.contacted_on, context.today)] += 1;
  return states;
}
