import type { EligibilityRule, PriorityOrder } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import { eligibilityWhere, priorityScoreSql } from '../../eligibility/sql.ts';
import { PROGRAM_RECEIPT_TABLES } from '../receipts.ts';

/** What a run computes from: frozen on the run row when it was requested. */
export interface RunInput {
  runId: string;
  programId: string;
  rule: EligibilityRule;
  priority: PriorityOrder;
  referenceDate: string;
  /** Kecamatan or village codes; empty = the whole registry of the installation. */
  regionCodes: readonly string[];
  quotas: readonly { kecamatanCode: string; families: number }[];
  targetFamilies: number | null;
}

/** The program's region on `family f` (kecamatan or village codes, served by their indexes); TRUE when it has none. */
export function programScopeCondition(regionCodes: readonly string[]): RawBuilder<SqlBool> {
  const kecamatan = regionCodes.filter((code) => code.split('.').length === 3);
  const villages = regionCodes.filter((code) => code.split('.').length === 4);
  if (kecamatan.length === 0 && villages.length === 0) return sql<SqlBool>`TRUE`;
  const parts: RawBuilder<SqlBool>[] = [];
  if (kecamatan.length > 0) parts.push(sql<SqlBool>`f.kecamatan_code = ANY(${kecamatan}::text[])`);
  if (villages.length > 0) parts.push(sql<SqlBool>`f.village_code = ANY(${villages}::text[])`);
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

export async function countScopeFamilies(db: Kysely<DB>, regionCodes: readonly string[]): Promise<number> {
  const families = await sql<{ n: number }>`SELECT count(*)::int AS n FROM family f WHERE ${programScopeCondition(regionCodes)}`.execute(db);
  return families.rows[0]?.n ?? 0;
}

/**
 * Families and their current members in the program's region: the registry's size recorded with a run. One pass
 * over the families (answered from an index that carries member_count), not a second one over every member row.
 */
export async function countScope(db: Kysely<DB>, regionCodes: readonly string[]): Promise<{ families: number; members: number }> {
  const counted = await sql<{ families: number; members: number }>`
    SELECT count(*)::int AS families, coalesce(sum(f.member_count), 0)::int AS members FROM family f WHERE ${programScopeCondition(regionCodes)}`.execute(db);
  return { families: counted.rows[0]?.families ?? 0, members: counted.rows[0]?.members ?? 0 };
}

/**
 * The whole targeting as one INSERT … SELECT: the rule selects qualifying families in the program's region, the
 * priority score ranks them (No KK breaks ties, byte order), each kecamatan's quota keeps its first families, the
 * overall target keeps the first of those, and everyone else joins the waiting list in rank order.
 * Without quotas only the overall target cuts; without a target only the quotas do.
 */
export function runFamiliesStatement(input: RunInput): RawBuilder<unknown> {
  const options = { referenceDate: input.referenceDate, programTables: PROGRAM_RECEIPT_TABLES, ignoreProgramId: input.programId };
  const hasQuotas = input.quotas.length > 0;
  return sql`
    WITH qualified AS (
      SELECT f.id, f.kecamatan_code, f.village_code, f.no_kk, ${priorityScoreSql(input.priority, options)} AS score
        FROM family f
       WHERE ${programScopeCondition(input.regionCodes)} AND ${eligibilityWhere(input.rule, options)}
    ), ranked AS (
      SELECT q.*,
             row_number() OVER (ORDER BY q.score DESC, q.no_kk COLLATE "C") AS rank,
             row_number() OVER (PARTITION BY q.kecamatan_code ORDER BY q.score DESC, q.no_kk COLLATE "C") AS kecamatan_rank
        FROM qualified q
    ), quota AS (
      SELECT * FROM unnest(${input.quotas.map((q) => q.kecamatanCode)}::text[], ${input.quotas.map((q) => q.families)}::int[]) AS t (kecamatan_code, families)
    ), placed AS (
      SELECT r.*, (NOT ${hasQuotas}::boolean OR r.kecamatan_rank <= coalesce(qt.families, 0)) AS in_quota
        FROM ranked r LEFT JOIN quota qt ON qt.kecamatan_code = r.kecamatan_code
    ), cut AS (
      SELECT p.*,
             p.in_quota AND (${input.targetFamilies}::int IS NULL OR sum(p.in_quota::int) OVER (ORDER BY p.rank) <= ${input.targetFamilies}::int) AS selected
        FROM placed p
    )
    INSERT INTO program_run_family (run_id, family_id, kecamatan_code, village_code, score, rank, kecamatan_rank, outcome, waiting_rank)
    SELECT ${input.runId}::uuid, c.id, c.kecamatan_code, c.village_code, c.score, c.rank, c.kecamatan_rank,
           CASE WHEN c.selected THEN 'selected' ELSE 'waiting' END,
           CASE WHEN c.selected THEN NULL ELSE row_number() OVER (PARTITION BY c.selected ORDER BY c.rank) END
      FROM cut c`;
}

export async function insertRunFamilies(db: Kysely<DB>, input: RunInput): Promise<number> {
  const result = await runFamiliesStatement(input).execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

export interface KecamatanTally {
  kecamatanCode: string;
  qualified: number;
  selected: number;
  waiting: number;
}

export async function tallyByKecamatan(db: Kysely<DB>, runId: string): Promise<KecamatanTally[]> {
  return db
    .selectFrom('program_run_family')
    .select([
      'kecamatan_code as kecamatanCode',
      sql<number>`count(*)::int`.as('qualified'),
      sql<number>`count(*) FILTER (WHERE outcome = 'selected')::int`.as('selected'),
      sql<number>`count(*) FILTER (WHERE outcome = 'waiting')::int`.as('waiting'),
    ])
    .where('run_id', '=', runId)
    .groupBy('kecamatan_code')
    .orderBy('kecamatan_code')
    .execute();
}

/**
 * Makes the run's selected families the program's candidates, unless field work has begun (any enrolment past
 * "candidate"): then the run stays a snapshot to compare with. Returns whether it was adopted.
 * A re-run mostly selects the same families, so candidates change in place: those no longer selected are removed,
 * those still selected take the new run's rank, and only new ones are added. The difference is taken here rather
 * than by joins in SQL, because fresh run rows have no planner statistics yet (nor ever on the embedded database),
 * and joins planned blind turned quadratic.
 */
export async function adoptRun(db: Kysely<DB>, programId: string, runId: string): Promise<boolean> {
  const progressed = await db
    .selectFrom('program_enrolment')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('program_id', '=', programId)
    .where('status', '<>', 'candidate')
    .executeTakeFirstOrThrow();
  if (progressed.n > 0) return false;
  const selected = await db
    .selectFrom('program_run_family')
    .select(['family_id', 'kecamatan_code', 'village_code', 'rank', 'score'])
    .where('run_id', '=', runId)
    .where('outcome', '=', 'selected')
    .execute();
  const current = new Map((await db.selectFrom('program_enrolment').select(['id', 'family_id']).where('program_id', '=', programId).execute())
    .map((row) => [row.family_id, row.id]));
  const chosen = new Set(selected.map((row) => row.family_id));
  const gone = [...current].filter(([familyId]) => !chosen.has(familyId)).map(([, id]) => id);
  const kept = selected.filter((row) => current.has(row.family_id));
  const added = selected.filter((row) => !current.has(row.family_id));
  const column = <K extends keyof (typeof selected)[number]>(rows: typeof selected, key: K) => rows.map((row) => row[key]);
  if (gone.length > 0) await sql`DELETE FROM program_enrolment WHERE id = ANY(${gone}::uuid[])`.execute(db);
  if (kept.length > 0) {
    await sql`
      UPDATE program_enrolment e
         SET run_id = ${runId}::uuid, rank = k.rank, score = k.score, kecamatan_code = k.kecamatan_code, village_code = k.village_code,
             version = e.version + 1, updated_at = now()
        FROM unnest(${kept.map((row) => current.get(row.family_id)!)}::uuid[], ${column(kept, 'rank')}::int[], ${column(kept, 'score').map(String)}::bigint[],
                    ${column(kept, 'kecamatan_code')}::text[], ${column(kept, 'village_code')}::text[]) AS k (id, rank, score, kecamatan_code, village_code)
       WHERE e.id = k.id`.execute(db);
  }
  if (added.length > 0) {
    await sql`
      INSERT INTO program_enrolment (program_id, family_id, kecamatan_code, village_code, status, source, run_id, rank, score)
      SELECT ${programId}::uuid, a.family_id, a.kecamatan_code, a.village_code, 'candidate', 'targeting', ${runId}::uuid, a.rank, a.score
        FROM unnest(${column(added, 'family_id')}::uuid[], ${column(added, 'kecamatan_code')}::text[], ${column(added, 'village_code')}::text[],
                    ${column(added, 'rank')}::int[], ${column(added, 'score').map(String)}::bigint[]) AS a (family_id, kecamatan_code, village_code, rank, score)`.execute(db);
  }
  await db.updateTable('program').set({ current_run_id: runId }).where('id', '=', programId).execute();
  return true;
}
