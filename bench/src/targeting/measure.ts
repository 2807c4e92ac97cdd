import { BUSINESS_PACKAGE_PRIORITY, BUSINESS_PACKAGE_RULE } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../../../packages/server/src/config.ts';
import type { DatabaseKind } from '../../../packages/server/src/db/database.ts';
import type { DB } from '../../../packages/server/src/db/schema/index.ts';
import type { ProgramContext } from '../../../packages/server/src/modules/programs/context.ts';
import { previewCount } from '../../../packages/server/src/modules/programs/preview.ts';
import { tuneTransaction } from '../../../packages/server/src/modules/programs/queries.ts';
import { executeRun } from '../../../packages/server/src/modules/programs/targeting/execute.ts';
import { summarize, type LatencySummary } from '../stats.ts';
import { handWrittenList, type ListedFamily } from './hand-written.ts';
import { REFERENCE_DATE, TARGET_FAMILIES, targetingWorld } from './setup.ts';

/** Timed rounds of each query; the median is reported. Runs and hand-written queries alternate. */
const ROUNDS = 3;
const PREVIEWS = 15;

export interface TargetingMeasurement {
  kind: DatabaseKind;
  families: number;
  members: number;
  seedSeconds: number;
  earlierRecipients: number;
  qualified: number;
  selected: number;
  waiting: number;
  runSeconds: number[];
  handWrittenSeconds: number[];
  preview: LatencySummary;
  previewTotal: number;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/** One targeting run as the program's officer starts it: a frozen run row, then the run itself (timed). */
async function compiledRun(db: Kysely<DB>, programId: string, quotas: readonly { kecamatanCode: string; families: number }[]): Promise<{ runId: string; seconds: number }> {
  const row = await db
    .insertInto('program_run')
    .values({
      program_id: programId, rule_version: 1, rule: JSON.stringify(BUSINESS_PACKAGE_RULE), priority: JSON.stringify(BUSINESS_PACKAGE_PRIORITY),
      reference_date: REFERENCE_DATE, quotas: JSON.stringify(quotas), target_families: TARGET_FAMILIES,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { seconds } = await timed(() => executeRun(db, row.id));
  return { runId: row.id, seconds };
}

/** The hand-written query under the same session settings as a run's transaction. */
async function handWritten(db: Kysely<DB>, programId: string, quotas: readonly { kecamatanCode: string; families: number }[]) {
  return timed(() => db.transaction().execute(async (trx) => {
    await tuneTransaction(trx, { sortMemory: true });
    return handWrittenList(trx, { programId, referenceDate: REFERENCE_DATE, quotas, targetFamilies: TARGET_FAMILIES });
  }));
}

async function runList(db: Kysely<DB>, runId: string): Promise<ListedFamily[]> {
  const rows = await sql<ListedFamily>`
    SELECT family_id, rank, outcome, waiting_rank FROM program_run_family WHERE run_id = ${runId}::uuid ORDER BY rank`.execute(db);
  return rows.rows;
}

function assertSameList(run: readonly ListedFamily[], hand: readonly ListedFamily[]): void {
  const key = (row: ListedFamily) => `${row.family_id}|${String(row.rank)}|${row.outcome}|${String(row.waiting_rank)}`;
  if (run.length !== hand.length) throw new Error(`run listed ${String(run.length)} families, the hand-written query ${String(hand.length)}`);
  const differs = run.findIndex((row, index) => key(row) !== key(hand[index]!));
  if (differs >= 0) throw new Error(`lists differ at rank ${String(differs + 1)}: run ${key(run[differs]!)} vs hand-written ${key(hand[differs]!)}`);
}

function previewContext(db: Kysely<DB>): ProgramContext {
  return {
    db, config: { ...loadConfig({}), jurisdiction: '35.07' }, request: null,
    user: {
      id: '00000000-0000-0000-0000-000000000000', username: 'bench', fullName: 'Bench', role: 'admin', agencyId: '00000000-0000-0000-0000-000000000000',
      scopeCodes: [], language: 'id', mustChangePassword: false, sessionId: 'bench', csrfToken: 'bench',
    },
  };
}

/** Seeds, then times compiled runs against the hand-written query (same list asserted) and the live preview count. */
export async function measureTargeting(kind: DatabaseKind, families: number, adminUrl: string | undefined): Promise<TargetingMeasurement> {
  const world = await targetingWorld(kind, families, adminUrl);
  const { db } = world.scratch.handle;
  try {
    process.stderr.write(`targeting on ${kind}: ${String(world.families)} families seeded in ${world.seedSeconds.toFixed(1)} s; timing…\n`);
    await handWritten(db, world.programId, world.quotas); // warms the caches for both
    const runSeconds: number[] = [];
    const handWrittenSeconds: number[] = [];
    let last: { runId: string; hand: ListedFamily[] } | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      const hand = await handWritten(db, world.programId, world.quotas);
      handWrittenSeconds.push(hand.seconds);
      const run = await compiledRun(db, world.programId, world.quotas);
      runSeconds.push(run.seconds);
      last = { runId: run.runId, hand: hand.value };
    }
    if (!last) throw new Error('no rounds');
    assertSameList(await runList(db, last.runId), last.hand);
    const run = await db.selectFrom('program_run').select(['status', 'qualified', 'selected', 'waiting', 'error']).where('id', '=', last.runId).executeTakeFirstOrThrow();
    if (run.status !== 'done') throw new Error(`run ${run.status}: ${JSON.stringify(run.error)}`);
    const context = previewContext(db);
    const body = { rule: BUSINESS_PACKAGE_RULE, programId: world.programId };
    await previewCount(context, body);
    const durations: number[] = [];
    let previewTotal = 0;
    for (let i = 0; i < PREVIEWS; i++) {
      const { value, seconds } = await timed(() => previewCount(context, body));
      durations.push(seconds * 1000);
      previewTotal = value.total;
    }
    process.stderr.write(`targeting on ${kind}: run ${runSeconds.map((s) => s.toFixed(3)).join(' ')} s, hand-written ${handWrittenSeconds.map((s) => s.toFixed(3)).join(' ')} s, preview p50 ${summarize(durations).p50.toFixed(1)} ms\n`);
    return {
      kind, families: world.families, members: world.members, seedSeconds: world.seedSeconds, earlierRecipients: world.earlierRecipients,
      qualified: run.qualified ?? 0, selected: run.selected ?? 0, waiting: run.waiting ?? 0, runSeconds, handWrittenSeconds,
      preview: summarize(durations), previewTotal,
    };
  } finally {
    await world.scratch.drop();
  }
}
