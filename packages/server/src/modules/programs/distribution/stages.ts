import type { BenefitItem, Stage, StageInput, StageUpdate } from '@sinergi/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { DB, DistributionStageTable } from '../../../db/schema/index.ts';
import { AppError } from '../../../http/errors.ts';
import type { ProgramContext } from '../context.ts';
import { itemsValue } from '../present.ts';
import { audit, canonicalJson, requireProgram } from '../service.ts';
import { requireStagePlanning } from './access.ts';

export type StageRow = Selectable<DistributionStageTable> & { handovers: number };

/** What one family receives in a stage: the cash amount, or the worth of the package's items. */
export function stageValue(row: Pick<StageRow, 'kind' | 'amount_per_family' | 'items'>): number {
  return row.kind === 'cash' ? (row.amount_per_family ?? 0) : (itemsValue(row.items as BenefitItem[]) ?? 0);
}

export function toStage(row: StageRow): Stage {
  return {
    id: row.id, programId: row.program_id, number: row.number, name: row.name, kind: row.kind, amountPerFamily: row.amount_per_family,
    items: row.items as BenefitItem[], valuePerFamily: stageValue(row), plannedFrom: row.planned_from, plannedTo: row.planned_to,
    handovers: row.handovers, version: row.version,
  };
}

function stageRows(db: Kysely<DB>) {
  return db
    .selectFrom('distribution_stage as s')
    .selectAll('s')
    .select(sql<number>`(SELECT count(*)::int FROM distribution_handover h WHERE h.stage_id = s.id)`.as('handovers'));
}

export async function programStages(db: Kysely<DB>, programId: string): Promise<StageRow[]> {
  return stageRows(db).where('s.program_id', '=', programId).orderBy('s.number').execute();
}

export async function requireStage(db: Kysely<DB>, programId: string, id: string): Promise<StageRow> {
  const row = await stageRows(db).where('s.id', '=', id).where('s.program_id', '=', programId).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

export async function listStages(context: ProgramContext, programId: string): Promise<Stage[]> {
  await requireProgram(context.db, programId);
  return (await programStages(context.db, programId)).map(toStage);
}

type StageValues = z.output<typeof StageInput>;

function stageColumns(input: Omit<StageValues, 'number'>) {
  return {
    name: input.name, kind: input.kind, amount_per_family: input.kind === 'cash' ? input.amountPerFamily : null,
    items: JSON.stringify(input.kind === 'in_kind' ? input.items : []), planned_from: input.plannedFrom, planned_to: input.plannedTo,
  };
}

/** Adds a stage (tahap) to the program's distribution plan; numbered after the last one unless a number is given. */
export async function createStage(context: ProgramContext, programId: string, input: StageValues): Promise<Stage> {
  const program = await requireProgram(context.db, programId);
  requireStagePlanning(context.user, program);
  let id: string;
  try {
    id = await context.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('distribution_stage').select(sql<number>`coalesce(max(number), 0)::int`.as('n')).where('program_id', '=', programId).executeTakeFirstOrThrow();
      const row = await trx
        .insertInto('distribution_stage')
        .values({ ...stageColumns(input), program_id: programId, number: input.number ?? last.n + 1, created_by: context.user.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('duplicate', {}, [{ path: '/number', message: String(input.number) }]);
    throw error;
  }
  await audit(context, { action: 'create', entity: 'distribution_stage', entityId: id, details: { programId, name: input.name, kind: input.kind } });
  return toStage(await requireStage(context.db, programId, id));
}

/** Changes a stage; its kind and value are fixed once something was handed over in it (name and dates stay open). */
export async function updateStage(context: ProgramContext, programId: string, id: string, input: z.output<typeof StageUpdate>): Promise<Stage> {
  const program = await requireProgram(context.db, programId);
  requireStagePlanning(context.user, program);
  const row = await requireStage(context.db, programId, id);
  if (input.version !== row.version) throw new AppError('conflict');
  const next = stageColumns(input);
  const valueChanged = next.kind !== row.kind || next.amount_per_family !== row.amount_per_family
    || canonicalJson(input.kind === 'in_kind' ? input.items : []) !== canonicalJson(row.items);
  if (row.handovers > 0 && valueChanged) throw new AppError('stage_has_handovers', { count: row.handovers });
  const updated = await context.db
    .updateTable('distribution_stage')
    .set({ ...next, version: row.version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw new AppError('conflict');
  await audit(context, { action: 'update', entity: 'distribution_stage', entityId: id, details: { programId, name: input.name, valueChanged } });
  return toStage(await requireStage(context.db, programId, id));
}
