import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { ConnectionLock, pglitePool } from './pglite-pool.ts';
import type { DB } from './schema/index.ts';

export type DatabaseKind = 'embedded' | 'postgres';

/** One open database: the Kysely instance plus the few raw operations Kysely cannot express (scripts, COPY). */
export interface DatabaseHandle {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** The embedded engine itself (backup uses its data-directory dump); absent on PostgreSQL. */
  pglite?: PGlite;
  /** The connection string on PostgreSQL, for tools that connect on their own (pg_dump, restore); absent on embedded. */
  url?: string;
  /** Runs a multi-statement SQL script (migrations, restore). */
  exec(script: string): Promise<void>;
  /** Bulk-loads CSV lines (already escaped, no header) with COPY; returns the number of lines sent. */
  copyFrom(table: string, columns: readonly string[], lines: AsyncIterable<string> | Iterable<string>): Promise<number>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'embedded'; dataDir?: string; loadDataDir?: Blob };

// Dates stay 'YYYY-MM-DD' strings so a birth date never shifts with the server's time zone; int8/numeric become numbers (Rupiah fits in 2^53).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

const COPY_CHUNK_LINES = 20_000;

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? openPostgres(target.url) : openEmbedded(target);
}

async function openEmbedded(target: { dataDir?: string; loadDataDir?: Blob }): Promise<DatabaseHandle> {
  if (target.dataDir) fs.mkdirSync(path.dirname(path.resolve(target.dataDir)), { recursive: true });
  const pglite = await PGlite.create({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    extensions: { pg_trgm, unaccent },
    parsers: {
      [pgliteTypes.INT8]: (v: string) => Number(v),
      [NUMERIC]: (v: string) => Number(v),
      [pgliteTypes.DATE]: (v: string) => v,
    },
  });
  const lock = new ConnectionLock();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pglitePool(pglite, lock) }) });
  const locked = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  };
  return {
    db,
    kind: 'embedded',
    pglite,
    exec: (script) =>
      locked(async () => {
        try {
          await pglite.exec(script);
        } catch (error) {
          // A failed script must not leave the single connection inside an aborted transaction.
          await pglite.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    async copyFrom(table, columns, lines) {
      let sent = 0;
      let chunk: string[] = [];
      const flush = async () => {
        if (chunk.length === 0) return;
        const blob = new Blob([chunk.join('\n') + '\n']);
        chunk = [];
        await locked(() => pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob }));
      };
      for await (const line of lines) {
        chunk.push(line);
        sent++;
        if (chunk.length >= COPY_CHUNK_LINES) await flush();
      }
      await flush();
      return sent;
    },
    close: () => db.destroy(),
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const typeParsers: Record<number, (v: string) => unknown> = { [INT8]: Number, [NUMERIC]: Number, [DATE]: (v) => v };
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        typeParsers[oid] ?? (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection that the server drops (restart, pg_terminate_backend, DROP DATABASE … FORCE after close)
  // would otherwise crash the process through an unhandled 'error' event; the pool discards it and reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    url,
    async exec(script) {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async copyFrom(table, columns, lines) {
      const client = await pool.connect();
      let sent = 0;
      try {
        const sink = client.query(copyFromStream(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
        async function* withNewlines() {
          for await (const line of lines) {
            sent++;
            yield line + '\n';
          }
        }
        await pipeline(Readable.from(withNewlines()), sink);
        return sent;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value);
}

/** Quotes one value for a CSV line fed to COPY; null becomes an unquoted empty field (SQL NULL). */
export function csvField(value: string | number | boolean | null | undefined | readonly string[]): string {
  if (value === null || value === undefined) return '';
  if (isStringArray(value)) return csvField(`{${value.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  const s = String(value);
  return /[",\n\r]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: ReadonlyArray<Parameters<typeof csvField>[0]>): string {
  return values.map(csvField).join(',');
}
