import {
  COMBINATION_LIMIT, type CombinationFamiliesQuery, type CoverageFamily, type CoverageProgram, type CoverageQuery, type Page, type ProgramApproach,
  type ProgramCombinations, type ProgramKind,
} from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import type { ProgramContext } from '../programs/context.ts';
import { audit } from '../programs/service.ts';
import { familyPage } from './families.ts';
import { coverageFilter, receiptsSql, type CoverageFilter } from './filter.ts';

/** A family's programs as one sorted list of ids (byte order, as the drill-down's sorted ids). */
function combinationsSql(filter: CoverageFilter) {
  return sql`
    WITH receipt AS (${receiptsSql(filter)})
    SELECT family_id, array_agg(program_id::text ORDER BY program_id::text COLLATE "C") AS programs
      FROM receipt
     GROUP BY family_id`;
}

export async function programsById(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, CoverageProgram>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('program as p')
    .innerJoin('agency as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.name', 'p.kind', 'p.approach', 'a.short_name'])
    .where('p.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, {
    id: row.id, name: row.name, kind: row.kind as ProgramKind, approach: row.approach as ProgramApproach, agencyShortName: row.short_name,
  }]));
}

/** How many families of the user's scope received each combination of programs, most frequent first. */
export async function programCombinations(context: ProgramContext, query: CoverageQuery): Promise<ProgramCombinations> {
  const filter = await coverageFilter(context, query);
  const rows = await sql<{ programs: string[]; families: number; combinations: number; reached: number }>`
    WITH combo AS (${combinationsSql(filter)})
    SELECT programs, count(*)::int AS families, (count(*) OVER ())::int AS combinations, (sum(count(*)) OVER ())::int AS reached
      FROM combo
     GROUP BY programs
     ORDER BY families DESC, cardinality(programs), programs
     LIMIT ${COMBINATION_LIMIT}`.execute(context.db);
  const programs = await programsById(context.db, [...new Set(rows.rows.flatMap((row) => row.programs))]);
  const first = rows.rows[0];
  return {
    families: first?.reached ?? 0,
    combinations: rows.rows.map((row) => ({ programs: row.programs.flatMap((id) => programs.get(id) ?? []), families: row.families })),
    truncated: (first?.combinations ?? 0) > rows.rows.length,
  };
}

/** The families that received exactly the given programs (no more, no fewer); audited as a view of personal data. */
export async function combinationFamilies(context: ProgramContext, query: CombinationFamiliesQuery): Promise<Page<CoverageFamily>> {
  const filter = await coverageFilter(context, query);
  const ids = sql`
    SELECT family_id FROM (${combinationsSql(filter)}) combo WHERE programs = ${query.programs}::text[]`;
  const { page } = await familyPage(context.db, ids, query);
  await audit(context, {
    action: 'view', entity: 'coverage_families',
    details: { view: 'combination', programs: query.programs, year: filter.year, region: filter.region, page: query.page },
  });
  return page;
}
