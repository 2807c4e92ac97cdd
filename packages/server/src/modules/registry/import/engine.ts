import type { ColumnMapping } from '@sinergi/domain';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../../db/database.ts';
import { findBatch, finishBatch, type BatchRow, type Counts } from './batch-queries.ts';
import { importOrder, type BatchMapping, type BatchReason, type SheetInfo } from './batch-state.ts';
import { commitChunk } from './commit.ts';
import { openChunkConnection, type ChunkConnection } from './chunk-connection.ts';
import { ChunkPipeline } from './chunk-pipeline.ts';
import { batchLookups, checkChunk, normalizeChunk, type ChunkPlan, type PrepareContext, type Working } from './prepare.ts';
import { afterPreviousChunk } from './previous-chunk.ts';
import { clearStaging, villageCodesUnder } from './queries.ts';
import { readSheets } from './read-file.ts';
import { addChunkKeys, loadSeenKeys, SeenKeys, skipUnseen } from './seen-keys.ts';
import { FileReadError, type SourceRow, type StoredFile } from './read-types.ts';

/**
 * Rows per chunk (one transaction each). Measured on both databases: chunks of 2,000 to 20,000 rows import equally
 * fast (a chunk's fixed costs are a few round trips), while memory grows with the chunk; so a moderate size for both.
 */
export const CHUNK_ROWS = 5_000;

export interface EngineProgress {
  batchId: string;
  sheet: string;
  rowsProcessed: number;
  rowsTotal: number;
  counts: Counts;
}

export interface EngineOptions {
  handle: DatabaseHandle;
  batchId: string;
  dataDir: string;
  jurisdiction: string;
  chunkRows?: number;
  today?: Date;
  /** Stops after the chunk in flight; the batch is left `paused` and can be resumed. */
  signal?: AbortSignal;
  onProgress?: (progress: EngineProgress) => void;
  /** Test hook, see CommitContext.beforeCommit. */
  beforeCommit?: (chunkNo: number) => Promise<void> | void;
}

export type EngineResult = 'done' | 'failed' | 'paused';

const INTERNAL_FAILURE: BatchReason = {
  id: 'Impor terhenti karena kesalahan pada server. Baris yang sudah tersimpan tetap ada; lanjutkan impor untuk meneruskan.',
  en: 'The import stopped because of a server error. Rows already saved are kept; resume the import to continue.',
};

const PAUSED: BatchReason = { id: 'Impor dijeda.', en: 'The import was paused.' };

/**
 * Runs a claimed (status `running`) batch to its end, sheet by sheet (families first), chunk by chunk.
 * Continues after each sheet's last recorded row, so calling it again on a paused or failed batch resumes it.
 */
export async function runBatch(options: EngineOptions): Promise<EngineResult> {
  const { handle, batchId } = options;
  const batch = await findBatch(handle.db, batchId);
  if (!batch) throw new Error(`import batch ${batchId} not found`);
  const sheets = structuredClone(batch.sheets as SheetInfo[]);
  let connection: ChunkConnection | null = null;
  try {
    await clearStaging(handle.db, batchId);
    connection = await openChunkConnection(handle);
    const villages = await villageCodesUnder(handle.db, options.jurisdiction);
    const mapping = (batch.mapping ?? {}) as BatchMapping;
    const batchHasMembers = Object.values(mapping).some((m) => m && m.sheetKind !== 'family');
    const seen = new SeenKeys();
    if (batch.rows_processed > 0) await loadSeenKeys(handle.db, batchId, seen);
    const run = new BatchRun(options, connection, batch, sheets, villages, batchHasMembers, seen);
    const order = sheets
      .filter((s) => !s.done && mapping[s.name])
      .sort((a, b) => importOrder(mapping[a.name]!.sheetKind) - importOrder(mapping[b.name]!.sheetKind));
    for (const sheet of order) {
      if (options.signal?.aborted) {
        await finishBatch(handle.db, batchId, 'paused', PAUSED);
        return 'paused';
      }
      const finished = await run.importSheet(sheet, mapping[sheet.name]!);
      if (!finished) {
        await finishBatch(handle.db, batchId, 'paused', PAUSED);
        return 'paused';
      }
    }
    await finishBatch(handle.db, batchId, 'done', null, sheets);
    return 'done';
  } catch (error) {
    const reason = error instanceof FileReadError ? error.reason : INTERNAL_FAILURE;
    await finishBatch(handle.db, batchId, 'failed', reason);
    if (!(error instanceof FileReadError)) throw error;
    return 'failed';
  } finally {
    await connection?.close();
  }
}

class BatchRun {
  private chunkNo = 0;
  private readonly counts: Counts;

  constructor(
    private readonly options: EngineOptions,
    private readonly connection: ChunkConnection,
    private readonly batch: BatchRow,
    private readonly sheets: SheetInfo[],
    private readonly villages: ReadonlySet<string>,
    private readonly batchHasMembers: boolean,
    private readonly seen: SeenKeys,
  ) {
    this.counts = {
      families_added: batch.families_added,
      families_updated: batch.families_updated,
      families_unchanged: batch.families_unchanged,
      families_rejected: batch.families_rejected,
      members_added: batch.members_added,
      members_updated: batch.members_updated,
      members_unchanged: batch.members_unchanged,
      members_rejected: batch.members_rejected,
    };
  }

