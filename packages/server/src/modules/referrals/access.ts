import { can, referralActionsFor, type ReferralAction, type ReferralSide, type ReferralStatus } from '@sinergi/domain';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { SessionUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { assertInScope } from '../../http/scope.ts';
import { familyScopeCondition } from '../registry/scope-filter.ts';

/** Admins and leaders (Bappeda, the Bupati's office) oversee every agency's referrals; everyone else only his agency's. */
export function overseesAllReferrals(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'pimpinan';
}

/** SQL conditions on alias `r` limiting referrals to those the user may see: his agency's (sent or received) and his region. */
export function visibleReferrals(user: SessionUser): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (!overseesAllReferrals(user)) conditions.push(sql<SqlBool>`(r.from_agency_id = ${user.agencyId}::uuid OR r.to_agency_id = ${user.agencyId}::uuid)`);
  const region = familyScopeCondition(user, 'r') as RawBuilder<SqlBool> | null;
  if (region) conditions.push(region);
  return conditions;
}

interface Parties {
  from_agency_id: string;
  to_agency_id: string;
  village_code: string;
}

/** 404 rather than 403 for another agency's referral: its existence is itself about a family. */
export function assertVisible(user: SessionUser, referral: Parties): void {
  if (!overseesAllReferrals(user) && referral.from_agency_id !== user.agencyId && referral.to_agency_id !== user.agencyId) throw new AppError('not_found');
  assertInScope(user, referral.village_code);
}

/** The sides the user acts for: his agency's side; an admin acts for either. */
export function sidesOf(user: SessionUser, referral: Parties): ReferralSide[] {
  if (!can(user.role, 'referrals.manage')) return [];
  if (user.role === 'admin') return ['receiver', 'sender'];
  const sides: ReferralSide[] = [];
  if (referral.to_agency_id === user.agencyId) sides.push('receiver');
  if (referral.from_agency_id === user.agencyId) sides.push('sender');
  return sides;
}

/** What the user may do now with the referral. */
export function actionsFor(user: SessionUser, referral: Parties & { status: ReferralStatus }): ReferralAction[] {
  return sidesOf(user, referral).flatMap((side) => referralActionsFor(referral.status, side));
}
