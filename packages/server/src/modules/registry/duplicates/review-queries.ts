import type { DuplicateStatus } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';

/**
 * One side of a pair as a lateral subquery: the member as it is now, or, for the member a merge removed, its data
 * as recorded in registry_change (source 'merge', {field: [old, null]}). Exposes village_code and kecamatan_code
 * so that the registry's scope condition applies to it like to a family.
 */
function side(memberId: RawBuilder<string>) {
  return sql`
    SELECT m.id IS NOT NULL AS present,
      coalesce(m.nik, s.changes->'nik'->>0) AS nik,
      coalesce(m.name, s.changes->'name'->>0) AS name,
      coalesce(m.birth_date::text, s.changes->'birthDate'->>0) AS birth_date,
      coalesce(m.sex, s.changes->'sex'->>0) AS sex,
      coalesce(m.relation, (s.changes->'relation'->>0)::smallint) AS relation,
      f.id AS family_id, f.no_kk, f.head_name, f.address, f.village_code, f.kecamatan_code,
      v.name AS village_name, k.name AS kecamatan_name
    FROM (SELECT ${memberId} AS id) x
    LEFT JOIN member m ON m.id = x.id
    LEFT JOIN LATERAL (
      SELECT rc.changes FROM registry_change rc
      WHERE m.id IS NULL AND rc.entity = 'member' AND rc.entity_id = x.id AND rc.source = 'merge'
      ORDER BY rc.at DESC, rc.id DESC LIMIT 1
    ) s ON true
    LEFT JOIN family f ON f.id = coalesce(m.family_id, (s.changes->'familyId'->>0)::uuid)
    LEFT JOIN region v ON v.code = f.village_code
    LEFT JOIN region k ON k.code = f.kecamatan_code`;
}

export interface CandidateFilter {
  status?: DuplicateStatus;
  id?: string;
  /** Pairs with one of these members on either side. */
  memberIds?: string[];
  /** From familyScopeCondition on aliases `a` and `b` (each side's current family). */
  scopeA: RawBuilder<boolean> | null;
  scopeB: RawBuilder<boolean> | null;
  /** Cheap pre-filter on the pair's village (both sides lived there when found). */
  villageScope: RawBuilder<boolean> | null;
  region: { kind: 'village' | 'kecamatan' | 'below'; code: string } | null;
}

function whereOf(filter: CandidateFilter): RawBuilder<boolean> {
  const conditions: RawBuilder<boolean>[] = [];
  if (filter.id) conditions.push(sql<boolean>`c.id = ${filter.id}`);
  if (filter.status) conditions.push(sql<boolean>`c.status = ${filter.status}`);
  if (filter.memberIds) {
    conditions.push(sql<boolean>`(c.member_a = ANY(${filter.memberIds}::uuid[]) OR c.member_b = ANY(${filter.memberIds}::uuid[]))`);
  }
  // An open pair whose member is gone is stale until the next scan removes it; it cannot be decided.
  if (filter.status === 'open') conditions.push(sql<boolean>`a.present AND b.present`);
  for (const condition of [filter.villageScope, filter.scopeA, filter.scopeB]) if (condition) conditions.push(condition);
  const region = filter.region;
  if (region?.kind === 'village') conditions.push(sql<boolean>`c.village_code = ${region.code}`);
  if (region?.kind === 'kecamatan') conditions.push(sql<boolean>`c.kecamatan_code = ${region.code}`);
  if (region?.kind === 'below') conditions.push(sql<boolean>`c.village_code LIKE ${region.code + '.%'}`);
  return conditions.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(conditions, sql` AND `)}`;
}

export interface CandidateRow {
  id: string;
  status: DuplicateStatus;
  score: number;
  reasons: unknown;
  village_code: string;
  found_at: Date;
  member_a: string;
  member_b: string;
  kept_member_id: string | null;
  decided_at: Date | null;
  note: string | null;
  decided_by_id: string | null;
  decided_by_username: string | null;
  decided_by_name: string | null;
  a: SideRow;
  b: SideRow;
}

export interface SideRow {
  present: boolean;
  nik: string | null;
  name: string | null;
  birth_date: string | null;
  sex: 'L' | 'P' | null;
  relation: number | null;
  family_id: string | null;
  no_kk: string | null;
  head_name: string | null;
  address: string | null;
  village_code: string | null;
  kecamatan_code: string | null;
  village_name: string | null;
  kecamatan_name: string | null;
}

const FROM = (filter: CandidateFilter) => sql`
  FROM duplicate_candidate c
  CROSS JOIN LATERAL (${side(sql`c.member_a`)}) a
  CROSS JOIN LATERAL (${side(sql`c.member_b`)}) b
  LEFT JOIN app_user u ON u.id = c.decided_by
  WHERE ${whereOf(filter)}`;

/** One page of pairs, best score first when open, latest decision first otherwise. */
export async function listCandidates(db: Kysely<DB>, filter: CandidateFilter, page: { limit: number; offset: number }): Promise<CandidateRow[]> {
  const order = filter.status === 'open' ? sql`c.score DESC, c.id` : sql`c.decided_at DESC NULLS LAST, c.id`;
  const result = await sql<CandidateRow>`
    SELECT c.id, c.status, c.score, c.reasons, c.village_code, c.found_at, c.member_a, c.member_b, c.kept_member_id,
      c.decided_at, c.note, u.id AS decided_by_id, u.username AS decided_by_username, u.full_name AS decided_by_name,
      to_jsonb(a) AS a, to_jsonb(b) AS b
    ${FROM(filter)}
    ORDER BY ${order}
    LIMIT ${page.limit} OFFSET ${page.offset}`
    .execute(db)
    .then((r) => r.rows);
  return result;
}

export async function countCandidates(db: Kysely<DB>, filter: CandidateFilter): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n ${FROM(filter)}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** One pair by the filter (its id and the caller's scope). */
export async function findCandidate(db: Kysely<DB>, filter: CandidateFilter): Promise<CandidateRow | undefined> {
  const [row] = await listCandidates(db, filter, { limit: 1, offset: 0 });
  return row;
}
