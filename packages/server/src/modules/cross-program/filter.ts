import { RECEIVED_STATUSES, type CoverageQuery } from '@sinergi/domain';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ProgramContext } from '../programs/context.ts';
import { checkedRegionFilter, regionCondition } from '../programs/preview.ts';
import { familyScopeCondition } from '../registry/scope-filter.ts';

/** What every cross-program view is computed over: the families of the user's scope and region filter, and the receipts of one year or of all years. */
export interface CoverageFilter {
  /** Conditions on `family f`. */
  families: RawBuilder<SqlBool>[];
  year: number | null;
  region: string | null;
}

/** The request's filter, after checking that the region lies in the jurisdiction and the user's scope (else 403). */
export async function coverageFilter(context: ProgramContext, query: CoverageQuery): Promise<CoverageFilter> {
  const region = await checkedRegionFilter(context, query.region);
  const families: RawBuilder<SqlBool>[] = [];
  const scope = familyScopeCondition(context.user, 'f');
  if (scope) families.push(scope);
  if (region) families.push(regionCondition(region, 'f'));
  return { families, year: query.year ?? null, region };
}

export function familyWhere(filter: CoverageFilter, extra: RawBuilder<SqlBool>[] = []): RawBuilder<SqlBool> {
  const conditions = [...filter.families, ...extra];
  return conditions.length === 0 ? sql<SqlBool>`TRUE` : sql<SqlBool>`${sql.join(conditions, sql` AND `)}`;
}

/**
 * A counted receipt on enrolment `pe`: the statuses eligibility rules count as "received" (modules/programs/receipts.ts)
 * and, with a year, dated in it (the day served, else the decree's date).
 */
export function receiptCondition(filter: CoverageFilter, alias = 'pe'): RawBuilder<SqlBool> {
  const status = sql<SqlBool>`${sql.ref(`${alias}.status`)} = ANY(${[...RECEIVED_STATUSES]}::text[])`;
  if (filter.year === null) return status;
  const received = sql.ref(`${alias}.received_on`);
  return sql<SqlBool>`${status} AND ${received} >= ${`${String(filter.year)}-01-01`}::date AND ${received} <= ${`${String(filter.year)}-12-31`}::date`;
}

/** Counted receipts of the filtered families, with their program's kind and approach (a subquery for WITH). */
export function receiptsSql(filter: CoverageFilter): RawBuilder<unknown> {
  return sql`
    SELECT pe.family_id, pe.program_id, p.kind, p.approach, pe.received_on
      FROM program_enrolment pe
      JOIN program p ON p.id = pe.program_id
      JOIN family f ON f.id = pe.family_id
     WHERE ${receiptCondition(filter)} AND ${familyWhere(filter)}`;
}

/** Families of desil 1–5 (national): the poor families the untouched and approach views measure against. */
export const POOR_FAMILY = sql<SqlBool>`f.desil_national BETWEEN 1 AND 5`;
