import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];

/** Serialises access to the single PGlite connection so that a transaction owns it until released. */
export class ConnectionLock {
  private tail: Promise<void> = Promise.resolve();

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    return release;
  }
}

function commandOf(sql: string): Command {
  let word = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
  if (word === 'WITH') word = /\b(insert|update|delete|merge)\b/i.exec(sql)?.[1]?.toUpperCase();
  switch (word) {
    case 'INSERT':
    case 'UPDATE':
    case 'DELETE':
    case 'MERGE':
      return word;
    case 'SELECT':
    case undefined:
    default:
      return 'SELECT';
  }
}

/** Presents PGlite as a pg-style pool to Kysely's PostgresDialect: one connection, handed out in turn. */
export function pglitePool(pg: PGlite, lock: ConnectionLock): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const release = await lock.acquire();
      const client = {
        async query(sql: string, parameters: ReadonlyArray<unknown>) {
          const result = await pg.query(sql, parameters as unknown[], { rowMode: 'object' });
          return { command: commandOf(sql), rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
        },
        release,
      };
      return client as unknown as PostgresPoolClient;
    },
    async end() {
      await pg.close();
    },
  };
}
