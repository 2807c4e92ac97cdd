import { sql, type RawBuilder } from 'kysely';
import type { SessionUser } from '../../http/context.ts';
import { scopeCodesByLevel } from '../../http/scope.ts';

/**
 * SQL condition keeping only families inside the user's region scope, on a family table aliased `alias`;
 * null for a jurisdiction-wide user. Served by the indexes on kecamatan_code and village_code.
 */
export function familyScopeCondition(user: SessionUser, alias: string): RawBuilder<boolean> | null {
  const scope = scopeCodesByLevel(user);
  if (!scope) return null;
  const conditions: RawBuilder<boolean>[] = [];
  if (scope.kecamatan.length > 0) {
    conditions.push(sql<boolean>`${sql.ref(`${alias}.kecamatan_code`)} IN (${sql.join(scope.kecamatan)})`);
  }
  if (scope.villages.length > 0) {
    conditions.push(sql<boolean>`${sql.ref(`${alias}.village_code`)} IN (${sql.join(scope.villages)})`);
  }
  // A scope holding no usable code reaches nothing, never everything.
  if (conditions.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(conditions, sql` OR `)})`;
}
