import {
  can, completionOf, maskBirthDate, SPECIFIC_TRAINING_TARGET_GROUPS, maskIdNumber, targetGroupOf, type TrainingAttendanceInput, type TrainingCandidate, type TrainingCandidateQuery, type TrainingParticipant, type TrainingTargetGroup,
  type TrainingParticipantAdd, type TrainingParticipantList, type TrainingParticipantUpdate,
} from '@sinergi/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { SessionUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { assertInScope } from '../../http/scope.ts';
import { familyScopeCondition } from '../registry/scope-filter.ts';
import { requireCohort, requireOpenCohort } from './cohort-service.ts';
import { audit, type TrainingContext } from './context.ts';
import { candidateRows, participantRows, type CandidateRow, type ParticipantRow } from './participant-queries.ts';
import { cohortSessions, type CohortRow } from './queries.ts';

type AddValues = z.output<typeof TrainingParticipantAdd>;

function groupsOf(row: CandidateRow): TrainingCandidate['groups'] {
  const groups: TrainingCandidate['groups'] = [];
  if (row.inmate) groups.push('inmate');
  if (row.disability) groups.push('disability');
  if (row.business_family) groups.push('business_family');
  return groups;
}

/** People of the registry in the user's scope who could join the cohort, with the target groups they belong to. */
export async function searchCandidates(context: TrainingContext, cohortId: string, query: TrainingCandidateQuery): Promise<TrainingCandidate[]> {
  await requireOpenCohort(context, cohortId);
  const rows = await candidateRows(context.db, cohortId, query, familyScopeCondition(context.user, 'f'));
  return rows.map((row) => ({
    memberId: row.member_id, familyId: row.family_id, name: row.name, nik: maskIdNumber(row.nik), sex: row.sex, birthDate: maskBirthDate(row.birth_date),
    villageName: row.village_name, kecamatanName: row.kecamatan_name, groups: groupsOf(row),
    suggestedGroup: targetGroupOf({ inmate: row.inmate, disability: row.disability, businessFamily: row.business_family }), enrolled: row.enrolled,
  }));
}

/** The participant's group, or null when it is specific personal data the user may not see (UU PDP). */
function visibleTargetGroup(group: TrainingTargetGroup, user: SessionUser): TrainingTargetGroup | null {
  return SPECIFIC_TRAINING_TARGET_GROUPS.includes(group) && !can(user.role, 'registry.unmask') ? null : group;
}

function toParticipant(row: ParticipantRow, sessions: number, minAttendancePercent: number, user: SessionUser): TrainingParticipant {
  const attended = row.outcome === null ? row.present_session_ids.length : (row.attended_sessions ?? 0);
  const sessionCount = row.outcome === null ? sessions : (row.session_count ?? 0);
  const completion = completionOf({ sessions: sessionCount, attended, passed: row.passed, withdrawn: row.withdrawn, minAttendancePercent });
  return {
    id: row.id, memberId: row.member_id, familyId: row.family_id, name: row.name, nik: maskIdNumber(row.nik), sex: row.sex, villageName: row.village_name,
    kecamatanName: row.kecamatan_name, targetGroup: visibleTargetGroup(row.target_group, user), referralId: row.referral_id, referredByAgencyShortName: row.referred_by,
    withdrawn: row.withdrawn, passed: row.passed, presentSessionIds: row.present_session_ids, attended, attendancePercent: completion.attendancePercent,
    completion: { outcome: completion.outcome, reasons: completion.reasons }, outcome: row.outcome, certificateNumber: row.certificate_number,
  };
}

