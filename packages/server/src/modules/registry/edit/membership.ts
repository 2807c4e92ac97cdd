import {
  diffFields, localIsoDate, type ChangeValue, type FieldChanges, type MemberAddBody, type MemberEditResult, type MemberEndBody, type MemberMoveBody,
} from '@sinergi/domain';
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/record.ts';
import type { RegistryContext } from '../service.ts';
import { refusingDuplicates } from './family-edit.ts';
import { assertFamilyInReach } from './guards.ts';
import { assertNikFree, identityWarnings, lockMemberAndFamily, memberConflict, memberResult } from './member-edit.ts';
import {
  endMembership, lockFamily, lockMember, openMembership, recordChange, refreshFamilySummary, startMembership, updateMemberAtVersion,
} from './queries.ts';
import { MEMBER_EDIT_COLUMNS, blanksToNull, columnValues } from './records.ts';

const today = () => localIsoDate(new Date());

/** A membership cannot end before it began; the form is told which date to correct. */
function assertNotBefore(date: string, start: string | undefined): void {
  if (start !== undefined && date < start) {
    throw new AppError('validation_failed', {}, [{ path: '/date', message: `${date} < ${start}` }]);
  }
}

/** The values given for a new record as changes from nothing; empty values and empty lists are no entry. */
function enteredValues(input: Record<string, unknown>): FieldChanges {
  const entered = diffFields({}, input as Record<string, ChangeValue>);
  return Object.fromEntries(Object.entries(entered).filter(([, [, value]]) => !(Array.isArray(value) && value.length === 0)));
}

/** Adds a person to a family card: a new member with an open membership from `startDate`; NIK must be new to the registry. */
export async function addMember(context: RegistryContext, familyId: string, body: MemberAddBody): Promise<MemberEditResult> {
  const { db, config, user, request } = context;
  const input = blanksToNull(body.member);
  const outcome = await refusingDuplicates(() =>
    db.transaction().execute(async (trx) => {
      const family = await lockFamily(trx, familyId);
      if (!family) throw new AppError('not_found');
      assertFamilyInReach(config, user, family.village_code);
      await assertNikFree(trx, context, input.nik);
      // A new member's history starts with every value entered, so that the record shows who entered what.
      const entered = enteredValues(input);
      const member = await trx
        .insertInto('member')
        .values({ ...columnValues(entered, MEMBER_EDIT_COLUMNS), nik: input.nik, name: input.name, family_id: familyId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await startMembership(trx, member.id, familyId, member.relation, body.startDate ?? today());
      await recordChange(trx, { entity: 'member', entityId: member.id, familyId, changes: entered, userId: user.id });
      const summary = await refreshFamilySummary(trx, familyId, user.id);
      await recordAudit(trx, request, { action: 'create', entity: 'member', entityId: member.id, details: { familyId } });
      return { member, summary };
    }),
  );
  const warnings = [...(await identityWarnings(db, outcome.member)), ...outcome.summary.warnings];
  return memberResult(outcome.member, outcome.summary.version, Object.keys(body.member), warnings);
}

/** Both families locked in one order (by id) whichever way a member moves, so that two opposite moves cannot deadlock. */
async function lockBoth(trx: Transaction<DB>, a: string, b: string) {
  const [first, second] = a < b ? [a, b] : [b, a];
  const locked = new Map([[first, await lockFamily(trx, first)], [second, await lockFamily(trx, second)]]);
  return { from: locked.get(a), to: locked.get(b) };
}

/**
 * Moves a member to another family card on `date`: the old membership ends ('moved'), a new one starts, the member's
 * No KK change is recorded, and both families' member count and head follow. A member who left may rejoin this way.
 */
export async function moveMember(context: RegistryContext, memberId: string, body: MemberMoveBody): Promise<MemberEditResult> {
  const { db, config, user, request } = context;
  const date = body.date ?? today();
  const outcome = await db.transaction().execute(async (trx) => {
    const member = await lockMember(trx, memberId);
    if (!member) throw new AppError('not_found');
    const { from, to } = await lockBoth(trx, member.family_id, body.familyId);
    if (!from || !to) throw new AppError('not_found');
    assertFamilyInReach(config, user, from.village_code);
    assertFamilyInReach(config, user, to.village_code);
    if (member.version !== body.version) throw memberConflict(member);
    if (member.status === 'deceased') throw new AppError('member_not_active');
    if (member.status === 'active' && from.id === to.id) throw new AppError('member_already_in_family');
    const open = await openMembership(trx, memberId);
    assertNotBefore(date, open?.start_date);
    if (member.status === 'active') {
      const recordedOn = localIsoDate(new Date(member.created_at));
      await endMembership(trx, { memberId, familyId: from.id, relation: member.relation, recordedOn, date, reason: 'moved' }, open);
    }
    const relation = body.relation ?? member.relation;
    const updated = await updateMemberAtVersion(trx, memberId, body.version, { family_id: to.id, relation, status: 'active' });
    if (!updated) throw memberConflict(member);
    await startMembership(trx, memberId, to.id, relation, date);
    const changes: FieldChanges = {};
    if (from.id !== to.id) changes.noKk = [from.no_kk, to.no_kk];
    if (relation !== member.relation) changes.relation = [member.relation, relation];
    if (member.status !== 'active') changes.status = [member.status, 'active'];
    await recordChange(trx, { entity: 'member', entityId: memberId, familyId: to.id, changes, userId: user.id });
    const left = from.id === to.id ? null : await refreshFamilySummary(trx, from.id, user.id);
    const joined = await refreshFamilySummary(trx, to.id, user.id);
    await recordAudit(trx, request, { action: 'update', entity: 'member', entityId: memberId, details: { move: { from: from.id, to: to.id, date } } });
    return { member: updated, version: joined.version, fields: Object.keys(changes), warnings: [...(left?.warnings ?? []), ...joined.warnings] };
  });
  return memberResult(outcome.member, outcome.version, outcome.fields, outcome.warnings);
}

/** Records that a member died or left the family on `date`: the membership ends with that reason and the member stops counting. */
export async function endMember(context: RegistryContext, memberId: string, body: MemberEndBody): Promise<MemberEditResult> {
  const { db, user, request } = context;
  const date = body.date ?? today();
  const outcome = await db.transaction().execute(async (trx) => {
    const { member, family } = await lockMemberAndFamily(trx, context, memberId);
    if (member.version !== body.version) throw memberConflict(member);
    if (member.status !== 'active') throw new AppError('member_not_active');
    const open = await openMembership(trx, memberId);
    assertNotBefore(date, open?.start_date);
    const recordedOn = localIsoDate(new Date(member.created_at));
    await endMembership(trx, { memberId, familyId: family.id, relation: member.relation, recordedOn, date, reason: body.reason }, open);
    const updated = await updateMemberAtVersion(trx, memberId, body.version, { status: body.reason });
    if (!updated) throw memberConflict(member);
    await recordChange(trx, { entity: 'member', entityId: memberId, familyId: family.id, changes: { status: ['active', body.reason] }, userId: user.id });
    const summary = await refreshFamilySummary(trx, family.id, user.id);
    await recordAudit(trx, request, { action: 'update', entity: 'member', entityId: memberId, details: { end: { reason: body.reason, date }, familyId: family.id } });
    return { member: updated, summary };
  });
  return memberResult(outcome.member, outcome.summary.version, ['status'], outcome.summary.warnings);
}
