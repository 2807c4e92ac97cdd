import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadRegions } from '../src/modules/regions/load.ts';
import { TEMPLATE_DB, TEMPLATE_DUMP } from './template.ts';

/** Builds once per run what every test database starts from: migrated schema plus the region tree. */
export default async function setup(): Promise<void> {
  const embedded = await openDatabase({ kind: 'embedded' });
  await migrate(embedded);
  await loadRegions(embedded);
  const dump = await embedded.pglite!.dumpDataDir('none');
  fs.mkdirSync(path.dirname(TEMPLATE_DUMP), { recursive: true });
  fs.writeFileSync(TEMPLATE_DUMP, Buffer.from(await dump.arrayBuffer()));
  await embedded.close();

  const url = process.env.DATABASE_URL;
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const template = await openDatabase({ kind: 'postgres', url: withDatabase(url, TEMPLATE_DB) });
  await migrate(template);
  await loadRegions(template);
  await template.close();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

