import type { UserQuery, UserSummary } from '@sinergi/domain';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

/** Region names of the scope in the stored order; a village also names its kecamatan, as village names repeat. */
const scopeNames = sql<string[]>`ARRAY(
  SELECT CASE WHEN r.level = 4 AND p.name IS NOT NULL THEN r.name || ' (' || p.name || ')' ELSE r.name END
  FROM unnest(app_user.scope_codes) WITH ORDINALITY AS s(code, n)
  JOIN region r ON r.code = s.code
  LEFT JOIN region p ON p.code = r.parent_code
  ORDER BY s.n)`;

function summaries(db: Kysely<DB>) {
  return db
    .selectFrom('app_user')
    .innerJoin('agency', 'agency.id', 'app_user.agency_id')
    .select([
      'app_user.id',
      'app_user.username',
      'app_user.full_name',
      'app_user.role',
      'app_user.agency_id',
      'agency.short_name as agency_short_name',
      'app_user.scope_codes',
      'app_user.disabled_at',
      'app_user.last_login_at',
      scopeNames.as('scope_names'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirstOrThrow']>>;

function toSummary(row: SummaryRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    agencyId: row.agency_id,
    agencyShortName: row.agency_short_name,
    scopeCodes: row.scope_codes,
    scopeNames: row.scope_names,
    disabled: row.disabled_at !== null,
    lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
  };
}

export async function selectUserById(db: Kysely<DB>, id: string): Promise<UserSummary | undefined> {
  const row = await summaries(db).where('app_user.id', '=', id).executeTakeFirst();
  return row && toSummary(row);
}

export async function selectUserByUsername(db: Kysely<DB>, username: string): Promise<UserSummary | undefined> {
  const row = await summaries(db)
    .where((eb) => eb(eb.fn('lower', ['app_user.username']), '=', username.trim().toLowerCase()))
    .executeTakeFirst();
  return row && toSummary(row);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

function filtered<O>(query: SelectQueryBuilder<DB, 'app_user' | 'agency', O>, filter: UserQuery) {
  let q = query;
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    q = q.where((eb) => eb.or([eb('app_user.username', 'ilike', pattern), eb('app_user.full_name', 'ilike', pattern)]));
  }
  if (filter.role) q = q.where('app_user.role', '=', filter.role);
  if (filter.agencyId) q = q.where('app_user.agency_id', '=', filter.agencyId);
  return q;
}

/** Active accounts first, then by username. */
export async function selectUserPage(db: Kysely<DB>, filter: UserQuery): Promise<{ items: UserSummary[]; total: number }> {
  const rows = await filtered(summaries(db), filter)
    .orderBy(sql`app_user.disabled_at IS NOT NULL`)
    .orderBy(sql`lower(app_user.username)`)
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const count = await filtered(db.selectFrom('app_user').innerJoin('agency', 'agency.id', 'app_user.agency_id'), filter)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { items: rows.map(toSummary), total: Number(count.total) };
}
