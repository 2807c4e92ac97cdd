import crypto from 'node:crypto';
import type { AgencyKind, Me, Role } from '@sinergi/domain';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema/index.ts';
import { createUser } from '../src/modules/users/service.ts';
import { TestClient } from './app.ts';

/**
 * Small builders for test data. Every call makes new rows with unique names,
 * so tests in one file never depend on each other's data.
 */

export interface TestAgency {
  id: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
}

const unique = () => crypto.randomBytes(4).toString('hex');

/** A new agency of the given kind with a unique short name. */
export async function makeAgency(db: Kysely<DB>, kind: AgencyKind = 'dinsos'): Promise<TestAgency> {
  const shortName = `${kind}-${unique()}`;
  const name = `Dinas Uji ${shortName}`;
  const row = await db.insertInto('agency').values({ name, short_name: shortName, kind }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, name, shortName, kind };
}

export interface TestUser {
  id: string;
  username: string;
  /** The plain password, for logging in. */
  password: string;
  role: Role;
  agencyId: string;
  scopeCodes: string[];
}

export interface MakeUserOptions {
  role?: Role;
  /** Kecamatan or desa codes; empty (default) = whole jurisdiction. */
  scopeCodes?: string[];
  /** A new agency of this kind is made unless `agencyId` is given (default dinsos). */
  agencyKind?: AgencyKind;
  agencyId?: string;
  /** Default false, so that the user can work right after logging in. */
  mustChangePassword?: boolean;
}

/** An active user made through the same service the admin screens use (default: operator, whole jurisdiction). */
export async function makeUser(db: Kysely<DB>, options: MakeUserOptions = {}): Promise<TestUser> {
  const role = options.role ?? 'operator';
  const agencyId = options.agencyId ?? (await makeAgency(db, options.agencyKind ?? 'dinsos')).id;
  const username = `${role}.${unique()}`;
  const password = `Rahasia-${unique()}`;
  const user = await createUser(
    db,
    { username, fullName: `Pengguna ${username}`, role, agencyId, scopeCodes: options.scopeCodes ?? [], password },
    { mustChangePassword: options.mustChangePassword ?? false },
  );
  return { id: user.id, username, password, role, agencyId, scopeCodes: user.scopeCodes };
}

/** A fresh client address per login, so that many logins in one test file stay under the login rate limit. */
function uniqueAddress(): string {
  const [a = 0, b = 0, c = 1] = crypto.randomBytes(3);
  return `10.${a}.${b}.${Math.max(c, 1)}`;
}

/** A TestClient signed in as the user (cookie and CSRF token set); throws when the login fails. */
export async function loginAs(app: FastifyInstance, user: Pick<TestUser, 'username' | 'password'>, language: 'id' | 'en' = 'id'): Promise<TestClient> {
  const client = new TestClient(app, language);
  const response = await client.request({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: user.password },
    headers: { 'x-forwarded-for': uniqueAddress() },
  });
  if (response.statusCode !== 200) throw new Error(`login as ${user.username} failed: ${response.statusCode} ${response.body}`);
  client.csrfToken = response.json<Me>().csrfToken;
  return client;
}
