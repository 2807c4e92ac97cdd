import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADUATION_CRITERIA } from '../pathway-stages.ts';
import { compileRule } from './compile-sql.ts';
import { monthsBetween } from './dates.ts';
import { describeRule } from './describe.ts';
import { evaluateRule } from './evaluate.ts';
import { explainRule } from './explain.ts';
import { family } from './test-fixtures.ts';
import { validateRule } from './validate.ts';

describe('pathway fields of the rule language', () => {
  it('counts whole months the way PostgreSQL age() does', () => {
    expect(monthsBetween('2025-03-01', '2026-03-01')).toBe(12);
    expect(monthsBetween('2025-03-02', '2026-03-01')).toBe(11);
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(0);
    expect(monthsBetween('2025-01-31', '2025-03-31')).toBe(2);
    expect(monthsBetween('2024-02-29', '2025-02-28')).toBe(11);
    expect(monthsBetween('2026-02-28', '2026-01-31')).toBe(0);
    expect(monthsBetween('2026-03-15', '2026-01-14')).toBe(-2);
  });

  it('accepts the default graduation criteria and explains them rule by rule', () => {
    expect(validateRule(DEFAULT_GRADUATION_CRITERIA).issues).toEqual([]);
    const graduate = family({
      businessStatus: 'active', businessTurnover: 2_000_000, desilNational: 5, pathway: { businessStartedOn: '2025-02-10', baselineDesil: 3 },
    });
    const tree = explainRule(DEFAULT_GRADUATION_CRITERIA, graduate, { referenceDate: '2026-03-01' });
    expect(tree.passed).toBe(true);
    expect(tree.children.map((child) => [child.passed, child.seen])).toEqual([[true, 'active'], [true, 12], [true, 2_000_000], [true, 2]]);
    expect(tree.children[1]?.text.id).toContain('Lama usaha berjalan');

    const early = { ...graduate, pathway: { businessStartedOn: '2025-06-01', baselineDesil: 5 } };
    const failed = explainRule(DEFAULT_GRADUATION_CRITERIA, early, { referenceDate: '2026-03-01' });
    expect(failed.passed).toBe(false);
    expect(failed.children.map((child) => [child.passed, child.seen])).toEqual([[true, 'active'], [false, 9], [true, 2_000_000], [false, 0]]);
    expect(failed.text.en).toBe('2 of 4 conditions not met ✗');
  });

  it('treats a family without a pathway as unknown: months and rise are empty and fail', () => {
    const none = family({ businessStatus: 'active', businessTurnover: 2_000_000 });
    expect(evaluateRule(DEFAULT_GRADUATION_CRITERIA, none, { referenceDate: '2026-03-01' })).toBe(false);
    const tree = explainRule(DEFAULT_GRADUATION_CRITERIA, none, { referenceDate: '2026-03-01' });
    expect(tree.children.map((child) => child.seen)).toEqual(['active', null, 2_000_000, null]);
  });

  it('compiles months from the pathway with the reference date as a parameter, and words them', () => {
    const compiled = compileRule({ version: 1, condition: { kind: 'compare', field: 'businessMonths', op: '>=', value: 12 } }, { referenceDate: '2026-03-01' });
    expect(compiled.sql).toContain('age($1::date::timestamp');
    expect(compiled.sql).toContain('family_pathway');
    expect(compiled.params).toEqual(['2026-03-01', 12]);
    expect(describeRule(DEFAULT_GRADUATION_CRITERIA, 'en')).toContain('Months the business has run');
  });
});
