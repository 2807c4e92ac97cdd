export {
  CONDITION_KINDS, COUNT_OPERATORS, Condition, CountOperator, EligibilityRule, PriorityDirection, PriorityKey, PriorityOrder, RULE_FORMAT_VERSION,
  RULE_LIMITS, RULE_OPERATORS, ReceiptPeriod, RuleOperator, RuleScalar, RuleValue,
  type AllCondition, type AllMembersCondition, type AnyCondition, type AnyMemberCondition, type CompareCondition, type ConditionKind,
  type CountMembersCondition, type HeadCondition, type LocalText, type NodePath, type NotCondition, type ReceivedProgramCondition,
} from './ast.ts';
export type { EligibilityFamily, EligibilityMember, PathwayFacts, ProgramReceipt } from './subject.ts';
export {
  FIELD_GROUPS, HEAD_OF_FAMILY_RELATION, RULE_FAMILY_FIELDS, RULE_MEMBER_FIELDS, familyRuleField, floorAreaPerPerson, memberRuleField,
  type CodeField, type CodesField, type DateField, type FieldGroup, type FieldScope, type FieldType, type FieldValue, type NumberField,
  type RegionField, type RuleField,
} from './fields.ts';
export { RULE_OPERATOR_LABELS, RULE_OPERATOR_SYMBOLS, applyOperator, ruleValueShape, type ValueShape } from './operators.ts';
export { ageAt, monthsBetween, resolvePeriod, type DateRange } from './dates.ts';
export { RULE_ISSUE_MESSAGES, type RuleIssue, type RuleIssueCode } from './validate-messages.ts';
export { validatePriority, validateRule, type RuleValidationOptions, type Validated } from './validate.ts';
export type { PhraseOptions } from './phrases.ts';
export { explainCondition, explainRule, type EvaluationContext, type ExplainNode } from './explain.ts';
export { conditionHolds, eligibleFamilies, evaluateRule } from './evaluate.ts';
export { describeConditionInline, describeConditionLines, describeRule, type DescribedLine } from './describe.ts';
export type { CompiledSql } from './sql-params.ts';
export { DEFAULT_PROGRAM_TABLES, compileCondition, compileRule, type CompileOptions, type ProgramTables } from './compile-sql.ts';
export {
  PRIORITY_TIE_BREAKER_SQL, comparePriority, compilePriorityScore, priorityPoints, priorityScore, rankFamilies, type PriorityPart, type PriorityScore,
} from './priority.ts';
export { BUSINESS_PACKAGE_PRIORITY, BUSINESS_PACKAGE_RULE, GRADUATION_RULE, HOUSE_RENOVATION_PRIORITY, HOUSE_RENOVATION_RULE } from './examples.ts';
export { ExplainNodeSchema, RuleCatalogue, RuleCatalogueField, RuleIssues, ruleCatalogue, type ExplainNodeJson } from './catalogue.ts';
export { conditionsOf, regionCodesOf } from './walk.ts';
