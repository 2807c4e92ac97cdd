import type { PGlite } from '@electric-sql/pglite';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import { quoteIdent } from './format.ts';
import type { WriteChunk } from './dump-postgres.ts';
import type { SequenceState, TableColumns } from './queries.ts';

const SCHEMA_ARGS = ['--schema-only', '--no-owner', '--no-privileges'];

/**
 * Writes the same layout pg_dump gives for PostgreSQL: schema, then every table as a COPY block, then
 * indexes, constraints and triggers. PGlite's own pg_dump only writes row-by-row INSERTs, which restore
 * an order of magnitude slower, so it is used for the schema sections only.
 * The caller must not use the database while this runs: pg_dump talks to PGlite's single connection directly.
 */
export async function dumpEmbedded(
  pglite: PGlite,
  tables: TableColumns[],
  sequences: SequenceState[],
  write: WriteChunk,
  onTable: (table: string) => void,
): Promise<void> {
  await write(await schemaSection(pglite, 'pre-data'));
  // One snapshot for all tables, so that rows referring to each other are dumped together.
  await pglite.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    for (const { table, columns } of tables) {
      onTable(table);
      const target = `public.${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')})`;
      await write(`\n--\n-- Data for Name: ${table}; Type: TABLE DATA; Schema: public; Owner: -\n--\n\nCOPY ${target} FROM stdin;\n`);
      const result = await pglite.query(`COPY ${target} TO '/dev/blob'`);
      if (result.blob) for await (const chunk of result.blob.stream() as AsyncIterable<Uint8Array>) await write(chunk);
      await write('\\.\n\n');
    }
    for (const s of sequences) {
      const name = `public.${quoteIdent(s.name)}`.replace(/'/g, "''");
      const [value, called] = s.lastValue === null ? [s.startValue, false] : [s.lastValue, true];
      await write(`SELECT pg_catalog.setval('${name}', ${String(value)}, ${String(called)});\n`);
    }
  } finally {
    await pglite.exec('COMMIT');
  }
  await write(await schemaSection(pglite, 'post-data'));
}

async function schemaSection(pglite: PGlite, section: 'pre-data' | 'post-data'): Promise<string> {
  const searchPath = (await pglite.query<{ search_path: string }>('SHOW search_path')).rows[0]?.search_path ?? 'public';
  const dump = await pgDump({ pg: pglite, args: [...SCHEMA_ARGS, `--section=${section}`] });
  // pg_dump ends by disconnecting, which PGlite's single session never does: its read-only transaction and
  // its empty search_path would stay, so both are undone here.
  await pglite.exec('ROLLBACK');
  await pglite.query(`SELECT set_config('search_path', $1, false)`, [searchPath]);
  return dump.text();
}
