import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';

export interface ChangeRow {
  id: number;
  at: Date;
  entity: 'family' | 'member';
  entity_id: string;
  member_name: string | null;
  source: 'import' | 'edit' | 'merge';
  batch_id: string | null;
  file_name: string | null;
  user_id: string | null;
  username: string | null;
  full_name: string | null;
  changes: Record<string, unknown>;
}

/**
 * The family's own changes and those of everyone recorded on it (also members who died or left, and a member's
 * changes from before they moved in), with who made them and from which import. Served by the family and entity indexes.
 */
function changesOfFamily(db: Kysely<DB>, familyId: string, memberId: string | undefined) {
  // Two index lookups joined by UNION rather than one OR, which would read the whole (large) change table.
  const ids = db
    .selectFrom('registry_change')
    .select('id')
    .where('family_id', '=', familyId)
    .union(
      db
        .selectFrom('member as mm')
        .innerJoin('registry_change as mc', (join) => join.onRef('mc.entity_id', '=', 'mm.id').on('mc.entity', '=', 'member'))
        .select('mc.id')
        .where('mm.family_id', '=', familyId),
    );
  return db
    .selectFrom('registry_change as c')
    .leftJoin('member as m', (join) => join.onRef('m.id', '=', 'c.entity_id').on('c.entity', '=', 'member'))
    .leftJoin('import_batch as b', 'b.id', 'c.batch_id')
    .leftJoin('app_user as u', 'u.id', 'c.user_id')
    .where('c.id', 'in', ids)
    .$if(memberId !== undefined, (qb) => qb.where('c.entity', '=', 'member').where('c.entity_id', '=', memberId ?? ''));
}

/** One page, newest first. */
export async function familyChangePage(db: Kysely<DB>, familyId: string, memberId: string | undefined, page: { limit: number; offset: number }): Promise<ChangeRow[]> {
  const rows = await changesOfFamily(db, familyId, memberId)
    .select([
      'c.id',
      'c.at',
      'c.entity',
      'c.entity_id',
      'm.name as member_name',
      'c.source',
      'c.batch_id',
      'b.file_name',
      'c.user_id',
      'u.username',
      'u.full_name',
      'c.changes',
    ])
    .orderBy('c.at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows as ChangeRow[];
}

export async function countFamilyChanges(db: Kysely<DB>, familyId: string, memberId: string | undefined): Promise<number> {
  const row = await changesOfFamily(db, familyId, memberId).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

const DESIL_FIELDS = ['desilNational', 'desilProvince', 'desilRegency'];

/** The family's own changes that touched a desil, oldest first. */
export async function desilChanges(db: Kysely<DB>, familyId: string): Promise<ChangeRow[]> {
  const rows = await db
    .selectFrom('registry_change as c')
    .leftJoin('import_batch as b', 'b.id', 'c.batch_id')
    .leftJoin('app_user as u', 'u.id', 'c.user_id')
    .select([
      'c.id',
      'c.at',
      'c.entity',
      'c.entity_id',
      sql<null>`NULL`.as('member_name'),
      'c.source',
      'c.batch_id',
      'b.file_name',
      'c.user_id',
      'u.username',
      'u.full_name',
      'c.changes',
    ])
    .where('c.entity', '=', 'family')
    .where('c.entity_id', '=', familyId)
    .where(sql<boolean>`c.changes ?| ${sql.val(DESIL_FIELDS)}::text[]`)
    .orderBy('c.at')
    .orderBy('c.id')
    .execute();
  return rows as ChangeRow[];
}

export interface MembershipRow {
  id: string;
  member_id: string;
  name: string;
  nik: string;
  relation: number | null;
  start_date: string;
  end_date: string | null;
  end_reason: 'moved' | 'deceased' | 'left' | null;
  from_id: string | null;
  from_no_kk: string | null;
  to_id: string | null;
  to_no_kk: string | null;
}

/**
 * Every membership of the family card, oldest first, each with the card the member came from or moved to: a move
 * ends one membership and starts the next on the same date (the import leaves the end reason empty).
 */
export async function familyMemberships(db: Kysely<DB>, familyId: string): Promise<MembershipRow[]> {
  const result = await sql<MembershipRow>`
    SELECT fm.id, fm.member_id, m.name, m.nik, fm.relation, fm.start_date, fm.end_date, fm.end_reason,
      prev.family_id AS from_id, pf.no_kk AS from_no_kk, nxt.family_id AS to_id, nf.no_kk AS to_no_kk
    FROM family_membership fm
    JOIN member m ON m.id = fm.member_id
    LEFT JOIN LATERAL (
      SELECT p.family_id FROM family_membership p
      WHERE p.member_id = fm.member_id AND p.family_id <> fm.family_id AND p.end_date = fm.start_date
        AND (p.end_reason IS NULL OR p.end_reason = 'moved')
      ORDER BY p.start_date DESC LIMIT 1
    ) prev ON true
    LEFT JOIN family pf ON pf.id = prev.family_id
    LEFT JOIN LATERAL (
      SELECT n.family_id FROM family_membership n
      WHERE n.member_id = fm.member_id AND n.family_id <> fm.family_id AND n.start_date = fm.end_date
        AND (fm.end_reason IS NULL OR fm.end_reason = 'moved')
      ORDER BY n.start_date LIMIT 1
    ) nxt ON true
    LEFT JOIN family nf ON nf.id = nxt.family_id
    WHERE fm.family_id = ${familyId}
    ORDER BY fm.start_date, fm.end_date NULLS LAST, m.name, fm.id`.execute(db);
  return result.rows;
}
