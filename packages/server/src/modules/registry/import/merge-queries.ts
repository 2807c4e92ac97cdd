import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import type { FamilyMergePlan } from './columns.ts';
import type { Outcome } from './queries.ts';

/**
 * The set-based merge of one staged chunk, run inside the chunk's transaction. One statement per entity upserts the
 * staged records, writes their change history and records each one's outcome, so that no row travels back to the
 * server process. Each statement reaches the registry only through its unique indexes (no_kk, nik, id), so a chunk
 * costs the same whether the registry holds a thousand families or a million.
 */

/** A registry column and the field name it goes by in change history. */
interface ColumnRef {
  field: string;
  column: string;
}

const raw = (text: string) => sql.raw(text);
const list = (columns: readonly ColumnRef[], prefix = '') => columns.map((c) => `${prefix}${c.column}`).join(', ');

/** The row (a, b, …) of the given columns, for one IS DISTINCT FROM comparing them all at once. */
const tuple = (alias: string, columns: readonly string[]) => `(${columns.map((c) => `${alias}.${c}`).join(', ')})`;

/** {field: [old, new]} for the columns whose registry value (`before`) differs from the file's (`after`). */
function changesJson(columns: readonly ColumnRef[], before: string, after: string, extra: string[] = []): string {
  const pairs = columns.map(
    (c) => `'${c.field}', CASE WHEN ${before}.${c.column} IS DISTINCT FROM ${after}.${c.column} THEN jsonb_build_array(${before}.${c.column}, ${after}.${c.column}) END`,
  );
  return `jsonb_strip_nulls(jsonb_build_object(${[...pairs, ...extra].join(',\n        ')}))`;
}

/** ON CONFLICT: update only when a compared column differs, so that an unchanged row is not touched at all. */
function upsertAction(conflictKey: string, alias: string, targets: readonly string[]) {
  if (targets.length === 0) return raw(`ON CONFLICT (${conflictKey}) DO NOTHING`);
  return raw(`ON CONFLICT (${conflictKey}) DO UPDATE
        SET ${targets.map((t) => `${t} = excluded.${t}`).join(', ')}, version = ${alias}.version + 1, updated_at = now()
        WHERE ${tuple(alias, targets)} IS DISTINCT FROM ${tuple('excluded', targets)}`);
}

/** The outcome of every staged record of the chunk into import_row_result, as `src` worked it out. */
function recordResults(entity: 'family' | 'member') {
  const key = entity === 'family' ? sql`no_kk` : sql`nik`;
  const noKk = entity === 'family' ? sql`NULL` : sql`no_kk`;
  return sql`
    results AS (
      INSERT INTO import_row_result (batch_id, sheet, row_number, entity, key, no_kk, outcome, issues)
      SELECT batch_id, sheet, row_number, ${entity}, ${key}, ${noKk}, outcome, issues FROM src
      RETURNING outcome
    )`;
}

export type OutcomeCounts = Record<Outcome, number>;

function outcomeCounts(rows: { outcome: Outcome | null; n: number }[]): OutcomeCounts {
  const counts: OutcomeCounts = { added: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const row of rows) if (row.outcome) counts[row.outcome] = Number(row.n);
  return counts;
}

// Each staged record finds its registry row through a LATERAL look-up by unique key (LIMIT 1 keeps the planner from
// turning it into a join): an index probe per record, whatever the statistics of the churning staging tables say.
// The probe is skipped where the checks already found the key new or the family's id (is_new, family_hint).

/**
 * Upserts the chunk's staged families by No KK (a new one with the id the checks gave it) and records the outcome of
 * each: added, updated (its changed fields go to registry_change, with version + 1) or unchanged (not written at all).
 */
