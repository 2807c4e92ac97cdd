import type { Region } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

const REGION_COLUMNS = ['code', 'name', 'kind', 'level'] as const;

export async function findRegion(db: Kysely<DB>, code: string): Promise<Region | undefined> {
  return db.selectFrom('region').select(REGION_COLUMNS).where('code', '=', code).executeTakeFirst();
}

/** Direct children of a region, by name (the primary key index on parent_code serves this). */
export async function childRegions(db: Kysely<DB>, parentCode: string): Promise<Region[]> {
  return db.selectFrom('region').select(REGION_COLUMNS).where('parent_code', '=', parentCode).orderBy('name').orderBy('code').execute();
}

/** The given regions, root first; Kemendagri codes nest, so a shorter code is a higher level. */
export async function regionsByCode(db: Kysely<DB>, codes: readonly string[]): Promise<Region[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('region').select(REGION_COLUMNS).where('code', 'in', codes).orderBy('level').execute();
}
