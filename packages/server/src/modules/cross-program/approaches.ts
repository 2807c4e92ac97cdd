import type { ApproachCoverage, ApproachCoverageRow, CoverageQuery } from '@sinergi/domain';
import { sql } from 'kysely';
import type { ProgramContext } from '../programs/context.ts';
import { areaBreakdown, KECAMATAN_LEVEL, regionNames, rollUp } from '../regions/breakdown.ts';
import { coverageFilter, familyWhere, POOR_FAMILY, receiptsSql } from './filter.ts';

type Counts = Omit<ApproachCoverageRow, 'code' | 'name'>;

const ZERO: Counts = { poorFamilies: 0, lowerSpending: 0, raiseIncome: 0, removePockets: 0, anyApproach: 0, allApproaches: 0 };

function add(a: Counts, b: Counts): Counts {
  const sum = { ...a };
  for (const key of Object.keys(ZERO) as (keyof Counts)[]) sum[key] += b[key];
  return sum;
}

/**
 * Families reached by programs of each approach (lowering spending, raising income, removing poverty pockets), per
 * kecamatan of the user's scope, beside its desil 1–5 families. A family counts once per approach however many
 * programs of that approach it received. byArea rolls the kecamatan up one level below the region filter (kabupaten/kota
 * in a province installation).
 */
export async function approachCoverage(context: ProgramContext, query: CoverageQuery): Promise<ApproachCoverage> {
  const filter = await coverageFilter(context, query);
  const breakdown = await areaBreakdown(context.db, context.config, context.user, query.region, KECAMATAN_LEVEL);
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
  const byArea = rollUp(codes, (code) => code, breakdown.rowLevel, (sum: Counts | undefined, code) => add(sum ?? ZERO, byCode.get(code) ?? ZERO));
  const nameOf = await regionNames(context.db, [...codes, ...byArea.keys()]);
  const byKecamatan = codes.map((code) => ({ code, name: nameOf.get(code) ?? code, ...(byCode.get(code) ?? ZERO) }));
  return {
    total: byKecamatan.reduce<Counts>((sum, row) => add(sum, row), ZERO),
    byKecamatan,
    area: breakdown.area,
    parents: breakdown.parents,
    byAreaLevel: breakdown.rowLevel,
    byArea: [...byArea.entries()].map(([code, counts]) => ({ code, name: nameOf.get(code) ?? code, ...counts })),
  };
}
