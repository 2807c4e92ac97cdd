import {
  can,
  inJurisdiction,
  inScope,
  leadsToScope,
  regionLevel,
  type FamilyDetail,
  type FamilyListItem,
  type FamilyListQuery,
  type FamilySort,
  type Page,
} from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { requireRegionInJurisdiction } from '../regions/service.ts';
import { toFamilyDetail, toListItem } from './present.ts';
import { familyMembers, familyPage, findFamily, type FamilyFilter } from './queries.ts';
import { familyScopeCondition } from './scope-filter.ts';

export interface RegistryContext {
  db: Kysely<DB>;
  config: Config;
  user: SessionUser;
  request: FastifyRequest;
}

/** A 16-digit NIK or No KK, also when typed with spaces, dots or dashes between the digit groups. */
function idNumberOf(q: string): string | null {
  const digits = q.replace(/[\s.-]/g, '');
  return /^\d{16}$/.test(digits) ? digits : null;
}

function searchOf(q: string | undefined): FamilyFilter['search'] {
  if (!q) return null;
  const idNumber = idNumberOf(q);
  return idNumber ? { kind: 'id_number', value: idNumber } : { kind: 'name', text: q };
}

/** The region filter, refused outside the jurisdiction and when it does not touch the user's scope at all. */
export async function regionFilterOf({ db, config, user }: RegistryContext, code: string | undefined): Promise<FamilyFilter['region']> {
  if (!code) return null;
  await requireRegionInJurisdiction(db, config, code);
  if (!leadsToScope(user.scopeCodes, code)) throw new AppError('out_of_scope');
  const level = regionLevel(code);
  if (level === 4) return { kind: 'village', code };
  if (level === 3) return { kind: 'kecamatan', code };
  return code === config.jurisdiction ? null : { kind: 'below', code };
}

function sortOf(requested: FamilySort | undefined, search: FamilyFilter['search']): FamilySort {
  const byName = search?.kind === 'name';
  if (!requested) return byName ? 'relevance' : 'head_name';
  return requested === 'relevance' && !byName ? 'head_name' : requested;
}

/** The list's filters and order as the queries take them: the user's scope applied, the region checked, the search kind read. */
export async function resolveFamilyFilter(
  context: RegistryContext,
  query: Omit<FamilyListQuery, 'page' | 'pageSize'>,
): Promise<{ filter: FamilyFilter; sort: FamilySort }> {
  if (query.desilMin !== undefined && query.desilMax !== undefined && query.desilMin > query.desilMax) {
    throw new AppError('validation_failed', {}, [{ path: '/desilMin', message: 'desilMin > desilMax' }]);
  }
  const search = searchOf(query.q);
  const filter: FamilyFilter = {
    scope: familyScopeCondition(context.user, 'f'),
    region: await regionFilterOf(context, query.region),
    search,
    desilMin: query.desilMin,
    desilMax: query.desilMax,
    businessStatus: query.businessStatus,
  };
  return { filter, sort: sortOf(query.sort, search) };
}

/**
 * Families in the user's scope matching the query, one page, No KK masked. The total is exact up to 10,000 rows
 * (and for a name search within its candidate bound); beyond, `totalCapped` says the list holds more.
 * One audit row per request records who searched for what.
 */
export async function searchFamilies(context: RegistryContext, query: FamilyListQuery): Promise<Page<FamilyListItem>> {
  const { filter, sort } = await resolveFamilyFilter(context, query);
  const { rows, total, capped } = await familyPage(context.db, filter, sort, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  await recordAudit(context.db, context.request, { action: 'view', entity: 'family_list', details: { ...query, total, totalCapped: capped } });
  return { items: rows.map(toListItem), total, page: query.page, pageSize: query.pageSize, totalCapped: capped };
}

/** What an unmask shows, as its audit row records it: identity numbers, birth dates and specific personal data (UU PDP). */
export const UNMASK_DETAILS = { shown: ['nik', 'noKk', 'birthDate'], specificDataShown: true };

/**
 * One family's profile with its members. Unmasking (identity numbers, birth dates and specific personal data) needs 'registry.unmask' and is audited as such;
 * a family outside the user's scope is refused (403 out_of_scope).
 */
export async function familyProfile(context: RegistryContext, id: string, unmask: boolean): Promise<FamilyDetail> {
  const { db, config, user } = context;
  if (unmask && !can(user.role, 'registry.unmask')) throw new AppError('forbidden');
  const family = await findFamily(db, id);
  if (!family) throw new AppError('not_found');
  if (!inJurisdiction(config.jurisdiction, family.village_code) || !inScope(user.scopeCodes, family.village_code)) {
    throw new AppError('out_of_scope');
  }
  const members = await familyMembers(db, id);
  await recordAudit(db, context.request, unmask
    ? { action: 'unmask', entity: 'family', entityId: id, details: UNMASK_DETAILS }
    : { action: 'view', entity: 'family', entityId: id });
  return toFamilyDetail(family, members, unmask);
}
