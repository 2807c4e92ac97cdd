import type { ColumnMapping, MemberRecord } from '@sinergi/domain';
import { sql } from 'kysely';
import { csvLine, type DatabaseHandle } from '../../../db/database.ts';
import { advanceBatch, zeroCounts, type Counts } from './batch-queries.ts';
import type { SheetInfo } from './batch-state.ts';
import type { ChunkConnection } from './chunk-connection.ts';
import { FAMILY_COLUMNS, familyMergePlan, MEMBER_COLUMNS, memberMergeColumns, rollsUpBusiness, type MergeColumn } from './columns.ts';
import type { ChunkPlan, EntityPlan, Staged } from './prepare.ts';
import { mergeFamilies, mergeMembers, refreshFamiliesFromMembers, type OutcomeCounts } from './merge-queries.ts';
import { clearChunkStaging, FAMILY_STAGE_COLUMNS, MEMBER_STAGE_COLUMNS, MEMBERSHIP_COLUMNS, RESULT_COLUMNS } from './queries.ts';

export interface CommitContext {
  handle: DatabaseHandle;
  /** Where the chunk's transaction runs, with COPY into it. */
  connection: ChunkConnection;
  batchId: string;
  userId: string | null;
  mapping: ColumnMapping;
  batchHasMembers: boolean;
  /** Test hook: runs inside the chunk's transaction just before it commits; throwing rolls the chunk back. */
  beforeCommit?: (chunkNo: number) => Promise<void> | void;
}

type CsvValue = Parameters<typeof csvLine>[0][number];

/**
 * Writes one prepared chunk. Records that may already exist are staged first (COPY, outside the transaction) for the
 * set-based merge; then ONE transaction writes new members by COPY, merges the staged records, records every row's
 * outcome, and advances the batch counters and resume point, so that a crash loses at most this chunk and a resume
 * never records a row twice.
 */
export async function commitChunk(ctx: CommitContext, chunkNo: number, plan: ChunkPlan, sheets: SheetInfo[]): Promise<Counts> {
  const { handle, connection, batchId } = ctx;
  const direct = plan.members.filter((m) => m.direct);
  const stagedMembers = plan.members.filter((m) => !m.direct);
  const memberColumns = memberMergeColumns(ctx.mapping);
  const staged: Promise<number>[] = [];
  if (plan.families.length) {
    const lines = plan.families.map((f) =>
      csvLine([batchId, chunkNo, plan.sheet, f.rowNumber, issuesJson(f.issues), f.isNew, f.id, f.record.noKk, ...FAMILY_COLUMNS.map((c) => f.record[c.field] as CsvValue)]),
    );
    staged.push(handle.copyFrom('import_stage_family', FAMILY_STAGE_COLUMNS, inBlocks(lines)));
  }
  if (stagedMembers.length) {
    const lines = stagedMembers.map((m) =>
      csvLine([batchId, chunkNo, plan.sheet, m.rowNumber, issuesJson(m.issues), m.isNew, m.familyId, m.record.nik, m.record.noKk, ...MEMBER_COLUMNS.map((c) => m.record[c.field] as CsvValue)]),
    );
    staged.push(handle.copyFrom('import_stage_member', MEMBER_STAGE_COLUMNS, inBlocks(lines)));
  }
  await Promise.all(staged);
  return connection.db.transaction().execute(async (trx) => {
    // The merges are many small index look-ups whose summed estimates can pass PostgreSQL's JIT threshold; compiling
    // them costs far more than running them. (The embedded database has no JIT.)
    if (handle.kind === 'postgres') await sql`SET LOCAL jit = off`.execute(trx);
    const counts = zeroCounts();
    if (plan.families.length) {
      addCounts(counts, 'families', await mergeFamilies(trx, batchId, chunkNo, ctx.userId, familyMergePlan(ctx.mapping, ctx.batchHasMembers)));
    }
    const touched = new Set<string>();
    if (direct.length) {
      await copyNewMembers(connection, batchId, plan.sheet, direct, memberColumns);
      counts.members_added += direct.length;
      for (const m of direct) touched.add(m.familyId!);
    }
    if (stagedMembers.length) {
      const members = await mergeMembers(trx, batchId, chunkNo, ctx.userId, memberColumns);
      addCounts(counts, 'members', members.counts);
      for (const id of members.touchedFamilies) touched.add(id);
    }
    const rejected = rejectedLines(batchId, plan);
    if (rejected.length) {
      await connection.copyIn('import_row_result', RESULT_COLUMNS, rejected.join('\n') + '\n');
      for (const row of plan.rows) {
        if (row.family?.rejected) counts.families_rejected++;
        if (row.member?.rejected) counts.members_rejected++;
      }
    }
    await refreshFamiliesFromMembers(trx, [...touched], batchId, ctx.userId, rollsUpBusiness(ctx.mapping));
    await advanceBatch(trx, batchId, plan.rows.length, counts, sheets);
    await clearChunkStaging(trx, batchId, chunkNo);
    await ctx.beforeCommit?.(chunkNo);
    return counts;
  });
}

/** New members of known families, their open membership and their row results: COPY, as a raw load would. */
async function copyNewMembers(connection: ChunkConnection, batchId: string, sheet: string, members: Staged<MemberRecord>[], columns: readonly MergeColumn<MemberRecord>[]) {
  const memberLines = members.map((m) => csvLine([m.id, m.record.nik, m.familyId, ...columns.map((c) => m.record[c.field] as CsvValue)]));
  await connection.copyIn('member', ['id', 'nik', 'family_id', ...columns.map((c) => c.column)], memberLines.join('\n') + '\n');
  const memberships = members.map((m) => csvLine([m.id, m.familyId, m.record.relation]));
  await connection.copyIn('family_membership', MEMBERSHIP_COLUMNS, memberships.join('\n') + '\n');
  const results = members.map((m) => csvLine([batchId, sheet, m.rowNumber, 'member', m.record.nik, m.record.noKk, 'added', issuesJson(m.issues), null]));
  await connection.copyIn('import_row_result', RESULT_COLUMNS, results.join('\n') + '\n');
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

/** The rejected part of each row (a combined row may have its family accepted and its member rejected), with the row as read. */
function rejectedLines(batchId: string, plan: ChunkPlan): string[] {
  const lines: string[] = [];
  const line = (rowNumber: number, raw: unknown, entity: 'family' | 'member', part: EntityPlan) =>
    csvLine([batchId, plan.sheet, rowNumber, entity, part.key, entity === 'member' ? part.noKk : null, 'rejected', issuesJson(part.issues), raw ? JSON.stringify(raw) : null]);
  for (const row of plan.rows) {
    if (row.family?.rejected) lines.push(line(row.rowNumber, row.raw, 'family', row.family));
    if (row.member?.rejected) lines.push(line(row.rowNumber, row.raw, 'member', row.member));
  }
  return lines;
}
