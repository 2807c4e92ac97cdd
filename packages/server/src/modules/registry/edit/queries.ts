import { RELATION, diffFields, editWarning, type ChangeValue, type EditWarningItem, type FieldChanges, type MembershipEndReason } from '@sinergi/domain';
import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { DB, FamilyTable, MemberTable } from '../../../db/schema/index.ts';

/** Registry writes of the edit path. Every function takes the caller's transaction: edits lock, compare, write and record together. */

/** The family row, locked until the transaction ends so that concurrent edits queue instead of interleaving. */
export async function lockFamily(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('family').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function lockMember(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('member').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export type LockedFamily = NonNullable<Awaited<ReturnType<typeof lockFamily>>>;
export type LockedMember = NonNullable<Awaited<ReturnType<typeof lockMember>>>;

/**
 * UPDATE … WHERE id = $1 AND version = $2: the write happens only on the version the editor started from,
 * and moves the version on. Undefined when the version no longer matches (someone else saved first).
 */
export async function updateFamilyAtVersion(trx: Transaction<DB>, id: string, version: number, values: Record<string, ChangeValue>) {
  return trx
    .updateTable('family')
    .set({ ...(values as Updateable<FamilyTable>), version: version + 1, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function updateMemberAtVersion(trx: Transaction<DB>, id: string, version: number, values: Record<string, ChangeValue>) {
  return trx
    .updateTable('member')
    .set({ ...(values as Updateable<MemberTable>), version: version + 1, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** A NIK or No KK held by another record (unique in the registry). */
export async function familyWithNoKk(db: Kysely<DB>, noKk: string) {
  return db.selectFrom('family').select(['id', 'village_code']).where('no_kk', '=', noKk).executeTakeFirst();
}

export async function memberWithNik(db: Kysely<DB>, nik: string) {
  return db
    .selectFrom('member')
    .innerJoin('family', 'family.id', 'member.family_id')
    .select(['member.id', 'member.family_id', 'family.village_code'])
    .where('member.nik', '=', nik)
    .executeTakeFirst();
}

export interface ChangeRecord {
  entity: 'family' | 'member';
  entityId: string;
  familyId: string;
  changes: FieldChanges;
  userId: string;
}

/** One row of field-level history, source 'edit'. */
export async function recordChange(trx: Transaction<DB>, change: ChangeRecord): Promise<void> {
  await trx
    .insertInto('registry_change')
    .values({
      entity: change.entity,
      entity_id: change.entityId,
      family_id: change.familyId,
      changes: JSON.stringify(change.changes),
      source: 'edit',
      user_id: change.userId,
    })
    .execute();
}

export interface FamilySummary {
  version: number;
  warnings: EditWarningItem[];
}

/**
 * Keeps member count and head name equal to the family's current members (the head: the earliest recorded member
 * with relation 1, as the import decides), recording the change like any other. Warns when the family has no head
 * or several after the change.
 */
export async function refreshFamilySummary(trx: Transaction<DB>, familyId: string, userId: string): Promise<FamilySummary> {
  const family = await trx.selectFrom('family').select(['member_count', 'head_name', 'version']).where('id', '=', familyId).forUpdate().executeTakeFirstOrThrow();
  const members = await trx
    .selectFrom('member')
    .select(['name', 'relation'])
    .where('family_id', '=', familyId)
    .where('status', '=', 'active')
    .orderBy('created_at')
    .orderBy('nik')
    .execute();
  const heads = members.filter((m) => m.relation === RELATION.head);
  const warnings: EditWarningItem[] = [];
  if (heads.length > 1) warnings.push(editWarning('relation', 'several_heads', { count: heads.length }));
  if (heads.length === 0 && members.length > 0) warnings.push(editWarning('relation', 'no_head'));
  // Without a current head the card still carries the last head's name until a new head is set.
  const next = { memberCount: members.length, headName: heads[0]?.name ?? family.head_name };
  const changes = diffFields({ memberCount: family.member_count, headName: family.head_name }, next);
  if (Object.keys(changes).length === 0) return { version: family.version, warnings };
  const updated = await trx
    .updateTable('family')
    .set({ member_count: next.memberCount, head_name: next.headName, version: family.version + 1, updated_at: sql<Date>`now()` })
    .where('id', '=', familyId)
    .returning('version')
    .executeTakeFirstOrThrow();
  await recordChange(trx, { entity: 'family', entityId: familyId, familyId, changes, userId });
  return { version: updated.version, warnings };
}

/** The member's open membership (end_date NULL), if the registry has one. */
export async function openMembership(trx: Transaction<DB>, memberId: string) {
  return trx
    .selectFrom('family_membership')
    .select(['id', 'family_id', 'start_date'])
    .where('member_id', '=', memberId)
    .where('end_date', 'is', null)
    .orderBy('start_date', 'desc')
    .forUpdate()
    .executeTakeFirst();
}

export interface MembershipEnd {
  memberId: string;
  familyId: string;
  relation: number | null;
  /** When the member was first recorded: the start of a membership the registry never wrote down. */
  recordedOn: string;
  date: string;
  reason: MembershipEndReason;
}

/**
 * Ends the member's open membership. Members recorded before memberships were kept have none: one is written
 * for the time they were on record, so that the history still shows where they were.
 */
export async function endMembership(trx: Transaction<DB>, end: MembershipEnd, open: { id: string } | undefined): Promise<void> {
  if (open) {
    await trx.updateTable('family_membership').set({ end_date: end.date, end_reason: end.reason }).where('id', '=', open.id).execute();
    return;
  }
  await trx
    .insertInto('family_membership')
    .values({
      member_id: end.memberId,
      family_id: end.familyId,
      relation: end.relation,
      start_date: end.recordedOn < end.date ? end.recordedOn : end.date,
      end_date: end.date,
      end_reason: end.reason,
    })
    .execute();
}

export async function startMembership(trx: Transaction<DB>, memberId: string, familyId: string, relation: number | null, date: string): Promise<void> {
  await trx.insertInto('family_membership').values({ member_id: memberId, family_id: familyId, relation, start_date: date }).execute();
}
