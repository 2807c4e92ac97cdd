import { sql, type Selectable, type Transaction } from 'kysely';
import type { DB, MemberTable } from '../../../db/schema/index.ts';
import { MEMBER_EDIT_COLUMNS, memberFields } from '../edit/records.ts';

/** The steps of a merge, each inside the merge's transaction. */

export type MemberRecord = Selectable<MemberTable> & { no_kk: string; village_code: string };

/** What the kept member lacks and the removed one knew: filled in, never overwritten. */
const FILLABLE = ['birth_date', 'sex', 'relation', 'marital_status', 'schooling', 'education', 'work_status', 'work_sector', 'chronic_illness', 'disabilities', 'ppks', 'special_status'] as const;

const isEmpty = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);

export async function lockMembers(trx: Transaction<DB>, ids: string[]): Promise<MemberRecord[]> {
  return trx
    .selectFrom('member as m')
    .innerJoin('family as f', 'f.id', 'm.family_id')
    .selectAll('m')
    .select(['f.no_kk', 'f.village_code'])
    .where('m.id', 'in', ids)
    .orderBy('m.id')
    .forUpdate()
    .execute();
}

/**
 * The removed member's memberships become the kept member's history. Afterwards the kept member has at most one
 * open membership, in its current family; others (the removed record's card) end today.
 */
export async function moveMemberships(trx: Transaction<DB>, removed: MemberRecord, kept: MemberRecord): Promise<void> {
  await trx.updateTable('family_membership').set({ member_id: kept.id }).where('member_id', '=', removed.id).execute();
  await sql`
    UPDATE family_membership fm SET end_date = greatest(current_date, fm.start_date)
    WHERE fm.member_id = ${kept.id} AND fm.end_date IS NULL
      AND (fm.family_id <> ${kept.family_id} OR fm.id <> (
        SELECT first.id FROM family_membership first
        WHERE first.member_id = ${kept.id} AND first.end_date IS NULL AND first.family_id = ${kept.family_id}
        ORDER BY first.start_date, first.id LIMIT 1))`.execute(trx);
}

/** Fills the kept member's empty fields from the removed one; returns {field: [old, new]} of what changed. */
export async function fillKeptMember(trx: Transaction<DB>, removed: MemberRecord, kept: MemberRecord): Promise<Record<string, [unknown, unknown]>> {
  const set: Record<string, unknown> = {};
  const changes: Record<string, [unknown, unknown]> = {};
  for (const column of FILLABLE) {
    if (isEmpty(kept[column]) && !isEmpty(removed[column])) {
      set[column] = removed[column];
      const field = Object.entries(MEMBER_EDIT_COLUMNS).find(([, c]) => c === column)?.[0] ?? column;
      changes[field] = [kept[column], removed[column]];
    }
  }
  await trx
    .updateTable('member')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', kept.id)
    .execute();
  return changes;
}

/** The removed member's whole row as history ({field: [value, null]}), so that deleting the row loses nothing. */
export function removedSnapshot(removed: MemberRecord, keptId: string): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(memberFields(removed))) changes[field] = [value, null];
  changes.status = [removed.status, null];
  changes.familyId = [removed.family_id, null];
  changes.noKk = [removed.no_kk, null];
  changes.villageCode = [removed.village_code, null];
  changes.createdAt = [new Date(removed.created_at).toISOString(), null];
  changes.mergedInto = [null, keptId];
  return changes;
}

export async function recordMergeChange(
  trx: Transaction<DB>,
  entry: { entity: 'member' | 'family'; entityId: string; familyId: string; changes: Record<string, unknown>; userId: string },
): Promise<void> {
  await trx
    .insertInto('registry_change')
    .values({ entity: entry.entity, entity_id: entry.entityId, family_id: entry.familyId, changes: JSON.stringify(entry.changes), source: 'merge', user_id: entry.userId })
    .execute();
}

/**
 * Other pairs of the removed member: open ones are dropped (the next scan proposes them again against the kept
 * member if they still match); a "distinct" decision carries over to the kept member, also deciding an open pair
 * of the kept member with the same person; earlier merges into the removed member now point at the kept one, so
 * that every merged NIK resolves in one step.
 */
export async function carryOverPairs(trx: Transaction<DB>, candidateId: string, removedId: string, keptId: string): Promise<void> {
  await trx
    .deleteFrom('duplicate_candidate')
    .where('status', '=', 'open')
    .where('id', '<>', candidateId)
    .where((eb) => eb.or([eb('member_a', '=', removedId), eb('member_b', '=', removedId)]))
    .execute();
  await sql`
    INSERT INTO duplicate_candidate (member_a, member_b, village_code, score, reasons, status, decided_by, decided_at, note)
    SELECT least(other, ${keptId}::uuid), greatest(other, ${keptId}::uuid), c.village_code, c.score, c.reasons, 'distinct', c.decided_by, c.decided_at,
      'Diwarisi dari keputusan ' || c.id::text || coalesce(': ' || c.note, '')
    FROM duplicate_candidate c
    CROSS JOIN LATERAL (SELECT CASE WHEN c.member_a = ${removedId}::uuid THEN c.member_b ELSE c.member_a END AS other) o
    WHERE c.status = 'distinct' AND (c.member_a = ${removedId}::uuid OR c.member_b = ${removedId}::uuid) AND o.other <> ${keptId}::uuid
    ON CONFLICT (member_a, member_b) DO UPDATE
      SET status = 'distinct', decided_by = excluded.decided_by, decided_at = excluded.decided_at, note = excluded.note
      WHERE duplicate_candidate.status = 'open'`.execute(trx);
  await trx.updateTable('duplicate_candidate').set({ kept_member_id: keptId }).where('kept_member_id', '=', removedId).execute();
}

/** Keeps member_count of the families equal to their members after the removal, recording the change. */
export async function recountFamilies(trx: Transaction<DB>, familyIds: string[], userId: string): Promise<void> {
  const rows = await trx
    .selectFrom('family as f')
    .select(['f.id', 'f.member_count', (eb) => eb.selectFrom('member as m').select(sql<number>`count(*)::int`.as('n')).whereRef('m.family_id', '=', 'f.id').as('actual')])
    .where('f.id', 'in', [...new Set(familyIds)])
    .execute();
  for (const row of rows) {
    const actual = row.actual ?? 0;
    if (actual === row.member_count) continue;
    await trx
      .updateTable('family')
      .set({ member_count: actual, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', row.id)
      .execute();
    await recordMergeChange(trx, { entity: 'family', entityId: row.id, familyId: row.id, changes: { memberCount: [row.member_count, actual] }, userId });
  }
}
