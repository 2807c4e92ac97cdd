import { BUSINESS_STATUSES, leadsToScope, type DashboardSummary } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { familyScopeCondition } from '../registry/scope-filter.ts';
import { areaBreakdown, codeAtLevel, KECAMATAN_LEVEL, VILLAGE_LEVEL } from '../regions/breakdown.ts';
import { childRegions } from '../regions/queries.ts';
import { familyCounts, memberCount } from './queries.ts';

/** Desil 1–5: the families the empowerment program and most social aid serve. */
const POOR_DESIL_MAX = 5;

function isPoor(desil: number | null): boolean {
  return desil !== null && desil <= POOR_DESIL_MAX;
}

function increment<K>(map: Map<K, number>, key: K, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

const DESILS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** Desil 1–10 always (zeros included, so charts keep their axis), then families without a desil if any. */
function desilBuckets(counts: Map<number | null, number>): DashboardSummary['byDesil'] {
  const buckets: DashboardSummary['byDesil'] = DESILS.map((desil) => ({ desil, families: counts.get(desil) ?? 0 }));
  const unranked = counts.get(null) ?? 0;
  if (unranked > 0) buckets.push({ desil: null, families: unranked });
  return buckets;
}

/**
 * Headline counts of the registry within the user's region scope, for the jurisdiction or an area below it (a province's
 * regency, a regency's kecamatan), with one row per region one level down (kabupaten/kota, kecamatan or village), every
 * region in scope listed, also at zero.
 */
export async function dashboardSummary(
  db: Kysely<DB>,
  config: Config,
  user: SessionUser,
  areaCode?: string,
): Promise<DashboardSummary> {
  // Checks the area against the jurisdiction and the user's scope (out_of_scope), with the trail back up.
  const { area, parents, rowLevel: childLevel, narrowTo } = await areaBreakdown(db, config, user, areaCode, VILLAGE_LEVEL);
  // A village has no rows below it: the summary stops at kecamatan, whose rows are villages.
  if (area.level > KECAMATAN_LEVEL) throw new AppError('dashboard_area_too_deep', { code: area.code });
  const scope = familyScopeCondition(user, 'f');
  const [regions, counts, members] = await Promise.all([
    childRegions(db, area.code),
    familyCounts(db, scope, narrowTo, childLevel === VILLAGE_LEVEL),
    memberCount(db, scope, narrowTo),
  ]);
  const children = regions.filter((region) => leadsToScope(user.scopeCodes, region.code));

  let families = 0;
  let poorFamilies = 0;
  const byDesil = new Map<number | null, number>();
  const byStatus = new Map<string, number>();
  const byChild = new Map<string, { families: number; poorFamilies: number }>();
  for (const row of counts) {
    families += row.families;
    if (isPoor(row.desil)) poorFamilies += row.families;
    increment(byDesil, row.desil, row.families);
    increment(byStatus, row.businessStatus, row.families);
    const key = codeAtLevel(row.regionCode, childLevel);
    const child = byChild.get(key) ?? { families: 0, poorFamilies: 0 };
    child.families += row.families;
    if (isPoor(row.desil)) child.poorFamilies += row.families;
    byChild.set(key, child);
  }

  return {
    area,
    parents,
    families,
    members,
    poorFamilies,
    byDesil: desilBuckets(byDesil),
    byAreaLevel: childLevel,
    byArea: children.map(({ code, name }) => ({ code, name, ...(byChild.get(code) ?? { families: 0, poorFamilies: 0 }) })),
    byBusinessStatus: BUSINESS_STATUSES.map((status) => ({ status, families: byStatus.get(status) ?? 0 })),
  };
}
