import type { CoverageFamily, Page, UntouchedCount, UntouchedCountsQuery, UntouchedFamiliesQuery } from '@sinergi/domain';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Config } from '../../config.ts';
import type { ProgramContext } from '../programs/context.ts';
import { isProvinceInstallation, KECAMATAN_LEVEL, rowLevelBelow, VILLAGE_LEVEL } from '../regions/breakdown.ts';
import { audit } from '../programs/service.ts';
import { familyPage, FAMILY_ORDER } from './families.ts';
import { coverageFilter, familyWhere, POOR_FAMILY, receiptCondition, type CoverageFilter } from './filter.ts';

/** No counted receipt (in the year, when one is chosen) for `family f`. */
export function untouchedCondition(filter: CoverageFilter): RawBuilder<SqlBool> {
  return sql<SqlBool>`NOT EXISTS (SELECT 1 FROM program_enrolment pe WHERE pe.family_id = f.id AND ${receiptCondition(filter)})`;
}

/** Ids of the poor families of the filter that no program has reached, in list order. */
export function untouchedIdsSql(filter: CoverageFilter): RawBuilder<unknown> {
  return sql`SELECT f.id AS family_id FROM family f WHERE ${familyWhere(filter, [POOR_FAMILY, untouchedCondition(filter)])} ORDER BY ${FAMILY_ORDER}`;
}

const LEVELS = { regency: 2, kecamatan: KECAMATAN_LEVEL, village: VILLAGE_LEVEL } as const;

/** The asked level; else kecamatan in a regency installation, and one level below the region in a province's drill-down. */
function untouchedLevel(config: Config, query: UntouchedCountsQuery): number {
  if (query.level) return LEVELS[query.level];
  return isProvinceInstallation(config) ? rowLevelBelow(query.region ?? config.jurisdiction, VILLAGE_LEVEL) : KECAMATAN_LEVEL;
}

function levelColumn(level: number): RawBuilder<string> {
  if (level >= VILLAGE_LEVEL) return sql<string>`f.village_code`;
  if (level === KECAMATAN_LEVEL) return sql<string>`f.kecamatan_code`;
  return sql<string>`left(f.kecamatan_code, 5)`;
}

/** Desil 1–5 families and those no program has reached, per regency, kecamatan or village of the user's scope. */
export async function untouchedCounts(context: ProgramContext, query: UntouchedCountsQuery): Promise<UntouchedCount[]> {
  const filter = await coverageFilter(context, query);
  const column = levelColumn(untouchedLevel(context.config, query));
  const rows = await sql<UntouchedCount>`
    WITH counted AS (
      SELECT ${column} AS code, count(*)::int AS poor, count(*) FILTER (WHERE ${untouchedCondition(filter)})::int AS untouched
        FROM family f
       WHERE ${familyWhere(filter, [POOR_FAMILY])}
       GROUP BY ${column}
    )
    SELECT c.code, r.name, k.name AS "kecamatanName", c.poor AS "poorFamilies", c.untouched
      FROM counted c
      JOIN region r ON r.code = c.code
      JOIN region k ON k.code = left(c.code, 8)
     ORDER BY c.code`.execute(context.db);
  return rows.rows;
}

/** One page of the poor families no program has reached, No KK masked; audited as a view of personal data. */
export async function untouchedFamilies(context: ProgramContext, query: UntouchedFamiliesQuery): Promise<Page<CoverageFamily>> {
  const filter = await coverageFilter(context, query);
  const { page } = await familyPage(context.db, untouchedIdsSql(filter), query);
  await audit(context, { action: 'view', entity: 'coverage_families', details: { view: 'untouched', year: filter.year, region: filter.region, page: query.page } });
  return page;
}
