import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { FamilyMergePlan } from './columns.ts';

/**
 * The set-based merge of one staged chunk, run inside the chunk's transaction. Each statement reads the staging
 * rows once and reaches the registry only through its unique indexes (no_kk, nik, id), so a chunk costs the same
 * whether the registry holds a thousand families or a million.
 */

/** A registry column and the field name it goes by in change history. */
interface ColumnRef {
  field: string;
  column: string;
}

const raw = (text: string) => sql.raw(text);
const list = (columns: readonly ColumnRef[], prefix = '') => columns.map((c) => `${prefix}${c.column}`).join(', ');

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
        WHERE (${targets.map((t) => `${alias}.${t}`).join(', ')}) IS DISTINCT FROM (${targets.map((t) => `excluded.${t}`).join(', ')})`);
}

export interface Merged {
  key: string;
  id: string;
  inserted: boolean;
}

/**
 * Upserts the chunk's families by No KK. Returned: the added and the updated ones (a staged No KK missing from the
 * result was unchanged). Each update's changed fields go to registry_change, with version + 1.
 */
export async function mergeFamilies(trx: Transaction<DB>, batchId: string, chunkNo: number, userId: string | null, plan: FamilyMergePlan): Promise<Merged[]> {
  const insert = raw(list(plan.insert));
  const compare = plan.update;
  const result = await sql<Merged>`
    WITH src AS (
      SELECT * FROM import_stage_family WHERE batch_id = ${batchId} AND chunk_no = ${chunkNo}
    ),
    changed AS (
      SELECT f.id, ${raw(changesJson(compare, 'f', 'src'))} AS changes
      FROM src JOIN family f ON f.no_kk = src.no_kk
    ),
    merged AS (
      INSERT INTO family AS f (no_kk, ${insert}, data_source)
      SELECT no_kk, ${insert}, 'import' FROM src
      ${upsertAction('no_kk', 'f', compare.map((c) => c.column))}
      RETURNING f.id, f.no_kk, (f.xmax = 0) AS inserted
    ),
    history AS (
      INSERT INTO registry_change (entity, entity_id, family_id, changes, source, batch_id, user_id)
      SELECT 'family', id, id, changes, 'import', ${batchId}, ${userId} FROM changed WHERE changes <> '{}'
    )
    SELECT no_kk AS key, id, inserted FROM merged`.execute(trx);
  return result.rows;
}

export interface MergedMember extends Merged {
  familyId: string;
  /** Set on a member that moved here from another family. */
  previousFamilyId: string | null;
}

/**
 * Upserts the chunk's members by NIK, like mergeFamilies. A member whose No KK changed moves: the open membership
 * is closed and a new one opened, so that the family history keeps who belonged where and when.
 */
export async function mergeMembers(trx: Transaction<DB>, batchId: string, chunkNo: number, userId: string | null, columns: readonly ColumnRef[]): Promise<MergedMember[]> {
  const names = raw(list(columns));
  const result = await sql<{ key: string; id: string; inserted: boolean; family_id: string; previous_family_id: string | null }>`
    WITH src AS (
      SELECT s.*, f.id AS family_id
      FROM import_stage_member s JOIN family f ON f.no_kk = s.no_kk
      WHERE s.batch_id = ${batchId} AND s.chunk_no = ${chunkNo}
    ),
    changed AS (
      SELECT m.id, m.nik, src.family_id, src.relation, m.family_id AS previous_family_id,
        ${raw(changesJson(columns, 'm', 'src', ["'noKk', CASE WHEN m.family_id <> src.family_id THEN jsonb_build_array(old.no_kk, src.no_kk) END"]))} AS changes
      FROM src JOIN member m ON m.nik = src.nik JOIN family old ON old.id = m.family_id
    ),
    merged AS (
      INSERT INTO member AS m (nik, family_id, ${names})
      SELECT nik, family_id, ${names} FROM src
      ${upsertAction('nik', 'm', ['family_id', ...columns.map((c) => c.column)])}
      RETURNING m.id, m.nik, m.family_id, m.relation, (m.xmax = 0) AS inserted
    ),
    history AS (
      INSERT INTO registry_change (entity, entity_id, family_id, changes, source, batch_id, user_id)
      SELECT 'member', id, family_id, changes, 'import', ${batchId}, ${userId} FROM changed WHERE changes <> '{}'
    ),
    closed AS (
      UPDATE family_membership fm SET end_date = current_date
      FROM changed
      WHERE changed.family_id <> changed.previous_family_id AND fm.member_id = changed.id AND fm.end_date IS NULL
    ),
    opened AS (
      INSERT INTO family_membership (member_id, family_id, relation)
      SELECT id, family_id, relation FROM merged WHERE inserted
      UNION ALL
      SELECT id, family_id, relation FROM changed WHERE family_id <> previous_family_id
    )
    SELECT nik AS key, id, inserted, family_id, NULL::uuid AS previous_family_id FROM merged
    UNION ALL
    SELECT nik, id, false, family_id, previous_family_id FROM changed WHERE family_id <> previous_family_id`.execute(trx);
  // A moved member appears twice (merged and moved); fold the previous family into its merged row.
  const byKey = new Map<string, MergedMember>();
  for (const row of result.rows) {
    const entry = byKey.get(row.key) ?? { key: row.key, id: row.id, inserted: row.inserted, familyId: row.family_id, previousFamilyId: null };
    if (row.previous_family_id) entry.previousFamilyId = row.previous_family_id;
    else entry.inserted = row.inserted;
    byKey.set(row.key, entry);
  }
  return [...byKey.values()];
}

/**
 * Keeps member count and head name (relation 1) of the given families equal to their members and, when the file
 * has DTSEN's per-person business answers, the family business too (active when a member owns one, turnovers
 * summed; a business an officer marked stalled stays stalled). Each change is recorded like any other.
 */
export async function refreshFamiliesFromMembers(
  trx: Transaction<DB>,
  familyIds: string[],
  batchId: string,
  userId: string | null,
  rollUpBusiness: boolean,
): Promise<void> {
  if (familyIds.length === 0) return;
  const business = rollUpBusiness
    ? sql`, (SELECT count(m.business_owner) FROM member m WHERE m.family_id = f.id) AS answered,
           (SELECT bool_or(m.business_owner) FROM member m WHERE m.family_id = f.id) AS any_owner,
           (SELECT sum(m.business_turnover) FROM member m WHERE m.family_id = f.id AND m.business_owner) AS owners_turnover`
    : sql`, 0 AS answered, false AS any_owner, NULL::bigint AS owners_turnover`;
  await sql`
    WITH members_say AS (
      SELECT f.id, f.member_count, f.head_name, f.business_status, f.business_turnover,
        (SELECT count(*) FROM member m WHERE m.family_id = f.id)::smallint AS new_member_count,
        coalesce(
          (SELECT m.name FROM member m WHERE m.family_id = f.id AND m.relation = 1 ORDER BY m.created_at, m.nik LIMIT 1),
          f.head_name) AS new_head_name
        ${business}
      FROM family f WHERE f.id = ANY(${familyIds}::uuid[])
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
      FROM differing d WHERE f.id = d.id
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