export async function mergeFamilies(trx: Transaction<DB>, batchId: string, chunkNo: number, userId: string | null, plan: FamilyMergePlan): Promise<OutcomeCounts> {
  const insert = raw(list(plan.insert));
  const compare = plan.update;
  const compared = compare.map((c) => c.column);
  const differs = compared.length ? raw(`${tuple('f', compared)} IS DISTINCT FROM ${tuple('s', compared)}`) : sql`false`;
  const result = await sql<{ outcome: Outcome; n: number }>`
    WITH src AS MATERIALIZED (
      SELECT s.*, f.id AS existing_id,
        CASE WHEN f.id IS NULL THEN 'added' WHEN ${differs} THEN 'updated' ELSE 'unchanged' END AS outcome,
        CASE WHEN f.id IS NOT NULL AND ${differs} THEN ${raw(changesJson(compare, 'f', 's'))} END AS changes
      FROM import_stage_family s
      LEFT JOIN LATERAL (SELECT ${raw(['id', ...compared].join(', '))} FROM family WHERE no_kk = s.no_kk AND NOT s.is_new LIMIT 1) f ON true
      WHERE s.batch_id = ${batchId} AND s.chunk_no = ${chunkNo}
    ),
    merged AS (
      INSERT INTO family AS f (id, no_kk, ${insert}, data_source)
      SELECT coalesce(id, gen_random_uuid()), no_kk, ${insert}, 'import' FROM src WHERE outcome <> 'unchanged'
      ${upsertAction('no_kk', 'f', compared)}
    ),
    history AS (
      INSERT INTO registry_change (entity, entity_id, family_id, changes, source, batch_id, user_id)
      SELECT 'family', existing_id, existing_id, changes, 'import', ${batchId}, ${userId} FROM src WHERE outcome = 'updated' AND changes <> '{}'
    ),
    ${recordResults('family')}
    SELECT outcome, count(*)::int AS n FROM results GROUP BY outcome`.execute(trx);
  return outcomeCounts(result.rows);
}

export interface MergedMembers {
  counts: OutcomeCounts;
  /** Families whose members changed (added, updated, or moved in or out): their count and head are refreshed. */
  touchedFamilies: string[];
}

/**
 * Upserts the chunk's staged members by NIK, like mergeFamilies. A member whose No KK changed moves: the open
 * membership is closed and a new one opened, so that the family history keeps who belonged where and when.
 * A staged member whose family is missing (the checks should have rejected it) is recorded rejected, never lost.
 */
export async function mergeMembers(trx: Transaction<DB>, batchId: string, chunkNo: number, userId: string | null, columns: readonly ColumnRef[]): Promise<MergedMembers> {
  const names = raw(list(columns));
  const own = columns.map((c) => c.column);
  const target = 'coalesce(s.family_hint, fam.id)';
  const differs = raw(`(m.family_id, ${own.map((c) => `m.${c}`).join(', ')}) IS DISTINCT FROM (${target}, ${own.map((c) => `s.${c}`).join(', ')})`);
  const movedFrom = `'noKk', CASE WHEN m.family_id <> ${target} THEN jsonb_build_array((SELECT no_kk FROM family WHERE id = m.family_id), s.no_kk) END`;
  const statement = sql<{ outcome: Outcome | null; n: number; touched: string[] | null }>`
    WITH src AS MATERIALIZED (
      SELECT s.*, ${raw(target)} AS family_id, m.id AS existing_id, m.family_id AS previous_family_id,
        CASE WHEN ${raw(target)} IS NULL THEN 'rejected' WHEN m.id IS NULL THEN 'added' WHEN ${differs} THEN 'updated' ELSE 'unchanged' END AS outcome,
        CASE WHEN m.id IS NOT NULL AND ${differs} THEN ${raw(changesJson(columns, 'm', 's', [movedFrom]))} END AS changes
      FROM import_stage_member s
      LEFT JOIN LATERAL (SELECT id FROM family WHERE no_kk = s.no_kk AND s.family_hint IS NULL LIMIT 1) fam ON true
      LEFT JOIN LATERAL (SELECT ${raw(['id', 'family_id', ...own].join(', '))} FROM member WHERE nik = s.nik AND NOT s.is_new LIMIT 1) m ON true
      WHERE s.batch_id = ${batchId} AND s.chunk_no = ${chunkNo}
    ),
    merged AS (
      INSERT INTO member AS m (nik, family_id, ${names})
      SELECT nik, family_id, ${names} FROM src WHERE outcome IN ('added', 'updated')
      ${upsertAction('nik', 'm', ['family_id', ...own])}
      RETURNING m.id, m.family_id, m.relation, (m.xmax = 0) AS inserted
    ),
    moved AS (
      SELECT existing_id AS id, family_id, previous_family_id, relation FROM src WHERE outcome = 'updated' AND family_id <> previous_family_id
    ),
    history AS (
      INSERT INTO registry_change (entity, entity_id, family_id, changes, source, batch_id, user_id)
      SELECT 'member', existing_id, family_id, changes, 'import', ${batchId}, ${userId} FROM src WHERE outcome = 'updated' AND changes <> '{}'
    ),
    closed AS (
      UPDATE family_membership SET end_date = current_date
      WHERE member_id = ANY(ARRAY(SELECT id FROM moved)) AND end_date IS NULL
    ),
    opened AS (
      INSERT INTO family_membership (member_id, family_id, relation)
      SELECT id, family_id, relation FROM merged WHERE inserted
      UNION ALL
      SELECT id, family_id, relation FROM moved
    ),
    ${recordResults('member')},
    touched AS (
      SELECT family_id AS id FROM src WHERE outcome IN ('added', 'updated')
      UNION
      SELECT previous_family_id FROM moved
    )
    SELECT outcome, count(*)::int AS n, NULL::uuid[] AS touched FROM results GROUP BY outcome
    UNION ALL
    SELECT NULL, 0, array_agg(id) FROM touched`;
  const result = await statement.execute(trx);
  const touched = result.rows.find((r) => r.outcome === null)?.touched ?? [];
  return { counts: outcomeCounts(result.rows), touchedFamilies: touched };
}

