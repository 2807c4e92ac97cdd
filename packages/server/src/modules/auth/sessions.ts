import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';

export const SESSION_COOKIE = 'sinergi_session';

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Opens a session and returns the secret token for the cookie; only its hash is stored. */
export async function createSession(
  db: Kysely<DB>,
  input: { userId: string; hours: number; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + input.hours * 3_600_000);
  await db
    .insertInto('session')
    .values({ id: hashToken(token), user_id: input.userId, csrf_token: csrfToken, ip: input.ip, user_agent: input.userAgent, expires_at: expiresAt })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The live session's user, or null when the token is unknown, expired, or the account disabled. */
export async function findSessionUser(db: Kysely<DB>, token: string): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.id as session_id',
      'session.csrf_token',
      'session.expires_at',
      'session.last_seen_at',
      'app_user.id',
      'app_user.username',
      'app_user.full_name',
      'app_user.role',
      'app_user.agency_id',
      'app_user.scope_codes',
      'app_user.language',
      'app_user.must_change_password',
      'app_user.disabled_at',
    ])
    .where('session.id', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.disabled_at || row.expires_at.getTime() <= Date.now()) return null;
  // Touch at most once a minute so that reads do not turn into a write per request.
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('session').set({ last_seen_at: new Date() }).where('id', '=', row.session_id).execute();
  }
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    agencyId: row.agency_id,
    scopeCodes: row.scope_codes,
    language: row.language,
    mustChangePassword: row.must_change_password,
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
  };
}

export async function deleteSession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}
