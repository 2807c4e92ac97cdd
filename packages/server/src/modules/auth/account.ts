import type { Language, PasswordChange } from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { assertStrongPassword, hashPassword, verifyPassword } from './password.ts';
import { deleteOtherSessions } from './queries.ts';

/** The user's own password change: other devices are signed out, this one stays. */
export async function changeOwnPassword(db: Kysely<DB>, user: SessionUser, input: PasswordChange, request: FastifyRequest): Promise<void> {
  const row = await db.selectFrom('app_user').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) throw new AppError('wrong_password');
  assertStrongPassword(input.newPassword, user.username);
  // Otherwise a forced change could be satisfied by typing the same password again.
  if (input.newPassword === input.currentPassword) throw new AppError('same_password');

  await db
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(input.newPassword), must_change_password: false, updated_at: new Date() })
    .where('id', '=', user.id)
    .execute();
  await deleteOtherSessions(db, user.id, user.sessionId);
  await recordAudit(db, request, { action: 'password_change', entity: 'user', entityId: user.id });
}

export async function setLanguage(db: Kysely<DB>, userId: string, language: Language, request: FastifyRequest): Promise<void> {
  await db.updateTable('app_user').set({ language, updated_at: new Date() }).where('id', '=', userId).execute();
  await recordAudit(db, request, { action: 'update', entity: 'user', entityId: userId, details: { language } });
}
