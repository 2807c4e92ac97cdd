import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { DatabaseHandle } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { silentProgress, type ProgressReporter } from '../../progress.ts';
import { dumpEmbedded } from './dump-embedded.ts';
import { dumpPostgres, type WriteChunk } from './dump-postgres.ts';
import { BACKUP_FORMAT, BACKUP_TRAILER, headerLine, type BackupHeader } from './format.ts';
import { countPublicTables, selectAppliedMigrations, selectDumpableTables, selectSequences } from './queries.ts';

export interface BackupOptions {
  appVersion: string;
  progress?: ProgressReporter;
  /** Who asked, for the audit trail when there is no signed-in user (the CLI passes "cli:<os user>"). */
  requestedBy?: string;
}

export interface BackupResult {
  file: string;
  bytes: number;
  tables: number;
  header: BackupHeader;
}

/**
 * Writes the whole database to one gzip'd SQL file. The file appears only when complete (written beside it,
 * then renamed) and is readable by its owner alone, since it holds personal data.
 * On the embedded database nothing else may use the handle meanwhile.
 */
export async function createBackup(handle: DatabaseHandle, file: string, options: BackupOptions): Promise<BackupResult> {
  const progress = options.progress ?? silentProgress;
  const migrations = await selectAppliedMigrations(handle.db);
  if (migrations.length === 0) throw new AppError('backup_failed', { reason: 'basis data belum dimigrasi / the database was never migrated' });
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    appVersion: options.appVersion,
    createdAt: new Date().toISOString(),
    source: handle.kind,
    migrations,
  };
  const tableCount = await countPublicTables(handle.db);
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${String(process.pid)}`;

  const gzip = zlib.createGzip({ level: 6 });
  const written = pipeline(gzip, fs.createWriteStream(partial, { mode: 0o600 }));
  written.catch(() => undefined);
  const write: WriteChunk = async (chunk) => {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  };

  const bar = progress.start('Cadangan / backup', tableCount);
  let dumped = 0;
  const onTable = () => bar.update(Math.min(++dumped, tableCount));
  try {
    await write(headerLine(header));
    if (handle.kind === 'embedded') {
      if (!handle.pglite) throw new Error('embedded handle without PGlite');
      const [tables, sequences] = [await selectDumpableTables(handle.db), await selectSequences(handle.db)];
      await dumpEmbedded(handle.pglite, tables, sequences, write, onTable);
    } else {
      if (!handle.url) throw new Error('PostgreSQL handle without a connection string');
      await dumpPostgres(handle.url, write, onTable);
    }
    await write(`\n${BACKUP_TRAILER}\n`);
    gzip.end();
    await written;
    fs.renameSync(partial, target);
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    bar.update(tableCount);
    bar.stop();
  }
  const bytes = fs.statSync(target).size;
  // A backup is an export of every person in the registry.
  await recordAudit(handle.db, null, {
    action: 'export',
    entity: 'database',
    details: { operation: 'backup', file: target, bytes, requestedBy: options.requestedBy ?? null },
  });
  return { file: target, bytes, tables: tableCount, header };
}
