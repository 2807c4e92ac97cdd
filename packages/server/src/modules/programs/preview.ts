import { leadsToScope, PROGRAM_KINDS, regionLevel, type PreviewCount, type PreviewCountBody } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { checkRule } from '../eligibility/service.ts';
import { eligibilityWhere } from '../eligibility/sql.ts';
import { requireRegionInJurisdiction } from '../regions/service.ts';
import { familyScopeCondition } from '../registry/scope-filter.ts';
import { jurisdictionToday, type ProgramContext } from './context.ts';
import { programIds, tuneTransaction } from './queries.ts';
import { PROGRAM_RECEIPT_TABLES } from './receipts.ts';

/** A region filter on a table with village and kecamatan codes: a village, a kecamatan, or a regency inside a province installation. */
export function regionCondition(code: string, alias = 'f'): RawBuilder<SqlBool> {
  const level = regionLevel(code);
  if (level === 4) return sql<SqlBool>`${sql.ref(`${alias}.village_code`)} = ${code}`;
  if (level === 3) return sql<SqlBool>`${sql.ref(`${alias}.kecamatan_code`)} = ${code}`;
  // Listing the regency's kecamatan keeps the kecamatan index usable.
  return sql<SqlBool>`${sql.ref(`${alias}.kecamatan_code`)} IN (SELECT code FROM region WHERE parent_code = ${code})`;
}

/** The region filter of a request: inside the jurisdiction, known, and touching the user's scope (else 403). */
export async function checkedRegionFilter(context: ProgramContext, code: string | undefined): Promise<string | null> {
  if (!code || code === context.config.jurisdiction) return null;
  await requireRegionInJurisdiction(context.db, context.config, code);
  if (!leadsToScope(context.user.scopeCodes, code)) throw new AppError('out_of_scope');
  return code;
}

/** Kecamatan of the jurisdiction that the user's scope (and the region filter) reaches, by code. */
async function reachableKecamatan(db: Kysely<DB>, jurisdiction: string, scopeCodes: readonly string[], region: string | null) {
  const rows = await db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('level', '=', 3)
    .where('code', 'like', `${jurisdiction}.%`)
    .orderBy('code')
    .execute();
  return rows.filter((row) => leadsToScope(scopeCodes, row.code) && (region === null || row.code.startsWith(`${region}.`) || row.code === region || region.startsWith(`${row.code}.`)));
}

/**
 * How many families of the user's scope the rule accepts, per kecamatan: one grouped count over the registry, so
 * that it can run on every edit. An invalid rule is a 400 invalid_rule listing every issue with its path.
 */
export async function previewCount(context: ProgramContext, body: PreviewCountBody): Promise<PreviewCount> {
  const { db, config, user } = context;
  const rule = await checkRule(db, body.rule, { jurisdiction: config.jurisdiction, programKinds: PROGRAM_KINDS, programIds: await programIds(db) });
  const region = await checkedRegionFilter(context, body.region);
  const referenceDate = jurisdictionToday(config.jurisdiction);
  const conditions: RawBuilder<SqlBool>[] = [
    eligibilityWhere(rule, { referenceDate, programTables: PROGRAM_RECEIPT_TABLES, ...(body.programId ? { ignoreProgramId: body.programId } : {}) }),
  ];
  const scope = familyScopeCondition(user, 'f');
  if (scope) conditions.push(scope);
  if (region) conditions.push(regionCondition(region));
  const counted = await db.transaction().execute(async (trx) => {
    await tuneTransaction(trx);
    return sql<{ code: string; n: number }>`
      SELECT f.kecamatan_code AS code, count(*)::int AS n
        FROM family f
       WHERE ${sql.join(conditions, sql` AND `)}
       GROUP BY f.kecamatan_code`.execute(trx);
  });
  const counts = new Map(counted.rows.map((row) => [row.code, row.n]));
  const kecamatan = await reachableKecamatan(db, config.jurisdiction, user.scopeCodes, region);
  return {
    total: counted.rows.reduce((sum, row) => sum + row.n, 0),
    referenceDate,
    byKecamatan: kecamatan.map((row) => ({ code: row.code, name: row.name, count: counts.get(row.code) ?? 0 })),
  };
}
