import type { RuleValue, LocalText, RuleOperator, RuleScalar } from './ast.ts';
import type { FieldValue } from './fields.ts';

/** What an operator expects as `value`. */
export type ValueShape = 'none' | 'single' | 'pair' | 'list';

export function ruleValueShape(op: RuleOperator): ValueShape {
  switch (op) {
    case 'is empty':
    case 'is not empty':
      return 'none';
    case 'between':
      return 'pair';
    case 'in':
    case 'not in':
    case 'contains any':
      return 'list';
    case '=':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
    case 'contains':
    case 'not contains':
      return 'single';
  }
}

export const RULE_OPERATOR_SYMBOLS: Record<'=' | '!=' | '<' | '<=' | '>' | '>=', string> = { '=': '=', '!=': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

/** Names for pick lists in the editor. */
export const RULE_OPERATOR_LABELS: Record<RuleOperator, LocalText> = {
  '=': { id: 'sama dengan', en: 'equals' },
  '!=': { id: 'bukan', en: 'is not' },
  '<': { id: 'kurang dari', en: 'less than' },
  '<=': { id: 'paling tinggi', en: 'at most' },
  '>': { id: 'lebih dari', en: 'more than' },
  '>=': { id: 'paling rendah', en: 'at least' },
  between: { id: 'antara', en: 'between' },
  in: { id: 'salah satu dari', en: 'one of' },
  'not in': { id: 'bukan salah satu dari', en: 'none of' },
  'is empty': { id: 'kosong', en: 'is empty' },
  'is not empty': { id: 'terisi', en: 'is recorded' },
  contains: { id: 'memuat', en: 'includes' },
  'not contains': { id: 'tidak memuat', en: 'does not include' },
  'contains any': { id: 'memuat salah satu dari', en: 'includes any of' },
};

export function isEmptyValue(actual: FieldValue): boolean {
  return actual === null || actual === '' || (Array.isArray(actual) && actual.length === 0);
}

function order(a: number | string, b: RuleScalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return Number.NaN;
}

function asList(value: RuleValue | undefined): readonly RuleScalar[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The meaning of one comparison, mirrored by the SQL compiler: a missing value (null) meets no
 * condition except `is empty`; wrapping a condition in `not` is what turns a missing value into a pass.
 */
export function applyOperator(op: RuleOperator, actual: FieldValue, value: RuleValue | undefined): boolean {
  if (op === 'is empty') return isEmptyValue(actual);
  if (op === 'is not empty') return !isEmptyValue(actual);
  if (Array.isArray(actual)) {
    const held: readonly string[] = actual;
    const wanted = asList(value);
    switch (op) {
      case 'contains':
        return wanted.some((item) => typeof item === 'string' && held.includes(item));
      case 'not contains':
        return !wanted.some((item) => typeof item === 'string' && held.includes(item));
      case 'contains any':
        return wanted.some((item) => typeof item === 'string' && held.includes(item));
      case '=':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=':
      case 'between':
      case 'in':
      case 'not in':
        return false;
    }
  }
  if (actual === null || typeof actual === 'object') return false;
  const list = asList(value);
  const single = list[0];
  switch (op) {
    case '=':
      return single !== undefined && order(actual, single) === 0;
    case '!=':
      return single !== undefined && order(actual, single) !== 0 && !Number.isNaN(order(actual, single));
    case '<':
      return single !== undefined && order(actual, single) < 0;
    case '<=':
      return single !== undefined && order(actual, single) <= 0;
    case '>':
      return single !== undefined && order(actual, single) > 0;
    case '>=':
      return single !== undefined && order(actual, single) >= 0;
    case 'between': {
      const [min, max] = list;
      return min !== undefined && max !== undefined && order(actual, min) >= 0 && order(actual, max) <= 0;
    }
    case 'in':
      return list.some((item) => order(actual, item) === 0);
    case 'not in':
      return list.every((item) => order(actual, item) !== 0 && !Number.isNaN(order(actual, item)));
    case 'contains':
    case 'not contains':
    case 'contains any':
      return false;
  }
}
