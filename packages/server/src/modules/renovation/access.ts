import { inScope } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { RenovationContext } from './context.ts';

/** Agencies whose operators run house renovations. */
export const RENOVATION_AGENCY_KINDS = ['pupr_perkim', 'dinsos'] as const;

export interface HouseOwnership {
  id: string;
  agency_id: string;
  village_code: string;
}

async function agencyOf(db: Kysely<DB>, agencyId: string) {
  return db.selectFrom('agency').select(['id', 'kind', 'short_name']).where('id', '=', agencyId).executeTakeFirst();
}

/**
 * The agency a new house is filed under: an admin may name any PUPR/Perkim or Dinsos agency; an operator files under
 * his own, which must be one of them.
 */
export async function owningAgencyFor(context: RenovationContext, requested: string | null): Promise<string> {
  const agencyId = context.user.role === 'admin' && requested ? requested : context.user.agencyId;
  const agency = await agencyOf(context.db, agencyId);
  if (!agency) throw new AppError('unknown_agency');
  if (!(RENOVATION_AGENCY_KINDS as readonly string[]).includes(agency.kind)) throw new AppError('renovation_agency_only');
  return agency.id;
}

/** Readers see houses of their region scope only. */
export function requireHouseInScope(user: SessionUser, house: Pick<HouseOwnership, 'village_code'>): void {
  if (!inScope(user.scopeCodes, house.village_code)) throw new AppError('out_of_scope');
}

/** Whether the user may change the house: an admin any; an operator his agency's houses within his region scope. */
export function mayChangeHouse(user: SessionUser, house: HouseOwnership): boolean {
  if (!inScope(user.scopeCodes, house.village_code)) return false;
  return user.role === 'admin' || (user.role === 'operator' && user.agencyId === house.agency_id);
}

/** Refuses a change by anyone but the owner agency's operators (403) or outside the user's region (403). */
export async function requireChangeHouse(context: RenovationContext, house: HouseOwnership): Promise<void> {
  requireHouseInScope(context.user, house);
  if (mayChangeHouse(context.user, house)) return;
  const agency = await agencyOf(context.db, house.agency_id);
  throw new AppError('renovation_other_agency', { agency: agency?.short_name ?? '?' });
}