/**
 * Keeps member count and head name (relation 1) of the given families equal to their members and, when the file
 * has DTSEN's per-person business answers, the family business too (active when a member owns one, turnovers
 * summed; a business an officer marked stalled stays stalled). One pass over each family's members; each change
 * is recorded like any other.
 */
export async function refreshFamiliesFromMembers(
  trx: Transaction<DB>,
  familyIds: string[],
  batchId: string,
  userId: string | null,
  rollUpBusiness: boolean,
): Promise<void> {
  if (familyIds.length === 0) return;
  await sql`
    WITH members_say AS (
      SELECT f.id, f.member_count, f.head_name, f.business_status, f.business_turnover,
        coalesce(a.n, 0)::smallint AS new_member_count,
        coalesce(a.head_name, f.head_name) AS new_head_name,
        ${rollUpBusiness ? sql`coalesce(a.answered, 0)` : sql`0`} AS answered, a.any_owner, a.owners_turnover
      FROM unnest(${familyIds}::uuid[]) AS t(id)
      -- Per family an index probe and one pass over its members, never a scan of the registry (see above).
      CROSS JOIN LATERAL (SELECT * FROM family WHERE id = t.id LIMIT 1) f
      CROSS JOIN LATERAL (
        SELECT count(*) AS n,
          (array_agg(m.name ORDER BY m.created_at, m.nik) FILTER (WHERE m.relation = 1))[1] AS head_name,
          count(m.business_owner) AS answered,
          bool_or(m.business_owner) AS any_owner,
          sum(m.business_turnover) FILTER (WHERE m.business_owner) AS owners_turnover
        FROM member m WHERE m.family_id = f.id
      ) a
    ),
    now_ AS (
      SELECT *,
        CASE WHEN answered = 0 THEN business_status
             WHEN any_owner THEN CASE WHEN business_status = 'stalled' THEN 'stalled' ELSE 'active' END
             ELSE 'none' END AS new_business_status,
        CASE WHEN answered = 0 THEN business_turnover ELSE owners_turnover::bigint END AS new_business_turnover
      FROM members_say
    ),
    differing AS (
      SELECT * FROM now_
      WHERE (member_count, head_name, business_status, business_turnover)
        IS DISTINCT FROM (new_member_count, new_head_name, new_business_status, new_business_turnover)
    ),
    updated AS (
      UPDATE family f SET member_count = d.new_member_count, head_name = d.new_head_name,
        business_status = d.new_business_status, business_turnover = d.new_business_turnover,
        version = f.version + 1, updated_at = now()
      FROM differing d WHERE f.id = d.id AND f.id = ANY(ARRAY(SELECT id FROM differing))
    )
    INSERT INTO registry_change (entity, entity_id, family_id, changes, source, batch_id, user_id)
    SELECT 'family', id, id,
      jsonb_strip_nulls(jsonb_build_object(
        'memberCount', CASE WHEN member_count IS DISTINCT FROM new_member_count THEN jsonb_build_array(member_count, new_member_count) END,
        'headName', CASE WHEN head_name IS DISTINCT FROM new_head_name THEN jsonb_build_array(head_name, new_head_name) END,
        'businessStatus', CASE WHEN business_status IS DISTINCT FROM new_business_status THEN jsonb_build_array(business_status, new_business_status) END,
        'businessTurnover', CASE WHEN business_turnover IS DISTINCT FROM new_business_turnover THEN jsonb_build_array(business_turnover, new_business_turnover) END)),
      'import', ${batchId}, ${userId}
    FROM differing`.execute(trx);
}
