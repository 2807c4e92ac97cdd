import type { Agency, AgencyInput, AgencyKind } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

function agencyRows(db: Kysely<DB>) {
  return db
    .selectFrom('agency')
    .leftJoin('app_user', 'app_user.agency_id', 'agency.id')
    .select([
      'agency.id',
      'agency.name',
      'agency.short_name as shortName',
      sql<AgencyKind>`agency.kind`.as('kind'),
      sql<number>`count(app_user.id)::int`.as('userCount'),
    ])
    .groupBy('agency.id');
}

/** Every agency with the number of accounts (active or disabled) that belong to it, by name. */
export async function listAgencies(db: Kysely<DB>): Promise<Agency[]> {
  return agencyRows(db).orderBy('agency.name').execute();
}

export async function findAgency(db: Kysely<DB>, id: string): Promise<Agency | undefined> {
  return agencyRows(db).where('agency.id', '=', id).executeTakeFirst();
}

/** The id of another agency already using this short name, compared without case. */
export async function agencyWithShortName(db: Kysely<DB>, shortName: string, exceptId?: string): Promise<string | undefined> {
  let query = db.selectFrom('agency').select('id').where(sql<string>`lower(short_name)`, '=', shortName.toLowerCase());
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst())?.id;
}

export async function insertAgency(db: Kysely<DB>, input: AgencyInput): Promise<string> {
  const row = await db
    .insertInto('agency')
    .values({ name: input.name, short_name: input.shortName, kind: input.kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAgency(db: Kysely<DB>, id: string, input: AgencyInput): Promise<void> {
  await db
    .updateTable('agency')
    .set({ name: input.name, short_name: input.shortName, kind: input.kind, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
