import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

/** What the system holds about one person, table by table; each query takes the person's ids gathered first. */

export interface PersonKeys {
  /** The current member and the records merged into it. */
  memberIds: string[];
  /** The current NIK and the NIKs merged into it. */
  niks: string[];
  /** Every family the person belonged to, now or before. */
  familyIds: string[];
}

/** The member under this NIK, or the member it was merged into. */
export async function resolveMember(db: Kysely<DB>, nik: string) {
  const direct = await db.selectFrom('member').selectAll().where('nik', '=', nik).executeTakeFirst();
  if (direct) return direct;
  const merged = await db
    .selectFrom('duplicate_candidate as c')
    .innerJoin('member as m', 'm.id', 'c.kept_member_id')
    .selectAll('m')
    .where('c.removed_nik', '=', nik)
    .where('c.status', '=', 'merged')
    .orderBy('c.decided_at', 'desc')
    .executeTakeFirst();
  return merged;
}

export type PersonMember = NonNullable<Awaited<ReturnType<typeof resolveMember>>>;

/** Records merged into the member, with who merged them and when. */
export async function mergedRecords(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('duplicate_candidate as c')
    .leftJoin('app_user as u', 'u.id', 'c.decided_by')
    .select(['c.removed_member_id', 'c.removed_nik', 'c.decided_at', 'u.username', 'u.full_name'])
    .where('c.kept_member_id', '=', memberId)
    .where('c.status', '=', 'merged')
    .orderBy('c.decided_at')
    .execute();
}

export async function memberships(db: Kysely<DB>, memberIds: string[]) {
  if (memberIds.length === 0) return [];
  return db
    .selectFrom('family_membership as fm')
    .innerJoin('family as f', 'f.id', 'fm.family_id')
    .select(['fm.family_id', 'f.no_kk', 'f.village_code', 'fm.relation', 'fm.start_date', 'fm.end_date'])
    .where('fm.member_id', 'in', memberIds)
    .orderBy('fm.start_date')
    .orderBy('fm.id')
    .execute();
}

/** Field changes of the person's records and of the families they belonged to, oldest first. */
export async function changes(db: Kysely<DB>, keys: PersonKeys) {
  return db
    .selectFrom('registry_change as rc')
    .leftJoin('import_batch as b', 'b.id', 'rc.batch_id')
    .leftJoin('app_user as u', 'u.id', 'rc.user_id')
    .select(['rc.at', 'rc.entity', 'rc.entity_id', 'rc.source', 'rc.changes', 'b.file_name', 'u.username', 'u.full_name'])
    .where((eb) =>
      eb.or([
        ...(keys.memberIds.length ? [eb.and([eb('rc.entity', '=', 'member'), eb('rc.entity_id', 'in', keys.memberIds)])] : []),
        ...(keys.familyIds.length ? [eb.and([eb('rc.entity', '=', 'family'), eb('rc.entity_id', 'in', keys.familyIds)])] : []),
        eb.val(false),
      ]),
    )
    .orderBy('rc.at')
    .orderBy('rc.id')
    .execute();
}

/**
 * Import rows that carried one of the person's NIKs. import_row_result has no index on the NIK alone (one would slow
 * every import for a rare request), so this reads the table once; acceptable for an officer-handled request.
 */
export async function importRows(db: Kysely<DB>, niks: string[]) {
  if (niks.length === 0) return [];
  return db
    .selectFrom('import_row_result as r')
    .innerJoin('import_batch as b', 'b.id', 'r.batch_id')
    .select(['r.batch_id', 'b.file_name', 'b.created_at', 'r.sheet', 'r.row_number', 'r.outcome', 'r.issues', 'r.raw'])
    .where('r.entity', '=', 'member')
    .where('r.key', 'in', niks)
    .orderBy('b.created_at')
    .orderBy('r.row_number')
    .execute();
}

/** Audit rows about the person, their records, their families and their requests: who looked, exported or changed. */
export async function accessLog(db: Kysely<DB>, keys: PersonKeys, requestIds: string[], candidateIds: string[]) {
  const about: [string, string[]][] = [
    ['person', keys.niks],
    ['member', keys.memberIds],
    ['family', keys.familyIds],
    ['correction_request', requestIds],
    ['duplicate_candidate', candidateIds],
  ];
  const wanted = about.filter(([, ids]) => ids.length > 0);
  if (wanted.length === 0) return [];
  return db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .select(['a.at', 'a.action', 'a.entity', 'a.entity_id', 'a.username', 'u.full_name'])
    .where((eb) => {
      const direct = wanted.map(([entity, ids]) => eb.and([eb('a.entity', '=', entity), eb('a.entity_id', 'in', ids)]));
      // Records of other modules about the family (house photos, hand-over proofs …) name it in details.familyId.
      const aboutFamily = keys.familyIds.length > 0
        ? [eb.and([sql<boolean>`a.details ? 'familyId'`, eb(sql<string>`a.details ->> 'familyId'`, 'in', keys.familyIds)])]
        : [];
      return eb.or([...direct, ...aboutFamily]);
    })
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
}

/** Current members of a family other than the person: name and relation only. */
export async function otherMembers(db: Kysely<DB>, familyId: string, memberId: string) {
  const result = await sql<{ name: string; relation: number | null }>`
    SELECT name, relation FROM member WHERE family_id = ${familyId} AND id <> ${memberId} ORDER BY relation NULLS LAST, birth_date NULLS LAST, name`.execute(db);
  return result.rows;
}
