import type { EligibilityRule, PriorityOrder } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import { tuneTransaction } from '../queries.ts';
import { adoptRun, countScope, insertRunFamilies, tallyByKecamatan, type RunInput } from './queries.ts';

interface QuotaSnapshot {
  kecamatanCode: string;
  families: number;
}

async function runInput(db: Kysely<DB>, runId: string): Promise<RunInput> {
  const run = await db.selectFrom('program_run').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
  return {
    runId,
    programId: run.program_id,
    rule: run.rule as EligibilityRule,
    priority: run.priority as PriorityOrder,
    referenceDate: run.reference_date,
    regionCodes: run.region_codes,
    quotas: run.quotas as QuotaSnapshot[],
    targetFamilies: run.target_families,
  };
}

/** Why a run failed, for the officer who polls it. */
function failure(error: unknown): { id: string; en: string } {
  const detail = error instanceof Error ? error.message : String(error);
  return { id: `Penentuan sasaran gagal: ${detail}`, en: `Targeting failed: ${detail}` };
}

/**
 * Computes a queued run: selection, ranking, quotas and waiting list in one statement, the counts per kecamatan, and
 * (when field work has not begun) the program's candidates, all in one repeatable-read transaction so that the
 * snapshot counts and the list come from the same registry state. A failure leaves the run `failed` with its reason.
 */
export async function executeRun(db: Kysely<DB>, runId: string): Promise<void> {
  await db.updateTable('program_run').set({ status: 'running', phase: 'selecting', started_at: new Date() }).where('id', '=', runId).execute();
  try {
    await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      await tuneTransaction(trx, { sortMemory: true });
      const input = await runInput(trx, runId);
      const registry = await countScope(trx, input.regionCodes);
      await insertRunFamilies(trx, input);
      const tally = await tallyByKecamatan(trx, runId);
      const quotaOf = new Map(input.quotas.map((quota) => [quota.kecamatanCode, quota.families]));
      const codes = new Set([...tally.map((row) => row.kecamatanCode), ...quotaOf.keys()]);
      const byKecamatan = [...codes].sort().map((code) => {
        const row = tally.find((entry) => entry.kecamatanCode === code);
        return {
          kecamatanCode: code,
          quota: input.quotas.length > 0 ? (quotaOf.get(code) ?? 0) : null,
          qualified: row?.qualified ?? 0,
          selected: row?.selected ?? 0,
          waiting: row?.waiting ?? 0,
        };
      });
      const sum = (key: 'qualified' | 'selected' | 'waiting') => tally.reduce((total, row) => total + row[key], 0);
      const adopted = await adoptRun(trx, input.programId, runId);
      await trx
        .updateTable('program_run')
        .set({
          status: 'done', phase: 'done', finished_at: new Date(), registry_snapshot_at: sql<Date>`now()`,
          registry_families: registry.families, registry_members: registry.members,
          total_families: registry.families, processed_families: registry.families,
          qualified: sum('qualified'), selected: sum('selected'), waiting: sum('waiting'),
          by_kecamatan: JSON.stringify(byKecamatan), adopted,
        })
        .where('id', '=', runId)
        .execute();
    });
  } catch (error) {
    await db
      .updateTable('program_run')
      .set({ status: 'failed', phase: 'failed', finished_at: new Date(), error: JSON.stringify(failure(error)) })
      .where('id', '=', runId)
      .execute();
    throw error;
  }
}

/** Runs left queued or running by a stopped server can never finish: they are marked failed at start. */
export async function failInterruptedRuns(db: Kysely<DB>): Promise<number> {
  const result = await db
    .updateTable('program_run')
    .set({
      status: 'failed', phase: 'failed', finished_at: new Date(),
      error: JSON.stringify({ id: 'Terhenti karena server dimatikan; jalankan ulang.', en: 'Interrupted by a server stop; run it again.' }),
    })
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
