import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DatabaseHandle } from './database.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any fixed number: several servers starting at once against one PostgreSQL apply migrations one at a time.
const MIGRATION_LOCK_KEY = 73507;

export interface MigrationFile {
  name: string;
  script: string;
}

export function migrationFiles(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, script: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/** Applies every migration not yet recorded, each in its own transaction; returns the names applied. */
export async function migrate(handle: DatabaseHandle, files = migrationFiles()): Promise<string[]> {
  await handle.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  for (const file of files) {
    const quotedName = file.name.replace(/'/g, "''");
    const lock = handle.kind === 'postgres' ? `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY});` : '';
    const done = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migration WHERE name = ${file.name}`.execute(handle.db);
    if ((done.rows[0]?.n ?? 0) > 0) continue;
    // The insert fails on a duplicate name if another server applied the same file meanwhile, rolling this one back.
    await handle.exec(`BEGIN; ${lock}
${file.script}
;INSERT INTO schema_migration (name) VALUES ('${quotedName}'); COMMIT;`);
    applied.push(file.name);
  }
  return applied;
}
