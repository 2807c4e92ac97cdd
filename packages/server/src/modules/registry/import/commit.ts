import type { ColumnMapping, FamilyRecord, MemberRecord } from '@sinergi/domain';
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
 * set-based merge; then ONE transaction writes new families and members by COPY, merges the staged records, records
 * every row's outcome, and advances the batch counters and resume point, so that a crash loses at most this chunk and
 * a resume never records a row twice.
 */
export async function commitChunk(ctx: CommitContext, chunkNo: number, plan: ChunkPlan, sheets: SheetInfo[]): Promise<Counts> {
  try {
    return await writeChunk(ctx, chunkNo, plan, sheets);
  } catch (error) {
    const hasDirect = plan.families.some((f) => f.direct) || plan.members.some((m) => m.direct);
    if (!hasDirect || !KEY_CONFLICTS.has((error as { code?: unknown } | null)?.code)) throw error;
    // Another import or an edit added one of the chunk's new keys after the checks ran (or kept the family a chunk
    // before meant to create): the chunk rolled back whole, and is written again with every record through the
    // merge, which looks each key up itself and updates what exists instead.
    await clearChunkStaging(ctx.handle.db, ctx.batchId, chunkNo);
    return writeChunk(ctx, chunkNo, throughMerge(plan), sheets);
  }
}

/** unique_violation, foreign_key_violation */
const KEY_CONFLICTS = new Set<unknown>(['23505', '23503']);

/** The plan with nothing taken for known: every family and member is looked up again by the merge. */
function throughMerge(plan: ChunkPlan): ChunkPlan {
  return {
    ...plan,
    families: plan.families.map((f) => ({ ...f, isNew: false, id: null, direct: false })),
    members: plan.members.map((m) => ({ ...m, isNew: false, id: null, familyId: null, direct: false })),
  };
}

async function writeChunk(ctx: CommitContext, chunkNo: number, plan: ChunkPlan, sheets: SheetInfo[]): Promise<Counts> {
  const { handle, connection, batchId } = ctx;
  const directFamilies = plan.families.filter((f) => f.direct);
  const stagedFamilies = plan.families.filter((f) => !f.direct);
  const direct = plan.members.filter((m) => m.direct);
  const stagedMembers = plan.members.filter((m) => !m.direct);
  const memberColumns = memberMergeColumns(ctx.mapping);
  const familyPlan = familyMergePlan(ctx.mapping, ctx.batchHasMembers);
  const staged: Promise<number>[] = [];
  if (stagedFamilies.length) {
    const lines = stagedFamilies.map((f) =>
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
    if (directFamilies.length) {
      await copyNewFamilies(connection, batchId, plan.sheet, directFamilies, familyPlan.insert);
      counts.families_added += directFamilies.length;
    }
    if (stagedFamilies.length) addCounts(counts, 'families', await mergeFamilies(trx, batchId, chunkNo, ctx.userId, familyPlan));
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

/** New families and their row results: COPY, as a raw load would. */
async function copyNewFamilies(connection: ChunkConnection, batchId: string, sheet: string, families: Staged<FamilyRecord>[], columns: readonly MergeColumn<FamilyRecord>[]) {
  const familyLines = families.map((f) => csvLine([f.id, f.record.noKk, ...columns.map((c) => f.record[c.field] as CsvValue), 'import']));
  await connection.copyIn('family', ['id', 'no_kk', ...columns.map((c) => c.column), 'data_source'], familyLines.join('\n') + '\n');
  const results = families.map((f) => csvLine([batchId, sheet, f.rowNumber, 'family', f.record.noKk, null, 'added', issuesJson(f.issues), null]));
  await connection.copyIn('import_row_result', RESULT_COLUMNS, results.join('\n') + '\n');
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
