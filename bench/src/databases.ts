import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../packages/server/src/db/database.ts';
import { migrate } from '../../packages/server/src/db/migrate.ts';
import { loadRegions } from '../../packages/server/src/modules/regions/load.ts';

/** Scratch space for benchmark data directories and CSV files (ignored by git). */
export const BENCH_TMP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tmp');

export interface ScratchDatabase {
  handle: DatabaseHandle;
  /** PostgreSQL only: the scratch database's connection string. */
  url?: string;
  drop(): Promise<void>;
}

/** An empty PostgreSQL database of its own; `drop` removes it. */
export async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sinergi_bench_${crypto.randomBytes(5).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = '/' + name;
  return { url: url.toString(), drop: () => dropPostgresDatabase(adminUrl, name) };
}

/** A fresh, migrated database with the region tree: what an installation has before any data arrives. */
export async function scratchDatabase(kind: DatabaseKind, adminUrl: string | undefined): Promise<ScratchDatabase> {
  if (kind === 'embedded') {
    const dataDir = path.join(BENCH_TMP, `pglite-${crypto.randomBytes(5).toString('hex')}`);
    const handle = await openDatabase({ kind: 'embedded', dataDir });
    await prepare(handle);
    return {
      handle,
      async drop() {
        await handle.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (!adminUrl) throw new Error('DATABASE_URL is needed for PostgreSQL benchmarks');
  const scratch = await createPostgresDatabase(adminUrl);
  const handle = await openDatabase({ kind: 'postgres', url: scratch.url });
  await prepare(handle);
  return {
    handle,
    url: scratch.url,
    async drop() {
      await handle.close();
      await scratch.drop();
    },
  };
}

async function prepare(handle: DatabaseHandle): Promise<void> {
  await migrate(handle);
  await loadRegions(handle);
}

export async function postgresVersion(adminUrl: string | undefined): Promise<string | null> {
  if (!adminUrl) return null;
  return withAdmin(adminUrl, async (client) => (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? null);
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(statement));
}

async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    // Closed pools finish closing their sockets a moment later.
    for (let wait = 0; wait < 40; wait++) {
      const open = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      if ((open.rows[0]?.n ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
