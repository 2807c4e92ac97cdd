import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { emailHook } from './email.ts';
import type { NotificationInput } from './types.ts';

export type { NotificationInput, NotificationTarget } from './types.ts';

/**
 * Adds an in-app notification; pass the caller's transaction so that it exists exactly when the change it reports
 * does. Any feature may call it.
 */
export async function notify(db: Kysely<DB>, input: NotificationInput): Promise<string> {
  const row = await db
    .insertInto('notification')
    .values({
      agency_id: input.agencyId ?? null, user_id: input.userId ?? null, kind: input.kind,
      params: JSON.stringify(input.params ?? {}), link: input.link ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await emailHook.current?.(db, { id: row.id, ...input });
  return row.id;
}
