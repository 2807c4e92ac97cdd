import { DEFAULT_DUPLICATE_NAME_THRESHOLD, MIN_DUPLICATE_NAME_THRESHOLD, type DuplicateScan } from '@sinergi/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, DuplicateScanTable } from '../../../db/schema/index.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { batchBlocks, detectInBlock, kecamatanBlocks, pruneStaleInKecamatan, type DetectionBlock } from './detect-queries.ts';

/** The installation's lowest name similarity for a pair, in app_setting; absent or unusable → the default. */
export const THRESHOLD_SETTING_KEY = 'registry.duplicates.nameThreshold';
/** A running scan whose heartbeat is older than this was left behind by a process that died. */
const STALE_AFTER_MINUTES = 15;

export async function duplicateNameThreshold(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', THRESHOLD_SETTING_KEY).executeTakeFirst();
  const value = typeof row?.value === 'number' ? row.value : Number(row?.value);
  return Number.isFinite(value) && value >= MIN_DUPLICATE_NAME_THRESHOLD && value <= 1 ? value : DEFAULT_DUPLICATE_NAME_THRESHOLD;
}

type ScanRow = Selectable<DuplicateScanTable>;

export function toDuplicateScan(row: ScanRow & { started_by_username?: string | null }): DuplicateScan {
  return {
    id: row.id,
    kind: row.kind,
    batchId: row.batch_id,
    status: row.status,
    threshold: row.threshold,
    blocksTotal: row.blocks_total,
    blocksDone: row.blocks_done,
    pairsFound: row.pairs_found,
    startedBy: row.started_by_username ?? null,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    error: row.error,
  };
}

export async function findScan(db: Kysely<DB>, id: string): Promise<DuplicateScan | undefined> {
  const row = await db
    .selectFrom('duplicate_scan as s')
    .leftJoin('app_user as u', 'u.id', 's.started_by')
    .selectAll('s')
    .select('u.username as started_by_username')
    .where('s.id', '=', id)
    .executeTakeFirst();
  return row && toDuplicateScan(row);
}

/** The newest whole-registry scan, for the review screen's "last scanned" line and its progress bar. */
export async function latestFullScan(db: Kysely<DB>): Promise<DuplicateScan | undefined> {
  const row = await db
    .selectFrom('duplicate_scan as s')
    .leftJoin('app_user as u', 'u.id', 's.started_by')
    .selectAll('s')
    .select('u.username as started_by_username')
    .where('s.kind', '=', 'full')
    .orderBy('s.started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toDuplicateScan(row);
}

export interface ScanRunOptions {
  /** Checked between blocks; an aborted scan ends 'failed' with a reason and can simply be started again. */
  signal?: AbortSignal;
  onProgress?: (progress: { blocksDone: number; blocksTotal: number; pairsFound: number }) => void;
}

/** Runs the blocks of a recorded scan one statement each, keeping its progress row current; ends done or failed. */
async function runBlocks(db: Kysely<DB>, scan: ScanRow, blocks: DetectionBlock[], options: ScanRunOptions): Promise<number> {
  let pairsFound = 0;
  try {
    await db.updateTable('duplicate_scan').set({ blocks_total: blocks.length }).where('id', '=', scan.id).execute();
    for (const [index, block] of blocks.entries()) {
      if (options.signal?.aborted) throw new Error('interrupted: the server stopped during the scan');
      if (block.kind === 'kecamatan') await pruneStaleInKecamatan(db, block.code, scan.threshold);
      pairsFound += await detectInBlock(db, block, scan.threshold, scan.id);
      await db
        .updateTable('duplicate_scan')
        .set({ blocks_done: index + 1, pairs_found: pairsFound, heartbeat_at: sql`now()` })
        .where('id', '=', scan.id)
        .execute();
      options.onProgress?.({ blocksDone: index + 1, blocksTotal: blocks.length, pairsFound });
    }
    await db.updateTable('duplicate_scan').set({ status: 'done', finished_at: sql`now()` }).where('id', '=', scan.id).execute();
    return pairsFound;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await db.updateTable('duplicate_scan').set({ status: 'failed', finished_at: sql`now()`, error: reason }).where('id', '=', scan.id).execute();
    throw error;
  }
}

async function insertScan(db: Kysely<DB>, values: { kind: 'full' | 'batch'; batchId?: string; threshold: number; userId: string | null }): Promise<ScanRow> {
  return db
    .insertInto('duplicate_scan')
    .values({ kind: values.kind, batch_id: values.batchId ?? null, threshold: values.threshold, started_by: values.userId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks whole-registry scans whose process stopped mid-way as failed, so that a new one may start. */
async function failStaleScans(db: Kysely<DB>): Promise<void> {
  await db
    .updateTable('duplicate_scan')
    .set({ status: 'failed', finished_at: sql`now()`, error: 'interrupted: the scan stopped reporting progress' })
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', sql<Date>`now() - make_interval(mins => ${STALE_AFTER_MINUTES})`)
    .execute();
}

export interface StartedScan {
  scan: DuplicateScan;
  /** False when a whole-registry scan was already running: `scan` is that one. */
  started: boolean;
  /** Resolves when the scan ends (immediately for one already running elsewhere). */
  finished: Promise<void>;
}

/**
 * Starts a whole-registry scan in the background, one kecamatan at a time; only one runs at a time, so a second
 * request gets the running one back. Progress is read from the scan row (GET …/duplicates/scans/:id).
 */
export async function startFullScan(
  db: Kysely<DB>,
  input: { userId: string | null; threshold?: number | undefined },
  options: ScanRunOptions & { onError?: (error: unknown) => void } = {},
): Promise<StartedScan> {
  await failStaleScans(db);
  const threshold = input.threshold ?? (await duplicateNameThreshold(db));
  let row: ScanRow;
  try {
    row = await insertScan(db, { kind: 'full', threshold, userId: input.userId });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const running = await db.selectFrom('duplicate_scan').select('id').where('kind', '=', 'full').where('status', '=', 'running').executeTakeFirst();
    const scan = running && (await findScan(db, running.id));
    if (!scan) throw error;
    return { scan, started: false, finished: Promise.resolve() };
  }
  const scan = (await findScan(db, row.id)) ?? toDuplicateScan(row);
  const finished = kecamatanBlocks(db)
    .then((blocks) => runBlocks(db, row, blocks, options))
    .then(
      () => undefined,
      (error: unknown) => options.onError?.(error),
    );
  return { scan, started: true, finished };
}

/**
 * Looks for probable duplicates in the villages an import batch touched and waits for it; the import engine calls
 * this once a batch is done. Returns the recorded scan (kind 'batch').
 */
export async function scanDuplicatesForBatch(
  db: Kysely<DB>,
  batchId: string,
  options: ScanRunOptions & { userId?: string | null; threshold?: number } = {},
): Promise<DuplicateScan> {
  const threshold = options.threshold ?? (await duplicateNameThreshold(db));
  const row = await insertScan(db, { kind: 'batch', batchId, threshold, userId: options.userId ?? null });
  await runBlocks(db, row, await batchBlocks(db, batchId), options);
  return (await findScan(db, row.id)) ?? toDuplicateScan(row);
}
