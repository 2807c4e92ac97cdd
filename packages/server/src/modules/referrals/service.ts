import {
  can, referralTransition, type Page, type Referral, type ReferralCounts, type ReferralCreate, type ReferralEvent, type ReferralListQuery,
  type ReferralTransitionInput,
} from '@sinergi/domain';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { notify } from '../notifications/notify.ts';
import { jurisdictionToday, type ProgramContext } from '../programs/context.ts';
import { checkedRegionFilter, regionCondition } from '../programs/preview.ts';
import { audit } from '../programs/service.ts';
import { assertFamilyInReach } from '../registry/edit/guards.ts';
import { assertVisible, sidesOf, visibleReferrals } from './access.ts';
import { toEvent, toReferral } from './present.ts';
import { countReferrals, findReferral, insertEvent, listReferrals, overdueCondition, referralEvents, type ReferralRow } from './queries.ts';
import { insertReferral } from './send.ts';

/** Referral services work with the same context as program services: database, configuration, user, request. */
export type ReferralContext = ProgramContext;

const today = (context: ReferralContext) => jurisdictionToday(context.config.jurisdiction);

async function requireReferral(context: ReferralContext, id: string): Promise<ReferralRow> {
  const row = await findReferral(context.db, id);
  if (!row) throw new AppError('not_found');
  assertVisible(context.user, row);
  return row;
}

function invalidDate(field: string, date: string): AppError {
  return new AppError('referral_date_invalid', { field, date });
}

/** Sends a referral from the user's agency after checking the family, member, enrolment, agency and dates. */
export async function createReferral(context: ReferralContext, input: z.output<typeof ReferralCreate>): Promise<Referral> {
  const { db, user } = context;
  const sentOn = today(context);
  const family = await db.selectFrom('family').select(['id', 'village_code', 'kecamatan_code']).where('id', '=', input.familyId).executeTakeFirst();
  if (!family) throw new AppError('not_found');
  assertFamilyInReach(context.config, user, family.village_code);
  if (input.toAgencyId === user.agencyId) throw new AppError('referral_same_agency');
  if (!(await db.selectFrom('agency').select('id').where('id', '=', input.toAgencyId).executeTakeFirst())) throw new AppError('unknown_agency');
  if (input.memberId) {
    const member = await db.selectFrom('member').select('family_id').where('id', '=', input.memberId).executeTakeFirst();
    if (member?.family_id !== family.id) throw new AppError('referral_member_not_in_family');
  }
  if (input.enrolmentId) {
    const enrolment = await db.selectFrom('program_enrolment').select('family_id').where('id', '=', input.enrolmentId).executeTakeFirst();
    if (enrolment?.family_id !== family.id) throw new AppError('referral_enrolment_mismatch');
  }
  if (input.dueOn && input.dueOn < sentOn) throw invalidDate('dueOn', input.dueOn);
  if (input.sharing.basis === 'consent' && input.sharing.consentOn > sentOn) throw invalidDate('consentOn', input.sharing.consentOn);
  const id = await db.transaction().execute((trx) => insertReferral(trx, {
    familyId: family.id, memberId: input.memberId ?? null, kecamatanCode: family.kecamatan_code, villageCode: family.village_code,
    fromAgencyId: user.agencyId, toAgencyId: input.toAgencyId, services: input.services, note: input.note || null, answerDays: input.answerDays,
    dueOn: input.dueOn ?? null, sharing: input.sharing, enrolmentId: input.enrolmentId ?? null, ruleId: null, sentOn, createdBy: user.id,
  }));
  await audit(context, { action: 'create', entity: 'referral', entityId: id, details: { familyId: family.id, toAgencyId: input.toAgencyId, services: input.services, basis: input.sharing.basis } });
  return toReferral((await findReferral(db, id))!, user, sentOn);
}

/** One referral the user may see; viewing it is a view of the family's data (audited), unmasking needs registry.unmask. */
export async function getReferral(context: ReferralContext, id: string, unmask = false): Promise<Referral> {
  const row = await requireReferral(context, id);
  if (unmask && !can(context.user.role, 'registry.unmask')) throw new AppError('forbidden');
  await audit(context, { action: unmask ? 'unmask' : 'view', entity: 'family', entityId: row.family_id, details: { referralId: id } });
  return toReferral(row, context.user, today(context), unmask);
}

/** The conditions of an inbox box for the user on `day`. */
function boxConditions(context: ReferralContext, box: ReferralListQuery['box'], day: string): RawBuilder<SqlBool>[] {
  const agency = context.user.agencyId;
  if (box === 'received') return [sql<SqlBool>`r.to_agency_id = ${agency}::uuid`];
  if (box === 'sent') return [sql<SqlBool>`r.from_agency_id = ${agency}::uuid`];
  if (box === 'overdue') return [overdueCondition(day)];
  return [];
}

/**
 * A page of referrals in a box (received, sent, overdue, all) the user may see, filtered by status, lateness, region,
 * family or agency; newest first. `day` is today in the jurisdiction unless a test fixes it.
 */
