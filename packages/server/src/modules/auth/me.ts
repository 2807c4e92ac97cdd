import { AgencyKind, ROLE_PERMISSIONS, type Me } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { findProfile } from './queries.ts';

/** What the web app needs about the signed-in user: identity, agency, scope, permissions and the CSRF token. */
export async function loadMe(db: Kysely<DB>, userId: string, csrfToken: string, jurisdiction: string): Promise<Me> {
  const row = await findProfile(db, userId, jurisdiction);
  if (!row) throw new AppError('unauthenticated');
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    agency: { id: row.agency_id, name: row.agency_name, shortName: row.agency_short_name, kind: AgencyKind.parse(row.agency_kind) },
    scopeCodes: row.scope_codes,
    language: row.language,
    mustChangePassword: row.must_change_password,
    permissions: [...ROLE_PERMISSIONS[row.role]],
    csrfToken,
    jurisdiction: { code: jurisdiction, name: row.jurisdiction_name ?? jurisdiction },
  };
}
