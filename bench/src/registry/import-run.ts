import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../../packages/server/src/db/database.ts';
import { migrate } from '../../../packages/server/src/db/migrate.ts';
import { loadRegions } from '../../../packages/server/src/modules/regions/load.ts';
import { BENCH_TMP, createPostgresDatabase } from '../databases.ts';
import type { WorkerInput, WorkerReport } from './import-worker.ts';

/** Files of more rows than this are imported once by the worker (see import-worker.ts). */
export const REIMPORT_MAX_ROWS = 1_000_000;

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'import-worker.ts');

/** A migrated database with the region tree that a separate process can open: by URL, or by data directory once closed. */
export interface BenchDatabase {
  kind: DatabaseKind;
  url?: string;
  dataDir?: string;
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

export async function benchDatabase(kind: DatabaseKind, adminUrl: string | undefined, embeddedDataDir?: string): Promise<BenchDatabase> {
  if (kind === 'embedded') {
    const dataDir = embeddedDataDir ?? path.join(BENCH_TMP, `pglite-${crypto.randomBytes(5).toString('hex')}`);
    const handle = await openDatabase({ kind: 'embedded', dataDir });
    await migrate(handle);
    await loadRegions(handle);
    await handle.close();
    return {
      kind,
      dataDir,
      open: () => openDatabase({ kind: 'embedded', dataDir }),
      async drop() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (!adminUrl) throw new Error('DATABASE_URL is needed for PostgreSQL benchmarks');
  const scratch = await createPostgresDatabase(adminUrl);
  const handle = await openDatabase({ kind: 'postgres', url: scratch.url });
  await migrate(handle);
  await loadRegions(handle);
  await handle.close();
  return { kind, url: scratch.url, open: () => openDatabase({ kind: 'postgres', url: scratch.url }), drop: () => scratch.drop() };
}

/** Runs import-worker.ts on the database in a child process and returns its report. */
export async function runImportWorker(database: BenchDatabase, files: string[]): Promise<WorkerReport> {
  const workDir = fs.mkdtempSync(path.join(BENCH_TMP, 'uploads-'));
  const input: WorkerInput = { kind: database.kind, files, workDir, ...(database.url ? { url: database.url } : {}), ...(database.dataDir ? { dataDir: database.dataDir } : {}) };
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(input)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const line = output.trim().split('\n').at(-1) ?? '';
    if (code !== 0 || !line.startsWith('{')) throw new Error(`import worker exited with ${String(code)}: ${output.slice(-2000)}`);
    return JSON.parse(line) as WorkerReport;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** The table's columns a COPY can write (generated ones excluded), in table order. */
export async function copyableColumns(handle: DatabaseHandle, table: string): Promise<string[]> {
  const rows = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'NEVER'
    ORDER BY ordinal_position`.execute(handle.db);
  return rows.rows.map((r) => r.column_name);
}

/** The 1-minute load average: the machine is shared, and a loaded machine slows every number here. */
export function loadAverage(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}