/** The cohort's participants in the user's region scope, by name, with attendance and what the completion rule says. */
export async function listParticipants(context: TrainingContext, cohortId: string): Promise<TrainingParticipantList> {
  const cohort = await requireCohort(context.db, cohortId);
  const sessions = (await cohortSessions(context.db, cohortId)).length;
  const scope = familyScopeCondition(context.user, 'f');
  let query = participantRows(context.db).where('p.cohort_id', '=', cohortId);
  if (scope) query = query.where(scope);
  const rows = await query.orderBy('m.name').orderBy('p.id').execute();
  const total = await context.db.selectFrom('training_participant').select(sql<number>`count(*)::int`.as('n')).where('cohort_id', '=', cohortId).executeTakeFirstOrThrow();
  await audit(context, { action: 'view', entity: 'training_cohort', entityId: cohortId, details: { section: 'participants', rows: rows.length } });
  return { items: rows.map((row) => toParticipant(row, sessions, cohort.min_attendance_percent, context.user)), outsideScope: total.n - rows.length };
}

async function participantView(context: TrainingContext, cohort: CohortRow, participantId: string): Promise<TrainingParticipant> {
  const row = await participantRows(context.db).where('p.id', '=', participantId).executeTakeFirstOrThrow();
  const sessions = (await cohortSessions(context.db, cohort.id)).length;
  return toParticipant(row, sessions, cohort.min_attendance_percent, context.user);
}

/** A referral must be addressed to the course's agency and concern the person's family; its sender is recorded. */
async function referralSender(context: TrainingContext, referralId: string, cohort: CohortRow, familyId: string): Promise<string> {
  const referral = await context.db.selectFrom('referral').select(['from_agency_id', 'to_agency_id', 'family_id']).where('id', '=', referralId).executeTakeFirst();
  if (!referral || referral.to_agency_id !== cohort.agency_id || referral.family_id !== familyId) {
    throw new AppError('validation_failed', {}, [{ path: '/referralId', message: 'rujukan tidak sesuai / referral does not match this person and agency' }]);
  }
  return referral.from_agency_id;
}

/**
 * Adds a person of the registry (in the user's scope) to an open cohort while seats remain (409 training_cohort_full).
 * The target group is worked out from the registry unless given.
 */
