import type { Language } from '../errors.ts';
import type { LocalText, PriorityKey, PriorityOrder } from './ast.ts';
import { conditionSql, type CompileOptions } from './compile-sql.ts';
import { describeConditionInline } from './describe.ts';
import { conditionHolds } from './evaluate.ts';
import type { EvaluationContext } from './leaves.ts';
import { familyRuleField, type NumberField } from './fields.ts';
import { both, formatNumber, notRecorded } from './phrases.ts';
import { SqlParams, type CompiledSql } from './sql-params.ts';
import type { EligibilityFamily } from './subject.ts';
import { validatePriority } from './validate.ts';

/**
 * Priority as one integer score: each key gives points (a higher rank is more points, a missing value none), and
 * the score reads the points as digits of a mixed-radix number, first key most significant. Ordering by the score
 * is therefore ordering by the keys one after the other, and TypeScript and SQL compute the same score.
 * Numeric keys are floored and clamped into the field's priority range, so the score is bounded.
 */

/** Ties after all keys are broken by No KK, in byte order, on both sides. */
export const PRIORITY_TIE_BREAKER_SQL = 'f.no_kk COLLATE "C"';

export interface PriorityPart {
  key: PriorityKey;
  points: number;
  maxPoints: number;
  text: LocalText;
}

export interface PriorityScore {
  score: number;
  maxScore: number;
  parts: PriorityPart[];
}

function fieldOf(key: PriorityKey & { kind: 'field' }): NumberField<EligibilityFamily> & { priorityRange: readonly [number, number] } {
  const field = familyRuleField(key.field);
  if (!field || field.type !== 'number' || !field.priorityRange) throw new RangeError(`Not a priority field: ${key.field}`);
  return field as NumberField<EligibilityFamily> & { priorityRange: readonly [number, number] };
}

/** Points a key can give, 0 included: a range of n integers gives 1..n, and 0 when the value is missing. */
function levels(key: PriorityKey): number {
  if (key.kind === 'condition') return 2;
  const [low, high] = fieldOf(key).priorityRange;
  return high - low + 2;
}

function fieldPoints(value: number | null, range: readonly [number, number], direction: PriorityKey['direction']): number {
  if (value === null) return 0;
  const [low, high] = range;
  const clamped = Math.min(Math.max(Math.floor(value), low), high);
  return direction === 'asc' ? high - clamped + 1 : clamped - low + 1;
}

interface KeyOutcome {
  points: number;
  /** The field's value, or whether the condition holds. */
  seen: number | null | boolean;
}

function outcome(key: PriorityKey, family: EligibilityFamily, context: EvaluationContext): KeyOutcome {
  if (key.kind === 'field') {
    const field = fieldOf(key);
    const value = field.read(family, context.referenceDate) as number | null;
    return { points: fieldPoints(value, field.priorityRange, key.direction), seen: value };
  }
  const holds = conditionHolds(key.condition, family, context);
  return { points: holds === (key.direction === 'desc') ? 1 : 0, seen: holds };
}

/** The score alone, for ranking many families. */
export function priorityPoints(order: PriorityOrder, family: EligibilityFamily, context: EvaluationContext): number {
  return order.keys.reduce((score, key) => score * levels(key) + outcome(key, family, context).points, 0);
}

/** The score of one family, with each key's points explained. */
export function priorityScore(order: PriorityOrder, family: EligibilityFamily, context: EvaluationContext): PriorityScore {
  let score = 0;
  let maxScore = 0;
  const parts = order.keys.map((key): PriorityPart => {
    const maxPoints = levels(key) - 1;
    const { points, seen } = outcome(key, family, context);
    let text: LocalText;
    if (key.kind === 'field') {
      const field = fieldOf(key);
      text = both((language) => `${field.label[language]} ${typeof seen === 'number' ? formatNumber(seen, language, field.decimals) : notRecorded(language)}`
        + ` (${directionText(key.direction, language)}): ${pointsText(points, maxPoints, language)}`);
    } else {
      const label = key.label ?? describeConditionInline(key.condition, context);
      text = both((language) => `${label[language]}: ${yesNo(seen === true, language)}, ${pointsText(points, maxPoints, language)}`);
    }
    score = score * (maxPoints + 1) + points;
    maxScore = maxScore * (maxPoints + 1) + maxPoints;
    return { key, points, maxPoints, text };
  });
  return { score, maxScore, parts };
}

/** Higher score first, then No KK ascending: the order of the compiled ORDER BY. */
export function comparePriority(a: { score: number; noKk: string }, b: { score: number; noKk: string }): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.noKk < b.noKk ? -1 : a.noKk > b.noKk ? 1 : 0;
}

/** Families ranked by priority, each with its score. */
export function rankFamilies<F extends EligibilityFamily>(order: PriorityOrder, families: readonly F[], context: EvaluationContext): { family: F; score: number }[] {
  return families
    .map((family) => ({ family, score: priorityPoints(order, family, context), noKk: family.noKk }))
    .sort(comparePriority)
    .map(({ family, score }) => ({ family, score }));
}

/**
 * The score as a SQL bigint expression over `family f`. Select it and order by it:
 * `SELECT …, <sql> AS priority_score … ORDER BY priority_score DESC, ${PRIORITY_TIE_BREAKER_SQL}`.
 */
export function compilePriorityScore(order: PriorityOrder, options: CompileOptions): CompiledSql {
  const checked = validatePriority(order);
  if (!checked.ok) throw new RangeError(`Invalid priority: ${checked.issues.map((issue) => issue.message.en).join('; ')}`);
  const params = new SqlParams(options.firstParameter);
  let sql = '0';
  for (const key of order.keys) {
    // Levels, bounds and points are integers from the catalogue, not from the rule, so they may be written inline.
    const radix = levels(key);
    sql = `(${sql}) * ${radix} + ${pointsSql(key, params, options)}`;
  }
  return { sql: `(${sql})::bigint`, params: params.values };
}

function pointsSql(key: PriorityKey, params: SqlParams, options: CompileOptions): string {
  if (key.kind === 'condition') {
    const [whenTrue, whenFalse] = key.direction === 'desc' ? [1, 0] : [0, 1];
    return `(CASE WHEN ${conditionSql(key.condition, 'family', params, options)} THEN ${whenTrue} ELSE ${whenFalse} END)`;
  }
  const field = fieldOf(key);
  const [low, high] = field.priorityRange;
  // GREATEST and LEAST skip NULLs, so a missing value is caught before clamping.
  const clamped = `LEAST(GREATEST(floor(${field.sql}), ${low}), ${high})`;
  const points = key.direction === 'asc' ? `(${high + 1}) - ${clamped}` : `${clamped} + (${1 - low})`;
  return `(CASE WHEN ${field.sql} IS NULL THEN 0 ELSE ${points} END)`;
}

function directionText(direction: PriorityKey['direction'], language: Language): string {
  if (language === 'id') return direction === 'asc' ? 'makin rendah makin didahulukan' : 'makin tinggi makin didahulukan';
  return direction === 'asc' ? 'lower comes first' : 'higher comes first';
}

function pointsText(points: number, maxPoints: number, language: Language): string {
  return language === 'id' ? `${points} dari ${maxPoints} poin` : `${points} of ${maxPoints} points`;
}

function yesNo(value: boolean, language: Language): string {
  return language === 'id' ? (value ? 'ya' : 'tidak') : value ? 'yes' : 'no';
}
