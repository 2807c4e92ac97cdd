import {
  leadsToScope, maskIdNumber, type EligibilityRule, type EnrolmentStatus, type Page, type PriorityOrder, type RunFamiliesQuery, type RunFamily,
  type RunKecamatanCount, type RunRegionCount, type TargetingRun,
} from '@sinergi/domain';
import { sql, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { ProgramRunTable } from '../../../db/schema/index.ts';
import { AppError } from '../../../http/errors.ts';
import { familyScopeCondition } from '../../registry/scope-filter.ts';
import { requireActive, requireManage } from '../access.ts';
import { jurisdictionToday, type ProgramContext } from '../context.ts';
import { iso, isoOrNull, storedRule } from '../present.ts';
import { checkedRegionFilter, regionCondition } from '../preview.ts';
import { programQuotas, regionNames } from '../queries.ts';
import { audit, requireProgram } from '../service.ts';
import { executeRun } from './execute.ts';
import { countScopeFamilies } from './queries.ts';
import type { TargetingRunner } from './runner.ts';

/** Programs with more families in scope than this run in the background; smaller ones answer at once. */
export const INLINE_RUN_FAMILIES = 20_000;

type RunRow = Selectable<ProgramRunTable> & { created_by_name: string | null };

async function findRun(context: ProgramContext, programId: string, runId: string): Promise<RunRow> {
  const row = await context.db
    .selectFrom('program_run as r')
    .leftJoin('app_user as u', 'u.id', 'r.created_by')
    .selectAll('r')
    .select('u.full_name as created_by_name')
    .where('r.id', '=', runId)
    .where('r.program_id', '=', programId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/** A run as the user sees it: per-kecamatan counts only for kecamatan his scope reaches. */
async function toRun(context: ProgramContext, row: RunRow): Promise<TargetingRun> {
  const counts = (row.by_kecamatan as Omit<RunKecamatanCount, 'kecamatanName'>[]).filter((entry) => leadsToScope(context.user.scopeCodes, entry.kecamatanCode));
  const names = await regionNames(context.db, counts.map((entry) => entry.kecamatanCode));
  return {
    id: row.id,
    programId: row.program_id,
    status: row.status,
    phase: row.phase,
    ruleVersion: row.rule_version,
    rule: row.rule as EligibilityRule,
    priority: row.priority as PriorityOrder,
    referenceDate: row.reference_date,
    targetFamilies: row.target_families,
    registrySnapshotAt: isoOrNull(row.registry_snapshot_at),
    registryFamilies: row.registry_families,
    registryMembers: row.registry_members,
    totalFamilies: row.total_families,
    processedFamilies: row.processed_families,
    qualified: row.qualified,
    selected: row.selected,
    waiting: row.waiting,
    byKecamatan: counts.map((entry) => ({ ...entry, kecamatanName: names[entry.kecamatanCode] ?? entry.kecamatanCode })),
    adopted: row.adopted,
    error: (row.error as TargetingRun['error']) ?? null,
    createdBy: row.created_by_name,
    createdAt: iso(row.created_at),
    startedAt: isoOrNull(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
  };
}

export interface StartRunOptions {
  runner: TargetingRunner;
  /** Families in scope up to which the run finishes within the request. */
  inlineFamilies?: number;
}

/**
 * Starts targeting for an active program with a rule and priority: freezes rule, priority, quotas, target and date on
 * a run row, then computes it at once (small programs) or in the background (poll the run for progress).
 */
export async function startRun(context: ProgramContext, programId: string, options: StartRunOptions): Promise<TargetingRun> {
  const program = await requireProgram(context.db, programId);
  requireManage(context.user, program);
  requireActive(program);
  const { rule, priority } = storedRule(program);
  if (!rule || !priority) throw new AppError('program_rule_required');
  const quotas = (await programQuotas(context.db, programId)).map((quota) => ({ kecamatanCode: quota.kecamatanCode, families: quota.families }));
  const families = await countScopeFamilies(context.db, program.region_codes);
  let runId: string;
  try {
    const row = await context.db
      .insertInto('program_run')
      .values({
        program_id: programId, rule_version: program.rule_version, rule: JSON.stringify(rule), priority: JSON.stringify(priority),
        reference_date: jurisdictionToday(context.config.jurisdiction), region_codes: program.region_codes, quotas: JSON.stringify(quotas),
        target_families: program.target_families, total_families: families, created_by: context.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    runId = row.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('program_run_in_progress');
    throw error;
  }
  await audit(context, { action: 'create', entity: 'program_run', entityId: runId, details: { programId, ruleVersion: program.rule_version, families } });
  if (families > (options.inlineFamilies ?? INLINE_RUN_FAMILIES)) options.runner.launch(runId);
  else {
    // A failure is recorded on the run itself, which the caller receives as `failed` with its reason.
    await executeRun(context.db, runId).catch((error: unknown) => context.request?.log.error({ err: error, runId }, 'targeting run failed'));
  }
  return toRun(context, await findRun(context, programId, runId));
}

export async function getRun(context: ProgramContext, programId: string, runId: string): Promise<TargetingRun> {
  return toRun(context, await findRun(context, programId, runId));
}

export async function listRuns(context: ProgramContext, programId: string): Promise<TargetingRun[]> {
  await requireProgram(context.db, programId);
  const rows = await context.db
    .selectFrom('program_run as r')
    .leftJoin('app_user as u', 'u.id', 'r.created_by')
    .selectAll('r')
    .select('u.full_name as created_by_name')
    .where('r.program_id', '=', programId)
    .orderBy('r.created_at', 'desc')
    .limit(50)
    .execute();
  return Promise.all(rows.map((row) => toRun(context, row)));
}

function runFamilyConditions(context: ProgramContext, runId: string, region: string | null): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = [sql<SqlBool>`rf.run_id = ${runId}::uuid`];
  const scope = familyScopeCondition(context.user, 'rf');
  if (scope) conditions.push(scope);
  if (region) conditions.push(regionCondition(region, 'rf'));
  return conditions;
}

interface RunFamilyRow {
  family_id: string;
  no_kk: string;
  head_name: string | null;
  village_code: string;
  village_name: string;
  kecamatan_name: string;
  desil: number | null;
  score: number;
  rank: number;
  kecamatan_rank: number;
  outcome: 'selected' | 'waiting';
  waiting_rank: number | null;
  enrolment_status: EnrolmentStatus | null;
}

/** One page of a run's ranked candidates or waiting list, in the user's scope, No KK masked; audited as a view. */
export async function runFamilies(context: ProgramContext, programId: string, runId: string, query: RunFamiliesQuery): Promise<Page<RunFamily>> {
  await findRun(context, programId, runId);
  const region = await checkedRegionFilter(context, query.region);
  const where = sql.join([...runFamilyConditions(context, runId, region), sql<SqlBool>`rf.outcome = ${query.outcome}`], sql` AND `);
  const rows = await sql<RunFamilyRow>`
    SELECT rf.family_id, f.no_kk, f.head_name, rf.village_code, v.name AS village_name, k.name AS kecamatan_name, f.desil_national AS desil,
           rf.score, rf.rank, rf.kecamatan_rank, rf.outcome, rf.waiting_rank, e.status AS enrolment_status
      FROM program_run_family rf
      JOIN family f ON f.id = rf.family_id
      JOIN region v ON v.code = rf.village_code
      JOIN region k ON k.code = rf.kecamatan_code
      LEFT JOIN program_enrolment e ON e.program_id = ${programId}::uuid AND e.family_id = rf.family_id
     WHERE ${where}
     ORDER BY rf.rank
     LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(context.db);
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM program_run_family rf WHERE ${where}`.execute(context.db);
  await audit(context, { action: 'view', entity: 'program_run', entityId: runId, details: { programId, outcome: query.outcome, region, page: query.page } });
  return {
    items: rows.rows.map((row) => ({
      familyId: row.family_id, noKk: maskIdNumber(row.no_kk), headName: row.head_name, villageCode: row.village_code, villageName: row.village_name,
      kecamatanName: row.kecamatan_name, desil: row.desil, score: row.score, rank: row.rank, kecamatanRank: row.kecamatan_rank, outcome: row.outcome,
      waitingRank: row.waiting_rank, enrolmentStatus: row.enrolment_status,
    })),
    total: total.rows[0]?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Qualified, selected and waiting families per kecamatan or per village, in the user's scope. */
export async function runRegionCounts(context: ProgramContext, programId: string, runId: string, level: 'kecamatan' | 'village'): Promise<RunRegionCount[]> {
  await findRun(context, programId, runId);
  const column = sql.ref(level === 'village' ? 'rf.village_code' : 'rf.kecamatan_code');
  const result = await sql<RunRegionCount>`
    SELECT ${column} AS code, min(r.name) AS name, min(k.name) AS "kecamatanName",
           count(*)::int AS qualified,
           count(*) FILTER (WHERE rf.outcome = 'selected')::int AS selected,
           count(*) FILTER (WHERE rf.outcome = 'waiting')::int AS waiting
      FROM program_run_family rf
      JOIN region r ON r.code = ${column}
      JOIN region k ON k.code = rf.kecamatan_code
     WHERE ${sql.join(runFamilyConditions(context, runId, null), sql` AND `)}
     GROUP BY ${column}
     ORDER BY ${column}`.execute(context.db);
  return result.rows;
}
