import { maskIdNumber, type CoverageFamily, type Page } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

interface FamilyRow {
  id: string;
  no_kk: string;
  head_name: string | null;
  village_code: string;
  village_name: string;
  kecamatan_name: string;
  desil: number | null;
  member_count: number;
}

export function toCoverageFamily(row: FamilyRow): CoverageFamily {
  return {
    familyId: row.id, noKk: maskIdNumber(row.no_kk), headName: row.head_name, villageCode: row.village_code, villageName: row.village_name,
    kecamatanName: row.kecamatan_name, desil: row.desil, memberCount: row.member_count,
  };
}

/** Lists run in the order officers work through them: by kecamatan, village, desil (poorest first), then head name. */
export const FAMILY_ORDER = sql`f.kecamatan_code, f.village_code, f.desil_national NULLS LAST, f.head_name, f.id`;

/**
 * One page of the families whose ids `ids` (a SELECT of `family_id`) yields, with the total; `ids` is computed once
 * per call in a CTE.
 */
export async function familyPage(db: Kysely<DB>, ids: RawBuilder<unknown>, page: { page: number; pageSize: number }): Promise<{ page: Page<CoverageFamily>; ids: string[] }> {
  const rows = await sql<FamilyRow & { total: number }>`
    WITH chosen AS (${ids})
    SELECT f.id, f.no_kk, f.head_name, f.village_code, v.name AS village_name, k.name AS kecamatan_name, f.desil_national AS desil,
           f.member_count, count(*) OVER ()::int AS total
      FROM chosen c
      JOIN family f ON f.id = c.family_id
      JOIN region v ON v.code = f.village_code
      JOIN region k ON k.code = f.kecamatan_code
     ORDER BY ${FAMILY_ORDER}
     LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`.execute(db);
  let total = rows.rows[0]?.total;
  if (total === undefined) {
    // A page past the end still reports how many there are.
    const counted = await sql<{ n: number }>`WITH chosen AS (${ids}) SELECT count(*)::int AS n FROM chosen`.execute(db);
    total = counted.rows[0]?.n ?? 0;
  }
  return {
    page: { items: rows.rows.map(toCoverageFamily), total, page: page.page, pageSize: page.pageSize },
    ids: rows.rows.map((row) => row.id),
  };
}
