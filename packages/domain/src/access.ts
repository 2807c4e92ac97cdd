import { z } from 'zod';

/** Who may do what: the single table every route and every menu consults. */
export const ROLES = ['admin', 'pimpinan', 'operator', 'pendamping'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const PERMISSIONS = [
  'session', // any signed-in user: own profile, password, language
  'regions.read',
  'agencies.read',
  'agencies.manage',
  'partners.read',
  'partners.manage',
  'users.manage',
  'audit.read',
  'registry.read',
  'registry.write',
  'registry.export',
  'registry.unmask',
  'dashboard.read',
  'programs.read',
  'programs.manage', // create and change programs, run targeting, decrees: only the owner agency's (checked in the service)
  'programs.verify', // record field verification of candidates within one's region scope
  'coverage.manage', // edit the pairs of program kinds that should not be combined (cross-program views)
  'renovation.read',
  'renovation.manage', // house renovation (RTLH): PUPR/Perkim and Dinsos operators change their agency's houses (checked in the service)
  'pathways.read',
  'pathways.manage', // record pathway steps and graduation assessments for families in one's scope
  'pathways.configure', // set the jurisdiction's graduation criteria
  'programs.distribute', // record hand-overs to decreed families: the owner agency's operators and pendamping, within their scope
  'referrals.read', // referrals sent to or by one's agency (admin and pimpinan: all, for the overdue list)
  'referrals.manage', // send referrals, answer and close those sent to one's agency (checked in the service)
  'training.read',
  'training.manage', // courses, cohorts, participants, attendance, follow-ups: only the owner agency's (checked in the service)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_SHARED: Permission[] = ['session', 'regions.read', 'agencies.read', 'partners.read', 'registry.read', 'dashboard.read', 'programs.read', 'renovation.read', 'referrals.read', 'pathways.read', 'training.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  // Leaders read everything in their scope and change nothing; personal data stays masked for them.
  pimpinan: READ_SHARED,
  operator: [...READ_SHARED, 'partners.manage', 'registry.write', 'registry.export', 'registry.unmask', 'programs.manage', 'programs.verify', 'renovation.manage', 'programs.distribute', 'referrals.manage', 'pathways.manage', 'training.manage'],
  pendamping: [...READ_SHARED, 'programs.verify', 'programs.distribute'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * Records that belong to an agency (partners, …): an admin manages any; other users only their own
 * agency's and unowned ones. The permission itself (e.g. partners.manage) is checked separately.
 */
export function mayManageAgencyRecord(user: { role: Role; agencyId: string }, ownerAgencyId: string | null): boolean {
  return user.role === 'admin' || ownerAgencyId === null || ownerAgencyId === user.agencyId;
}

/**
 * A user's region scope is a list of kecamatan or desa codes; empty means the whole jurisdiction.
 * A region is in scope when it equals a scope code or lies below one.
 */
export function inScope(scopeCodes: readonly string[], regionCode: string): boolean {
  if (scopeCodes.length === 0) return true;
  return scopeCodes.some((c) => regionCode === c || regionCode.startsWith(c + '.'));
}

/**
 * True when the region is in scope or lies on the way down to it (an ancestor of a scope code):
 * what a scoped region picker offers, e.g. the kecamatan that contains a village-scoped user's villages.
 */
export function leadsToScope(scopeCodes: readonly string[], regionCode: string): boolean {
  return inScope(scopeCodes, regionCode) || scopeCodes.some((c) => c.startsWith(regionCode + '.'));
}

/** True when `code` is the jurisdiction itself or lies below it (e.g. 35.07.01.2001 under 35.07). */
export function inJurisdiction(jurisdiction: string, code: string): boolean {
  return code === jurisdiction || code.startsWith(jurisdiction + '.');
}