export async function searchReferrals(context: ReferralContext, query: z.output<typeof ReferralListQuery>, day = today(context)): Promise<Page<Referral>> {
  const region = await checkedRegionFilter(context, query.region);
  const where = [...visibleReferrals(context.user), ...boxConditions(context, query.box, day)];
  if (query.status) where.push(sql<SqlBool>`r.status = ${query.status}`);
  if (query.overdue !== undefined) where.push(query.overdue ? overdueCondition(day) : sql<SqlBool>`NOT ${overdueCondition(day)}`);
  if (region) where.push(regionCondition(region, 'r'));
  if (query.familyId) where.push(sql<SqlBool>`r.family_id = ${query.familyId}::uuid`);
  if (query.agencyId) where.push(sql<SqlBool>`(r.from_agency_id = ${query.agencyId}::uuid OR r.to_agency_id = ${query.agencyId}::uuid)`);
  const [rows, total] = await Promise.all([listReferrals(context.db, where, query), countReferrals(context.db, where)]);
  await audit(context, { action: 'view', entity: 'referral_list', details: { ...query, total } });
  return { items: rows.map((row) => toReferral(row, context.user, day)), total, page: query.page, pageSize: query.pageSize };
}

/** Counts for the inbox tabs. */
export async function referralCounts(context: ReferralContext, day = today(context)): Promise<ReferralCounts> {
  const visible = visibleReferrals(context.user);
  const agency = context.user.agencyId;
  const [received, receivedOpen, sent, overdue] = await Promise.all([
    countReferrals(context.db, [...visible, sql<SqlBool>`r.to_agency_id = ${agency}::uuid`]),
    countReferrals(context.db, [...visible, sql<SqlBool>`r.to_agency_id = ${agency}::uuid AND r.status IN ('sent', 'accepted')`]),
    countReferrals(context.db, [...visible, sql<SqlBool>`r.from_agency_id = ${agency}::uuid`]),
    countReferrals(context.db, [...visible, overdueCondition(day)]),
  ]);
  return { received, receivedOpen, sent, overdue };
}

export async function referralHistory(context: ReferralContext, id: string): Promise<ReferralEvent[]> {
  const row = await requireReferral(context, id);
  await audit(context, { action: 'view', entity: 'family', entityId: row.family_id, details: { referralId: id, history: true } });
  return (await referralEvents(context.db, [id])).map(toEvent);
}

const NOTICE_OF = { accept: 'referral.accepted', decline: 'referral.declined', serve: 'referral.served', not_serve: 'referral.not_served', withdraw: 'referral.withdrawn' } as const;

/**
 * One step of the lifecycle by the side allowed to take it (the receiver answers and closes, the sender withdraws),
 * with a version check, its history row and a notification to the other agency.
 */
export async function transitionReferral(context: ReferralContext, id: string, input: ReferralTransitionInput): Promise<Referral> {
  const { user } = context;
  const row = await requireReferral(context, id);
  const transition = referralTransition(row.status, input.action);
  if (!transition) throw new AppError('referral_transition_invalid', { from: row.status, action: input.action });
  if (!sidesOf(user, row).includes(transition.side)) {
    if (transition.side === 'receiver') throw new AppError('referral_not_receiver', { agency: row.to_agency_short_name });
    throw new AppError('referral_not_sender', { agency: row.from_agency_short_name });
  }
  if (input.version !== undefined && input.version !== row.version) throw new AppError('conflict');
  const text = input.action === 'accept' ? (input.note || null) : input.action === 'serve' ? input.outcome : input.reason;
  const now = new Date();
  const answering = input.action === 'accept' || input.action === 'decline';
  const closing = transition.to !== 'accepted';
  await context.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('referral')
      .set({
        status: transition.to, version: row.version + 1, updated_at: now,
        ...(answering ? { answered_at: now } : {}), ...(closing ? { closed_at: now } : {}),
        ...(input.action === 'serve' ? { outcome: input.outcome } : input.action === 'accept' ? {} : { reason: input.reason }),
      })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('conflict');
    const actingAgency = transition.side === 'receiver' ? row.to_agency_id : row.from_agency_id;
    await insertEvent(trx, { referral_id: id, action: input.action, from_status: row.status, to_status: transition.to, text, user_id: user.id, agency_id: actingAgency });
    const otherAgency = transition.side === 'receiver' ? row.from_agency_id : row.to_agency_id;
    const actor = transition.side === 'receiver' ? row.to_agency_short_name : row.from_agency_short_name;
    await notify(trx, { agencyId: otherAgency, kind: NOTICE_OF[input.action], link: `/rujukan/${id}`, params: { agency: actor } });
  });
  await audit(context, { action: 'update', entity: 'referral', entityId: id, details: { familyId: row.family_id, from: row.status, to: transition.to, action: input.action } });
  return toReferral((await findReferral(context.db, id))!, user, today(context));
}
