import {
  regionCodesOf, validatePriority, validateRule, type Condition, type EligibilityRule, type PriorityOrder, type RuleIssue, type RuleValidationOptions,
  type Validated,
} from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';

export interface RuleCheckOptions {
  /** Installation root (e.g. '35.07'): region codes outside it count as unknown. */
  jurisdiction: string;
  programKinds?: readonly string[];
  programIds?: readonly string[];
}

/** Validates a rule before it is saved, region codes included; throws `invalid_rule` with every issue as details. */
export async function checkRule(db: Kysely<DB>, input: unknown, options: RuleCheckOptions): Promise<EligibilityRule> {
  return check(db, input, options, validateRule, (rule) => [rule.condition]);
}

/** Validates a priority order before it is saved; throws `invalid_rule` with every issue as details. */
export async function checkPriority(db: Kysely<DB>, input: unknown, options: RuleCheckOptions): Promise<PriorityOrder> {
  return check(db, input, options, validatePriority, (order) => order.keys.flatMap((key) => (key.kind === 'condition' ? [key.condition] : [])));
}

async function check<T>(
  db: Kysely<DB>, input: unknown, options: RuleCheckOptions,
  validate: (input: unknown, options: RuleValidationOptions) => Validated<T>, conditions: (value: T) => Condition[],
): Promise<T> {
  const base: RuleValidationOptions = {
    ...(options.programKinds ? { programKinds: options.programKinds } : {}),
    ...(options.programIds ? { programIds: options.programIds } : {}),
  };
  const first = validate(input, base);
  if (!first.ok) throw invalid(first.issues);
  const codes = [...new Set(conditions(first.value).flatMap(regionCodesOf))];
  if (codes.length === 0) return first.value;
  const known = await knownRegions(db, codes, options.jurisdiction);
  const second = validate(input, { ...base, regionExists: (code) => known.has(code) });
  if (!second.ok) throw invalid(second.issues);
  return second.value;
}

async function knownRegions(db: Kysely<DB>, codes: string[], jurisdiction: string): Promise<Set<string>> {
  const rows = await db.selectFrom('region').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((row) => row.code).filter((code) => code === jurisdiction || code.startsWith(`${jurisdiction}.`)));
}

function invalid(issues: RuleIssue[]): AppError {
  return new AppError('invalid_rule', { count: issues.length }, { issues });
}
