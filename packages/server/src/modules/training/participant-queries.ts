import type { TrainingCandidateQuery } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { containsPattern } from '../../db/like.ts';
import type { DB } from '../../db/schema/index.ts';

/** Facts on a member that decide his target group; `m` is the member, `m.family_id` his family. */
const INMATE = sql<boolean>`'warga_binaan' = ANY (m.special_status)`;
const DISABILITY = sql<boolean>`cardinality(m.disabilities) > 0`;
/** The family was decreed or served a business package. */
const BUSINESS_FAMILY = sql<boolean>`EXISTS (
  SELECT 1 FROM program_enrolment e JOIN program g ON g.id = e.program_id
   WHERE e.family_id = m.family_id AND g.kind = 'business_package' AND e.status IN ('in_decree', 'served', 'finished'))`;

export interface CandidateRow {
  member_id: string;
  family_id: string;
  name: string;
  nik: string;
  sex: 'L' | 'P' | null;
  birth_date: string | null;
  village_code: string;
  village_name: string | null;
  kecamatan_name: string | null;
  inmate: boolean;
  disability: boolean;
  business_family: boolean;
  enrolled: boolean;
}

/** Current members matching the search (a whole NIK, or part of the name through the registry's name list) and group. */
export async function candidateRows(
  db: Kysely<DB>,
  cohortId: string,
  query: TrainingCandidateQuery,
  scope: RawBuilder<boolean> | null,
  memberId?: string,
): Promise<CandidateRow[]> {
  const where: RawBuilder<SqlBool>[] = [sql`m.status = 'active'`];
  if (memberId) where.push(sql`m.id = ${memberId}::uuid`);
  if (query.q && /^\d{16}$/.test(query.q)) where.push(sql`m.nik = ${query.q}`);
  else if (query.q) where.push(sql`m.name IN (SELECT n.name FROM registry_name n WHERE n.name ILIKE ${containsPattern(query.q)} LIMIT 500)`);
  if (query.group === 'inmate') where.push(INMATE);
  if (query.group === 'disability') where.push(DISABILITY);
  if (query.group === 'business_family') where.push(BUSINESS_FAMILY);
  if (scope) where.push(scope);
  const result = await sql<CandidateRow>`
    SELECT m.id AS member_id, m.family_id, m.name, m.nik, m.sex, m.birth_date, f.village_code, v.name AS village_name, k.name AS kecamatan_name,
           ${INMATE} AS inmate, ${DISABILITY} AS disability, ${BUSINESS_FAMILY} AS business_family,
           EXISTS (SELECT 1 FROM training_participant t WHERE t.cohort_id = ${cohortId}::uuid AND t.member_id = m.id) AS enrolled
      FROM member m
      JOIN family f ON f.id = m.family_id
      LEFT JOIN region v ON v.code = f.village_code
      LEFT JOIN region k ON k.code = f.kecamatan_code
     WHERE ${sql.join(where, sql` AND `)}
     ORDER BY m.name, m.id
     LIMIT ${query.limit}`.execute(db);
  return result.rows;
}

/** The cohort's participants with their family's place and the sessions they attended. */
export function participantRows(db: Kysely<DB>) {
  return db
    .selectFrom('training_participant as p')
    .innerJoin('member as m', 'm.id', 'p.member_id')
    .innerJoin('family as f', 'f.id', 'p.family_id')
    .leftJoin('region as v', 'v.code', 'f.village_code')
    .leftJoin('region as k', 'k.code', 'f.kecamatan_code')
    .leftJoin('agency as ra', 'ra.id', 'p.referred_by_agency_id')
    .select([
      'p.id', 'p.cohort_id', 'p.member_id', 'p.family_id', 'm.name', 'm.nik', 'm.sex', 'f.village_code', 'v.name as village_name', 'k.name as kecamatan_name',
      'p.target_group', 'p.referral_id', 'ra.short_name as referred_by', 'p.withdrawn', 'p.passed', 'p.outcome', 'p.attended_sessions', 'p.session_count',
      'p.certificate_number',
      sql<string[]>`coalesce((SELECT array_agg(a.session_id::text ORDER BY a.session_id) FROM training_attendance a
                               WHERE a.participant_id = p.id AND a.present), '{}')`.as('present_session_ids'),
    ]);
}
export type ParticipantRow = Awaited<ReturnType<ReturnType<typeof participantRows>['executeTakeFirstOrThrow']>>;
