import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, ImportBatchTable } from '../../../db/schema/index.ts';
import type { BatchMapping, BatchReason, BatchSamples, InspectedSheet, SheetInfo } from './batch-state.ts';
import type { StoredFile } from './read-types.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type BatchRow = Selectable<ImportBatchTable>;
export type BatchStatus = BatchRow['status'];

export const COUNTERS = [
  'families_added', 'families_updated', 'families_unchanged', 'families_rejected',
  'members_added', 'members_updated', 'members_unchanged', 'members_rejected',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

export function zeroCounts(): Counts {
  return Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counts;
}

export async function insertBatch(
  db: Db,
  batch: { id: string; files: StoredFile[]; sheets: InspectedSheet[]; createdBy: string | null; agencyId: string | null; scopeCodes: string[] },
): Promise<void> {
  const sheets: SheetInfo[] = batch.sheets.map(({ sample: _sample, ...sheet }) => sheet);
  const samples: BatchSamples = Object.fromEntries(batch.sheets.map((s) => [s.name, s.sample]));
  await db
    .insertInto('import_batch')
    .values({
      id: batch.id,
      file_name: batch.files.map((f) => f.name).join(' + '),
      files: JSON.stringify(batch.files),
      file_size: batch.files.reduce((sum, f) => sum + f.size, 0),
      file_sha256: batch.files.map((f) => f.sha256).join(' '),
      sheets: JSON.stringify(sheets),
      samples: JSON.stringify(samples),
      rows_total: batch.sheets.reduce((sum, s) => sum + s.rowsTotal, 0),
      scope_codes: batch.scopeCodes,
      created_by: batch.createdBy,
      agency_id: batch.agencyId,
    })
    .execute();
}

export async function findBatch(db: Db, id: string): Promise<BatchRow | undefined> {
  return db.selectFrom('import_batch').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function saveMapping(db: Db, id: string, mapping: BatchMapping, templateId: string | null, rowsTotal: number): Promise<void> {
  await db
    .updateTable('import_batch')
    .set({ mapping: JSON.stringify(mapping), template_id: templateId, status: 'mapped', rows_total: rowsTotal })
    .where('id', '=', id)
    .execute();
}

/** Moves a batch to running only from one of the given states; false when another request got there first. */
export async function claimBatch(db: Db, id: string, from: BatchStatus[]): Promise<boolean> {
  const result = await db
    .updateTable('import_batch')
    .set({ status: 'running', started_at: sql<Date>`coalesce(started_at, now())`, error: null, finished_at: null })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Adds one committed chunk to the batch: its counts, the rows read and each sheet's resume point. */
export async function advanceBatch(trx: Transaction<DB>, id: string, rows: number, counts: Counts, sheets: SheetInfo[]): Promise<void> {
  await trx
    .updateTable('import_batch')
    .set((eb) => {
      const set: Record<string, unknown> = { rows_processed: eb('rows_processed', '+', rows), sheets: JSON.stringify(sheets) };
      for (const counter of COUNTERS) if (counts[counter]) set[counter] = eb(counter, '+', counts[counter]);
      return set;
    })
    .where('id', '=', id)
    .execute();
}

export async function finishBatch(db: Db, id: string, status: 'done' | 'failed' | 'paused', error: BatchReason | null, sheets?: SheetInfo[]): Promise<void> {
  await db
    .updateTable('import_batch')
    .set({
      status,
      error: error ? JSON.stringify(error) : null,
      finished_at: status === 'paused' ? null : new Date(),
      ...(sheets ? { sheets: JSON.stringify(sheets) } : {}),
      // A large file's rows were counted without reading them at upload; at the end the rows read are the count.
      ...(status === 'done' ? { rows_total: sql<number>`rows_processed` } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** At server start: batches left running by a stopped process can only be resumed, never continue by themselves. */
export async function pauseInterruptedBatches(db: Db): Promise<number> {
  const reason: BatchReason = {
    id: 'Impor terhenti karena server dimulai ulang. Lanjutkan untuk meneruskan dari baris terakhir yang tersimpan.',
    en: 'The import stopped because the server restarted. Resume it to continue from the last saved row.',
  };
  const result = await db
    .updateTable('import_batch')
    .set({ status: 'paused', error: JSON.stringify(reason) })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
