import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

/** Case-insensitive lookup, matching the unique index on lower(username). */
export function findLoginCandidate(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'username', 'password_hash', 'disabled_at', 'locked_until'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
}

/** The signed-in user's profile with agency and the installation's jurisdiction name. */
export function findProfile(db: Kysely<DB>, userId: string, jurisdiction: string) {
  return db
    .selectFrom('app_user')
    .innerJoin('agency', 'agency.id', 'app_user.agency_id')
    .leftJoin('region', (join) => join.on('region.code', '=', jurisdiction))
    .select([
      'app_user.id',
      'app_user.username',
      'app_user.full_name',
      'app_user.role',
      'app_user.scope_codes',
      'app_user.language',
      'app_user.must_change_password',
      'agency.id as agency_id',
      'agency.name as agency_name',
      'agency.short_name as agency_short_name',
      'agency.kind as agency_kind',
      'region.name as jurisdiction_name',
    ])
    .where('app_user.id', '=', userId)
    .executeTakeFirst();
}

export async function deleteExpiredSessions(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).where('expires_at', '<=', new Date()).execute();
}

export async function deleteOtherSessions(db: Kysely<DB>, userId: string, keepSessionId: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).where('id', '!=', keepSessionId).execute();
}
