import type { ApproachCoverage, ApproachCoverageRow, CoverageQuery } from '@sinergi/domain';
import { sql } from 'kysely';
import type { ProgramContext } from '../programs/context.ts';
import { coverageFilter, familyWhere, POOR_FAMILY, receiptsSql } from './filter.ts';

type Counts = Omit<ApproachCoverageRow, 'code' | 'name'>;

const ZERO: Counts = { poorFamilies: 0, lowerSpending: 0, raiseIncome: 0, removePockets: 0, anyApproach: 0, allApproaches: 0 };

/**
 * Families reached by programs of each approach (lowering spending, raising income, removing poverty pockets), per
 * kecamatan of the user's scope, beside its desil 1–5 families. A family counts once per approach however many
 * programs of that approach it received.
 */
export async function approachCoverage(context: ProgramContext, query: CoverageQuery): Promise<ApproachCoverage> {
  const filter = await coverageFilter(context, query);
  const reached = await sql<Omit<Counts, 'poorFamilies'> & { code: string }>`
    WITH receipt AS (${receiptsSql(filter)}), reached AS (
      SELECT family_id,
             bool_or(approach = 'lower_spending') AS lower_spending,
             bool_or(approach = 'raise_income') AS raise_income,
             bool_or(approach = 'remove_pockets') AS remove_pockets
        FROM receipt
       GROUP BY family_id
    )
    SELECT f.kecamatan_code AS code,
           count(*) FILTER (WHERE r.lower_spending)::int AS "lowerSpending",
           count(*) FILTER (WHERE r.raise_income)::int AS "raiseIncome",
           count(*) FILTER (WHERE r.remove_pockets)::int AS "removePockets",
           count(*)::int AS "anyApproach",
           count(*) FILTER (WHERE r.lower_spending AND r.raise_income AND r.remove_pockets)::int AS "allApproaches"
      FROM reached r JOIN family f ON f.id = r.family_id
     GROUP BY f.kecamatan_code`.execute(context.db);
  const poor = await sql<{ code: string; n: number }>`
    SELECT f.kecamatan_code AS code, count(*)::int AS n FROM family f WHERE ${familyWhere(filter, [POOR_FAMILY])} GROUP BY f.kecamatan_code`.execute(context.db);
  const byCode = new Map<string, Counts>();
  for (const row of poor.rows) byCode.set(row.code, { ...ZERO, poorFamilies: row.n });
  for (const { code, ...counts } of reached.rows) byCode.set(code, { ...(byCode.get(code) ?? ZERO), ...counts });
  const codes = [...byCode.keys()].sort();
  const names = codes.length === 0 ? [] : await context.db.selectFrom('region').select(['code', 'name']).where('code', 'in', codes).execute();
  const nameOf = new Map(names.map((row) => [row.code, row.name]));
  const byKecamatan = codes.map((code) => ({ code, name: nameOf.get(code) ?? code, ...(byCode.get(code) ?? ZERO) }));
  const total = { ...ZERO };
  for (const row of byKecamatan) for (const key of Object.keys(ZERO) as (keyof Counts)[]) total[key] += row[key];
  return { total, byKecamatan };
}
