import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { openConfiguredDatabase } from '../db/open-configured.ts';
import { AppError } from '../http/errors.ts';
import { silentProgress, terminalProgress, type ProgressReporter } from '../progress.ts';
import { prepareDatabase } from '../startup.ts';
import { isTerminalOutput, note } from './output.ts';

export interface CommandContext {
  config: Config;
  database: DatabaseHandle;
  progress: ProgressReporter;
}

export interface DatabaseUse {
  /** Bring schema and region tree up to date first (never demo data); default true. */
  prepare?: boolean;
}

/**
 * Opens the configured database for one command and always closes it again, also on Ctrl+C:
 * an embedded database left open would look in use to the next command.
 */
export async function withDatabase<T>(work: (context: CommandContext) => Promise<T>, use: DatabaseUse = {}): Promise<T> {
  const config = loadConfig();
  if (!config.databaseUrl) assertEmbeddedNotInUse(config);
  const progress = isTerminalOutput() ? terminalProgress() : silentProgress;
  const database = await openConfiguredDatabase(config);
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= database.close());
  const interrupt = () => {
    note('\nDihentikan, menutup basis data… / interrupted, closing the database…');
    process.once('SIGINT', () => process.exit(130));
    void close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  try {
    if (use.prepare ?? true) await prepareDatabase(database, { ...config, demoData: false }, progress);
    return await work({ config, database, progress });
  } finally {
    process.removeListener('SIGINT', interrupt);
    await close();
  }
}

// PGlite does not lock its data directory; two processes writing it at once would corrupt it.
function assertEmbeddedNotInUse(config: Config): void {
  const pidFile = path.join(config.dataDir, 'pglite', 'postmaster.pid');
  if (fs.existsSync(pidFile)) throw new AppError('database_in_use', { path: pidFile });
}
