import { inJurisdiction, leadsToScope, type Region, type RegionDetail } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { childRegions, findRegion, regionsByCode } from './queries.ts';

/** Codes above a region, root first: 35.07.13.2001 → 35, 35.07, 35.07.13. */
export function ancestorCodes(code: string): string[] {
  const parts = code.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** The region, after checking that it lies in the jurisdiction (400 outside_jurisdiction) and exists (400 unknown_region). */
export async function requireRegionInJurisdiction(db: Kysely<DB>, config: Config, code: string): Promise<Region> {
  if (!inJurisdiction(config.jurisdiction, code)) throw new AppError('outside_jurisdiction', { jurisdiction: config.jurisdiction });
  const region = await findRegion(db, code);
  if (!region) throw new AppError('unknown_region', { code });
  return region;
}

export async function jurisdictionRegion(db: Kysely<DB>, config: Config): Promise<Region> {
  const region = await findRegion(db, config.jurisdiction);
  // The region tree is loaded at start, so a missing jurisdiction means a misconfigured installation.
  if (!region) throw new Error(`Jurisdiction ${config.jurisdiction} is not in the region table`);
  return region;
}

/**
 * Children of a region inside the jurisdiction, by name. With `scoped`, only the regions that the user's
 * scope reaches or that lead down to it; asking below a region outside the scope is refused.
 */
export async function listChildRegions(
  db: Kysely<DB>,
  config: Config,
  user: SessionUser,
  query: { parent?: string | undefined; scoped: boolean },
): Promise<Region[]> {
  const parent = query.parent ?? config.jurisdiction;
  await requireRegionInJurisdiction(db, config, parent);
  const children = await childRegions(db, parent);
  if (!query.scoped) return children;
  if (!leadsToScope(user.scopeCodes, parent)) throw new AppError('out_of_scope');
  return children.filter((region) => leadsToScope(user.scopeCodes, region.code));
}

/** One region with its ancestors (including those above the jurisdiction, for full breadcrumbs). */
export async function regionDetail(db: Kysely<DB>, config: Config, code: string): Promise<RegionDetail> {
  const region = await requireRegionInJurisdiction(db, config, code);
  return { ...region, ancestors: await regionsByCode(db, ancestorCodes(code)) };
}
