import type { FamilySort } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** What the list filters on, after the service resolved scope, region and search kind. */
export interface FamilyFilter {
  /** From familyScopeCondition: the user's region scope on alias `f`; null = whole jurisdiction. */
  scope: RawBuilder<boolean> | null;
  region: { kind: 'village' | 'kecamatan' | 'below'; code: string } | null;
  search: { kind: 'id_number'; value: string } | { kind: 'name'; text: string } | null;
  desilMin?: number | undefined;
  desilMax?: number | undefined;
  businessStatus?: 'none' | 'active' | 'stalled' | undefined;
}

/**
 * Families whose head or any member has a name like `text`, each with its best word similarity.
 * `text <% column` is pg_trgm's word-similarity operator: it tolerates typos (Suwarmi → Suwarni)
 * inside longer names and is answered by the trigram indexes on family.head_name and member.name.
 */
function nameMatches(db: Kysely<DB>, text: string) {
  const heads = db
    .selectFrom('family')
    .select(['id as family_id', sql<number>`word_similarity(${text}, head_name)`.as('score')])
    .where(sql<boolean>`${text} <% head_name`);
  const members = db
    .selectFrom('member')
    .select(['family_id', sql<number>`word_similarity(${text}, name)`.as('score')])
    .where(sql<boolean>`${text} <% name`);
  return db
    .selectFrom(heads.unionAll(members).as('m'))
    .select(['m.family_id', (eb) => eb.fn.max('m.score').as('score')])
    .groupBy('m.family_id');
}

