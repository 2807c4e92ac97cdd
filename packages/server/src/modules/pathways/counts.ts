import { PathwayCountQuery, type PathwayCountRow, type PathwayCounts, type PathwayStage, type StageCounts } from '@sinergi/domain';
import { sql } from 'kysely';
import { familyScopeCondition } from '../registry/scope-filter.ts';
import type { PathwayContext } from './service.ts';

/** Leaders' picture: how many families stand at each stage, by kecamatan or by the agency that put them there. */

const emptyCounts = (): StageCounts => ({ bantuan: 0, pemberdayaan: 0, pengembangan: 0, mandiri: 0 });

interface CountRow {
  key: string | null;
  name: string | null;
  stage: PathwayStage;
  n: number;
}

export async function pathwayCounts(context: PathwayContext, query: PathwayCountQuery): Promise<PathwayCounts> {
  const { by, region } = PathwayCountQuery.parse(query);
  const scope = familyScopeCondition(context.user, 'f') ?? sql<boolean>`TRUE`;
  const inRegion = region ? sql<boolean>`(f.village_code = ${region} OR f.village_code LIKE ${`${region}.%`})` : sql<boolean>`TRUE`;
  const grouped = by === 'kecamatan'
    ? sql<CountRow>`
        SELECT f.kecamatan_code AS key, r.name, fp.stage, count(*)::int AS n
          FROM family_pathway fp JOIN family f ON f.id = fp.family_id LEFT JOIN region r ON r.code = f.kecamatan_code
         WHERE ${scope} AND ${inRegion}
         GROUP BY f.kecamatan_code, r.name, fp.stage`
    : sql<CountRow>`
        SELECT fp.agency_id::text AS key, a.short_name AS name, fp.stage, count(*)::int AS n
          FROM family_pathway fp JOIN family f ON f.id = fp.family_id LEFT JOIN agency a ON a.id = fp.agency_id
         WHERE ${scope} AND ${inRegion}
         GROUP BY fp.agency_id, a.short_name, fp.stage`;
  const byKey = new Map<string | null, PathwayCountRow>();
  const totals = { ...emptyCounts(), total: 0 };
  for (const row of (await grouped.execute(context.db)).rows) {
    const entry = byKey.get(row.key) ?? { key: row.key, name: row.name ?? row.key ?? '—', ...emptyCounts(), total: 0 };
    entry[row.stage] += row.n;
    entry.total += row.n;
    totals[row.stage] += row.n;
    totals.total += row.n;
    byKey.set(row.key, entry);
  }
  // Kecamatan in code order; agencies by how many families they carry; steps with no agency last.
  const rows = [...byKey.values()].sort((a, b) =>
    by === 'kecamatan' ? (a.key ?? '').localeCompare(b.key ?? '') : (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || b.total - a.total || a.name.localeCompare(b.name));
  return { by, rows, totals };
}
