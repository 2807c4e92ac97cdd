import {
  compilePriorityScore, compileRule, type CompiledSql, type CompileOptions, type EligibilityRule, type PriorityOrder,
} from '@sinergi/domain';
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * Turns a compiled `{ sql, params }` with `$n` placeholders into a Kysely fragment, so that it can be embedded in any
 * query and Kysely numbers the parameters itself. Placeholders are the only `$` in compiled SQL: field SQL comes from
 * the catalogue and identifiers are checked, and every value travels as a parameter.
 */
export function toKyselySql<T>(compiled: CompiledSql, firstParameter = 1): RawBuilder<T> {
  const strings: string[] = [];
  const values: unknown[] = [];
  let last = 0;
  for (const match of compiled.sql.matchAll(/\$(\d+)/g)) {
    const index = Number(match[1]) - firstParameter;
    if (index < 0 || index >= compiled.params.length) throw new RangeError(`Placeholder ${match[0]} has no parameter`);
    strings.push(compiled.sql.slice(last, match.index));
    values.push(compiled.params[index]);
    last = match.index + match[0].length;
  }
  strings.push(compiled.sql.slice(last));
  return sql<T>(Object.assign([...strings], { raw: [...strings] }), ...values);
}

/** The rule as a WHERE condition over `family f`: `db.selectFrom('family as f').where(eligibilityWhere(rule, options))`. */
export function eligibilityWhere(rule: EligibilityRule, options: CompileOptions): RawBuilder<SqlBool> {
  return toKyselySql<SqlBool>(compileRule(rule, { ...options, firstParameter: 1 }));
}

/** The priority score over `family f`; order by it descending, then by `PRIORITY_TIE_BREAKER_SQL`. */
export function priorityScoreSql(order: PriorityOrder, options: CompileOptions): RawBuilder<number> {
  return toKyselySql<number>(compilePriorityScore(order, { ...options, firstParameter: 1 }));
}
