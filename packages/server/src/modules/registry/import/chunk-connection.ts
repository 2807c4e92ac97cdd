import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import type { DatabaseHandle } from '../../../db/database.ts';
import type { DB } from '../../../db/schema/index.ts';

/**
 * The connection an import writes its chunks on: transactions through `db`, and COPY into the transaction in progress
 * through `copyIn`, so that new people go into the registry by COPY yet a chunk still commits or rolls back whole.
 * On PostgreSQL a connection of the run's own (a pool hands each statement to any connection); on the embedded
 * database its single connection, whose transaction holds it.
 */
export interface ChunkConnection {
  db: Kysely<DB>;
  /** COPY of CSV text (complete lines) into `table`; call only inside a transaction of `db`. */
  copyIn(table: string, columns: readonly string[], csv: string): Promise<void>;
  close(): Promise<void>;
}

// As database.ts reads them: int8 and numeric as numbers, dates as 'YYYY-MM-DD'.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const PARSERS: Record<number, (value: string) => unknown> = { [INT8]: Number, [NUMERIC]: Number, [DATE]: (value) => value };

export async function openChunkConnection(handle: DatabaseHandle): Promise<ChunkConnection> {
  if (handle.pglite) {
    const pglite = handle.pglite;
    return {
      db: handle.db,
      async copyIn(table, columns, csv) {
        await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
      },
      close: async () => undefined,
    };
  }
  if (!handle.url) throw new Error('PostgreSQL handle without a connection string');
  const client = new pg.Client({
    connectionString: handle.url,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        PARSERS[oid] ?? (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  await client.connect();
  // A server restart while the import is idle between chunks must not crash the process; the next chunk fails instead.
  client.on('error', () => undefined);
  const pool: PostgresPool = {
    connect: async () => Object.assign(client, { release: () => undefined }),
    end: () => client.end(),
  };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    async copyIn(table, columns, csv) {
      await pipeline(Readable.from([csv]), client.query(copyFromStream(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`)));
    },
    close: () => db.destroy(),
  };
}
