import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../../packages/server/src/db/database.ts';
import { createBatch, setMapping } from '../../../packages/server/src/modules/registry/import/service.ts';
import { findBatch } from '../../../packages/server/src/modules/registry/import/batch-queries.ts';
import { ImportRunner } from '../../../packages/server/src/modules/registry/import/runner.ts';
import { makeImportActor, testConfig } from '../../../packages/server/src/modules/registry/import/test-kit.ts';
import { REIMPORT_MAX_ROWS } from './import-run.ts';

/**
 * Runs one import the way the server does (upload → confirmed suggested mapping → background runner to the end),
 * then the same files again, in a process of its own so that its memory is the import's alone. Prints one JSON line.
 * Files of more than REIMPORT_MAX_ROWS rows are imported once, and the process ends as soon as the rows are in,
 * without waiting for the duplicate scan that follows (at a million families it takes longer than the import).
 * Usage: import-worker.ts <json: {kind, url?, dataDir?, files, workDir}>
 */


export interface WorkerInput {
  kind: 'embedded' | 'postgres';
  url?: string;
  /** The embedded database's data directory. */
  dataDir?: string;
  files: string[];
  /** Where the server keeps uploads (DATA_DIR). */
  workDir: string;
}

export type ImportCounts = Record<`${'families' | 'members'}_${'added' | 'updated' | 'unchanged' | 'rejected'}`, number>;

export interface ImportRunReport {
  batchId: string;
  status: string;
  uploadSeconds: number;
  /** From the start of the run until the batch is `done` (its report complete). */
  runSeconds: number;
  /** Upload → done: what the operator waits for. */
  totalSeconds: number;
  /** After done, the runner's duplicate scan of the villages the batch touched (the review queue). */
  duplicateScanSeconds: number;
  counts: ImportCounts;
  rowsProcessed: number;
  /** Sampled every 50 ms from the upload until the batch was done. */
  peakRssBytes: number;
  peakHeapBytes: number;
  /** The same until the duplicate scan after it was over too. */
  peakRssWithScanBytes: number;
}

export interface WorkerReport {
  /** The process with the database open and idle, before the import. */
  baselineRssBytes: number;
  baselineHeapBytes: number;
  first: ImportRunReport;
  /** Absent for files of more than REIMPORT_MAX_ROWS rows. */
  again?: ImportRunReport;
}

class MemorySampler {
  private peakRss = 0;
  private peakHeap = 0;
  private readonly timer = setInterval(() => this.sample(), 50);

  sample(): void {
    const usage = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, usage.rss);
    this.peakHeap = Math.max(this.peakHeap, usage.heapUsed);
  }

  /** The peaks so far, without stopping. */
  peaks(): { peakRssBytes: number; peakHeapBytes: number } {
    this.sample();
    return { peakRssBytes: this.peakRss, peakHeapBytes: this.peakHeap };
  }

  stop(): { peakRssBytes: number; peakHeapBytes: number } {
    clearInterval(this.timer);
    this.sample();
    return { peakRssBytes: this.peakRss, peakHeapBytes: this.peakHeap };
  }
}

async function importOnce(handle: DatabaseHandle, input: WorkerInput, waitForScan: (rows: number) => boolean): Promise<ImportRunReport> {
  const config = testConfig(input.workDir);
  const actor = await makeImportActor(handle.db);
  const sampler = new MemorySampler();
  const started = performance.now();
  const uploads = (async function* () {
    for (const file of input.files) yield { fileName: path.basename(file), stream: fs.createReadStream(file) };
  })();
  const batch = await createBatch(handle.db, config, actor, uploads);
  await setMapping(handle.db, actor, batch.id, { sheets: Object.fromEntries(batch.sheets.map((s) => [s.name, s.suggestion.mapping])) });
  const uploaded = performance.now();
  const runner = new ImportRunner({ handle, dataDir: config.dataDir, jurisdiction: config.jurisdiction });
  let done = 0;
  let importMemory = { peakRssBytes: 0, peakHeapBytes: 0 };
  runner.on('imported', () => {
    done = performance.now();
    importMemory = sampler.peaks();
  });
  const imported = new Promise<void>((resolve) => runner.once('imported', () => resolve()));
  if (!(await runner.launch(batch.id, ['mapped']))) throw new Error('the batch could not be started');
  if (waitForScan(batch.rowsTotal ?? 0)) await runner.wait(batch.id);
  else await imported;
  const finished = performance.now();
  const b = await findBatch(handle.db, batch.id);
  if (!b) throw new Error('the batch vanished');
  const withScan = sampler.stop();
  return {
    batchId: batch.id,
    status: b.status,
    uploadSeconds: (uploaded - started) / 1000,
    runSeconds: (done - uploaded) / 1000,
    totalSeconds: (done - started) / 1000,
    duplicateScanSeconds: (finished - done) / 1000,
    counts: {
      families_added: b.families_added, families_updated: b.families_updated, families_unchanged: b.families_unchanged, families_rejected: b.families_rejected,
      members_added: b.members_added, members_updated: b.members_updated, members_unchanged: b.members_unchanged, members_rejected: b.members_rejected,
    },
    rowsProcessed: b.rows_processed,
    ...importMemory,
    peakRssWithScanBytes: withScan.peakRssBytes,
  };
}

const input = JSON.parse(process.argv[2] ?? '{}') as WorkerInput;
const handle =
  input.kind === 'embedded' ? await openDatabase({ kind: 'embedded', dataDir: input.dataDir! }) : await openDatabase({ kind: 'postgres', url: input.url! });
try {
  await handle.db.selectFrom('region').select('code').limit(1).execute();
  const baseline = process.memoryUsage();
  const small = (rows: number) => rows <= REIMPORT_MAX_ROWS;
  const first = await importOnce(handle, input, small);
  const report: WorkerReport = { baselineRssBytes: baseline.rss, baselineHeapBytes: baseline.heapUsed, first };
  if (small(first.rowsProcessed)) report.again = await importOnce(handle, input, () => true);
  process.stdout.write(JSON.stringify(report) + '\n');
  // Without the re-import the duplicate scan may still be running: the bench drops this database anyway.
  if (!report.again) process.exit(0);
} finally {
  await handle.close();
}
