import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

export interface FamilyCountRow {
  kecamatanCode: string;
  desil: number | null;
  businessStatus: 'none' | 'active' | 'stalled';
  families: number;
}

/** Family counts by kecamatan, desil and business status in one pass over the families in scope. */
export async function familyCounts(db: Kysely<DB>, scope: RawBuilder<boolean> | null): Promise<FamilyCountRow[]> {
  return db
    .selectFrom('family as f')
    .select([
      'f.kecamatan_code as kecamatanCode',
      'f.desil_national as desil',
      'f.business_status as businessStatus',
      sql<number>`count(*)::int`.as('families'),
    ])
    .where(scope ?? sql<boolean>`true`)
    .groupBy(['f.kecamatan_code', 'f.desil_national', 'f.business_status'])
    .execute();
}

/** Living, present members of the families in scope (deceased and departed members are history, not population). */
export async function memberCount(db: Kysely<DB>, scope: RawBuilder<boolean> | null): Promise<number> {
  const query = scope
    ? db.selectFrom('member as m').innerJoin('family as f', 'f.id', 'm.family_id').where(scope)
    : db.selectFrom('member as m');
  const row = await query.where('m.status', '=', 'active').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

/** Names of the kecamatan the dashboard lists: all of the jurisdiction, or those the scope touches. */
export async function kecamatanNames(
  db: Kysely<DB>,
  jurisdiction: string,
  scopeKecamatan: readonly string[] | null,
): Promise<{ code: string; name: string }[]> {
  let query = db.selectFrom('region').select(['code', 'name']).where('level', '=', 3);
  if (scopeKecamatan === null) query = query.where('code', 'like', `${jurisdiction}.%`);
  else if (scopeKecamatan.length === 0) return [];
  else query = query.where('code', 'in', scopeKecamatan);
  return query.orderBy('name').execute();
}
