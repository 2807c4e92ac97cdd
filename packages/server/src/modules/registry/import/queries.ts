import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
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

// The look-ups probe an index once per key (unnest + LATERAL … LIMIT 1, which the planner cannot turn into a join
// or a scan): their cost follows the chunk, never the size of the registry or of the batch.

/** Rows of this batch already recorded with one of these keys: exact duplicates inside the file. */
export async function earlierRowsWithKeys(db: Db, batchId: string, entity: 'family' | 'member', keys: string[]): Promise<Map<string, EarlierRow>> {
  if (keys.length === 0) return new Map();
  const rows = await sql<{ key: string; sheet: string; row_number: number; outcome: Outcome }>`
    SELECT k.key, r.sheet, r.row_number, r.outcome
    FROM unnest(${keys}::text[]) AS k(key)
    CROSS JOIN LATERAL (
      SELECT sheet, row_number, outcome FROM import_row_result
      WHERE batch_id = ${batchId} AND entity = ${entity} AND key = k.key
      ORDER BY (outcome = 'rejected'), sheet, row_number LIMIT 1
    ) r`.execute(db);
  return new Map(rows.rows.map((r) => [r.key, { key: r.key, sheet: r.sheet, rowNumber: r.row_number, outcome: r.outcome }]));
}

/** Up to `limit` distinct keys the batch has recorded rows for, in key order after `after`. */
export async function batchKeysAfter(db: Db, batchId: string, entity: 'family' | 'member', after: string | null, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('import_row_result')
    .select('key')
    .distinct()
    .where('batch_id', '=', batchId)
    .where('entity', '=', entity)
    .where('key', 'is not', null)
    .$if(after !== null, (qb) => qb.where('key', '>', after!))
    .orderBy('key')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => (r.key === null ? [] : [r.key]));
}

export interface RegisteredFamily {
  id: string;
  villageCode: string;
}

export async function familiesByNoKk(db: Db, noKks: string[]): Promise<Map<string, RegisteredFamily>> {
  if (noKks.length === 0) return new Map();
  const rows = await sql<{ id: string; no_kk: string; village_code: string }>`
    SELECT f.id, k.no_kk, f.village_code
    FROM unnest(${noKks}::text[]) AS k(no_kk)
    CROSS JOIN LATERAL (SELECT id, village_code FROM family WHERE no_kk = k.no_kk LIMIT 1) f`.execute(db);
  return new Map(rows.rows.map((r) => [r.no_kk, { id: r.id, villageCode: r.village_code }]));
}

/** The current family id of each NIK already in the registry. */
export async function membersByNik(db: Db, niks: string[]): Promise<Map<string, string>> {
  if (niks.length === 0) return new Map();
  const rows = await sql<{ nik: string; family_id: string }>`
    SELECT k.nik, m.family_id
    FROM unnest(${niks}::text[]) AS k(nik)
    CROSS JOIN LATERAL (SELECT family_id FROM member WHERE nik = k.nik LIMIT 1) m`.execute(db);
  return new Map(rows.rows.map((r) => [r.nik, r.family_id]));
}

export async function familyNoKksById(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; no_kk: string }>`
    SELECT k.id, f.no_kk
    FROM unnest(${ids}::uuid[]) AS k(id)
    CROSS JOIN LATERAL (SELECT no_kk FROM family WHERE id = k.id LIMIT 1) f`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, r.no_kk]));
}

// ---- COPY targets ----

export const FAMILY_STAGE_COLUMNS = ['batch_id', 'chunk_no', 'sheet', 'row_number', 'issues', 'is_new', 'id', 'no_kk', ...FAMILY_COLUMNS.map((c) => c.column)];
export const MEMBER_STAGE_COLUMNS = ['batch_id', 'chunk_no', 'sheet', 'row_number', 'issues', 'is_new', 'family_hint', 'nik', 'no_kk', ...MEMBER_COLUMNS.map((c) => c.column)];
/** Row results written by COPY: rejected rows, and members added directly. */
export const RESULT_COLUMNS = ['batch_id', 'sheet', 'row_number', 'entity', 'key', 'no_kk', 'outcome', 'issues', 'raw'];
export const MEMBERSHIP_COLUMNS = ['member_id', 'family_id', 'relation'];

const STAGING_TABLES = ['import_stage_family', 'import_stage_member'] as const;

/** Removes a batch's staged rows (a resumed batch's leftovers from a chunk that never committed). */
export async function clearStaging(db: Db, batchId: string): Promise<void> {
  for (const table of STAGING_TABLES) await sql`DELETE FROM ${sql.table(table)} WHERE batch_id = ${batchId}`.execute(db);
}

/**
 * Empties one chunk's staging, in the chunk's transaction (a chunk that rolls back leaves its staged rows for the
 * resume to clear), or before the chunk is staged again.
 */
export async function clearChunkStaging(trx: Db, batchId: string, chunkNo: number): Promise<void> {
  await sql`
    WITH families AS (DELETE FROM import_stage_family WHERE batch_id = ${batchId} AND chunk_no = ${chunkNo})
    DELETE FROM import_stage_member WHERE batch_id = ${batchId} AND chunk_no = ${chunkNo}`.execute(trx);
}
