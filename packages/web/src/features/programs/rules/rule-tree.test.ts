import { BUSINESS_PACKAGE_RULE, ruleCatalogue, validateRule, type Condition, type EligibilityRule, type RuleCatalogueField } from '@sinergi/domain';
import { describe, expect, it } from 'vitest';
import {
  appendTo, editableRule, issuesAt, newComparison, newMemberCondition, newReceivedProgram, nodeAt, removeAt, replaceAt, ROOT_PATH, ruleIssuesOf,
  unplacedIssues, withField, withOperator, type RuleIssue,
} from './rule-tree.ts';

const catalogue = ruleCatalogue();
function family(key: string): RuleCatalogueField {
  const field = catalogue.familyFields.find((item) => item.key === key);
  if (!field) throw new Error(key);
  return field;
}
function member(key: string): RuleCatalogueField {
  const field = catalogue.memberFields.find((item) => item.key === key);
  if (!field) throw new Error(key);
  return field;
}
type Compare = Extract<Condition, { kind: 'compare' }>;

describe('editing a rule by path', () => {
  it('builds the business package rule from an empty rule, step by step as the editor does, and the domain accepts it', () => {
    let rule = editableRule(null);
    rule = appendTo(rule, ROOT_PATH, newComparison(family('desilNational')));
    rule = replaceAt(rule, ['condition', 'conditions', 0], { kind: 'compare', field: 'desilNational', op: 'between', value: [1, 5] });
    rule = appendTo(rule, ROOT_PATH, newComparison(family('businessStatus')));
    rule = replaceAt(rule, ['condition', 'conditions', 1], { kind: 'compare', field: 'businessStatus', op: '=', value: 'stalled' });
    rule = appendTo(rule, ROOT_PATH, newMemberCondition('head', member('age')));
    rule = replaceAt(rule, ['condition', 'conditions', 2, 'where'], { kind: 'compare', field: 'age', op: 'between', value: [18, 59] });
    rule = appendTo(rule, ROOT_PATH, newReceivedProgram(true));
    expect(rule).toEqual(BUSINESS_PACKAGE_RULE);
    expect(validateRule(rule).ok).toBe(true);
  });

  it('replaces and removes without touching the rule it was given', () => {
    const before = JSON.stringify(BUSINESS_PACKAGE_RULE);
    const removed = removeAt(BUSINESS_PACKAGE_RULE, ['condition', 'conditions', 1]);
    expect(JSON.stringify(BUSINESS_PACKAGE_RULE)).toBe(before);
    expect((removed.condition as { conditions: Condition[] }).conditions.map((c) => c.kind)).toEqual(['compare', 'head', 'not']);
    expect(nodeAt(removed, ['condition', 'conditions', 1, 'where', 'value'])).toEqual([18, 59]);
  });

  it('wraps a rule whose root is a single condition in an "all" group, and starts an empty rule as one', () => {
    const single: EligibilityRule = { version: 1, condition: { kind: 'compare', field: 'desilNational', op: '<=', value: 4 } };
    expect(editableRule(single).condition).toEqual({ kind: 'all', conditions: [single.condition] });
    expect(editableRule(null)).toEqual({ version: 1, condition: { kind: 'all', conditions: [] } });
  });
});

describe('changing a comparison', () => {
  const desil: Compare = { kind: 'compare', field: 'desilNational', op: 'between', value: [1, 5] };

  it('keeps the lower end when "between" becomes "at most", and makes a pair from one value', () => {
    expect(withOperator(family('desilNational'), desil, '<=')).toEqual({ kind: 'compare', field: 'desilNational', op: '<=', value: 1 });
    const single: Compare = { kind: 'compare', field: 'desilNational', op: '<=', value: 4 };
    expect(withOperator(family('desilNational'), single, 'between')).toEqual({ kind: 'compare', field: 'desilNational', op: 'between', value: [4, 10] });
    expect(withOperator(family('desilNational'), single, 'in')).toEqual({ kind: 'compare', field: 'desilNational', op: 'in', value: [4] });
    expect(withOperator(family('desilNational'), single, 'is empty')).toEqual({ kind: 'compare', field: 'desilNational', op: 'is empty' });
  });

  it('starts a new field with an operator it allows and a first code from its list', () => {
    expect(withField(family('businessStatus'), desil)).toEqual({ kind: 'compare', field: 'businessStatus', op: '=', value: 'none' });
    expect(withField(member('disabilities'), desil)).toMatchObject({ field: 'disabilities', op: 'contains' });
    expect(newComparison(family('desilNational'))).toEqual({ kind: 'compare', field: 'desilNational', op: 'between', value: [1, 10] });
  });
});

describe('placing the server issues', () => {
  const issue = (path: RuleIssue['path']): RuleIssue => ({ code: 'value_missing', path, location: { id: '', en: '' }, message: { id: 'x', en: 'x' } });

  it('shows a value problem on its comparison, not on the groups around it', () => {
    const issues = [issue(['condition', 'conditions', 2, 'where', 'value']), issue(['condition', 'conditions', 0])];
    expect(issuesAt(issues, ['condition', 'conditions', 2, 'where'])).toEqual([issues[0]]);
    expect(issuesAt(issues, ['condition', 'conditions', 2])).toEqual([]);
    expect(issuesAt(issues, ROOT_PATH)).toEqual([]);
    expect(issuesAt(issues, ['condition', 'conditions', 0])).toEqual([issues[1]]);
    expect(unplacedIssues([...issues, issue(['version'])])).toEqual([issue(['version'])]);
  });

  it('reads the issues of an invalid_rule error and nothing from other errors', () => {
    const issues = [issue(['condition'])];
    expect(ruleIssuesOf({ code: 'invalid_rule', details: { issues } })).toEqual(issues);
    expect(ruleIssuesOf({ code: 'conflict', details: { issues } })).toEqual([]);
    expect(ruleIssuesOf(null)).toEqual([]);
  });
});