/** The filter as one condition on the family table aliased `f` (the name search is a join instead). */
function filterCondition(db: Kysely<DB>, filter: FamilyFilter): RawBuilder<boolean> {
  const conditions: RawBuilder<boolean>[] = [];
  if (filter.scope) conditions.push(filter.scope);
  const region = filter.region;
  if (region?.kind === 'village') conditions.push(sql<boolean>`f.village_code = ${region.code}`);
  if (region?.kind === 'kecamatan') conditions.push(sql<boolean>`f.kecamatan_code = ${region.code}`);
  if (region?.kind === 'below') {
    // A regency inside a province installation: its kecamatan, so that the kecamatan index still serves.
    const kecamatan = db.selectFrom('region').select('code').where('parent_code', '=', region.code);
    conditions.push(sql<boolean>`f.kecamatan_code IN (${kecamatan})`);
  }
  if (filter.search?.kind === 'id_number') {
    // A 16-digit number is a No KK or a member's NIK; both columns are unique-indexed.
    const value = filter.search.value;
    const ids = db
      .selectFrom('family')
      .select('id as family_id')
      .where('no_kk', '=', value)
      .union(db.selectFrom('member').select('family_id').where('nik', '=', value));
    conditions.push(sql<boolean>`f.id IN (${ids})`);
  }
  if (filter.desilMin !== undefined) conditions.push(sql<boolean>`f.desil_national >= ${filter.desilMin}`);
  if (filter.desilMax !== undefined) conditions.push(sql<boolean>`f.desil_national <= ${filter.desilMax}`);
  if (filter.businessStatus) conditions.push(sql<boolean>`f.business_status = ${filter.businessStatus}`);
  return conditions.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(conditions, sql` AND `)}`;
}

/** Filtered families, joined to their name-search score when there is one (0 otherwise). */
export function filteredFamilies(db: Kysely<DB>, filter: FamilyFilter) {
  const families = db.selectFrom('family as f');
  const scored =
    filter.search?.kind === 'name'
      ? families.innerJoin(nameMatches(db, filter.search.text).as('r'), 'r.family_id', 'f.id').select('r.score')
      : families.select(sql<number>`0`.as('score'));
  return scored.where(filterCondition(db, filter));
}

export async function countFamilies(db: Kysely<DB>, filter: FamilyFilter): Promise<number> {
  const row = await filteredFamilies(db, filter).clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export interface FamilyListRow {
  id: string;
  noKk: string;
  headName: string | null;
  address: string | null;
  villageCode: string;
  villageName: string;
  kecamatanName: string;
  desil: number | null;
  memberCount: number;
  businessStatus: 'none' | 'active' | 'stalled';
}

type SortKey = 'score' | 'headName' | 'desil' | 'updatedAt' | 'kecamatanName' | 'villageName';
type SortStep = [key: SortKey, direction: 'asc' | 'desc'];

/** Each sort as a list of keys on the page's columns; nulls always last, ties broken by id. */
const SORT_STEPS: Record<FamilySort, SortStep[]> = {
  relevance: [['score', 'desc'], ['headName', 'asc']],
  head_name: [['headName', 'asc']],
  '-head_name': [['headName', 'desc']],
  desil: [['desil', 'asc'], ['headName', 'asc']],
  '-desil': [['desil', 'desc'], ['headName', 'asc']],
  village: [['kecamatanName', 'asc'], ['villageName', 'asc'], ['headName', 'asc']],
  '-village': [['kecamatanName', 'desc'], ['villageName', 'desc'], ['headName', 'asc']],
  updated: [['updatedAt', 'asc']],
  '-updated': [['updatedAt', 'desc']],
};

/** ORDER BY on the page's column names: bare output names inside the page query, `p.` outside. */
function orderSql(steps: SortStep[], table?: string) {
  const ref = (column: string) => sql.ref(table ? `${table}.${column}` : column);
  return sql.join([...steps.map(([key, direction]) => sql`${ref(key)} ${sql.raw(direction)} NULLS LAST`), ref('id')]);
}

/**
 * One page of families matching the filter, in the requested order (ties broken by id for stable paging).
 * The page is cut from the family table first and only its rows are joined to region names, so that
 * the default order (head name) walks the (head_name, id) index instead of sorting every family.
 */
export async function listFamilies(db: Kysely<DB>, filter: FamilyFilter, sort: FamilySort, page: { limit: number; offset: number }): Promise<FamilyListRow[]> {
  const steps = SORT_STEPS[sort];
  const byRegionName = steps.some(([key]) => key === 'kecamatanName' || key === 'villageName');
  const families = filteredFamilies(db, filter).select([
    'f.id',
    'f.no_kk as noKk',
    'f.head_name as headName',
    'f.address',
    'f.village_code as villageCode',
    'f.kecamatan_code as kecamatanCode',
    'f.desil_national as desil',
    'f.member_count as memberCount',
    'f.business_status as businessStatus',
    'f.updated_at as updatedAt',
  ]);
  // Sorting by region name needs the names before the cut; every other order does not (NULLs keep the page's shape).
  const sortable = byRegionName
    ? families
        .innerJoin('region as sv', 'sv.code', 'f.village_code')
        .innerJoin('region as sk', 'sk.code', 'f.kecamatan_code')
        .select(['sv.name as villageName', 'sk.name as kecamatanName'])
    : families.select([sql<string>`NULL`.as('villageName'), sql<string>`NULL`.as('kecamatanName')]);
  const pageRows = sortable.orderBy(orderSql(steps)).limit(page.limit).offset(page.offset);
  return db
    .selectFrom(pageRows.as('p'))
    .innerJoin('region as v', 'v.code', 'p.villageCode')
    .innerJoin('region as k', 'k.code', 'p.kecamatanCode')
    .select([
      'p.id',
      'p.noKk',
      'p.headName',
      'p.address',
      'p.villageCode',
      'v.name as villageName',
      'k.name as kecamatanName',
      'p.desil',
      'p.memberCount',
      'p.businessStatus',
    ])
    .orderBy(orderSql(steps, 'p'))
    .execute();
}

/** One family with everything its profile shows except members; region names joined. */
export async function findFamily(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('family as f')
    .innerJoin('region as v', 'v.code', 'f.village_code')
    .innerJoin('region as k', 'k.code', 'f.kecamatan_code')
    .selectAll('f')
    .select(['v.name as village_name', 'k.name as kecamatan_name'])
    .where('f.id', '=', id)
    .executeTakeFirst();
}

export type FamilyRow = NonNullable<Awaited<ReturnType<typeof findFamily>>>;

/** Current members of a family (not those who died or left): the head first, then by relation and age. */
export async function familyMembers(db: Kysely<DB>, familyId: string) {
  return db
    .selectFrom('member')
    .select([
      'id',
      'nik',
      'name',
      'birth_date',
      'sex',
      'relation',
      'marital_status',
      'education',
      'work_status',
      'disabilities',
      'chronic_illness',
      'ppks',
      'special_status',
      'version',
    ])
    .where('family_id', '=', familyId)
    .where('status', '=', 'active')
    .orderBy('relation', (o) => o.asc().nullsLast())
    .orderBy('birth_date', (o) => o.asc().nullsLast())
    .orderBy('name')
    .execute();
}

export type MemberRow = Awaited<ReturnType<typeof familyMembers>>[number];
