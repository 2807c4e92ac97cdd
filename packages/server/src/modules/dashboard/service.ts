import { BUSINESS_STATUSES, type DashboardSummary } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { scopeCodesByLevel } from '../../http/scope.ts';
import { familyScopeCondition } from '../registry/scope-filter.ts';
import { familyCounts, kecamatanNames, memberCount } from './queries.ts';

/** Desil 1–5: the families the empowerment program and most social aid serve. */
const POOR_DESIL_MAX = 5;

function isPoor(desil: number | null): boolean {
  return desil !== null && desil <= POOR_DESIL_MAX;
}

/** Kecamatan a scope touches: its kecamatan codes plus the kecamatan of its village codes. */
function scopeKecamatan(user: SessionUser): string[] | null {
  const scope = scopeCodesByLevel(user);
  if (!scope) return null;
  return [...new Set([...scope.kecamatan, ...scope.villages.map((v) => v.split('.').slice(0, 3).join('.'))])];
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

/** Headline counts of the registry within the user's region scope; every kecamatan in scope is listed, also at zero. */
export async function dashboardSummary(db: Kysely<DB>, config: Config, user: SessionUser): Promise<DashboardSummary> {
  const scope = familyScopeCondition(user, 'f');
  const [counts, members, kecamatan] = await Promise.all([
    familyCounts(db, scope),
    memberCount(db, scope),
    kecamatanNames(db, config.jurisdiction, scopeKecamatan(user)),
  ]);

  let families = 0;
  let poorFamilies = 0;
  const byDesil = new Map<number | null, number>();
  const byStatus = new Map<string, number>();
  const byKecamatan = new Map<string, { families: number; poorFamilies: number }>();
  for (const row of counts) {
    families += row.families;
    if (isPoor(row.desil)) poorFamilies += row.families;
    increment(byDesil, row.desil, row.families);
    increment(byStatus, row.businessStatus, row.families);
    const k = byKecamatan.get(row.kecamatanCode) ?? { families: 0, poorFamilies: 0 };
    k.families += row.families;
    if (isPoor(row.desil)) k.poorFamilies += row.families;
    byKecamatan.set(row.kecamatanCode, k);
  }

  return {
    families,
    members,
    poorFamilies,
    byDesil: desilBuckets(byDesil),
    byKecamatan: kecamatan.map(({ code, name }) => ({ code, name, ...(byKecamatan.get(code) ?? { families: 0, poorFamilies: 0 }) })),
    byBusinessStatus: BUSINESS_STATUSES.map((status) => ({ status, families: byStatus.get(status) ?? 0 })),
  };
}
