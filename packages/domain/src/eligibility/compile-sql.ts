import type { CompareCondition, Condition, EligibilityRule, ReceivedProgramCondition, RuleScalar } from './ast.ts';
import { ageCutoff, isIsoDate, resolvePeriod } from './dates.ts';
import { familyRuleField, HEAD_OF_FAMILY_RELATION, memberRuleField, type FieldScope, type RuleField } from './fields.ts';
import { identifier, SqlParams, type CompiledSql, type SqlParamType } from './sql-params.ts';
import { validateRule } from './validate.ts';

/**
 * Compiles a rule to one SQL boolean expression over `family f`, with the same meaning as `explainRule`:
 * a condition holds in SQL exactly when it is TRUE, NULL counting as "not met" everywhere. `not` is
 * therefore compiled as `IS NOT TRUE`, which turns "unknown" into a pass just like the TypeScript evaluation.
 */

/** Where programs and their receipts live; injected because the program tables belong to the programs module. */
export interface ProgramTables {
  enrolmentTable: string;
  /** Enrolment column pointing at `family.id`. */
  familyColumn: string;
  /** Enrolment column pointing at the program's id. */
  programColumn: string;
  /** Enrolment column with the day the family received the program (date or timestamp). */
  dateColumn: string;
  /** When set with `countedStatuses`, only enrolments in those statuses count as received. */
  statusColumn?: string;
  countedStatuses?: readonly string[];
  programTable: string;
  programIdColumn: string;
  kindColumn: string;
  /** Program column with its name, for explanations. */
  nameColumn?: string;
}

export const DEFAULT_PROGRAM_TABLES: ProgramTables = {
  enrolmentTable: 'program_enrolment',
  familyColumn: 'family_id',
  programColumn: 'program_id',
  dateColumn: 'served_at',
  programTable: 'program',
  programIdColumn: 'id',
  kindColumn: 'kind',
  nameColumn: 'name',
};

export interface CompileOptions {
  /** The day the rule is applied ('YYYY-MM-DD'); must be the one given to `explainRule` for the same answer. */
  referenceDate: string;
  programTables?: ProgramTables;
  /** Receipts of this program do not count (the program being targeted). */
  ignoreProgramId?: string;
  /** Number of the first placeholder, to append to a query that already has parameters. */
  firstParameter?: number;
}

/** Compiles a validated rule; refuses an invalid one, because only validated values are safe to bind. */
export function compileRule(rule: EligibilityRule, options: CompileOptions): CompiledSql {
  const checked = validateRule(rule);
  if (!checked.ok) throw new RangeError(`Invalid rule: ${checked.issues.map((issue) => `${issue.location.en}: ${issue.message.en}`).join('; ')}`);
  return compileCondition(rule.condition, options);
}

export function compileCondition(condition: Condition, options: CompileOptions): CompiledSql {
  const params = new SqlParams(options.firstParameter);
  return { sql: conditionSql(condition, 'family', params, options), params: params.values };
}

/** Compiles into an existing parameter list (used by priority ordering). */
export function conditionSql(node: Condition, scope: FieldScope, params: SqlParams, options: CompileOptions): string {
  if (!isIsoDate(options.referenceDate)) throw new RangeError(`referenceDate must be YYYY-MM-DD: ${options.referenceDate}`);
  return expression(node, scope, params, options).sql;
}

/** SQL text and whether it can evaluate to NULL; a NULL-free expression may be negated with plain NOT, which the planner turns into anti-joins. */
interface Expression {
  sql: string;
  nullable: boolean;
}

function negate(inner: Expression): string {
  return inner.nullable ? `((${inner.sql}) IS NOT TRUE)` : `(NOT ${inner.sql})`;
}

