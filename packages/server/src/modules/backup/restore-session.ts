import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import type { DatabaseHandle } from '../../db/database.ts';

/** Receives the data lines of one COPY block; `end` returns how many rows were sent. */
export interface CopyWriter {
  write(line: string): Promise<void>;
  end(): Promise<number>;
  /** Cancels the COPY so that the session can roll back. */
  abort(): Promise<void>;
}

/** One database session a restore runs on from BEGIN to COMMIT, so that it replaces everything or nothing. */
export interface RestoreSession {
  exec(script: string): Promise<void>;
  settingNames(): Promise<Set<string>>;
  /** `statement` is the dump's own line without its semicolon: `COPY public.t (a, b) FROM stdin`. */
  beginCopy(statement: string): CopyWriter;
  close(): Promise<void>;
}

const PGLITE_COPY_LINES = 50_000;
const PG_COPY_BATCH_CHARS = 256 * 1024;

export async function openRestoreSession(handle: DatabaseHandle): Promise<RestoreSession> {
  if (handle.kind === 'embedded') {
    if (!handle.pglite) throw new Error('embedded handle without PGlite');
    return pgliteSession(handle.pglite);
  }
  if (!handle.url) throw new Error('PostgreSQL handle without a connection string');
  const client = new pg.Client({ connectionString: handle.url });
  await client.connect();
  return postgresSession(client);
}

// PGlite has one connection; the handle's own queries must wait until the restore is done.
function pgliteSession(pglite: NonNullable<DatabaseHandle['pglite']>): RestoreSession {
  return {
    exec: async (script) => {
      await pglite.exec(script);
    },
    settingNames: async () => new Set((await pglite.query<{ name: string }>('SELECT name FROM pg_settings')).rows.map((r) => r.name)),
    beginCopy(statement) {
      const fromBlob = statement.replace(/FROM stdin$/i, "FROM '/dev/blob'");
      let lines: string[] = [];
      let rows = 0;
      const flush = async () => {
        if (lines.length === 0) return;
        const blob = new Blob([lines.join('\n') + '\n']);
        lines = [];
        await pglite.query(fromBlob, [], { blob });
      };
      return {
        async write(line) {
          lines.push(line);
          rows++;
          if (lines.length >= PGLITE_COPY_LINES) await flush();
        },
        async end() {
          await flush();
          return rows;
        },
        async abort() {
          lines = [];
        },
      };
    },
    close: async () => undefined,
  };
}

function postgresSession(client: pg.Client): RestoreSession {
  return {
    exec: async (script) => {
      await client.query(script);
    },
    settingNames: async () => new Set((await client.query<{ name: string }>('SELECT name FROM pg_settings')).rows.map((r) => r.name)),
    beginCopy(statement) {
      const sink = client.query(copyFromStream(statement));
      // Settles when the COPY ends or fails, also when it failed before anyone waited (an unknown table).
      const done = finished(sink);
      done.catch(() => undefined);
      let batch = '';
      let rows = 0;
      const send = async () => {
        const text = batch;
        batch = '';
        if (text && !sink.write(text)) await Promise.race([once(sink, 'drain'), done]);
      };
      return {
        async write(line) {
          batch += line + '\n';
          rows++;
          if (batch.length >= PG_COPY_BATCH_CHARS) await send();
        },
        async end() {
          await send();
          sink.end();
          await done;
          return rows;
        },
        async abort() {
          // Destroying the stream sends CopyFail, which ends the COPY with an error instead of leaving it open.
          sink.destroy(new Error('restore aborted'));
          await done.catch(() => undefined);
        },
      };
    },
    close: () => client.end(),
  };
}
