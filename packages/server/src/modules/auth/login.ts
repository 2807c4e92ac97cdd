import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { formatLockEnd, registerFailedLogin, registerSuccessfulLogin } from './lockout.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { deleteExpiredSessions, findLoginCandidate } from './queries.ts';
import { createSession } from './sessions.ts';

let decoyHash: Promise<string> | undefined;

/** Unknown usernames are checked against this hash so that they take as long as known ones. */
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}`);
  return decoyHash;
}

export interface LoginInput {
  username: string;
  password: string;
  jurisdiction: string;
  sessionHours: number;
  request: FastifyRequest;
}

export interface LoginResult {
  userId: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Checks the credentials and opens a session. A wrong password and an unknown user get the same answer;
 * a disabled account is only revealed to someone who knows its password.
 */
export async function login(db: Kysely<DB>, input: LoginInput): Promise<LoginResult> {
  const { request } = input;
  const attempted = input.username.trim();
  const user = await findLoginCandidate(db, attempted);
  const failed = (reason: string, actor?: { id: string; username: string }) =>
    recordAudit(db, request, { action: 'login_failed', entity: 'user', entityId: actor?.id ?? null, details: { username: attempted, reason } }, actor);

  if (!user) {
    await verifyPassword(await decoy(), input.password);
    await failed('unknown_user');
    throw new AppError('invalid_credentials');
  }
  const actor = { id: user.id, username: user.username };
  if (user.locked_until && user.locked_until.getTime() > Date.now()) {
    await failed('locked', actor);
    throw lockedError(user.locked_until, input.jurisdiction);
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const lockedUntil = await registerFailedLogin(db, user.id);
    await failed(lockedUntil ? 'wrong_password_locked' : 'wrong_password', actor);
    if (lockedUntil) throw lockedError(lockedUntil, input.jurisdiction);
    throw new AppError('invalid_credentials');
  }
  if (user.disabled_at) {
    await failed('disabled', actor);
    throw new AppError('account_disabled');
  }

  await registerSuccessfulLogin(db, user.id);
  await deleteExpiredSessions(db, user.id);
  const session = await createSession(db, {
    userId: user.id,
    hours: input.sessionHours,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  });
  await recordAudit(db, request, { action: 'login', entity: 'user', entityId: user.id }, actor);
  return { userId: user.id, ...session };
}

function lockedError(lockedUntil: Date, jurisdiction: string): AppError {
  return new AppError('account_locked', { until: formatLockEnd(lockedUntil, jurisdiction) }, { lockedUntil: lockedUntil.toISOString() });
}
