import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import type { DatabaseHandle } from '../../db/database.ts';
import { migrationFiles } from '../../db/migrate.ts';
import { AppError } from '../../http/errors.ts';
import { silentProgress, type ProgressReporter } from '../../progress.ts';
import { recordAudit } from '../audit/record.ts';
import { BACKUP_TRAILER, parseHeaderLine, type BackupHeader } from './format.ts';
import { databaseHoldsData } from './queries.ts';
import { openRestoreSession, type CopyWriter, type RestoreSession } from './restore-session.ts';

export interface RestoreOptions {
  /** Required when the database already holds data: everything in it is replaced. */
  replace?: boolean;
  progress?: ProgressReporter;
  /** Migrations this version of Sinergi knows (default: the files shipped with it). */
  knownMigrations?: string[];
  /** Who asked, for the audit trail when there is no signed-in user (the CLI passes "cli:<os user>"). */
  requestedBy?: string;
}

export interface RestoreResult {
  header: BackupHeader;
  /** Rows loaded per table. */
  rows: Record<string, number>;
}

// The restore replaces the application schema as a whole; PostgreSQL 15's default grant on it is kept.
const RESET_SCHEMA = 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC;';

/**
 * Replaces the database's content with a backup, in one transaction: a damaged or truncated file,
 * or any failing statement, leaves the database exactly as it was. Run migrations afterwards to bring
 * an older backup up to this version. On the embedded database nothing else may use the handle meanwhile.
 */
export async function restoreBackup(handle: DatabaseHandle, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const source = path.resolve(file);
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new AppError('file_not_found', { path: source });
  const header = await readHeader(source);
  if (!header) throw new AppError('backup_not_sinergi');
  const known = new Set(options.knownMigrations ?? migrationFiles().map((f) => f.name));
  const unknown = header.migrations.find((m) => !known.has(m));
  if (unknown) throw new AppError('backup_too_new', { migration: unknown });
  if (!options.replace && (await databaseHoldsData(handle.db))) throw new AppError('restore_needs_confirmation');

  const bar = (options.progress ?? silentProgress).start('Pemulihan / restore', fs.statSync(source).size);
  const session = await openRestoreSession(handle);
  let rows: Record<string, number>;
  try {
    const settings = await session.settingNames();
    await session.exec('BEGIN');
    try {
      await session.exec(RESET_SCHEMA);
      rows = await applyScript(session, backupLines(source, (bytes) => bar.update(bytes)), settings);
      await session.exec('COMMIT');
    } catch (error) {
      await session.exec('ROLLBACK').catch(() => undefined);
      throw asRestoreError(error);
    }
  } finally {
    bar.stop();
    await session.close();
  }
  // Recorded in the restored trail, which otherwise would not show that its history was replaced.
  await recordAudit(handle.db, null, {
    action: 'update',
    entity: 'database',
    details: { operation: 'restore', file: source, backupCreatedAt: header.createdAt, backupSource: header.source, requestedBy: options.requestedBy ?? null },
  });
  return { header, rows };
}

async function applyScript(session: RestoreSession, lines: AsyncIterable<string>, settings: Set<string>): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  let script: string[] = [];
  let copy: { table: string; writer: CopyWriter } | null = null;
  let complete = false;
  let isHeader = true;
  const flush = async () => {
    if (script.some((line) => line.trim() && !line.startsWith('--'))) await session.exec(script.join('\n'));
    script = [];
  };
  try {
    for await (const line of lines) {
      if (copy) {
        if (line === '\\.') {
          rows[copy.table] = (rows[copy.table] ?? 0) + (await copy.writer.end());
          copy = null;
        } else {
          await copy.writer.write(line);
        }
        continue;
      }
      if (isHeader) {
        isHeader = false;
        continue;
      }
      if (line === BACKUP_TRAILER) {
        complete = true;
        continue;
      }
      const copyStart = /^COPY (\S+) .*FROM stdin;$/.exec(line);
      if (copyStart?.[1]) {
        await flush();
        copy = { table: tableName(copyStart[1]), writer: session.beginCopy(line.slice(0, -1)) };
        continue;
      }
      // psql meta-commands (\restrict, \connect) only make sense to psql.
      if (line.startsWith('\\')) continue;
      script.push(sessionLocal(line, settings));
    }
  } catch (error) {
    await copy?.writer.abort();
    throw error;
  }
  if (copy) await copy.writer.abort();
  if (copy || !complete) throw new AppError('backup_truncated');
  await flush();
  return rows;
}

/**
 * pg_dump's settings are made transaction-local, so that they end with the restore on PGlite's single
 * connection; settings the target server does not know (a newer pg_dump's) are skipped.
 */
function sessionLocal(line: string, settings: Set<string>): string {
  const set = /^SET (\w+) = (.*);$/.exec(line);
  if (set?.[1]) return settings.has(set[1]) ? `SET LOCAL ${set[1]} = ${set[2] ?? ''};` : '';
  return line.replace(/^(SELECT pg_catalog\.set_config\('[\w.]+', '.*', )false\);$/, '$1true);');
}

function tableName(qualified: string): string {
  return qualified.replace(/^public\./, '').replace(/"/g, '');
}

async function readHeader(file: string): Promise<BackupHeader | null> {
  try {
    for await (const line of backupLines(file)) return parseHeaderLine(line);
  } catch {
    return null;
  }
  return null;
}

/**
 * The file's lines, gunzipped when it starts with the gzip magic bytes; reports bytes read from disk.
 * A read or decompression error (a damaged gzip stream) ends the iteration with that error.
 */
async function* backupLines(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  const raw = fs.createReadStream(file);
  let bytes = 0;
  if (onBytes) raw.on('data', (chunk) => onBytes((bytes += chunk.length)));
  let input: Readable = raw;
  if (isGzip(file)) {
    const gunzip = zlib.createGunzip();
    raw.on('error', (error) => gunzip.destroy(error));
    gunzip.on('close', () => raw.destroy());
    input = raw.pipe(gunzip);
  }
  const decoder = new StringDecoder('utf8');
  let rest = '';
  // Leaving the loop early destroys the stream, so an unread damaged tail never raises an error later.
  for await (const chunk of input) {
    const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) yield line.endsWith('\r') ? line.slice(0, -1) : line;
  }
  rest += decoder.end();
  if (rest) yield rest;
}

function isGzip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    return fs.readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

function asRestoreError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isZlibError(error)) return new AppError('backup_truncated');
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('restore_failed', { reason });
}

function isZlibError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && error.code.startsWith('Z_');
}
