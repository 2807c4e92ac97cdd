import type { FamilySort } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

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
 * Names like `text`, each with its word similarity. `text <% name` is pg_trgm's word-similarity operator: it
 * tolerates typos (Suwarmi → Suwarni) inside longer names. It runs over registry_name, every distinct name once,
 * whose trigram index is small; the people carrying a name are then found through exact-name indexes.
 */
function namesLike(db: Kysely<DB>, text: string) {
  return db
    .selectFrom('registry_name')
    .select(['name', sql<number>`word_similarity(${text}, name)`.as('score')])
    .where(sql<boolean>`${text} <% name`);
}

/** Families whose head or any member has a name like `text`, each with its best word similarity. */
function nameMatches(db: Kysely<DB>, text: string) {
  const heads = db
    .selectFrom(namesLike(db, text).as('n'))
    .innerJoin('family', 'family.head_name', 'n.name')
    .select(['family.id as family_id', 'n.score']);
  const members = db
    .selectFrom(namesLike(db, text).as('n'))
    .innerJoin('member', 'member.name', 'n.name')
    .select(['member.family_id', 'n.score']);
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

/**
 * The interactive search answers within a bounded cost however common the name or broad the filter: a name search
 * takes a bounded number of families carrying the best-matching names, and lists count their rows only up to a
 * limit. Past either bound the page says "more than `total`" (`capped`). Exports use countFamilies and
 * listFamilies, which are exact.
 */
export interface SearchLimits {
  /** Rows a list counts before it says "more than". */
  count: number;
  /** Families taken through heads, and as many through members, carrying the best-matching names. */
  nameCandidates: number;
  /** The best names looked at for one search: beyond, the search is too broad to rank usefully anyway. */
  names: number;
}

export const SEARCH_LIMITS: SearchLimits = { count: 10_000, nameCandidates: 2_000, names: 500 };

export interface FamilyPage {
  rows: FamilyListRow[];
  /** Rows of the whole list, or a lower bound when `capped`. */
  total: number;
  capped: boolean;
}

/** One page of the interactive list with its bounded total. */
export async function familyPage(
  db: Kysely<DB>,
  filter: FamilyFilter,
  sort: FamilySort,
  page: { limit: number; offset: number },
  limits: SearchLimits = SEARCH_LIMITS,
): Promise<FamilyPage> {
  if (filter.search?.kind === 'name') return nameSearchPage(db, filter.search.text, filter, sort, page, limits);
  const counted = db
    .selectFrom(filteredFamilies(db, filter).clearSelect().select(sql<number>`1`.as('one')).limit(limits.count + 1).as('c'))
    .select(sql<number>`count(*)::int`.as('n'));
  const [rows, total] = await Promise.all([listFamilies(db, filter, sort, page), counted.executeTakeFirstOrThrow()]);
  return { rows, total: Math.min(total.n, limits.count), capped: total.n > limits.count };
}

/**
 * For the transaction of a name search: the exact-name indexes always, read by this process alone, so that the same
 * name yields the same first candidates in the same order every time (pages stay stable) and a broad name is never
 * read by a scan of every member; no JIT compilation for a query of a few milliseconds.
 */
const NAME_SEARCH_SETTINGS = sql`
  SELECT set_config('enable_seqscan', 'off', true), set_config('synchronize_seqscans', 'off', true),
    set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`;

/**
 * A page of families whose head or a member is named like `text`, in one statement: the best names (most similar
 * first), then a bounded number of families through heads and as many through members carrying them.
 */
async function nameSearchPage(
  db: Kysely<DB>,
  text: string,
  filter: FamilyFilter,
  sort: FamilySort,
  page: { limit: number; offset: number },
  limits: SearchLimits,
): Promise<FamilyPage> {
  const condition = filterCondition(db, filter);
  const statement = sql<FamilyListRow & { total: number; capped: boolean; id: string | null }>`
    WITH names AS MATERIALIZED (
      SELECT name, word_similarity(${text}, name) AS score FROM registry_name WHERE ${text} <% name
      ORDER BY score DESC, name LIMIT ${limits.names}
    ),
    heads AS (
      SELECT f.id AS family_id, n.score FROM names n JOIN family f ON f.head_name = n.name
      WHERE ${condition} LIMIT ${limits.nameCandidates}
    ),
    members AS (
      SELECT m.family_id, n.score FROM names n JOIN member m ON m.name = n.name JOIN family f ON f.id = m.family_id
      WHERE ${condition} LIMIT ${limits.nameCandidates}
    ),
    matches AS (
      SELECT family_id, max(score) AS score FROM (SELECT * FROM heads UNION ALL SELECT * FROM members) u GROUP BY family_id
    ),
    listed AS (
      SELECT f.id, f.no_kk AS "noKk", f.head_name AS "headName", f.address, f.village_code AS "villageCode",
        v.name AS "villageName", k.name AS "kecamatanName", f.desil_national AS desil, f.member_count AS "memberCount",
        f.business_status AS "businessStatus", f.updated_at AS "updatedAt", r.score
      FROM matches r
      JOIN family f ON f.id = r.family_id
      JOIN region v ON v.code = f.village_code
      JOIN region k ON k.code = f.kecamatan_code
    )
    SELECT t.total, t.capped, p.*
    FROM (
      SELECT (SELECT count(*) FROM listed)::int AS total,
        (SELECT count(*) FROM names) >= ${limits.names} OR (SELECT count(*) FROM heads) >= ${limits.nameCandidates}
          OR (SELECT count(*) FROM members) >= ${limits.nameCandidates} AS capped
    ) t
    LEFT JOIN LATERAL (
      SELECT * FROM listed ORDER BY ${orderSql(SORT_STEPS[sort])} LIMIT ${page.limit} OFFSET ${page.offset}
    ) p ON true
    ORDER BY ${orderSql(SORT_STEPS[sort], 'p')}`;
  const result = await db.transaction().execute(async (trx) => {
    await NAME_SEARCH_SETTINGS.execute(trx);
    return statement.execute(trx);
  });
  const first = result.rows[0];
  const rows = result.rows.filter((r): r is FamilyListRow & { total: number; capped: boolean; id: string } => r.id !== null);
  return {
    rows: rows.map(({ total: _total, capped: _capped, ...row }) => row),
    total: Math.min(first?.total ?? 0, limits.count),
    capped: (first?.capped ?? false) || (first?.total ?? 0) > limits.count,
  };
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
