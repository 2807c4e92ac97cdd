import type { ColumnMapping } from '@sinergi/domain';
import { sql } from 'kysely';
import { csvLine, type DatabaseHandle } from '../../../db/database.ts';
import { advanceBatch, zeroCounts, type Counts } from './batch-queries.ts';
import type { SheetInfo } from './batch-state.ts';
import { FAMILY_COLUMNS, familyMergePlan, MEMBER_COLUMNS, memberMergeColumns, rollsUpBusiness } from './columns.ts';
import type { ChunkPlan, EntityPlan } from './prepare.ts';
import { mergeFamilies, mergeMembers, refreshFamiliesFromMembers, type OutcomeCounts } from './merge-queries.ts';
import { clearChunkStaging, FAMILY_STAGE_COLUMNS, MEMBER_STAGE_COLUMNS, REJECTED_STAGE_COLUMNS } from './queries.ts';

export interface CommitContext {
  handle: DatabaseHandle;
  batchId: string;
  userId: string | null;
  mapping: ColumnMapping;
  batchHasMembers: boolean;
  /** Test hook: runs inside the chunk's transaction just before it commits; throwing rolls the chunk back. */
  beforeCommit?: (chunkNo: number) => Promise<void> | void;
}

type CsvValue = Parameters<typeof csvLine>[0][number];

/**
 * Writes one prepared chunk: COPY of the accepted records and of every row's result into staging first (COPY cannot
 * run inside the embedded database's transaction), then, in ONE transaction, the merges (which also record each
 * row's outcome), the batch counters and resume point, and the staging clean-up, so that a crash loses at most
 * this chunk and a resume never records a row twice.
 */
export async function commitChunk(ctx: CommitContext, chunkNo: number, plan: ChunkPlan, sheets: SheetInfo[]): Promise<Counts> {
  const { handle, batchId } = ctx;
  const hasFamilyRows = plan.rows.some((r) => r.family);
  const hasMemberRows = plan.rows.some((r) => r.member);
  const staged: Promise<number>[] = [];
  const rejected = [...rejectedLines(batchId, chunkNo, plan)];
  if (rejected.length) staged.push(handle.copyFrom('import_stage_result', REJECTED_STAGE_COLUMNS, inBlocks(rejected)));
  if (plan.families.length) {
    staged.push(
      handle.copyFrom(
        'import_stage_family',
        FAMILY_STAGE_COLUMNS,
        inBlocks(plan.families.map((f) => csvLine([batchId, chunkNo, plan.sheet, f.rowNumber, issuesJson(f.issues), f.isNew, f.record.noKk, ...FAMILY_COLUMNS.map((c) => f.record[c.field] as CsvValue)]))),
      ),
    );
  }
  if (plan.members.length) {
    staged.push(
      handle.copyFrom(
        'import_stage_member',
        MEMBER_STAGE_COLUMNS,
        inBlocks(plan.members.map((m) => csvLine([batchId, chunkNo, plan.sheet, m.rowNumber, issuesJson(m.issues), m.isNew, m.familyId, m.record.nik, m.record.noKk, ...MEMBER_COLUMNS.map((c) => m.record[c.field] as CsvValue)]))),
      ),
    );
  }
  await Promise.all(staged);
  return handle.db.transaction().execute(async (trx) => {
    // The merges are many small index look-ups whose summed estimates can pass PostgreSQL's JIT threshold; compiling
    // them costs far more than running them. (The embedded database has no JIT.)
    if (handle.kind === 'postgres') await sql`SET LOCAL jit = off`.execute(trx);
    const counts = zeroCounts();
    if (hasFamilyRows) {
      addCounts(counts, 'families', await mergeFamilies(trx, batchId, chunkNo, ctx.userId, familyMergePlan(ctx.mapping, ctx.batchHasMembers)));
    }
    if (hasMemberRows) {
      const members = await mergeMembers(trx, batchId, chunkNo, ctx.userId, memberMergeColumns(ctx.mapping));
      addCounts(counts, 'members', members.counts);
      await refreshFamiliesFromMembers(trx, members.touchedFamilies, batchId, ctx.userId, rollsUpBusiness(ctx.mapping));
    }
    await advanceBatch(trx, batchId, plan.rows.length, counts, sheets);
    await clearChunkStaging(trx, batchId, chunkNo);
    await ctx.beforeCommit?.(chunkNo);
    return counts;
  });
}

function addCounts(counts: Counts, entity: 'families' | 'members', outcomes: OutcomeCounts): void {
  for (const outcome of ['added', 'updated', 'unchanged', 'rejected'] as const) counts[`${entity}_${outcome}`] += outcomes[outcome];
}

const BLOCK_LINES = 1_000;

/** CSV lines joined into blocks: the PostgreSQL COPY stream then sends a few large writes instead of one per line. */
function* inBlocks(lines: readonly string[]): Generator<string> {
  for (let i = 0; i < lines.length; i += BLOCK_LINES) yield lines.slice(i, i + BLOCK_LINES).join('\n');
}

const issuesJson = (issues: readonly unknown[]) => (issues.length ? JSON.stringify(issues) : '[]');

/** The rejected part of each row (a combined row may have its family accepted and its member rejected). */
function* rejectedLines(batchId: string, chunkNo: number, plan: ChunkPlan): Generator<string> {
  const line = (rowNumber: number, raw: unknown, entity: 'family' | 'member', part: EntityPlan) =>
    csvLine([batchId, chunkNo, plan.sheet, rowNumber, entity, part.key, entity === 'member' ? part.noKk : null, issuesJson(part.issues), raw ? JSON.stringify(raw) : null]);
  for (const row of plan.rows) {
    if (row.family?.rejected) yield line(row.rowNumber, row.raw, 'family', row.family);
    if (row.member?.rejected) yield line(row.rowNumber, row.raw, 'member', row.member);
  }
}
