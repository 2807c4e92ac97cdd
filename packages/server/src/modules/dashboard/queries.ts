import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { underArea } from '../regions/breakdown.ts';

export interface FamilyCountRow {
  /** The kecamatan, or the village when counting below a kecamatan. */
  regionCode: string;
  desil: number | null;
  businessStatus: 'none' | 'active' | 'stalled';
  families: number;
}

/** Families inside the area (a region code), unless the area is the whole jurisdiction. */
function inArea(area: string | null): RawBuilder<SqlBool> {
  return area === null ? sql<SqlBool>`true` : underArea('f.kecamatan_code', area);
}

/** Family counts by kecamatan (or village), desil and business status in one pass over the families in scope. */
export async function familyCounts(
  db: Kysely<DB>,
  scope: RawBuilder<boolean> | null,
  area: string | null,
  byVillage: boolean,
): Promise<FamilyCountRow[]> {
  const region = byVillage ? 'f.village_code' : 'f.kecamatan_code';
  return db
    .selectFrom('family as f')
    .select([
      `${region} as regionCode`,
      'f.desil_national as desil',
      'f.business_status as businessStatus',
      sql<number>`count(*)::int`.as('families'),
    ])
    .where(scope ?? sql<boolean>`true`)
    .where(inArea(area))
    .groupBy([region, 'f.desil_national', 'f.business_status'])
    .execute();
}

/** Living, present members of the families in scope and area (deceased and departed members are history, not population). */
export async function memberCount(db: Kysely<DB>, scope: RawBuilder<boolean> | null, area: string | null): Promise<number> {
  // Counting members alone is one index-only pass; the join to family is paid only when rows must be filtered.
  const query = scope || area
    ? db.selectFrom('member as m').innerJoin('family as f', 'f.id', 'm.family_id').where(scope ?? sql<boolean>`true`).where(inArea(area))
    : db.selectFrom('member as m');
  const row = await query.where('m.status', '=', 'active').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}
