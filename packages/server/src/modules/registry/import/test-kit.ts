import fs from 'node:fs';
import path from 'node:path';
import type { ImportMappingBody } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import { loadConfig, type Config } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/database.ts';
import type { DB } from '../../../db/schema/index.ts';
import { findBatch, type BatchRow } from './batch-queries.ts';
import type { EngineOptions, EngineResult } from './engine.ts';
import { ImportRunner } from './runner.ts';
import { createBatch, setMapping, type Actor } from './service.ts';

/** Helpers shared by the import tests and the throughput script: an operator, a whole import, a registry snapshot. */

export async function makeImportActor(db: Kysely<DB>, scopeCodes: string[] = []): Promise<Actor> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const agency = await db.insertInto('agency').values({ name: `Dinsos ${suffix}`, short_name: `dinsos-${suffix}`, kind: 'dinsos' }).returning('id').executeTakeFirstOrThrow();
  const user = await db
    .insertInto('app_user')
    .values({ username: `operator.${suffix}`, full_name: 'Operator Uji', password_hash: '-', role: 'operator', agency_id: agency.id, scope_codes: scopeCodes })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: user.id, username: `operator.${suffix}`, agencyId: agency.id, scopeCodes };
}

export function testConfig(dataDir: string, jurisdiction = '35.07'): Config {
  return { ...loadConfig({}), dataDir, jurisdiction, demoData: false, logLevel: 'silent' };
}

export async function villagesOf(db: Kysely<DB>, kecamatan: string): Promise<string[]> {
  const rows = await db.selectFrom('region').select('code').where('parent_code', '=', kecamatan).orderBy('code').execute();
  return rows.map((r) => r.code);
}

export interface ImportRun {
  batchId: string;
  result: EngineResult | 'error' | null;
  batch: BatchRow;
}

/** Uploads files, confirms the suggested mapping (or `mapping`), runs the batch to its end. */
export async function importFiles(
  handle: DatabaseHandle,
  config: Config,
  actor: Actor,
  files: string[],
  options: { mapping?: (suggested: ImportMappingBody) => ImportMappingBody; engine?: RunnerEngine } = {},
): Promise<ImportRun> {
  const uploads = (async function* () {
    for (const file of files) yield { fileName: path.basename(file), stream: fs.createReadStream(file) };
  })();
  const batch = await createBatch(handle.db, config, actor, uploads);
  const suggested: ImportMappingBody = { sheets: Object.fromEntries(batch.sheets.map((s) => [s.name, s.suggestion.mapping])) };
  await setMapping(handle.db, actor, batch.id, options.mapping ? options.mapping(suggested) : suggested);
  return runToEnd(handle, config, batch.id, ['mapped'], options.engine);
}

type RunnerEngine = Partial<Pick<EngineOptions, 'chunkRows' | 'beforeCommit' | 'today'>> & { abortAfterChunks?: number };

/** Claims and runs a batch in a runner of its own; `abortAfterChunks` pauses it like a server shutting down. */
export async function runToEnd(handle: DatabaseHandle, config: Config, batchId: string, from: BatchRow['status'][], engine: RunnerEngine = {}): Promise<ImportRun> {
  const { abortAfterChunks, ...engineOptions } = engine;
  const runner = new ImportRunner({ handle, dataDir: config.dataDir, jurisdiction: config.jurisdiction, engine: engineOptions });
  let chunks = 0;
  runner.on('progress', () => {
    if (abortAfterChunks !== undefined && ++chunks >= abortAfterChunks) void runner.stopAll();
  });
  if (!(await runner.launch(batchId, from))) throw new Error(`batch ${batchId} could not be claimed`);
  const result = await runner.wait(batchId);
  const batch = await findBatch(handle.db, batchId);
  if (!batch) throw new Error('batch vanished');
  return { batchId, result, batch };
}

/** The registry's content without generated ids and timestamps, for comparing two databases. */
export async function registrySnapshot(db: Kysely<DB>): Promise<{ families: unknown[]; members: unknown[]; memberships: unknown[] }> {
  const families = await sql`
    SELECT no_kk, village_code, address, rt, rw, head_name, member_count, desil_national, floor_type, roof_type, version
    FROM family ORDER BY no_kk`.execute(db);
  const members = await sql`
    SELECT m.nik, f.no_kk, m.name, m.birth_date, m.sex, m.relation, m.version
    FROM member m JOIN family f ON f.id = m.family_id ORDER BY m.nik`.execute(db);
  const memberships = await sql`
    SELECT m.nik, f.no_kk, fm.relation, fm.end_date IS NULL AS open
    FROM family_membership fm JOIN member m ON m.id = fm.member_id JOIN family f ON f.id = fm.family_id
    ORDER BY m.nik, f.no_kk`.execute(db);
  return { families: families.rows, members: members.rows, memberships: memberships.rows };
}

/** Rows recorded per outcome for one batch, per entity: the invariant's left-hand side. */
export async function outcomeCounts(db: Kysely<DB>, batchId: string): Promise<Record<string, number>> {
  const rows = await sql<{ k: string; n: number }>`
    SELECT entity || '.' || outcome AS k, count(*)::int AS n FROM import_row_result WHERE batch_id = ${batchId} GROUP BY 1`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.k, r.n]));
}
