import { inJurisdiction, inScope } from '@sinergi/domain';
import type { Config } from '../config.ts';
import { AppError } from './errors.ts';
import type { SessionUser } from './context.ts';

/** Throws out_of_scope unless the user's region scope covers the region. */
export function assertInScope(user: SessionUser, regionCode: string): void {
  if (!inScope(user.scopeCodes, regionCode)) throw new AppError('out_of_scope');
}

/** Throws outside_jurisdiction unless the code is the installation's jurisdiction or below it. */
export function assertInJurisdiction(config: Config, regionCode: string): void {
  if (!inJurisdiction(config.jurisdiction, regionCode)) {
    throw new AppError('outside_jurisdiction', { jurisdiction: config.jurisdiction });
  }
}

/**
 * SQL condition limiting rows to the user's scope, for tables that carry kecamatan and village codes.
 * Returns null for a jurisdiction-wide user (no condition needed).
 */
export function scopeCodesByLevel(user: SessionUser): { kecamatan: string[]; villages: string[] } | null {
  if (user.scopeCodes.length === 0) return null;
  return {
    kecamatan: user.scopeCodes.filter((c) => c.split('.').length === 3),
    villages: user.scopeCodes.filter((c) => c.split('.').length === 4),
  };
}
