import { inJurisdiction, inScope } from '@sinergi/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../../config.ts';
import type { DB } from '../../../db/schema/index.ts';
import type { SessionUser } from '../../../http/context.ts';
import { AppError } from '../../../http/errors.ts';
import { currentUser } from '../../auth/current-user.ts';
import { requireRegionInJurisdiction } from '../../regions/service.ts';
import type { RegistryContext } from '../service.ts';

/** What a registry service needs from one request: the database, the installation, the signed-in user. */
export function registryContext(app: FastifyInstance, request: FastifyRequest): RegistryContext {
  return { db: app.database.db, config: app.config, user: currentUser(request), request };
}

/** A family is reachable when its village lies in the jurisdiction and in the user's scope; otherwise 403 out_of_scope. */
export function assertFamilyInReach(config: Config, user: SessionUser, villageCode: string): void {
  if (!inJurisdiction(config.jurisdiction, villageCode) || !inScope(user.scopeCodes, villageCode)) throw new AppError('out_of_scope');
}

/**
 * The village a family is moved to: inside the jurisdiction (400 outside_jurisdiction), a known desa/kelurahan
 * (400 unknown_region) and inside the user's scope (403 out_of_scope), so that nobody moves a family out of their reach.
 */
export async function assertVillageAllowed(db: Kysely<DB>, config: Config, user: SessionUser, villageCode: string): Promise<void> {
  const region = await requireRegionInJurisdiction(db, config, villageCode);
  if (region.level !== 4) throw new AppError('unknown_region', { code: villageCode });
  if (!inScope(user.scopeCodes, villageCode)) throw new AppError('out_of_scope');
}

/** The family's id, No KK and village after checking it exists (404) and is within the user's reach (403). */
export async function reachableFamily(context: RegistryContext, familyId: string) {
  const family = await context.db
    .selectFrom('family')
    .select(['id', 'no_kk', 'village_code', 'created_at', 'data_source', 'desil_national', 'desil_province', 'desil_regency'])
    .where('id', '=', familyId)
    .executeTakeFirst();
  if (!family) throw new AppError('not_found');
  assertFamilyInReach(context.config, context.user, family.village_code);
  return family;
}
