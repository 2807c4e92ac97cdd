import {
  ruleValueShape, type Condition, type EligibilityRule, type NodePath, type RuleCatalogueField, type RuleIssues, type RuleOperator,
  type RuleScalar, type RuleValue,
} from '@sinergi/domain';

/**
 * The rule editor edits the stored rule itself (no second representation to keep in step): these pure helpers
 * read, replace and remove nodes by their path from the rule root, and adjust a comparison when its field or
 * operator changes. Paths are the ones the server reports its issues with, so errors land next to their condition.
 */

export type RuleIssue = RuleIssues['issues'][number];
export type GroupCondition = Extract<Condition, { kind: 'all' | 'any' }>;
export type MemberQuantifier = 'head' | 'anyMember' | 'allMembers';

export const ROOT_PATH: NodePath = ['condition'];

/** A rule to edit: an existing one with a group at its root (a lone condition is wrapped), or an empty "all" group. */
export function editableRule(rule: EligibilityRule | null): EligibilityRule {
  if (!rule) return { version: 1, condition: { kind: 'all', conditions: [] } };
  if (rule.condition.kind === 'all' || rule.condition.kind === 'any') return rule;
  return { version: 1, condition: { kind: 'all', conditions: [rule.condition] } };
}

function childOf(node: unknown, key: string | number): unknown {
  if (Array.isArray(node)) return typeof key === 'number' ? node[key] : undefined;
  if (typeof node === 'object' && node !== null) return (node as Record<string, unknown>)[String(key)];
  return undefined;
}

export function nodeAt(rule: EligibilityRule, path: NodePath): unknown {
  return path.reduce<unknown>((node, key) => childOf(node, key), rule);
}

function replaceIn(node: unknown, path: NodePath, replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(node);
  const [key, ...rest] = path;
  if (key === undefined) return node;
  if (Array.isArray(node) && typeof key === 'number') {
    return (node as unknown[]).map((item, index) => (index === key ? replaceIn(item, rest, replace) : item));
  }
  if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    return { ...record, [key]: replaceIn(record[String(key)], rest, replace) };
  }
  return node;
}

/** A copy of the rule with the node at `path` replaced. */
export function replaceAt(rule: EligibilityRule, path: NodePath, next: Condition): EligibilityRule {
  return replaceIn(rule, path, () => next) as EligibilityRule;
}

/** A copy of the rule without the group member at `path` (…, 'conditions', index). */
export function removeAt(rule: EligibilityRule, path: NodePath): EligibilityRule {
  const index = path[path.length - 1];
  if (typeof index !== 'number') return rule;
  return replaceIn(rule, path.slice(0, -1), (list) => (Array.isArray(list) ? (list as unknown[]).filter((_, i) => i !== index) : list)) as EligibilityRule;
}

/** A copy of the rule with `condition` added at the end of the group at `groupPath`. */
export function appendTo(rule: EligibilityRule, groupPath: NodePath, condition: Condition): EligibilityRule {
  return replaceIn(rule, [...groupPath, 'conditions'], (list) => [...(Array.isArray(list) ? (list as unknown[]) : []), condition]) as EligibilityRule;
}

function defaultScalar(field: RuleCatalogueField): RuleScalar {
  if (field.codes?.[0]) return field.codes[0].code;
  if (field.type === 'number') return field.min ?? 0;
  if (field.type === 'date') return new Date().toISOString().slice(0, 10);
  return '';
}

/** A value of the shape `op` needs, keeping what can be kept of the previous value. */
export function valueFor(op: RuleOperator, field: RuleCatalogueField, previous: RuleValue | undefined): RuleValue | undefined {
  const list = previous === undefined ? [] : Array.isArray(previous) ? previous : [previous];
  const first = list[0] ?? defaultScalar(field);
  switch (ruleValueShape(op)) {
    case 'none':
      return undefined;
    case 'single':
      return first;
    case 'pair':
      return [first, list[1] ?? (field.type === 'number' ? (field.max ?? first) : first)];
    case 'list':
      return list.length > 0 ? list : [first];
  }
}

/** The first operator a field offers that keeps the current one when possible. */
function operatorFor(field: RuleCatalogueField, current: RuleOperator | undefined): RuleOperator {
  if (current && field.operators.includes(current)) return current;
  const preferred: RuleOperator[] = field.type === 'codes' ? ['contains', 'contains any'] : field.type === 'number' ? ['between', '='] : ['=', 'in'];
  return preferred.find((op) => field.operators.includes(op)) ?? field.operators[0] ?? '=';
}

export function newComparison(field: RuleCatalogueField): Condition {
  const op = operatorFor(field, undefined);
  const value = valueFor(op, field, undefined);
  return value === undefined ? { kind: 'compare', field: field.key, op } : { kind: 'compare', field: field.key, op, value };
}

/** The comparison with another field: the operator and value are kept only where the new field accepts them. */
export function withField(field: RuleCatalogueField, previous: Extract<Condition, { kind: 'compare' }>): Condition {
  const sameKind = previous.field === field.key;
  const op = operatorFor(field, sameKind ? previous.op : undefined);
  const value = valueFor(op, field, sameKind ? previous.value : undefined);
  return value === undefined ? { kind: 'compare', field: field.key, op } : { kind: 'compare', field: field.key, op, value };
}

export function withOperator(field: RuleCatalogueField, previous: Extract<Condition, { kind: 'compare' }>, op: RuleOperator): Condition {
  const value = valueFor(op, field, previous.value);
  return value === undefined ? { kind: 'compare', field: previous.field, op } : { kind: 'compare', field: previous.field, op, value };
}

/** A member condition over a first member field (the head of working age is the usual start). */
export function newMemberCondition(quantifier: MemberQuantifier, field: RuleCatalogueField): Condition {
  return { kind: quantifier, where: newComparison(field) };
}

export function newReceivedProgram(negated: boolean): Condition {
  const received: Condition = { kind: 'receivedProgram', programKinds: ['business_package'], period: 'this_year' };
  return negated ? { kind: 'not', condition: received } : received;
}

function isPrefix(prefix: NodePath, path: NodePath): boolean {
  return prefix.length <= path.length && prefix.every((key, index) => path[index] === key);
}

const CHILD_KEYS = new Set<string | number>(['conditions', 'where', 'condition']);

/**
 * The issues that belong to the node at `nodePath` itself, not to a condition inside it: the rest of the issue path
 * names no child condition (a comparison's `value`, a group's own emptiness).
 */
export function issuesAt(issues: readonly RuleIssue[], nodePath: NodePath): RuleIssue[] {
  return issues.filter((issue) => {
    if (!isPrefix(nodePath, issue.path)) return false;
    const rest = issue.path.slice(nodePath.length);
    return !rest.some((key) => CHILD_KEYS.has(key));
  });
}

/** Issues outside the rule's condition (its version, its shape as a whole), shown above the rule. */
export function unplacedIssues(issues: readonly RuleIssue[]): RuleIssue[] {
  return issues.filter((issue) => !isPrefix(ROOT_PATH, issue.path));
}

/** The issues of an `invalid_rule` answer, or none for any other error. */
export function ruleIssuesOf(error: unknown): RuleIssue[] {
  if (typeof error !== 'object' || error === null || !('code' in error) || error.code !== 'invalid_rule') return [];
  const details = 'details' in error ? error.details : undefined;
  if (typeof details !== 'object' || details === null || !('issues' in details) || !Array.isArray(details.issues)) return [];
  return details.issues as RuleIssue[];
}
