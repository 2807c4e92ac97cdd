import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../src/db/database.ts';
import { inject } from 'vitest';
import { dropDatabase, withDatabase } from './global-setup.ts';
import './template.ts';

/** The databases every DB test runs on: PGlite always, PostgreSQL when DATABASE_URL is set (as in CI). */
export const testDatabaseKinds: DatabaseKind[] = process.env.DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];

/** A fresh database (schema + regions, no other rows) that belongs to the caller alone. */
export async function openTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'embedded') {
    return openDatabase({ kind: 'embedded', loadDataDir: new Blob([fs.readFileSync(inject('templateDump'))]) });
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const name = `sinergi_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`);
  await admin.end();
  const handle = await openDatabase({ kind: 'postgres', url: withDatabase(url, name) });
  return {
    ...handle,
    async close() {
      await handle.close();
      await dropDatabase(url, name);
    },
  };
}
