import type { ColumnMapping } from '@sinergi/domain';
import { csvLine, type DatabaseHandle } from '../../../db/database.ts';
import { advanceBatch, zeroCounts, type Counts } from './batch-queries.ts';
import type { SheetInfo } from './batch-state.ts';
import { FAMILY_COLUMNS, familyMergePlan, MEMBER_COLUMNS, memberMergeColumns, rollsUpBusiness } from './columns.ts';
import type { ChunkPlan, EntityPlan } from './prepare.ts';
import { mergeFamilies, mergeMembers, refreshFamiliesFromMembers, type Merged } from './merge-queries.ts';
import { clearStaging, FAMILY_STAGE_COLUMNS, insertRowResults, MEMBER_STAGE_COLUMNS, type Outcome, type RowResult } from './queries.ts';

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
 * Writes one prepared chunk: COPY into staging first (COPY cannot run inside the embedded database's transaction),
 * then merge, row results, batch counters and resume point, and the staging clean-up in ONE transaction,
 * so that a crash loses at most this chunk and a resume never records a row twice.
 */
export async function commitChunk(ctx: CommitContext, chunkNo: number, plan: ChunkPlan, sheets: SheetInfo[]): Promise<Counts> {
  const { handle, batchId } = ctx;
  const P = (globalThis as any).__phase ?? (() => {}); let t = performance.now(); const lap = (n: string) => { const x = performance.now(); P(n, x - t); t = x; };
  if (plan.families.length) {
    await handle.copyFrom(
      'import_stage_family',
      FAMILY_STAGE_COLUMNS,
      plan.families.map((f) => csvLine([batchId, chunkNo, f.rowNumber, f.noKk, ...FAMILY_COLUMNS.map((c) => f[c.field] as CsvValue)])),
    );
  }
  if (plan.members.length) {
    await handle.copyFrom(
      'import_stage_member',
      MEMBER_STAGE_COLUMNS,
      plan.members.map((m) => csvLine([batchId, chunkNo, m.rowNumber, m.nik, m.noKk, ...MEMBER_COLUMNS.map((c) => m[c.field] as CsvValue)])),
    );
  }
  lap('copy');
  return handle.db.transaction().execute(async (trx) => {
    const families = plan.families.length
      ? await mergeFamilies(trx, batchId, chunkNo, ctx.userId, familyMergePlan(ctx.mapping, ctx.batchHasMembers))
      : [];
    lap('mergeFamilies');
    const members = plan.members.length ? await mergeMembers(trx, batchId, chunkNo, ctx.userId, memberMergeColumns(ctx.mapping)) : [];
    lap('mergeMembers');
    const touched = new Set<string>();
    for (const m of members) {
      touched.add(m.familyId);
      if (m.previousFamilyId) touched.add(m.previousFamilyId);
    }
    await refreshFamiliesFromMembers(trx, [...touched], batchId, ctx.userId, rollsUpBusiness(ctx.mapping));
    lap('refresh');
    const { results, counts } = rowResults(
      plan,
      outcomes(plan.families.map((f) => f.noKk), families),
      outcomes(plan.members.map((m) => m.nik), members),
    );
    lap('rowResultsJs');
    await insertRowResults(trx, batchId, results);
    lap('insertResults');
    await advanceBatch(trx, batchId, plan.rows.length, counts, sheets);
    lap('advance');
    await clearStaging(trx, batchId, chunkNo);
    lap('clearStaging');
    await ctx.beforeCommit?.(chunkNo);
    return counts;
  });
}

/** Staged keys the merge did not return were left untouched: their rows are "unchanged". */
function outcomes(staged: string[], merged: Merged[]): Map<string, Outcome> {
  const result = new Map<string, Outcome>(staged.map((key) => [key, 'unchanged']));
  for (const m of merged) result.set(m.key, m.inserted ? 'added' : 'updated');
  return result;
}

function rowResults(plan: ChunkPlan, families: Map<string, Outcome>, members: Map<string, Outcome>): { results: RowResult[]; counts: Counts } {
  const counts = zeroCounts();
  const results: RowResult[] = [];
  const record = (rowNumber: number, raw: unknown, entity: 'family' | 'member', part: EntityPlan, merged: Map<string, Outcome>) => {
    // A row that passed every check but is missing from the merge result would be a bug: count it rejected, never lose it.
    const outcome: Outcome = part.rejected || part.key === null ? 'rejected' : (merged.get(part.key) ?? 'rejected');
    counts[`${entity === 'family' ? 'families' : 'members'}_${outcome}`]++;
    results.push({
      sheet: plan.sheet,
      rowNumber,
      entity,
      key: part.key,
      noKk: entity === 'member' ? part.noKk : null,
      outcome,
      issues: part.issues,
      raw: outcome === 'rejected' ? raw : null,
    });
  };
  for (const row of plan.rows) {
    if (row.family) record(row.rowNumber, row.raw, 'family', row.family, families);
    if (row.member) record(row.rowNumber, row.raw, 'member', row.member, members);
  }
  return { results, counts };
}