export async function addParticipant(context: TrainingContext, cohortId: string, input: AddValues): Promise<TrainingParticipant> {
  const cohort = await requireOpenCohort(context, cohortId);
  const [candidate] = await candidateRows(context.db, cohortId, { limit: 1 }, null, input.memberId);
  if (!candidate) throw new AppError('not_found');
  assertInScope(context.user, candidate.village_code);
  if (candidate.enrolled) throw new AppError('training_participant_duplicate');
  const referredBy = input.referralId ? await referralSender(context, input.referralId, cohort, candidate.family_id) : input.referredByAgencyId;
  const targetGroup = input.targetGroup ?? targetGroupOf({ inmate: candidate.inmate, disability: candidate.disability, businessFamily: candidate.business_family });
  const id = await context.db.transaction().execute(async (trx) => {
    // The cohort row is locked so that two operators filling the last seat at once cannot both succeed.
    const locked = await trx.selectFrom('training_cohort').select('seats').where('id', '=', cohortId).forUpdate().executeTakeFirstOrThrow();
    const taken = await trx.selectFrom('training_participant').select(sql<number>`count(*)::int`.as('n')).where('cohort_id', '=', cohortId).where('withdrawn', '=', false).executeTakeFirstOrThrow();
    if (taken.n >= locked.seats) throw new AppError('training_cohort_full', { seats: locked.seats });
    const row = await trx
      .insertInto('training_participant')
      .values({
        cohort_id: cohortId, member_id: candidate.member_id, family_id: candidate.family_id, target_group: targetGroup, referral_id: input.referralId,
        referred_by_agency_id: referredBy, created_by: context.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  await audit(context, { action: 'create', entity: 'training_participant', entityId: id, details: { cohortId, memberId: input.memberId, targetGroup } });
  return participantView(context, cohort, id);
}

async function requireParticipant(context: TrainingContext, cohortId: string, participantId: string) {
  const row = await context.db
    .selectFrom('training_participant as p')
    .innerJoin('family as f', 'f.id', 'p.family_id')
    .select(['p.id', 'p.withdrawn', 'f.village_code'])
    .where('p.id', '=', participantId)
    .where('p.cohort_id', '=', cohortId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  assertInScope(context.user, row.village_code);
  return row;
}

/** Records the assessment result, a withdrawal (frees the seat) or a corrected target group. */
export async function updateParticipant(context: TrainingContext, cohortId: string, participantId: string, input: TrainingParticipantUpdate): Promise<TrainingParticipant> {
  const cohort = await requireOpenCohort(context, cohortId);
  const before = await requireParticipant(context, cohortId, participantId);
  await context.db.transaction().execute(async (trx) => {
    if (input.withdrawn === false && before.withdrawn) {
      const locked = await trx.selectFrom('training_cohort').select('seats').where('id', '=', cohortId).forUpdate().executeTakeFirstOrThrow();
      const taken = await trx.selectFrom('training_participant').select(sql<number>`count(*)::int`.as('n')).where('cohort_id', '=', cohortId).where('withdrawn', '=', false).executeTakeFirstOrThrow();
      if (taken.n >= locked.seats) throw new AppError('training_cohort_full', { seats: locked.seats });
    }
    await trx
      .updateTable('training_participant')
      .set({
        ...(input.passed !== undefined ? { passed: input.passed } : {}),
        ...(input.withdrawn !== undefined ? { withdrawn: input.withdrawn } : {}),
        ...(input.targetGroup !== undefined ? { target_group: input.targetGroup } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', participantId)
      .execute();
  });
  await audit(context, { action: 'update', entity: 'training_participant', entityId: participantId, details: { cohortId, ...input } });
  return participantView(context, cohort, participantId);
}

/** Takes a person off an open cohort entirely (entered by mistake); a dropout is marked withdrawn instead. */
export async function removeParticipant(context: TrainingContext, cohortId: string, participantId: string): Promise<void> {
  await requireOpenCohort(context, cohortId);
  await requireParticipant(context, cohortId, participantId);
  await context.db.deleteFrom('training_participant').where('id', '=', participantId).execute();
  await audit(context, { action: 'delete', entity: 'training_participant', entityId: participantId, details: { cohortId } });
}

/** Marks who was present at one session; participants not listed keep what was recorded before. */
export async function recordAttendance(context: TrainingContext, cohortId: string, sessionId: string, input: TrainingAttendanceInput): Promise<TrainingParticipantList> {
  await requireOpenCohort(context, cohortId);
  const session = await context.db.selectFrom('training_session').select('id').where('id', '=', sessionId).where('cohort_id', '=', cohortId).executeTakeFirst();
  if (!session) throw new AppError('not_found');
  const ids = [...new Set(input.entries.map((entry) => entry.participantId))];
  // An empty list (a cohort nobody joined yet) records nothing; `IN ()` would not even parse.
  const known = ids.length === 0 ? [] : await context.db
    .selectFrom('training_participant as p')
    .innerJoin('family as f', 'f.id', 'p.family_id')
    .select(['p.id', 'f.village_code'])
    .where('p.cohort_id', '=', cohortId)
    .where('p.id', 'in', ids)
    .execute();
  if (known.length !== ids.length) throw new AppError('validation_failed', {}, [{ path: '/entries', message: 'peserta bukan dari angkatan ini / participant not in this cohort' }]);
  for (const participant of known) assertInScope(context.user, participant.village_code);
  await context.db.transaction().execute(async (trx) => {
    for (const entry of input.entries) {
      await trx
        .insertInto('training_attendance')
        .values({ session_id: sessionId, participant_id: entry.participantId, present: entry.present, recorded_by: context.user.id })
        .onConflict((oc) => oc.columns(['session_id', 'participant_id']).doUpdateSet({ present: entry.present, recorded_by: context.user.id, recorded_at: new Date() }))
        .execute();
    }
  });
  await audit(context, {
    action: 'update', entity: 'training_session', entityId: sessionId,
    details: { cohortId, present: input.entries.filter((e) => e.present).length, absent: input.entries.filter((e) => !e.present).length },
  });
  return listParticipants(context, cohortId);
}
