import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { DatabaseHandle } from '../../packages/server/src/db/database.ts';

export interface TableCsv {
  table: string;
  columns: string[];
  file: string;
}

function target({ table, columns }: TableCsv): string {
  return `${table} (${columns.join(', ')})`;
}

/** Writes the table's stored rows to a CSV file with COPY … TO. */
export async function exportCsv(handle: DatabaseHandle, csv: TableCsv): Promise<void> {
  if (handle.pglite) {
    const result = await handle.pglite.query(`COPY ${target(csv)} TO '/dev/blob' WITH (FORMAT csv)`);
    fs.writeFileSync(csv.file, Buffer.from(await (result.blob ?? new Blob([])).arrayBuffer()));
    return;
  }
  await withClient(handle, async (client) => {
    await pipeline(client.query(copyTo(`COPY ${target(csv)} TO STDOUT WITH (FORMAT csv)`)), fs.createWriteStream(csv.file));
  });
}

/**
 * Loads a CSV file with one plain COPY … FROM and returns the seconds COPY took: the physical limit for
 * putting these rows into these tables on this machine. Reading the file into memory for PGlite is not timed.
 */
export async function importCsv(handle: DatabaseHandle, csv: TableCsv): Promise<number> {
  if (handle.pglite) {
    const pglite = handle.pglite;
    const blob = new Blob([fs.readFileSync(csv.file)]);
    const started = performance.now();
    await pglite.query(`COPY ${target(csv)} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
    return (performance.now() - started) / 1000;
  }
  return withClient(handle, async (client) => {
    const started = performance.now();
    await pipeline(fs.createReadStream(csv.file, { highWaterMark: 1 << 20 }), client.query(copyFrom(`COPY ${target(csv)} FROM STDIN WITH (FORMAT csv)`)));
    return (performance.now() - started) / 1000;
  });
}

async function withClient<T>(handle: DatabaseHandle, work: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!handle.url) throw new Error('PostgreSQL handle without a connection string');
  const client = new pg.Client({ connectionString: handle.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