function expression(node: Condition, scope: FieldScope, params: SqlParams, options: CompileOptions): Expression {
  const inner = (where: Condition) => expression(where, 'member', params, options);
  const members = 'FROM member m WHERE m.family_id = f.id';
  switch (node.kind) {
    case 'all':
    case 'any': {
      if (node.conditions.length === 0) return { sql: node.kind === 'all' ? 'TRUE' : 'FALSE', nullable: false };
      const children = node.conditions.map((child) => expression(child, scope, params, options));
      return {
        sql: `(${children.map((child) => child.sql).join(node.kind === 'all' ? ' AND ' : ' OR ')})`,
        nullable: children.some((child) => child.nullable),
      };
    }
    case 'not':
      return { sql: negate(expression(node.condition, scope, params, options)), nullable: false };
    case 'compare':
      return compareSql(node, scope, params, options.referenceDate);
    case 'anyMember':
      return { sql: `EXISTS (SELECT 1 ${members} AND ${inner(node.where).sql})`, nullable: false };
    case 'allMembers':
      return { sql: `NOT EXISTS (SELECT 1 ${members} AND ${negate(inner(node.where))})`, nullable: false };
    case 'head': {
      const head = params.add(HEAD_OF_FAMILY_RELATION, 'integer');
      return { sql: `EXISTS (SELECT 1 ${members} AND m.relation = ${head} AND ${inner(node.where).sql})`, nullable: false };
    }
    case 'countMembers': {
      const count = `(SELECT count(*) ${members}${node.where ? ` AND ${inner(node.where).sql}` : ''})`;
      return { sql: scalarComparison(count, node.op, node.value, 'bigint', params), nullable: false };
    }
    case 'receivedProgram':
      return { sql: receivedProgramSql(node, params, options), nullable: false };
  }
}

function compareSql(node: CompareCondition, scope: FieldScope, params: SqlParams, referenceDate: string): Expression {
  const field: RuleField | undefined = scope === 'family' ? familyRuleField(node.field) : memberRuleField(node.field);
  if (!field) throw new RangeError(`Unknown ${scope} field "${node.field}"`);
  const nullable = field.nullable && node.op !== 'is empty' && node.op !== 'is not empty';
  if (field.type === 'number' && field.ageFromBirthDate) return { sql: ageSql(field.sql, node, params, referenceDate), nullable };
  if (field.type === 'number' && field.monthsSinceDate) {
    // One age() per row; whole months exactly as `monthsBetween` counts them.
    const months = `(SELECT (extract(year FROM e.a) * 12 + extract(month FROM e.a))::integer FROM (SELECT age(${params.add(referenceDate, 'date')}::timestamp, (${field.sql})::timestamp) AS a) e)`;
    return { sql: scalarComparison(months, node.op, node.value, field.sqlType, params), nullable };
  }
  if (field.type === 'codes') return { sql: listSql(field.sql, node, params), nullable: false };
  return { sql: scalarComparison(field.sql, node.op, node.value, field.sqlType, params), nullable };
}

function listSql(column: string, node: CompareCondition, params: SqlParams): string {
  const item = (value: RuleScalar | undefined) => `ARRAY[${params.add(value, 'text')}]`;
  const [first] = asList(node.value);
  switch (node.op) {
    case 'contains':
      return `(${column} @> ${item(first)})`;
    case 'not contains':
      return `(NOT (${column} @> ${item(first)}))`;
    case 'contains any':
      return `(${column} && ${params.add(asList(node.value), 'text[]')})`;
    case 'is empty':
      return `(cardinality(${column}) = 0)`;
    case 'is not empty':
      return `(cardinality(${column}) > 0)`;
    case '=':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
    case 'between':
    case 'in':
    case 'not in':
      throw new RangeError(`Operator ${node.op} needs a single value, not a list field`);
  }
}

const SQL_OPERATORS = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' } as const;

function scalarComparison(expression: string, op: CompareCondition['op'], value: CompareCondition['value'], type: SqlParamType, params: SqlParams): string {
  const list = asList(value);
  switch (op) {
    case '=':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return `(${expression} ${SQL_OPERATORS[op]} ${params.add(list[0], type)})`;
    case 'between':
      return `(${expression} BETWEEN ${params.add(list[0], type)} AND ${params.add(list[1], type)})`;
    case 'in':
      return `(${expression} = ANY(${params.add(list, `${type}[]` as SqlParamType)}))`;
    case 'not in':
      return `(${expression} <> ALL(${params.add(list, `${type}[]` as SqlParamType)}))`;
    case 'is empty':
      return `(${expression} IS NULL)`;
    case 'is not empty':
      return `(${expression} IS NOT NULL)`;
    case 'contains':
    case 'not contains':
    case 'contains any':
      throw new RangeError(`Operator ${op} needs a list field`);
  }
}