  /** Imports the sheet's rows after its resume point; false when stopped by the signal before the end. */
  async importSheet(sheet: SheetInfo, mapping: ColumnMapping): Promise<boolean> {
    const file = (this.batch.files as StoredFile[])[sheet.file];
    if (!file) throw new Error(`sheet ${sheet.name} points at a missing file`);
    const prepare: PrepareContext = {
      lookups: batchLookups(this.options.handle.db, this.batch.id),
      mapping,
      normalize: { jurisdiction: this.options.jurisdiction, today: this.options.today ?? new Date() },
      villages: this.villages,
      scopeCodes: this.batch.scope_codes,
      headerCount: sheet.headers.length,
    };
    const chunkRows = this.options.chunkRows ?? CHUNK_ROWS;
    const familyHeader = mapping.sheetKind === 'family' ? undefined : (mapping.member.noKk ?? mapping.family.noKk);
    const sameFamily = (a: SourceRow, b: SourceRow) => familyHeader !== undefined && a.raw[familyHeader] === b.raw[familyHeader];
    const pipeline = new ChunkPipeline<{ rows: SourceRow[]; plan: ChunkPlan }>(
      (chunk) => this.write(sheet, mapping, chunk.rows, chunk.plan),
      () => this.options.signal?.aborted ?? false,
    );
    let chunk: SourceRow[] = [];
    let previous: ChunkPlan | null = null;
    /**
     * Normalises and checks the chunk while the one before is being written (see previous-chunk.ts), then hands it
     * to the pipeline; false when the run was asked to stop meanwhile.
     */
    const flush = async () => {
      const rows = chunk;
      chunk = [];
      const plan = await this.check(prepare, sheet, normalizeChunk(prepare, rows), previous);
      previous = plan;
      return pipeline.submit({ rows, plan });
    };
    try {
      for await (const reading of readSheets(this.options.dataDir, file)) {
        if (reading.name !== sheet.sheetName) continue;
        for await (const row of reading.rows) {
          if (row.rowNumber <= sheet.lastRowNumber) continue;
          // A full chunk still takes the rest of its last family's rows (files list members family by family),
          // so that member count and head name are settled once, not per fragment.
          if (chunk.length >= chunkRows && !sameFamily(chunk[chunk.length - 1]!, row) && !(await flush())) return false;
          chunk.push({ ...row, sheet: sheet.name });
          if (chunk.length >= chunkRows * 2 && !(await flush())) return false;
        }
        break;
      }
      if (chunk.length && !(await flush())) return false;
      await pipeline.drain();
    } catch (error) {
      // Every row read before the file broke is still imported; then the batch fails with the reason.
      if (error instanceof FileReadError) {
        if (chunk.length) await flush();
        await pipeline.drain();
      } else {
        await pipeline.drain().catch(() => undefined);
      }
      throw error;
    }
    sheet.done = true;
    return true;
  }

  /** The chunk's checks; their read-only look-ups in one transaction: one connection, and no JIT (see commit.ts). */
  private async check(prepare: PrepareContext, sheet: SheetInfo, working: Working[], previous: ChunkPlan | null): Promise<ChunkPlan> {
    const { handle } = this.options;
    const plan = await handle.db.transaction().execute(async (trx) => {
      if (handle.kind === 'postgres') await sql`SET LOCAL jit = off`.execute(trx);
      const lookups = afterPreviousChunk(skipUnseen(batchLookups(trx, this.batch.id), this.seen), previous);
      return checkChunk({ ...prepare, lookups }, sheet.name, working);
    });
    addChunkKeys(this.seen, plan);
    return plan;
  }

  private async write(sheet: SheetInfo, mapping: ColumnMapping, rows: SourceRow[], plan: ChunkPlan): Promise<void> {
    const last = rows[rows.length - 1]!;
    const next = this.sheets.map((s) =>
      s.name === sheet.name ? { ...s, rowsProcessed: s.rowsProcessed + rows.length, lastRowNumber: last.rowNumber } : s,
    );
    const added = await commitChunk(
      {
        handle: this.options.handle,
        connection: this.connection,
        batchId: this.batch.id,
        userId: this.batch.created_by,
        mapping,
        batchHasMembers: this.batchHasMembers,
        ...(this.options.beforeCommit ? { beforeCommit: this.options.beforeCommit } : {}),
      },
      ++this.chunkNo,
      plan,
      next,
    );
    // Only after the commit: the in-memory resume point never runs ahead of the database.
    sheet.rowsProcessed += rows.length;
    sheet.lastRowNumber = last.rowNumber;
    for (const key of Object.keys(added) as (keyof Counts)[]) this.counts[key] += added[key];
    this.options.onProgress?.({
      batchId: this.batch.id,
      sheet: sheet.name,
      rowsProcessed: this.sheets.reduce((sum, s) => sum + s.rowsProcessed, 0),
      rowsTotal: this.batch.rows_total ?? 0,
      counts: { ...this.counts },
    });
  }
}
