import { criteriaFromRegistry, type Page, type RenovationCandidate, type RenovationCandidateQuery } from '@sinergi/domain';
import { sql } from 'kysely';
import { scopeCodesByLevel } from '../../http/scope.ts';
import { audit, type RenovationContext } from './context.ts';

/** Candidates a list counts before it says "more than": the count then stays cheap at a million families. */
export const CANDIDATE_COUNT_LIMIT = 10_000;

/** `column` is one of `codes`: a plain equality for one code, which an index then reads in the list's order. */
function oneOf(column: 'f.kecamatan_code' | 'f.village_code', codes: string[]) {
  return codes.length === 1 ? sql`${sql.ref(column)} = ${codes[0]}` : sql`${sql.ref(column)} = ANY(${codes}::text[])`;
}

/**
 * The user's scope, leaving out an empty list, so that a kecamatan operator's list reads the (kecamatan, score) index
 * in order. A scope of neither kecamatan nor villages holds nothing.
 */
function familyInScope(context: RenovationContext) {
  const scope = scopeCodesByLevel(context.user);
  if (!scope) return sql<boolean>`true`;
  const parts = [
    ...(scope.kecamatan.length > 0 ? [oneOf('f.kecamatan_code', scope.kecamatan)] : []),
    ...(scope.villages.length > 0 ? [oneOf('f.village_code', scope.villages)] : []),
  ];
  return parts.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(parts, sql` OR `)})`;
}

/** The place filter on the column its level has an index on. */
function familyInPlace(query: RenovationCandidateQuery) {
  const place = query.villageCode ?? query.kecamatanCode;
  if (!place) return sql<boolean>`true`;
  switch (place.split('.').length) {
    case 4: return sql<boolean>`f.village_code = ${place}`;
    case 3: return sql<boolean>`f.kecamatan_code = ${place}`;
    default: return sql<boolean>`f.kecamatan_code LIKE ${`${place}.%`}`;
  }
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
}

/**
 * Families of the user's scope whose registry house variables already score as uninhabitable and whose house is not
 * in the pipeline or renovated yet: worst first, then poorest. The score is the family's stored `rtlh_score`
 * (migration 0016), read through its index; a house scoring 0 meets no criterion and is never listed.
 */
export async function renovationCandidates(context: RenovationContext, query: RenovationCandidateQuery, options: { audit?: boolean } = {}): Promise<Page<RenovationCandidate>> {
  // A literal, not a parameter: the planner then always knows the partial score indexes apply.
  const minScore = sql.lit(Math.max(1, query.minScore));
  const candidates = sql<boolean>`f.rtlh_score >= ${minScore} AND ${familyInScope(context)} AND ${familyInPlace(query)}
    AND NOT EXISTS (SELECT 1 FROM renovation_house h WHERE h.family_id = f.id AND h.stage <> 'rejected')`;
  const [rows, counted] = await Promise.all([
    sql<CandidateRow>`
      SELECT f.id, f.head_name, f.address, f.village_code, v.name AS village_name, f.desil_national, f.roof_type, f.wall_type, f.floor_type,
             f.toilet, f.water_source, f.lighting, f.floor_area_m2, f.member_count, f.rtlh_score AS score
        FROM family f LEFT JOIN region v ON v.code = f.village_code
       WHERE ${candidates}
       ORDER BY f.rtlh_score DESC, f.desil_national ASC NULLS LAST, f.no_kk
       LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(context.db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM family f WHERE ${candidates} LIMIT ${CANDIDATE_COUNT_LIMIT + 1}) c`.execute(context.db),
  ]);
  const found = counted.rows[0]?.n ?? 0;
  const total = Math.min(found, CANDIDATE_COUNT_LIMIT);
  const totalCapped = found > CANDIDATE_COUNT_LIMIT;
  // Names and addresses of families: a view of personal data, as the registry's lists are (the demo seed is nobody).
  if (options.audit !== false) await audit(context, { action: 'view', entity: 'renovation_candidates', details: { ...query, total, totalCapped } });
  return {
    items: rows.rows.map((row) => ({
      familyId: row.id, headName: row.head_name, address: row.address, villageCode: row.village_code, villageName: row.village_name, desil: row.desil_national,
      registryScore: row.score,
      criteria: criteriaFromRegistry({
        roofType: row.roof_type, wallType: row.wall_type, floorType: row.floor_type, toilet: row.toilet, waterSource: row.water_source, lighting: row.lighting,
        floorAreaM2: row.floor_area_m2 === null ? null : Number(row.floor_area_m2), memberCount: row.member_count,
      }),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    totalCapped,
  };
}
