import type { ConflictRule, ConflictRuleInput, ProgramKind } from '@sinergi/domain';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.ts';
import type { DB, ProgramConflictRuleTable } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import type { ProgramContext } from '../programs/context.ts';
import { iso } from '../programs/present.ts';
import { audit } from '../programs/service.ts';

type RuleValues = z.output<typeof ConflictRuleInput>;

export function toConflictRule(row: Selectable<ProgramConflictRuleTable>): ConflictRule {
  return {
    id: row.id, kindA: row.kind_a as ProgramKind, kindB: row.kind_b as ProgramKind, period: row.period, note: row.note, updatedAt: iso(row.updated_at),
  };
}

export async function listConflictRules(db: Kysely<DB>): Promise<ConflictRule[]> {
  const rows = await db.selectFrom('program_conflict_rule').selectAll().orderBy('kind_a').orderBy('kind_b').execute();
  return rows.map(toConflictRule);
}

/** A pair is stored once, its kinds in order, so that "A with B" and "B with A" are the same rule. */
function columns(values: RuleValues) {
  const [kindA, kindB] = [values.kindA, values.kindB].sort();
  return { kind_a: kindA!, kind_b: kindB!, period: values.period, note: values.note ?? null };
}

async function saved<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('duplicate');
    throw error;
  }
}

export async function createConflictRule(context: ProgramContext, values: RuleValues): Promise<ConflictRule> {
  const row = await saved(() => context.db
    .insertInto('program_conflict_rule')
    .values({ ...columns(values), created_by: context.user.id, updated_by: context.user.id })
    .returningAll()
    .executeTakeFirstOrThrow());
  await audit(context, { action: 'create', entity: 'program_conflict_rule', entityId: row.id, details: { kindA: row.kind_a, kindB: row.kind_b, period: row.period } });
  return toConflictRule(row);
}

export async function updateConflictRule(context: ProgramContext, id: string, values: RuleValues): Promise<ConflictRule> {
  const row = await saved(() => context.db
    .updateTable('program_conflict_rule')
    .set({ ...columns(values), updated_by: context.user.id, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst());
  if (!row) throw new AppError('not_found');
  await audit(context, { action: 'update', entity: 'program_conflict_rule', entityId: id, details: { kindA: row.kind_a, kindB: row.kind_b, period: row.period } });
  return toConflictRule(row);
}

export async function deleteConflictRule(context: ProgramContext, id: string): Promise<void> {
  const row = await context.db.deleteFrom('program_conflict_rule').where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw new AppError('not_found');
  await audit(context, { action: 'delete', entity: 'program_conflict_rule', entityId: id, details: { kindA: row.kind_a, kindB: row.kind_b, period: row.period } });
}
