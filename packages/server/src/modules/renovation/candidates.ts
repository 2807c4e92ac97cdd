import {
  criteriaFromRegistry, MIN_FLOOR_AREA_PER_PERSON, RTLH_REGISTRY_CODES, RTLH_WEIGHTS, type Page, type RenovationCandidate, type RenovationCandidateQuery,
} from '@sinergi/domain';
import { sql } from 'kysely';
import { scopeCodesByLevel } from '../../http/scope.ts';
import type { RenovationContext } from './context.ts';

/**
 * The registry pre-score in SQL, built from the same code table and weights as `criteriaFromRegistry`, so that the
 * list's order and the score shown for one family agree. Only constants go into the text.
 */
function registryScoreSql() {
  const terms = Object.entries(RTLH_REGISTRY_CODES).map(([criterion, { column, codes }]) =>
    `CASE WHEN f.${column} IN (${codes.join(', ')}) THEN ${RTLH_WEIGHTS[criterion as keyof typeof RTLH_WEIGHTS]} ELSE 0 END`);
  terms.push(`CASE WHEN f.member_count > 0 AND f.floor_area_m2 / f.member_count < ${MIN_FLOOR_AREA_PER_PERSON} THEN ${RTLH_WEIGHTS.crowded} ELSE 0 END`);
  return sql.raw(`(${terms.join(' + ')})`);
}

function familyInScope(context: RenovationContext) {
  const scope = scopeCodesByLevel(context.user);
  if (!scope) return sql<boolean>`true`;
  return sql<boolean>`(f.kecamatan_code = ANY(${scope.kecamatan}::text[]) OR f.village_code = ANY(${scope.villages}::text[]))`;
}

interface CandidateRow {
  id: string;
  head_name: string | null;
  address: string | null;
  village_code: string;
  village_name: string | null;
  desil_national: number | null;
  roof_type: number | null;
  wall_type: number | null;
  floor_type: number | null;
  toilet: number | null;
  water_source: number | null;
  lighting: number | null;
  floor_area_m2: number | null;
  member_count: number;
  score: number;
  total: number;
}

/**
 * Families of the user's scope whose registry house variables already score as uninhabitable and whose house is not
 * in the pipeline or renovated yet: worst first, then poorest.
 */
export async function renovationCandidates(context: RenovationContext, query: RenovationCandidateQuery): Promise<Page<RenovationCandidate>> {
  const place = query.villageCode ?? query.kecamatanCode ?? null;
  const rows = await sql<CandidateRow>`
    WITH scored AS (
      SELECT f.*, ${registryScoreSql()} AS score FROM family f
       WHERE ${familyInScope(context)}
         AND (${place}::text IS NULL OR f.village_code = ${place} OR f.village_code LIKE ${`${place ?? ''}.%`})
         AND NOT EXISTS (SELECT 1 FROM renovation_house h WHERE h.family_id = f.id AND h.stage <> 'rejected'))
    SELECT s.id, s.head_name, s.address, s.village_code, v.name AS village_name, s.desil_national, s.roof_type, s.wall_type, s.floor_type, s.toilet,
           s.water_source, s.lighting, s.floor_area_m2, s.member_count, s.score::int AS score, count(*) OVER ()::int AS total
      FROM scored s LEFT JOIN region v ON v.code = s.village_code
     WHERE s.score >= ${query.minScore}
     ORDER BY s.score DESC, s.desil_national ASC NULLS LAST, s.no_kk
     LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(context.db);
  return {
    items: rows.rows.map((row) => ({
      familyId: row.id, headName: row.head_name, address: row.address, villageCode: row.village_code, villageName: row.village_name, desil: row.desil_national,
      registryScore: row.score,
      criteria: criteriaFromRegistry({
        roofType: row.roof_type, wallType: row.wall_type, floorType: row.floor_type, toilet: row.toilet, waterSource: row.water_source, lighting: row.lighting,
        floorAreaM2: row.floor_area_m2 === null ? null : Number(row.floor_area_m2), memberCount: row.member_count,
      }),
    })),
    total: rows.rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
