import { z } from 'zod';

/**
 * The eligibility rule language, stored as JSON. One node shape per `kind`, so a stored rule can be
 * read back, validated, explained in words, evaluated for one family and compiled to SQL for all.
 */

export const RULE_OPERATORS = [
  '=', '!=', '<', '<=', '>', '>=', 'between', 'in', 'not in', 'is empty', 'is not empty', 'contains', 'not contains', 'contains any',
] as const;
export const RuleOperator = z.enum(RULE_OPERATORS);
export type RuleOperator = z.infer<typeof RuleOperator>;

/** Operators a member count may be compared with. */
export const COUNT_OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'between'] as const;
export const CountOperator = z.enum(COUNT_OPERATORS);
export type CountOperator = z.infer<typeof CountOperator>;

export const RULE_LIMITS = { maxConditionsPerGroup: 50, maxDepth: 8, maxListLength: 1000, maxPriorityKeys: 8 } as const;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const RuleScalar = z.union([z.number(), z.string().max(200)]);
export type RuleScalar = z.infer<typeof RuleScalar>;
/** One value, a [min, max] pair for `between`, or a list for `in`/`not in`/`contains any`; absent for `is empty`. */
export const RuleValue = z.union([RuleScalar, z.array(RuleScalar).max(RULE_LIMITS.maxListLength)]);
export type RuleValue = z.infer<typeof RuleValue>;

/** When a program must have been received: ever, in the calendar year of the reference date, the last N months, or a fixed range. */
export const ReceiptPeriod = z.union([
  z.literal('ever'),
  z.literal('this_year'),
  z.object({ lastMonths: z.number().int().min(1).max(120) }).strict(),
  z.object({ from: IsoDate, to: IsoDate }).strict(),
]);
export type ReceiptPeriod = z.infer<typeof ReceiptPeriod>;

export interface AllCondition {
  kind: 'all';
  conditions: Condition[];
}
export interface AnyCondition {
  kind: 'any';
  conditions: Condition[];
}
export interface NotCondition {
  kind: 'not';
  condition: Condition;
}
/** A comparison on one field of the family, or of a member inside a member quantifier. */
export interface CompareCondition {
  kind: 'compare';
  field: string;
  op: RuleOperator;
  value?: RuleValue | undefined;
}
/** At least one member satisfies `where`. */
export interface AnyMemberCondition {
  kind: 'anyMember';
  where: Condition;
}
/** Every member satisfies `where` (a family without members passes). */
export interface AllMembersCondition {
  kind: 'allMembers';
  where: Condition;
}
/** A member recorded as head of family satisfies `where` (a family without one fails). */
export interface HeadCondition {
  kind: 'head';
  where: Condition;
}
/** The number of members satisfying `where` (all members when absent) compared with `value`. */
export interface CountMembersCondition {
  kind: 'countMembers';
  where?: Condition | undefined;
  op: CountOperator;
  value: number | number[];
}
/** The family received a program of one of `programKinds` or one of `programIds` (any program when both are absent) in `period`. */
export interface ReceivedProgramCondition {
  kind: 'receivedProgram';
  programKinds?: string[] | undefined;
  programIds?: string[] | undefined;
  period: ReceiptPeriod;
}

export type Condition =
  | AllCondition
  | AnyCondition
  | NotCondition
  | CompareCondition
  | AnyMemberCondition
  | AllMembersCondition
  | HeadCondition
  | CountMembersCondition
  | ReceivedProgramCondition;
export type ConditionKind = Condition['kind'];
export const CONDITION_KINDS = ['all', 'any', 'not', 'compare', 'anyMember', 'allMembers', 'head', 'countMembers', 'receivedProgram'] as const;

const lazyCondition = z.lazy((): z.ZodType<Condition> => Condition);
const CodeString = z.string().min(1).max(100);

export const Condition: z.ZodType<Condition> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all'), conditions: z.array(lazyCondition).max(RULE_LIMITS.maxConditionsPerGroup) }).strict(),
  z.object({ kind: z.literal('any'), conditions: z.array(lazyCondition).max(RULE_LIMITS.maxConditionsPerGroup) }).strict(),
  z.object({ kind: z.literal('not'), condition: lazyCondition }).strict(),
  z.object({ kind: z.literal('compare'), field: z.string().min(1).max(100), op: RuleOperator, value: RuleValue.optional() }).strict(),
  z.object({ kind: z.literal('anyMember'), where: lazyCondition }).strict(),
  z.object({ kind: z.literal('allMembers'), where: lazyCondition }).strict(),
  z.object({ kind: z.literal('head'), where: lazyCondition }).strict(),
  z.object({
    kind: z.literal('countMembers'),
    where: lazyCondition.optional(),
    op: CountOperator,
    value: z.union([z.number(), z.array(z.number()).max(2)]),
  }).strict(),
  z.object({
    kind: z.literal('receivedProgram'),
    programKinds: z.array(CodeString).max(RULE_LIMITS.maxListLength).optional(),
    programIds: z.array(CodeString).max(RULE_LIMITS.maxListLength).optional(),
    period: ReceiptPeriod,
  }).strict(),
]);

export const RULE_FORMAT_VERSION = 1;

/** A stored eligibility rule (or graduation criteria): a versioned root condition. */
export const EligibilityRule = z.object({ version: z.literal(RULE_FORMAT_VERSION), condition: Condition }).strict();
export type EligibilityRule = z.infer<typeof EligibilityRule>;

export const PriorityDirection = z.enum(['asc', 'desc']);
export type PriorityDirection = z.infer<typeof PriorityDirection>;

/**
 * One ordering key: a numeric family field (`asc` = lower value first) or a condition (`desc` = families
 * that meet it first). Keys apply in order; the No KK breaks remaining ties.
 */
export const PriorityKey = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: z.string().min(1).max(100), direction: PriorityDirection }).strict(),
  z.object({
    kind: z.literal('condition'),
    condition: Condition,
    direction: PriorityDirection,
    label: z.object({ id: z.string().max(200), en: z.string().max(200) }).strict().optional(),
  }).strict(),
]);
export type PriorityKey = z.infer<typeof PriorityKey>;

export const PriorityOrder = z.object({ keys: z.array(PriorityKey).max(RULE_LIMITS.maxPriorityKeys) }).strict();
export type PriorityOrder = z.infer<typeof PriorityOrder>;

/** Where a node sits in a rule: property names and array indexes from the rule's root. */
export type NodePath = (string | number)[];

export interface LocalText {
  id: string;
  en: string;
}
