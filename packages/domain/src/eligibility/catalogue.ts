import { z } from 'zod';
import { CONDITION_KINDS, RULE_LIMITS, RULE_OPERATORS, RuleOperator, type ConditionKind, type NodePath } from './ast.ts';
import { FIELD_GROUPS, RULE_FAMILY_FIELDS, RULE_MEMBER_FIELDS, type FieldGroup, type RuleField } from './fields.ts';
import { RULE_OPERATOR_LABELS } from './operators.ts';

// What the rule editor offers, as plain JSON: the catalogue without its SQL and reader functions.

const Text = z.object({ id: z.string(), en: z.string() });

export const RuleCatalogueField = z.object({
  key: z.string(),
  scope: z.enum(['family', 'member']),
  type: z.enum(['number', 'code', 'codes', 'region', 'date']),
  group: z.string(),
  label: Text,
  operators: z.array(RuleOperator),
  nullable: z.boolean(),
  codes: z.array(z.object({ code: z.union([z.string(), z.number()]), id: z.string(), en: z.string() })).optional(),
  unit: Text.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  decimals: z.number().int().optional(),
  regionLevel: z.enum(['kecamatan', 'village']).optional(),
  /** Whether the field may order candidates by priority. */
  priority: z.boolean(),
});
export type RuleCatalogueField = z.infer<typeof RuleCatalogueField>;

export const RuleCatalogue = z.object({
  groups: z.array(z.object({ key: z.string(), label: Text })),
  operators: z.array(z.object({ op: RuleOperator, label: Text })),
  familyFields: z.array(RuleCatalogueField),
  memberFields: z.array(RuleCatalogueField),
  limits: z.object({ maxConditionsPerGroup: z.number(), maxDepth: z.number(), maxListLength: z.number(), maxPriorityKeys: z.number() }),
});
export type RuleCatalogue = z.infer<typeof RuleCatalogue>;

function plain(field: RuleField): RuleCatalogueField {
  const base = { key: field.key, scope: field.scope, type: field.type, group: field.group, label: field.label, operators: [...field.operators], nullable: field.nullable };
  switch (field.type) {
    case 'number':
      return {
        ...base, min: field.min, max: field.max, decimals: field.decimals, priority: field.priorityRange !== undefined,
        ...(field.unit ? { unit: { id: field.unit.id, en: field.unit.en } } : {}),
      };
    case 'code':
    case 'codes':
      return { ...base, codes: field.codes.map((item) => ({ ...item })), priority: false };
    case 'region':
      return { ...base, regionLevel: field.level, priority: false };
    case 'date':
      return { ...base, priority: false };
  }
}

/** The field catalogue for pick lists: fields by scope with labels, operators and code lists. */
export function ruleCatalogue(): RuleCatalogue {
  return {
    groups: (Object.keys(FIELD_GROUPS) as FieldGroup[]).map((key) => ({ key, label: FIELD_GROUPS[key] })),
    operators: RULE_OPERATORS.map((op) => ({ op, label: RULE_OPERATOR_LABELS[op] })),
    familyFields: RULE_FAMILY_FIELDS.map(plain),
    memberFields: RULE_MEMBER_FIELDS.map(plain),
    limits: { ...RULE_LIMITS },
  };
}

const Issue = z.object({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  location: Text,
  message: Text,
});

/** Error details of `invalid_rule`: every problem with where it is. */
export const RuleIssues = z.object({ issues: z.array(Issue) });
export type RuleIssues = z.infer<typeof RuleIssues>;

/** The explanation of one family, as an API returns it. */
export interface ExplainNodeJson {
  path: NodePath;
  kind: ConditionKind;
  passed: boolean;
  text: { id: string; en: string };
  seen?: unknown;
  member?: { id?: string; name: string; relation: number | null };
  children: ExplainNodeJson[];
}
export const ExplainNodeSchema: z.ZodType<ExplainNodeJson> = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  kind: z.enum(CONDITION_KINDS),
  passed: z.boolean(),
  text: Text,
  seen: z.unknown().optional(),
  member: z.object({ id: z.string().optional(), name: z.string(), relation: z.number().nullable() }).optional(),
  get children() {
    return z.array(ExplainNodeSchema);
  },
});
