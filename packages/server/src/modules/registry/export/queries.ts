import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import { filteredFamilies, type FamilyFilter } from '../queries.ts';

/** The export's family columns that the list rows do not carry, for one page of family ids. */
export async function familyExtras(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('family')
    .select(['id', 'no_kk', 'rt', 'rw', 'dusun', 'kecamatan_code', 'desil_province', 'desil_regency', 'business_sector', 'business_turnover'])
    .where('id', 'in', ids)
    .execute();
}

export type FamilyExtras = Awaited<ReturnType<typeof familyExtras>>[number];

/** Current members (not those who died or left) of one page of families. */
export async function currentMembersOf(db: Kysely<DB>, familyIds: string[]) {
  if (familyIds.length === 0) return [];
  return db
    .selectFrom('member')
    .select(['family_id', 'nik', 'name', 'sex', 'birth_date', 'relation', 'marital_status', 'education', 'work_status', 'disabilities', 'ppks', 'created_at'])
    .where('family_id', 'in', familyIds)
    .where('status', '=', 'active')
    .orderBy('relation', (o) => o.asc().nullsLast())
    .orderBy('birth_date', (o) => o.asc().nullsLast())
    .orderBy('name')
    .execute();
}

export type ExportMemberRow = Awaited<ReturnType<typeof currentMembersOf>>[number];

/** How many member rows the export's member sheet will hold. */
export async function countCurrentMembers(db: Kysely<DB>, filter: FamilyFilter): Promise<number> {
  const families = filteredFamilies(db, filter).clearSelect().select('f.id');
  const row = await db
    .selectFrom('member')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('status', '=', 'active')
    .where('family_id', 'in', families)
    .executeTakeFirstOrThrow();
  return row.n;
}
