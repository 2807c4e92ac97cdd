import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/**
 * Counts one failed login; the failure that reaches the limit locks the account and restarts the count,
 * so that after the lock the user again has the full number of attempts. Returns the lock end, if locked now.
 */
export async function registerFailedLogin(db: Kysely<DB>, userId: string): Promise<Date | null> {
  const row = await db
    .updateTable('app_user')
    .set({
      failed_logins: sql<number>`CASE WHEN failed_logins + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE failed_logins + 1 END`,
      locked_until: sql<Date | null>`CASE WHEN failed_logins + 1 >= ${MAX_FAILED_LOGINS}
        THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE locked_until END`,
    })
    .where('id', '=', userId)
    .returning(['locked_until'])
    .executeTakeFirst();
  const lockedUntil = row?.locked_until ?? null;
  return lockedUntil && lockedUntil.getTime() > Date.now() ? lockedUntil : null;
}

export async function registerSuccessfulLogin(db: Kysely<DB>, userId: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null, last_login_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

/** Indonesia has three time zones; the province part of the jurisdiction code tells which one users live in. */
export function jurisdictionTimeZone(jurisdiction: string): { zone: string; label: string } {
  const province = Number(jurisdiction.slice(0, 2));
  if (province >= 81) return { zone: 'Asia/Jayapura', label: 'WIT' };
  if ((province >= 51 && province <= 53) || (province >= 63 && province <= 76)) return { zone: 'Asia/Makassar', label: 'WITA' };
  return { zone: 'Asia/Jakarta', label: 'WIB' };
}

/** "14:32 WIB": the lock lasts minutes, so the local time of day is what a user needs. */
export function formatLockEnd(lockedUntil: Date, jurisdiction: string): string {
  const { zone, label } = jurisdictionTimeZone(jurisdiction);
  // Rounded up: a user who comes back at the printed minute must find the account open.
  const shown = new Date(Math.ceil(lockedUntil.getTime() / 60_000) * 60_000);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(shown);
  return `${time} ${label}`;
}
