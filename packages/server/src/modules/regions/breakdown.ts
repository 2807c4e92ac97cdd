import { leadsToScope, regionLevel } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { regionsByCode } from './queries.ts';
import { ancestorCodes, requireRegionInJurisdiction } from './service.ts';

export interface AreaRef {
  code: string;
  name: string;
}

/** Where a breakdown (a table of rows per region) is made: its area, the way back up, and the level of its rows. */
export interface AreaBreakdown {
  area: AreaRef & { level: number };
  /** Regions above the area up to the jurisdiction, top first (empty for the jurisdiction itself). */
  parents: AreaRef[];
  /** One level below the area (kabupaten/kota under a province, kecamatan under a regency), never deeper than asked. */
  rowLevel: number;
  /** The area's code when it is narrower than the jurisdiction (a filter is needed), else null. */
  narrowTo: string | null;
}

/** Kecamatan: the level a breakdown whose data is kept per kecamatan (quotas, targets) stops at. */
export const KECAMATAN_LEVEL = 3;
export const VILLAGE_LEVEL = 4;

/** The code of the region at `level` that contains `code` (35.07.13 at level 2 → 35.07). */
export function codeAtLevel(code: string, level: number): string {
  return code.split('.').slice(0, level).join('.');
}

/** Rows one level below the region `code`, at most `deepest`. */
export function rowLevelBelow(code: string, deepest: number): number {
  return Math.min(regionLevel(code) + 1, deepest);
}

/** A province installation: its breakdowns start at kabupaten/kota and drill down; a regency's start at kecamatan. */
export function isProvinceInstallation(config: Config): boolean {
  return regionLevel(config.jurisdiction) === 1;
}

/**
 * The area a breakdown is made for (the jurisdiction unless asked), checked against the jurisdiction and the user's
 * scope (403 out_of_scope when the scope does not reach it), with rows one level down, at most `deepest`.
 */
export async function areaBreakdown(
  db: Kysely<DB>,
  config: Config,
  user: SessionUser,
  areaCode: string | undefined,
  deepest: number,
): Promise<AreaBreakdown> {
  const code = areaCode ?? config.jurisdiction;
  const area = await requireRegionInJurisdiction(db, config, code);
  if (!leadsToScope(user.scopeCodes, area.code)) throw new AppError('out_of_scope');
  const parents = await regionsByCode(db, ancestorCodes(area.code).filter((c) => c.length >= config.jurisdiction.length));
  return {
    area: { code: area.code, name: area.name, level: area.level },
    parents: parents.map((p) => ({ code: p.code, name: p.name })),
    rowLevel: rowLevelBelow(area.code, deepest),
    narrowTo: area.code === config.jurisdiction ? null : area.code,
  };
}

/** True when `code` is the area or lies below it; everything is in a null (whole-jurisdiction) area. */
export function inArea(narrowTo: string | null, code: string): boolean {
  return narrowTo === null || code === narrowTo || code.startsWith(`${narrowTo}.`);
}

/** Rows rolled up to the regions at `level` that contain them, in code order; `merge` adds a row to a region's total. */
export function rollUp<R, T>(rows: readonly R[], codeOf: (row: R) => string, level: number, merge: (total: T | undefined, row: R) => T): Map<string, T> {
  const totals = new Map<string, T>();
  for (const row of rows) {
    const key = codeAtLevel(codeOf(row), level);
    totals.set(key, merge(totals.get(key), row));
  }
  return new Map([...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Names of the given regions by code. */
export async function regionNames(db: Kysely<DB>, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await regionsByCode(db, [...new Set(codes)]);
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** `column` (a region code) is the area or lies below it. */
export function underArea(column: string, code: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(column)} = ${code} OR ${sql.ref(column)} LIKE ${`${code}.%`})`;
}
