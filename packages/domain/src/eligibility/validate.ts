import { z } from 'zod';
import { isCodeOf } from '../reference/index.ts';
import {
  CONDITION_KINDS, EligibilityRule, PriorityOrder, RULE_LIMITS, type CompareCondition, type Condition, type LocalText, type NodePath,
  type ReceivedProgramCondition, type RuleScalar,
} from './ast.ts';
import { isIsoDate } from './dates.ts';
import { familyRuleField, MEMBER_COUNT_FIELD, memberRuleField, RULE_FAMILY_FIELDS, type FieldScope, type RuleField } from './fields.ts';
import { locate } from './location.ts';
import { RULE_OPERATOR_LABELS, ruleValueShape } from './operators.ts';
import { issueMessage, type IssueParams, type RuleIssue, type RuleIssueCode } from './validate-messages.ts';

export interface RuleValidationOptions {
  /** Program kinds that exist; when given, a rule naming another kind is refused. */
  programKinds?: readonly string[];
  /** Program ids that exist; when given, a rule naming another program is refused. */
  programIds?: readonly string[];
  /** Whether a region code exists (the server knows the region tree); format is always checked. */
  regionExists?: (code: string) => boolean;
}

export type Validated<T> = { ok: true; value: T; issues: [] } | { ok: false; issues: RuleIssue[] };

const RULE_ROOT: LocalText = { id: 'Aturan', en: 'Rule' };
const PRIORITY_ROOT: LocalText = { id: 'Urutan prioritas', en: 'Priority order' };
const REGION_FORMATS = {
  kecamatan: { pattern: /^\d{2}\.\d{2}\.\d{2}$/, example: '35.07.01' },
  village: { pattern: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, example: '35.07.01.2001' },
} as const;
const EXPECTED = {
  number: { id: 'bilangan', en: 'a number' },
  code: { id: 'kode dari daftar', en: 'a code from the list' },
} as const;

class Issues {
  readonly list: RuleIssue[] = [];
  constructor(private readonly root: unknown, private readonly rootName: LocalText, readonly options: RuleValidationOptions) {}

  add(code: RuleIssueCode, path: NodePath, params: IssueParams = {}): void {
    this.list.push({ code, path, location: locate(this.root, path, this.rootName), message: issueMessage(code, params) });
  }
}

/** Checks a rule before it is saved: its JSON shape first, then fields, operators, values and codes against the catalogue. */
export function validateRule(input: unknown, options: RuleValidationOptions = {}): Validated<EligibilityRule> {
  const parsed = parseShape(EligibilityRule, input, RULE_ROOT);
  if (!parsed.ok) return parsed;
  const issues = new Issues(input, RULE_ROOT, options);
  checkCondition(parsed.value.condition, ['condition'], 'family', 1, issues);
  return issues.list.length === 0 ? parsed : { ok: false, issues: issues.list };
}

/** Checks a priority order: keys are numeric family fields with a priority range, or family conditions. */
export function validatePriority(input: unknown, options: RuleValidationOptions = {}): Validated<PriorityOrder> {
  const parsed = parseShape(PriorityOrder, input, PRIORITY_ROOT);
  if (!parsed.ok) return parsed;
  const issues = new Issues(input, PRIORITY_ROOT, options);
  parsed.value.keys.forEach((key, index) => {
    if (key.kind === 'condition') {
      checkCondition(key.condition, ['keys', index, 'condition'], 'family', 1, issues);
      return;
    }
    const field = familyRuleField(key.field);
    if (!field || field.type !== 'number' || !field.priorityRange) {
      const allowed = RULE_FAMILY_FIELDS.filter((f) => f.type === 'number' && f.priorityRange).map((f) => f.label);
      issues.add('not_a_priority_field', ['keys', index, 'field'], { label: field?.label ?? key.field, allowed: joinTexts(allowed) });
    }
  });
  return issues.list.length === 0 ? parsed : { ok: false, issues: issues.list };
}

function parseShape<T>(schema: z.ZodType<T>, input: unknown, rootName: LocalText): Validated<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data, issues: [] };
  const indonesian = schema.safeParse(input, { error: z.locales.id().localeError });
  const issues = result.error.issues.map((issue, index): RuleIssue => {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    const detail = unknownKind(issue, input, path) ?? {
      en: issue.message,
      id: indonesian.success ? issue.message : (indonesian.error.issues[index]?.message ?? issue.message),
    };
    return { code: 'invalid_shape', path, location: locate(input, path, rootName), message: issueMessage('invalid_shape', { detail }) };
  });
  return { ok: false, issues };
}

