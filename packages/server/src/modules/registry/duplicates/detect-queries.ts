import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';

/**
 * Probable-duplicate detection, set-based. The registry is cut into blocks (a kecamatan, or the villages an import
 * touched); inside a block, members are paired only with members born the same day in the same village (a hash
 * join on (village_code, birth_date)), and only those few pairs are compared by pg_trgm similarity. The cost grows
 * with the block's size, never with the square of the registry.
 */

export type DetectionBlock = { kind: 'kecamatan'; code: string } | { kind: 'villages'; codes: string[] };

function blockCondition(block: DetectionBlock): RawBuilder<boolean> {
  // Served by family_kecamatan_desil_idx and family_village_idx.
  return block.kind === 'kecamatan'
    ? sql<boolean>`f.kecamatan_code = ${block.code}`
    : sql<boolean>`f.village_code = ANY(${block.codes}::text[])`;
}

/**
 * Records every pair in the block whose names are at least `threshold` similar (pairs ordered by member id).
 * A pair already decided (merged or distinct) is never touched again; an open one gets its score refreshed.
 * Returns how many pairs were new.
 */
export async function detectInBlock(db: Kysely<DB>, block: DetectionBlock, threshold: number, scanId: string): Promise<number> {
  const result = await sql<{ inserted: boolean }>`
    WITH people AS MATERIALIZED (
      SELECT m.id, m.name, m.birth_date, f.village_code
      FROM family f CROSS JOIN LATERAL (
        -- OFFSET 0 keeps this a per-family index lookup (member_family_idx); a plain join lets the planner read
        -- the whole member table for every block, which makes a full scan cost blocks × registry size.
        SELECT m.id, m.name, m.birth_date FROM member m WHERE m.family_id = f.id AND m.birth_date IS NOT NULL OFFSET 0
      ) m
      WHERE ${blockCondition(block)}
    ),
    pairs AS (
      SELECT a.id AS member_a, b.id AS member_b, a.village_code, similarity(a.name, b.name) AS name_similarity
      FROM people a JOIN people b ON b.village_code = a.village_code AND b.birth_date = a.birth_date AND a.id < b.id
    )
    INSERT INTO duplicate_candidate AS c (member_a, member_b, village_code, score, reasons, scan_id)
    SELECT member_a, member_b, village_code, name_similarity,
      jsonb_build_object('nameSimilarity', round(name_similarity::numeric, 3), 'sameBirthDate', true, 'sameVillage', true),
      ${scanId}
    FROM pairs WHERE name_similarity >= ${threshold}
    ON CONFLICT (member_a, member_b) DO UPDATE
      SET score = excluded.score, reasons = excluded.reasons, village_code = excluded.village_code
      WHERE c.status = 'open' AND c.score IS DISTINCT FROM excluded.score
    RETURNING (c.xmax = 0) AS inserted`.execute(db);
  return result.rows.filter((row) => row.inserted).length;
}

/**
 * Drops the kecamatan's open pairs that no longer match (a name or birth date corrected, a member moved or gone),
 * so that the queue holds only what a scan with `threshold` would propose now. Decided pairs stay.
 */
export async function pruneStaleInKecamatan(db: Kysely<DB>, kecamatanCode: string, threshold: number): Promise<number> {
  const result = await sql`
    DELETE FROM duplicate_candidate c
    WHERE c.status = 'open' AND c.kecamatan_code = ${kecamatanCode}
      AND NOT EXISTS (
        SELECT 1
        FROM member a JOIN family fa ON fa.id = a.family_id, member b JOIN family fb ON fb.id = b.family_id
        WHERE a.id = c.member_a AND b.id = c.member_b
          AND a.birth_date = b.birth_date AND fa.village_code = fb.village_code
          AND similarity(a.name, b.name) >= ${threshold})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Every kecamatan that has families: the blocks of a whole-registry scan. */
export async function kecamatanBlocks(db: Kysely<DB>): Promise<DetectionBlock[]> {
  const rows = await db.selectFrom('family').select('kecamatan_code').distinct().orderBy('kecamatan_code').execute();
  return rows.map((row) => ({ kind: 'kecamatan', code: row.kecamatan_code }));
}

/**
 * The villages whose families or members an import batch added or updated, grouped by kecamatan into blocks;
 * a changed name, birth date or family can make a new pair with anyone in the same village.
 */
export async function batchBlocks(db: Kysely<DB>, batchId: string): Promise<DetectionBlock[]> {
  const result = await sql<{ village_code: string }>`
    SELECT f.village_code
    FROM import_row_result r JOIN family f ON f.no_kk = r.key
    WHERE r.batch_id = ${batchId} AND r.entity = 'family' AND r.outcome IN ('added', 'updated')
    UNION
    SELECT f.village_code
    FROM import_row_result r JOIN member m ON m.nik = r.key JOIN family f ON f.id = m.family_id
    WHERE r.batch_id = ${batchId} AND r.entity = 'member' AND r.outcome IN ('added', 'updated')
    ORDER BY 1`.execute(db);
  const byKecamatan = new Map<string, string[]>();
  for (const { village_code } of result.rows) {
    const kecamatan = village_code.slice(0, 8);
    byKecamatan.set(kecamatan, [...(byKecamatan.get(kecamatan) ?? []), village_code]);
  }
  return [...byKecamatan.values()].map((codes) => ({ kind: 'villages', codes }));
}
