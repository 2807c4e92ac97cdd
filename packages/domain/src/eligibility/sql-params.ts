/** A parameterised SQL fragment: `$n` placeholders in `sql`, their values in `params` (in order, from `$first`). */
export interface CompiledSql {
  sql: string;
  params: unknown[];
}

export type SqlParamType = 'integer' | 'bigint' | 'numeric' | 'text' | 'date' | 'integer[]' | 'bigint[]' | 'numeric[]' | 'text[]' | 'date[]';

/**
 * Collects parameter values while SQL text is built. Every value from a rule goes through `add`, so a
 * rule can never change the shape of the SQL; the explicit cast fixes the parameter type on both PGlite and PostgreSQL.
 */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(private readonly first = 1) {
    if (!Number.isInteger(first) || first < 1) throw new RangeError(`firstParameter must be a positive integer: ${first}`);
  }

  add(value: unknown, type: SqlParamType): string {
    this.values.push(value);
    return `$${this.first + this.values.length - 1}::${type}`;
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Table and column names come from server code, never from a rule; they are still checked before they reach SQL text. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new RangeError(`Not a plain SQL identifier: ${name}`);
  return name;
}