function unknownKind(issue: z.core.$ZodIssue, input: unknown, path: NodePath): LocalText | undefined {
  if (issue.code !== 'invalid_union' || path[path.length - 1] !== 'kind') return undefined;
  let value: unknown = input;
  for (const segment of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[segment] : undefined;
  const choices = CONDITION_KINDS.join(', ');
  return { id: `jenis syarat "${String(value)}" tidak dikenal (pilihan: ${choices})`, en: `unknown condition type "${String(value)}" (choose from: ${choices})` };
}

function checkCondition(node: Condition, path: NodePath, scope: FieldScope, depth: number, issues: Issues): void {
  if (depth > RULE_LIMITS.maxDepth) {
    issues.add('too_deep', path, { max: RULE_LIMITS.maxDepth });
    return;
  }
  switch (node.kind) {
    case 'all':
    case 'any':
      if (node.conditions.length === 0) issues.add('empty_group', path);
      node.conditions.forEach((childNode, index) => checkCondition(childNode, [...path, 'conditions', index], scope, depth + 1, issues));
      return;
    case 'not':
      checkCondition(node.condition, [...path, 'condition'], scope, depth + 1, issues);
      return;
    case 'compare':
      checkCompare(node, path, scope, issues);
      return;
    case 'anyMember':
    case 'allMembers':
    case 'head':
    case 'countMembers':
      if (scope === 'member') {
        issues.add('nested_member_condition', path);
        return;
      }
      if (node.kind === 'countMembers') checkValue(MEMBER_COUNT_FIELD, node.op, node.value, [...path, 'value'], issues);
      if (node.where) checkCondition(node.where, [...path, 'where'], 'member', depth + 1, issues);
      return;
    case 'receivedProgram':
      if (scope === 'member') issues.add('program_inside_member', path);
      else checkProgram(node, path, issues);
      return;
  }
}

function checkCompare(node: CompareCondition, path: NodePath, scope: FieldScope, issues: Issues): void {
  const field: RuleField | undefined = scope === 'family' ? familyRuleField(node.field) : memberRuleField(node.field);
  if (!field) {
    const elsewhere = scope === 'family' ? memberRuleField(node.field) : familyRuleField(node.field);
    if (elsewhere) issues.add(scope === 'family' ? 'member_field_outside_member' : 'family_field_inside_member', [...path, 'field'], { label: elsewhere.label });
    else issues.add('unknown_field', [...path, 'field'], { field: node.field });
    return;
  }
  if (!field.operators.includes(node.op)) {
    issues.add('operator_not_allowed', [...path, 'op'], { op: RULE_OPERATOR_LABELS[node.op], label: field.label, allowed: joinTexts(field.operators.map((op) => RULE_OPERATOR_LABELS[op])) });
    return;
  }
  checkValue(field, node.op, node.value, [...path, 'value'], issues);
}

function checkValue(field: RuleField, op: CompareCondition['op'], value: CompareCondition['value'], path: NodePath, issues: Issues): void {
  const shape = ruleValueShape(op);
  if (shape === 'none') {
    if (value !== undefined) issues.add('value_not_expected', path, { op: RULE_OPERATOR_LABELS[op] });
    return;
  }
  if (value === undefined) {
    issues.add('value_missing', path, { label: field.label });
    return;
  }
  if (shape === 'single') {
    if (Array.isArray(value)) issues.add('value_not_single', path, { label: field.label });
    else checkScalar(field, value, path, issues);
    return;
  }
  if (!Array.isArray(value) || (shape === 'pair' && value.length !== 2) || value.length === 0) {
    issues.add(shape === 'pair' ? 'value_not_pair' : 'value_not_list', path, { label: field.label });
    return;
  }
  const allValid = value.map((item, index) => checkScalar(field, item, [...path, index], issues)).every(Boolean);
  const [min, max] = value;
  if (shape === 'pair' && allValid && min !== undefined && max !== undefined && min > max) issues.add('between_reversed', path, { min, max });
}

function checkScalar(field: RuleField, value: RuleScalar, path: NodePath, issues: Issues): boolean {
  const before = issues.list.length;
  const params = { label: field.label, value };
  switch (field.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) issues.add('value_wrong_type', path, { ...params, expected: EXPECTED.number });
      else if (value < field.min || value > field.max) issues.add('out_of_range', path, { ...params, min: field.min, max: field.max });
      else if (!hasAtMostDecimals(value, field.decimals)) issues.add('too_many_decimals', path, { ...params, decimals: field.decimals });
      break;
    case 'code':
    case 'codes':
      if (!isCodeOf(field.codes, value)) {
        const rightType = typeof value === (field.sqlType === 'integer' ? 'number' : 'string');
        issues.add(rightType ? 'unknown_code' : 'value_wrong_type', path, { ...params, expected: EXPECTED.code });
      }
      break;
    case 'region': {
      const format = REGION_FORMATS[field.level];
      if (typeof value !== 'string' || !format.pattern.test(value)) issues.add('invalid_region', path, { ...params, example: format.example });
      else if (issues.options.regionExists && !issues.options.regionExists(value)) issues.add('unknown_region', path, params);
      break;
    }
    case 'date':
      if (!isIsoDate(value)) issues.add('invalid_date', path, params);
      break;
  }
  return issues.list.length === before;
}

function checkProgram(node: ReceivedProgramCondition, path: NodePath, issues: Issues): void {
  const lists = [
    ['programKinds', node.programKinds, issues.options.programKinds, 'unknown_program_kind'],
    ['programIds', node.programIds, issues.options.programIds, 'unknown_program'],
  ] as const;
  for (const [key, list, known, unknownCode] of lists) {
    if (list === undefined) continue;
    if (list.length === 0) issues.add('empty_program_list', [...path, key]);
    list.forEach((item, index) => {
      if (known && !known.includes(item)) issues.add(unknownCode, [...path, key, index], { value: item });
    });
  }
  const period = node.period;
  if (typeof period === 'object' && 'from' in period) {
    const fromValid = isIsoDate(period.from);
    const toValid = isIsoDate(period.to);
    if (!fromValid) issues.add('invalid_date', [...path, 'period', 'from'], { value: period.from });
    if (!toValid) issues.add('invalid_date', [...path, 'period', 'to'], { value: period.to });
    if (fromValid && toValid && period.from > period.to) issues.add('period_reversed', [...path, 'period'], { from: period.from, to: period.to });
  }
}

function hasAtMostDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

function joinTexts(texts: readonly LocalText[]): LocalText {
  return { id: texts.map((text) => text.id).join(', '), en: texts.map((text) => text.en).join(', ') };
}
