import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { FAMILY_COLUMNS, MEMBER_COLUMNS } from './columns.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type Outcome = 'added' | 'updated' | 'unchanged' | 'rejected';

// ---- Look-ups made before a chunk's transaction (read-only) ----

/** Every village code under the jurisdiction; the engine keeps it in memory for the whole run. */
export async function villageCodesUnder(db: Db, jurisdiction: string): Promise<Set<string>> {
  const rows = await db.selectFrom('region').select('code').where('level', '=', 4).where('code', 'like', `${jurisdiction}.%`).execute();
  return new Set(rows.map((r) => r.code));
}

export interface EarlierRow {
  key: string;
  sheet: string;
  rowNumber: number;
  outcome: Outcome;
}

/** Rows of this batch already recorded with one of these keys: exact duplicates inside the file. */
export async function earlierRowsWithKeys(db: Db, batchId: string, entity: 'family' | 'member', keys: string[]): Promise<Map<string, EarlierRow>> {
  if (keys.length === 0) return new Map();
  const rows = await sql<{ key: string; sheet: string; row_number: number; outcome: Outcome }>`
    SELECT DISTINCT ON (key) key, sheet, row_number, outcome
    FROM import_row_result
    WHERE batch_id = ${batchId} AND entity = ${entity} AND key = ANY(${keys}::text[])
    ORDER BY key, (outcome = 'rejected'), sheet, row_number`.execute(db);
  return new Map(rows.rows.map((r) => [r.key, { key: r.key, sheet: r.sheet, rowNumber: r.row_number, outcome: r.outcome }]));
}

export async function familiesByNoKk(db: Db, noKks: string[]): Promise<Map<string, { id: string; villageCode: string }>> {
  if (noKks.length === 0) return new Map();
  const rows = await db.selectFrom('family').select(['id', 'no_kk', 'village_code']).where('no_kk', 'in', noKks).execute();
  return new Map(rows.map((r) => [r.no_kk, { id: r.id, villageCode: r.village_code }]));
}

/** The current family card of each NIK already in the registry (to warn when a member moves). */
export async function familyOfNiks(db: Db, niks: string[]): Promise<Map<string, string>> {
  if (niks.length === 0) return new Map();
  const rows = await db
    .selectFrom('member')
    .innerJoin('family', 'family.id', 'member.family_id')
    .select(['member.nik', 'family.no_kk'])
    .where('member.nik', 'in', niks)
    .execute();
  return new Map(rows.map((r) => [r.nik, r.no_kk]));
}

// ---- Staging (COPY targets) ----

export const FAMILY_STAGE_COLUMNS = ['batch_id', 'chunk_no', 'row_number', 'no_kk', ...FAMILY_COLUMNS.map((c) => c.column)];
export const MEMBER_STAGE_COLUMNS = ['batch_id', 'chunk_no', 'row_number', 'nik', 'no_kk', ...MEMBER_COLUMNS.map((c) => c.column)];

export async function clearStaging(db: Db, batchId: string, chunkNo?: number): Promise<void> {
  for (const table of ['import_stage_family', 'import_stage_member'] as const) {
    const chunk = chunkNo === undefined ? sql`` : sql` AND chunk_no = ${chunkNo}`;
    await sql`DELETE FROM ${sql.table(table)} WHERE batch_id = ${batchId}${chunk}`.execute(db);
  }
}

export interface RowResult {
  sheet: string;
  rowNumber: number;
  entity: 'family' | 'member';
  key: string | null;
  noKk: string | null;
  outcome: Outcome;
  issues: unknown[];
  raw: unknown;
}

/** Records the chunk's row results in one statement; the primary key refuses a row recorded twice. */
export async function insertRowResults(trx: Transaction<DB>, batchId: string, results: RowResult[]): Promise<void> {
  if (results.length === 0) return;
  const rows = results.map((r) => ({
    sheet: r.sheet, row_number: r.rowNumber, entity: r.entity, key: r.key, no_kk: r.noKk, outcome: r.outcome, issues: r.issues, raw: r.raw,
  }));
  await sql`
    INSERT INTO import_row_result (batch_id, sheet, row_number, entity, key, no_kk, outcome, issues, raw)
    SELECT ${batchId}, r.sheet, r.row_number, r.entity, r.key, r.no_kk, r.outcome, coalesce(r.issues, '[]'), r.raw
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(sheet text, row_number integer, entity text, key text, no_kk text, outcome text, issues jsonb, raw jsonb)`.execute(trx);
}
