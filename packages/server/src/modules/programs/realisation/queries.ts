import type { RealisedMeasures } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';

/**
 * Realisation is summed from the hand-overs exactly as recorded (after corrections): families are distinct enrolments,
 * people are the active members each family had at its first hand-over in the selection, money is the sum of the
 * amounts, units are in-kind packages handed over (one per family and in-kind stage).
 */

export type RealisedRow = RealisedMeasures & { key: string };

/** Hand-overs of the program in the selection; `conditions` are on alias `h`. */
function selection(programId: string, conditions: readonly RawBuilder<SqlBool>[]) {
  const where = sql.join([sql<SqlBool>`h.program_id = ${programId}::uuid`, ...conditions], sql` AND `);
  return sql`
    SELECT h.id, h.enrolment_id, h.kecamatan_code, h.stage_id, h.handed_on, h.recorded_at, h.people, h.amount, s.kind
      FROM distribution_handover h JOIN distribution_stage s ON s.id = h.stage_id
     WHERE ${where}`;
}

/** Realised measures per kecamatan. */
export async function realisedByKecamatan(db: Kysely<DB>, programId: string, conditions: readonly RawBuilder<SqlBool>[]): Promise<RealisedRow[]> {
  const result = await sql<RealisedRow>`
    WITH h AS (${selection(programId, conditions)}),
    fam AS (SELECT DISTINCT ON (enrolment_id) enrolment_id, kecamatan_code, people FROM h ORDER BY enrolment_id, handed_on, recorded_at, id),
    f AS (SELECT kecamatan_code, count(*)::int AS families, sum(people)::int AS people FROM fam GROUP BY kecamatan_code),
    m AS (SELECT kecamatan_code, sum(amount)::bigint AS money, (count(*) FILTER (WHERE kind = 'in_kind'))::int AS units FROM h GROUP BY kecamatan_code)
    SELECT f.kecamatan_code AS key, f.families, f.people, m.money, m.units FROM f JOIN m ON m.kecamatan_code = f.kecamatan_code
     ORDER BY f.kecamatan_code`.execute(db);
  return result.rows;
}

/** Realised measures per stage (a family receives a stage once, so families = hand-overs). */
export async function realisedByStage(db: Kysely<DB>, programId: string, conditions: readonly RawBuilder<SqlBool>[]): Promise<RealisedRow[]> {
  const result = await sql<RealisedRow>`
    WITH h AS (${selection(programId, conditions)})
    SELECT stage_id::text AS key, count(*)::int AS families, sum(people)::int AS people, sum(amount)::bigint AS money,
           (count(*) FILTER (WHERE kind = 'in_kind'))::int AS units
      FROM h GROUP BY stage_id`.execute(db);
  return result.rows;
}

/** Families fixed by a decree and not cancelled, per kecamatan; `conditions` are on alias `e`. */
export async function decreedByKecamatan(db: Kysely<DB>, programId: string, conditions: readonly RawBuilder<SqlBool>[]): Promise<Map<string, number>> {
  const where = sql.join([sql<SqlBool>`e.program_id = ${programId}::uuid`, sql<SqlBool>`e.decree_id IS NOT NULL`, sql<SqlBool>`e.status <> 'cancelled'`, ...conditions], sql` AND `);
  const result = await sql<{ code: string; n: number }>`
    SELECT e.kecamatan_code AS code, count(*)::int AS n FROM program_enrolment e WHERE ${where} GROUP BY e.kecamatan_code`.execute(db);
  return new Map(result.rows.map((row) => [row.code, row.n]));
}
