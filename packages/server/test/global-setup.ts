import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadRegions } from '../src/modules/regions/load.ts';
import crypto from 'node:crypto';
import os from 'node:os';
import type { TestProject } from 'vitest/node';
import './template.ts';

/** Builds once per run what every test database starts from: migrated schema plus the region tree. */
export default async function setup(project: TestProject): Promise<() => void> {
  // Unique per run so that several test runs on one machine never share a template.
  const runId = crypto.randomBytes(4).toString('hex');
  const TEMPLATE_DUMP = path.join(os.tmpdir(), `sinergi-test-template-${runId}.tar`);
  const TEMPLATE_DB = `sinergi_tpl_${runId}`;
  project.provide('templateDump', TEMPLATE_DUMP);
  project.provide('templateDb', TEMPLATE_DB);
  const embedded = await openDatabase({ kind: 'embedded' });
  await migrate(embedded);
  await loadRegions(embedded);
  const dump = await embedded.pglite!.dumpDataDir('none');
  fs.mkdirSync(path.dirname(TEMPLATE_DUMP), { recursive: true });
  fs.writeFileSync(TEMPLATE_DUMP, Buffer.from(await dump.arrayBuffer()));
  await embedded.close();

  const url = process.env.DATABASE_URL;
  const cleanup = () => fs.rmSync(TEMPLATE_DUMP, { force: true });
  if (!url) return cleanup;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const template = await openDatabase({ kind: 'postgres', url: withDatabase(url, TEMPLATE_DB) });
  await migrate(template);
  await loadRegions(template);
  await template.close();
  return () => {
    cleanup();
    void dropDatabase(url, TEMPLATE_DB);
  };
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // A closed pool's sockets finish closing a moment later; forcing them off earlier makes the client emit an unhandled error.
  for (let wait = 0; wait < 40; wait++) {
    const open = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
    if ((open.rows[0]?.n ?? 0) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

