import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

export interface TableColumns {
  table: string;
  /** Stored columns in table order; generated columns are computed again on restore. */
  columns: string[];
}

/** The application's tables (schema public) with the columns a data dump carries. */
export async function selectDumpableTables(db: Kysely<DB>): Promise<TableColumns[]> {
  const result = await sql<{ table: string; columns: string[] }>`
    SELECT c.table_name AS "table", array_agg(c.column_name::text ORDER BY c.ordinal_position) AS columns
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
    GROUP BY c.table_name
    ORDER BY c.table_name`.execute(db);
  return result.rows;
}

export async function countPublicTables(db: Kysely<DB>): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`.execute(db);
  return result.rows[0]?.n ?? 0;
}

export interface SequenceState {
  name: string;
  lastValue: number | null;
  startValue: number;
}

export async function selectSequences(db: Kysely<DB>): Promise<SequenceState[]> {
  const result = await sql<{ name: string; last_value: number | null; start_value: number }>`
    SELECT sequencename AS name, last_value, start_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`.execute(db);
  return result.rows.map((r) => ({ name: r.name, lastValue: r.last_value === null ? null : Number(r.last_value), startValue: Number(r.start_value) }));
}

/** Names of the applied migrations; empty when the database was never migrated. */
export async function selectAppliedMigrations(db: Kysely<DB>): Promise<string[]> {
  if (!(await tableExists(db, 'schema_migration'))) return [];
  const result = await sql<{ name: string }>`SELECT name FROM schema_migration ORDER BY name`.execute(db);
  return result.rows.map((r) => r.name);
}

// Tables whose rows are the installation's own work; regions and migrations are the same in every installation.
const WORK_TABLES = ['agency', 'app_user', 'family', 'member', 'audit_log', 'partner'] as const;

/** True when the database holds anything a restore would destroy. */
export async function databaseHoldsData(db: Kysely<DB>): Promise<boolean> {
  for (const table of WORK_TABLES) {
    if (!(await tableExists(db, table))) continue;
    const result = await sql<{ found: boolean }>`SELECT EXISTS (SELECT 1 FROM ${sql.table(table)}) AS found`.execute(db);
    if (result.rows[0]?.found) return true;
  }
  return false;
}

async function tableExists(db: Kysely<DB>, table: string): Promise<boolean> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename = ${table}`.execute(db);
  return (result.rows[0]?.n ?? 0) > 0;
}