/**
 * Age conditions become birth-date comparisons with cutoffs computed from the reference date
 * (age >= n ⇔ birth date <= reference date − n years), the same arithmetic as `ageAt`.
 */
function ageSql(birthDate: string, node: CompareCondition, params: SqlParams, referenceDate: string): string {
  const atLeast = (age: number) => `${birthDate} <= ${params.add(ageCutoff(referenceDate, age), 'date')}`;
  const below = (age: number) => `${birthDate} > ${params.add(ageCutoff(referenceDate, age), 'date')}`;
  const exactly = (age: number) => `(${atLeast(age)} AND ${below(age + 1)})`;
  const other = (age: number) => `(${below(age)} OR ${atLeast(age + 1)})`;
  const ages = asList(node.value).map(Number);
  const [first = 0, second = 0] = ages;
  switch (node.op) {
    case '>=':
      return `(${atLeast(first)})`;
    case '>':
      return `(${atLeast(first + 1)})`;
    case '<':
      return `(${below(first)})`;
    case '<=':
      return `(${below(first + 1)})`;
    case '=':
      return exactly(first);
    case '!=':
      return other(first);
    case 'between':
      return `(${atLeast(first)} AND ${below(second + 1)})`;
    case 'in':
      return ages.length === 0 ? 'FALSE' : `(${ages.map(exactly).join(' OR ')})`;
    case 'not in':
      return ages.length === 0 ? `(${birthDate} IS NOT NULL)` : `(${ages.map(other).join(' AND ')})`;
    case 'is empty':
      return `(${birthDate} IS NULL)`;
    case 'is not empty':
      return `(${birthDate} IS NOT NULL)`;
    case 'contains':
    case 'not contains':
    case 'contains any':
      throw new RangeError(`Operator ${node.op} is not allowed on age`);
  }
}

function receivedProgramSql(node: ReceivedProgramCondition, params: SqlParams, options: CompileOptions): string {
  const tables = options.programTables ?? DEFAULT_PROGRAM_TABLES;
  const enrolmentProgram = `pe.${identifier(tables.programColumn)}`;
  const served = `(pe.${identifier(tables.dateColumn)})::date`;
  const where = [`pe.${identifier(tables.familyColumn)} = f.id`];
  const alternatives: string[] = [];
  if (node.programKinds !== undefined) alternatives.push(`p.${identifier(tables.kindColumn)} = ANY(${params.add(node.programKinds, 'text[]')})`);
  if (node.programIds !== undefined) alternatives.push(`${enrolmentProgram}::text = ANY(${params.add(node.programIds, 'text[]')})`);
  if (alternatives.length > 0) where.push(`(${alternatives.join(' OR ')})`);
  if (options.ignoreProgramId !== undefined) where.push(`${enrolmentProgram}::text <> ${params.add(options.ignoreProgramId, 'text')}`);
  if (tables.statusColumn !== undefined && tables.countedStatuses !== undefined) {
    where.push(`pe.${identifier(tables.statusColumn)} = ANY(${params.add(tables.countedStatuses, 'text[]')})`);
  }
  const range = resolvePeriod(node.period, options.referenceDate);
  if (range.from !== null) where.push(`${served} >= ${params.add(range.from, 'date')}`);
  if (range.to !== null) where.push(`${served} <= ${params.add(range.to, 'date')}`);
  return `EXISTS (SELECT 1 FROM ${identifier(tables.enrolmentTable)} pe JOIN ${identifier(tables.programTable)} p`
    + ` ON p.${identifier(tables.programIdColumn)} = ${enrolmentProgram} WHERE ${where.join(' AND ')})`;
}

function asList(value: CompareCondition['value']): RuleScalar[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
