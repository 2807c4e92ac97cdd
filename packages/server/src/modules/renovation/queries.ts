import type { Page, RenovationListItem, RenovationListQuery } from '@sinergi/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import { containsPattern } from '../../db/like.ts';
import type { DB, RenovationHouseTable } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { scopeCodesByLevel } from '../../http/scope.ts';
import { underArea } from '../regions/breakdown.ts';
import { listItemOf } from './present.ts';

export type HouseRow = Selectable<RenovationHouseTable>;

export async function findHouse(db: Kysely<DB>, id: string): Promise<HouseRow | undefined> {
  return db.selectFrom('renovation_house').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Houses joined with what a list row shows: family, places, agency and the sum of their funding. */
export function houseListRows(db: Kysely<DB>) {
  return db
    .selectFrom('renovation_house as h')
    .innerJoin('family as f', 'f.id', 'h.family_id')
    .innerJoin('agency as a', 'a.id', 'h.agency_id')
    .leftJoin('region as v', 'v.code', 'h.village_code')
    .leftJoin('region as k', 'k.code', 'h.kecamatan_code')
    .selectAll('h')
    .select([
      'f.head_name', 'f.address as family_address', 'v.name as village_name', 'k.name as kecamatan_name', 'a.short_name as agency_short_name',
      sql<number>`(SELECT coalesce(sum(value), 0) FROM renovation_funding WHERE house_id = h.id)`.as('funding_total'),
    ]);
}
export type HouseListRow = Awaited<ReturnType<ReturnType<typeof houseListRows>['executeTakeFirstOrThrow']>>;

/** The condition limiting `renovation_house as h` to the user's region scope. */
export function houseInScope(user: SessionUser) {
  const scope = scopeCodesByLevel(user);
  if (!scope) return sql<boolean>`true`;
  return sql<boolean>`(h.kecamatan_code = ANY(${scope.kecamatan}::text[]) OR h.village_code = ANY(${scope.villages}::text[]))`;
}

export async function listHouses(db: Kysely<DB>, user: SessionUser, query: RenovationListQuery): Promise<Page<RenovationListItem>> {
  let rows = houseListRows(db).where(houseInScope(user));
  if (query.stage) rows = rows.where('h.stage', '=', query.stage);
  if (query.year) rows = rows.where('h.year', '=', query.year);
  if (query.kecamatanCode) rows = rows.where('h.kecamatan_code', '=', query.kecamatanCode.slice(0, 8));
  if (query.villageCode) rows = rows.where('h.village_code', '=', query.villageCode);
  if (query.area) rows = rows.where(underArea('h.village_code', query.area));
  if (query.q) {
    const pattern = containsPattern(query.q);
    rows = rows.where((eb) => eb.or([eb('f.head_name', 'ilike', pattern), eb('h.address', 'ilike', pattern), eb('h.proposer', 'ilike', pattern)]));
  }
  const [items, total] = await Promise.all([
    rows.orderBy('h.updated_at', 'desc').orderBy('h.id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    rows.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map(listItemOf), total: total.n, page: query.page, pageSize: query.pageSize };
}

export async function houseFunding(db: Kysely<DB>, houseId: string) {
  return db
    .selectFrom('renovation_funding as r')
    .leftJoin('partner as p', 'p.id', 'r.partner_id')
    .leftJoin('app_user as u', 'u.id', 'r.created_by')
    .selectAll('r')
    .select(['p.name as partner_name', 'u.full_name as created_by_name'])
    .where('r.house_id', '=', houseId)
    .orderBy('r.contributed_on')
    .orderBy('r.created_at')
    .execute();
}

export async function houseProgress(db: Kysely<DB>, houseId: string) {
  return db
    .selectFrom('renovation_progress as r')
    .leftJoin('app_user as u', 'u.id', 'r.created_by')
    .selectAll('r')
    .select('u.full_name as created_by_name')
    .where('r.house_id', '=', houseId)
    .orderBy('r.recorded_on')
    .orderBy('r.created_at')
    .execute();
}

export async function housePhotos(db: Kysely<DB>, houseId: string) {
  return db.selectFrom('renovation_photo').selectAll().where('house_id', '=', houseId).orderBy('created_at').orderBy('id').execute();
}

export async function houseHistory(db: Kysely<DB>, houseId: string) {
  return db
    .selectFrom('renovation_stage_change as c')
    .leftJoin('app_user as u', 'u.id', 'c.user_id')
    .selectAll('c')
    .select('u.username')
    .where('c.house_id', '=', houseId)
    .orderBy('c.at')
    .execute();
}

export async function familyHouse(db: Kysely<DB>, familyId: string) {
  return db
    .selectFrom('family')
    .select(['id', 'village_code', 'address', 'roof_type', 'wall_type', 'floor_type', 'toilet', 'water_source', 'lighting', 'floor_area_m2', 'member_count'])
    .where('id', '=', familyId)
    .executeTakeFirst();
}
