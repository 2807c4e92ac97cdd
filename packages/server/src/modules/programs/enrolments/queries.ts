import {
  maskIdNumber, type Enrolment, type EnrolmentChange, type EnrolmentListQuery, type EnrolmentReason, type EnrolmentStatus,
} from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { containsPattern } from '../../../db/like.ts';
import type { DB, EnrolmentChangeTable } from '../../../db/schema/index.ts';
import { iso, isoOrNull } from '../present.ts';

/** An enrolment with what the lists show about its family and decree. */
export interface EnrolmentRow {
  id: string;
  program_id: string;
  family_id: string;
  no_kk: string;
  head_name: string | null;
  village_code: string;
  village_name: string;
  kecamatan_code: string;
  kecamatan_name: string;
  desil: number | null;
  status: EnrolmentStatus;
  reason: EnrolmentReason | null;
  note: string | null;
  source: 'targeting' | 'replacement';
  rank: number | null;
  score: number | null;
  replaces_id: string | null;
  replaced_by_id: string | null;
  verified_on: string | null;
  verified_by_name: string | null;
  decree_id: string | null;
  decree_number: string | null;
  served_at: Date | null;
  version: number;
  updated_at: Date;
}

const SELECT_ENROLMENT = sql`
  SELECT e.id, e.program_id, e.family_id, f.no_kk, f.head_name, e.village_code, v.name AS village_name, e.kecamatan_code, k.name AS kecamatan_name,
         f.desil_national AS desil, e.status, e.reason, e.note, e.source, e.rank, e.score, e.replaces_id,
         (SELECT r.id FROM program_enrolment r WHERE r.replaces_id = e.id) AS replaced_by_id,
         e.verified_on, u.full_name AS verified_by_name, e.decree_id, d.number AS decree_number, e.served_at, e.version, e.updated_at
    FROM program_enrolment e
    JOIN family f ON f.id = e.family_id
    JOIN region v ON v.code = e.village_code
    JOIN region k ON k.code = e.kecamatan_code
    LEFT JOIN app_user u ON u.id = e.verified_by
    LEFT JOIN program_decree d ON d.id = e.decree_id`;

export async function findEnrolment(db: Kysely<DB>, programId: string, id: string): Promise<EnrolmentRow | undefined> {
  const result = await sql<EnrolmentRow>`${SELECT_ENROLMENT} WHERE e.id = ${id}::uuid AND e.program_id = ${programId}::uuid`.execute(db);
  return result.rows[0];
}

export interface EnrolmentFilter {
  programId: string;
  /** The user's scope on alias `e`, null for the whole jurisdiction. */
  scope: RawBuilder<SqlBool> | null;
  region: RawBuilder<SqlBool> | null;
  status?: EnrolmentStatus | undefined;
  q?: string | undefined;
  decreeId?: string | undefined;
}

function conditions(filter: EnrolmentFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`e.program_id = ${filter.programId}::uuid`];
  if (filter.scope) parts.push(filter.scope);
  if (filter.region) parts.push(filter.region);
  if (filter.status) parts.push(sql<SqlBool>`e.status = ${filter.status}`);
  if (filter.q) parts.push(sql<SqlBool>`f.head_name ILIKE ${containsPattern(filter.q)}`);
  if (filter.decreeId) parts.push(sql<SqlBool>`e.decree_id = ${filter.decreeId}::uuid`);
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

/** Enrolments by kecamatan, village, rank (families drawn as replacements come after those of the first draw). */
export async function listEnrolments(db: Kysely<DB>, filter: EnrolmentFilter, page: Pick<EnrolmentListQuery, 'page' | 'pageSize'> | null): Promise<EnrolmentRow[]> {
  const limit = page ? sql`LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}` : sql``;
  const result = await sql<EnrolmentRow>`${SELECT_ENROLMENT} WHERE ${conditions(filter)}
    ORDER BY e.kecamatan_code, e.village_code, e.rank NULLS LAST, f.no_kk COLLATE "C" ${limit}`.execute(db);
  return result.rows;
}

export async function countEnrolments(db: Kysely<DB>, filter: EnrolmentFilter): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM program_enrolment e JOIN family f ON f.id = e.family_id WHERE ${conditions(filter)}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** The enrolment as the API shows it; the No KK masked unless `unmasked`. */
export function toEnrolment(row: EnrolmentRow, unmasked = false): Enrolment {
  return {
    id: row.id, programId: row.program_id, familyId: row.family_id, noKk: unmasked ? row.no_kk : maskIdNumber(row.no_kk), headName: row.head_name,
    villageCode: row.village_code, villageName: row.village_name, kecamatanCode: row.kecamatan_code, kecamatanName: row.kecamatan_name,
    desil: row.desil, status: row.status, reason: row.reason, note: row.note, source: row.source, rank: row.rank, score: row.score,
    replacesId: row.replaces_id, replacedById: row.replaced_by_id, verifiedOn: row.verified_on, verifiedBy: row.verified_by_name,
    decreeId: row.decree_id, decreeNumber: row.decree_number, servedAt: isoOrNull(row.served_at), version: row.version, updatedAt: iso(row.updated_at),
  };
}

export type ChangeValues = Omit<EnrolmentChangeTable, 'id' | 'at' | 'post_decree'> & { post_decree?: boolean };

export async function insertChange(db: Kysely<DB>, change: ChangeValues): Promise<void> {
  await db.insertInto('enrolment_change').values(change).execute();
}

export async function enrolmentHistory(db: Kysely<DB>, enrolmentId: string): Promise<EnrolmentChange[]> {
  const rows = await db
    .selectFrom('enrolment_change as c')
    .leftJoin('app_user as u', 'u.id', 'c.user_id')
    .leftJoin('program_decree as d', 'd.id', 'c.decree_id')
    .select([
      'c.id', 'c.action', 'c.from_status', 'c.to_status', 'c.reason', 'c.note', 'c.post_decree', 'd.number as decree_number', 'c.related_id',
      'c.field_date', 'u.full_name as user_name', 'c.at',
    ])
    .where('c.enrolment_id', '=', enrolmentId)
    .orderBy('c.id')
    .execute();
  return rows.map((row) => ({
    id: row.id, action: row.action, fromStatus: row.from_status, toStatus: row.to_status, reason: row.reason, note: row.note,
    postDecree: row.post_decree, decreeNumber: row.decree_number, relatedId: row.related_id, fieldDate: row.field_date, user: row.user_name,
    at: iso(row.at),
  }));
}
