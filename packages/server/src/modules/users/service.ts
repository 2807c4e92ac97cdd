import { UserCreate, UserQuery, UserUpdate, type Page, type UserSummary } from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { assertStrongPassword, hashPassword } from '../auth/password.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { selectUserById, selectUserByUsername, selectUserPage } from './queries.ts';
import { normalizeScopeCodes } from './scope.ts';

/** How a user change is made: from the admin screens (a request) or from the CLI and the seed (no request). */
export interface UserWriteOptions {
  /** The installation's jurisdiction; when given, scope codes must lie inside it. */
  jurisdiction?: string;
  /** The request behind the change, for the audit trail's actor and address; absent for CLI and seed. */
  request?: FastifyRequest | null;
}

export interface UserCreateOptions extends UserWriteOptions {
  /** New accounts must choose their own password at first login (default); the demo seed turns this off. */
  mustChangePassword?: boolean;
}

export function findUserByUsername(db: Kysely<DB>, username: string): Promise<UserSummary | undefined> {
  return selectUserByUsername(db, username);
}

export async function getUser(db: Kysely<DB>, id: string): Promise<UserSummary> {
  const user = await selectUserById(db, id);
  if (!user) throw new AppError('not_found');
  return user;
}

export async function listUsers(db: Kysely<DB>, query: UserQuery): Promise<Page<UserSummary>> {
  const filter = UserQuery.parse(query);
  const { items, total } = await selectUserPage(db, filter);
  return { items, total, page: filter.page, pageSize: filter.pageSize };
}

/** Creates an account (validated like the API does, also for CLI and seed callers) and returns it. */
export async function createUser(db: Kysely<DB>, input: UserCreate, options: UserCreateOptions = {}): Promise<UserSummary> {
  const data = UserCreate.parse(input);
  assertStrongPassword(data.password, data.username);
  if (await selectUserByUsername(db, data.username)) throw new AppError('duplicate');
  await assertAgencyExists(db, data.agencyId);
  const scopeCodes = await normalizeScopeCodes(db, data.scopeCodes, options.jurisdiction);

  let id: string;
  try {
    ({ id } = await db
      .insertInto('app_user')
      .values({
        username: data.username,
        full_name: data.fullName,
        password_hash: await hashPassword(data.password),
        role: data.role,
        agency_id: data.agencyId,
        scope_codes: scopeCodes,
        must_change_password: options.mustChangePassword ?? true,
      })
      .returning('id')
      .executeTakeFirstOrThrow());
  } catch (error) {
    // Two admins creating the same username at once: the unique index decides.
    if (isUniqueViolation(error)) throw new AppError('duplicate');
    throw error;
  }
  await recordAudit(db, options.request ?? null, {
    action: 'create',
    entity: 'user',
    entityId: id,
    details: { username: data.username, role: data.role, agencyId: data.agencyId, scopeCodes },
  });
  return getUser(db, id);
}

/** Changes name, role, agency or scope; the change applies to the user's open sessions at their next request. */
export async function updateUser(db: Kysely<DB>, id: string, input: UserUpdate, options: UserWriteOptions = {}): Promise<UserSummary> {
  const data = UserUpdate.parse(input);
  const before = await getUser(db, id);
  if (data.role !== undefined && data.role !== before.role && isSelf(options, id)) throw new AppError('cannot_modify_self');
  if (data.agencyId !== undefined) await assertAgencyExists(db, data.agencyId);
  const scopeCodes = data.scopeCodes && (await normalizeScopeCodes(db, data.scopeCodes, options.jurisdiction));

  const changes = {
    ...(data.fullName !== undefined && { full_name: data.fullName }),
    ...(data.role !== undefined && { role: data.role }),
    ...(data.agencyId !== undefined && { agency_id: data.agencyId }),
    ...(scopeCodes !== undefined && { scope_codes: scopeCodes }),
  };
  if (Object.keys(changes).length === 0) return before;
  await db.updateTable('app_user').set({ ...changes, updated_at: new Date() }).where('id', '=', id).execute();
  const after = await getUser(db, id);
  const changed = changedFields(before, after);
  if (Object.keys(changed).length > 0) {
    await recordAudit(db, options.request ?? null, { action: 'update', entity: 'user', entityId: id, details: changed });
  }
  return after;
}

/** Blocks the account and ends its sessions; an admin cannot lock himself out. */
export async function disableUser(db: Kysely<DB>, id: string, options: UserWriteOptions = {}): Promise<UserSummary> {
  if (isSelf(options, id)) throw new AppError('cannot_modify_self');
  const before = await getUser(db, id);
  if (!before.disabled) {
    await db.updateTable('app_user').set({ disabled_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
    await recordAudit(db, options.request ?? null, { action: 'disable', entity: 'user', entityId: id, details: { username: before.username } });
  }
  await deleteUserSessions(db, id);
  return getUser(db, id);
}

/** Re-opens the account; a lock from failed logins is lifted too. */
export async function enableUser(db: Kysely<DB>, id: string, options: UserWriteOptions = {}): Promise<UserSummary> {
  const before = await getUser(db, id);
  await db
    .updateTable('app_user')
    .set({ disabled_at: null, failed_logins: 0, locked_until: null, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await recordAudit(db, options.request ?? null, {
    action: 'enable',
    entity: 'user',
    entityId: id,
    details: { username: before.username, wasDisabled: before.disabled },
  });
  return getUser(db, id);
}

/** Sets a temporary password that must be changed at next login, lifts a lock and ends all sessions. */
export async function resetPassword(db: Kysely<DB>, id: string, password: string, options: UserWriteOptions = {}): Promise<void> {
  const user = await getUser(db, id);
  assertStrongPassword(password, user.username);
  await db
    .updateTable('app_user')
    .set({
      password_hash: await hashPassword(password),
      must_change_password: true,
      failed_logins: 0,
      locked_until: null,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  await deleteUserSessions(db, id);
  await recordAudit(db, options.request ?? null, { action: 'password_reset', entity: 'user', entityId: id, details: { username: user.username } });
}

function isSelf(options: UserWriteOptions, id: string): boolean {
  return options.request?.user?.id === id;
}

async function assertAgencyExists(db: Kysely<DB>, agencyId: string): Promise<void> {
  const agency = await db.selectFrom('agency').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw new AppError('validation_failed', {}, [{ path: '/agencyId', message: 'instansi tidak dikenal / unknown agency' }]);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

function changedFields(before: UserSummary, after: UserSummary): Record<string, { from: unknown; to: unknown }> {
  const fields = ['fullName', 'role', 'agencyId', 'scopeCodes'] as const;
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changed[field] = { from: before[field], to: after[field] };
  }
  return changed;
}
