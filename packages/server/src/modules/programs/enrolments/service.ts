import {
  enrolmentTransition, type Enrolment, type EnrolmentChange, type EnrolmentListQuery, type Page, type PostDecreeChangeInput, type Replacement,
  type VerificationInput,
} from '@sinergi/domain';
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../../db/schema/index.ts';
import { AppError } from '../../../http/errors.ts';
import { assertInScope } from '../../../http/scope.ts';
import { familyScopeCondition } from '../../registry/scope-filter.ts';
import { requireActive, requireManage, requireVerify } from '../access.ts';
import { jurisdictionToday, type ProgramContext } from '../context.ts';
import { checkedRegionFilter, regionCondition } from '../preview.ts';
import { audit, requireProgram } from '../service.ts';
import { countEnrolments, enrolmentHistory, findEnrolment, insertChange, listEnrolments, toEnrolment, type EnrolmentRow } from './queries.ts';
import { drawReplacement } from './replacement.ts';
import { createReferralsForServedEnrolment } from '../../referrals/rules.ts';

async function requireEnrolment(db: Kysely<DB>, programId: string, id: string): Promise<EnrolmentRow> {
  const row = await findEnrolment(db, programId, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** A page of the program's families in the user's scope, No KK masked; audited as a view of personal data. */
export async function searchEnrolments(context: ProgramContext, programId: string, query: EnrolmentListQuery): Promise<Page<Enrolment>> {
  await requireProgram(context.db, programId);
  const region = await checkedRegionFilter(context, query.region);
  const filter = {
    programId,
    scope: familyScopeCondition(context.user, 'e') as RawBuilder<SqlBool> | null,
    region: region ? regionCondition(region, 'e') : null,
    status: query.status,
    q: query.q,
    decreeId: query.decreeId,
  };
  const [rows, total] = await Promise.all([listEnrolments(context.db, filter, query), countEnrolments(context.db, filter)]);
  await audit(context, { action: 'view', entity: 'program_enrolment_list', entityId: programId, details: { ...query, total } });
  return { items: rows.map((row) => toEnrolment(row)), total, page: query.page, pageSize: query.pageSize };
}

/** One family in the program, in the user's scope; audited as a view of the family. */
export async function getEnrolment(context: ProgramContext, programId: string, id: string): Promise<Enrolment> {
  const row = await requireEnrolment(context.db, programId, id);
  assertInScope(context.user, row.village_code);
  await audit(context, { action: 'view', entity: 'family', entityId: row.family_id, details: { programId, enrolmentId: id } });
  return toEnrolment(row);
}

/** Every change of one family in the program (field findings carry notes about the family, so it is audited). */
export async function enrolmentChanges(context: ProgramContext, programId: string, id: string): Promise<EnrolmentChange[]> {
  const row = await requireEnrolment(context.db, programId, id);
  assertInScope(context.user, row.village_code);
  await audit(context, { action: 'view', entity: 'family', entityId: row.family_id, details: { programId, enrolmentId: id, history: true } });
  return enrolmentHistory(context.db, id);
}

/** Version check, then the status change and its history row in one transaction. */
async function applyChange(
  context: ProgramContext,
  row: EnrolmentRow,
  change: { to: EnrolmentRow['status']; action: 'verify' | 'reject' | 'cancel' | 'stop'; reason: EnrolmentRow['reason']; note: string | null; fieldDate: string | null; postDecree: boolean },
  after?: (trx: Kysely<DB>) => Promise<void>,
): Promise<void> {
  const verification = change.action === 'verify' || change.action === 'reject';
  await context.db.transaction().execute(async (trx) => {
    // The history row comes first: the database refuses a post-decree status change without it.
    await insertChange(trx, {
      enrolment_id: row.id, program_id: row.program_id, action: change.action, from_status: row.status, to_status: change.to, reason: change.reason,
      note: change.note, post_decree: change.postDecree, decree_id: change.postDecree ? row.decree_id : null, related_id: null,
      field_date: change.fieldDate, user_id: context.user.id,
    });
    const now = new Date();
    const updated = await trx
      .updateTable('program_enrolment')
      .set({
        status: change.to, reason: change.reason, note: change.note, status_changed_at: now, updated_at: now, version: row.version + 1,
        ...(verification ? { verified_on: change.fieldDate, verified_by: context.user.id } : {}),
      })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('conflict');
    await after?.(trx);
  });
}

/**
 * Records a field finding for a candidate: verified, or rejected with a reason. Field staff (pendamping in scope)
 * and the owner agency's operators; once the family is in a decree only the post-decree path may change it.
 */
export async function verifyEnrolment(context: ProgramContext, programId: string, id: string, input: z.output<typeof VerificationInput>): Promise<Enrolment> {
  const program = await requireProgram(context.db, programId);
  const row = await requireEnrolment(context.db, programId, id);
  requireVerify(context.user, program, row.village_code);
  if (input.version !== undefined && input.version !== row.version) throw new AppError('conflict');
  if (row.decree_id !== null) throw new AppError('enrolment_in_decree', { number: row.decree_number ?? '' });
  const transition = enrolmentTransition(row.status, input.result);
  if (!transition || transition.postDecree) throw new AppError('enrolment_transition_invalid', { from: row.status, to: input.result });
  // A rejected family whose place went to a replacement cannot come back: the quota would be exceeded.
  if (input.result === 'verified' && row.replaced_by_id !== null) throw new AppError('enrolment_already_replaced');
  const fieldDate = input.fieldDate ?? jurisdictionToday(context.config.jurisdiction);
  await applyChange(context, row, {
    to: input.result, action: transition.action === 'verify' ? 'verify' : 'reject', reason: input.result === 'rejected' ? (input.reason ?? null) : null,
    note: input.note ?? null, fieldDate, postDecree: false,
  });
  await audit(context, {
    action: 'update', entity: 'program_enrolment', entityId: id,
    details: { programId, familyId: row.family_id, from: row.status, to: input.result, reason: input.reason ?? null, fieldDate },
  });
  return toEnrolment((await findEnrolment(context.db, programId, id))!);
}

/**
 * The explicit path for changing a family fixed by a decree: cancelled (not yet served) or stopped (served), with
 * reason and note kept in the history; a cancellation may draw a replacement at once.
 */
export async function changeAfterDecree(
  context: ProgramContext, programId: string, id: string, input: z.output<typeof PostDecreeChangeInput>,
): Promise<{ enrolment: Enrolment; replacement: Enrolment | null }> {
  const program = await requireProgram(context.db, programId);
  requireManage(context.user, program);
  requireActive(program);
  const row = await requireEnrolment(context.db, programId, id);
  assertInScope(context.user, row.village_code);
  if (input.version !== undefined && input.version !== row.version) throw new AppError('conflict');
  if (row.decree_id === null) throw new AppError('enrolment_not_in_decree');
  const to = input.action === 'cancel' ? 'cancelled' : 'stopped';
  const transition = enrolmentTransition(row.status, to);
  if (!transition?.postDecree) throw new AppError('enrolment_transition_invalid', { from: row.status, to });
  if (input.replace && to !== 'cancelled') throw new AppError('enrolment_not_replaceable');
  let replacementId: string | null = null;
  await applyChange(context, row, { to, action: input.action, reason: input.reason, note: input.note, fieldDate: null, postDecree: true }, async (trx) => {
    if (input.replace) replacementId = await drawReplacement(trx, context, { ...row, status: to }, program.current_run_id, input.note);
  });
  await audit(context, {
    action: 'update', entity: 'program_enrolment', entityId: id,
    details: { programId, familyId: row.family_id, postDecree: true, from: row.status, to, reason: input.reason, replacementId },
  });
  const enrolment = toEnrolment((await findEnrolment(context.db, programId, id))!);
  const replacement = replacementId === null ? null : toEnrolment((await findEnrolment(context.db, programId, replacementId))!);
  return { enrolment, replacement };
}

/** Draws the next family from the waiting list for a rejected or cancelled one (same kecamatan first, then overall). */
export async function replaceEnrolment(context: ProgramContext, programId: string, id: string, note: string | undefined): Promise<Replacement> {
  const program = await requireProgram(context.db, programId);
  requireManage(context.user, program);
  requireActive(program);
  const row = await requireEnrolment(context.db, programId, id);
  assertInScope(context.user, row.village_code);
  const replacementId = await context.db.transaction().execute((trx) => drawReplacement(trx, context, row, program.current_run_id, note ?? null));
  await audit(context, { action: 'create', entity: 'program_enrolment', entityId: replacementId, details: { programId, replaces: id, reason: row.reason } });
  return {
    replaced: toEnrolment((await findEnrolment(context.db, programId, id))!),
    replacement: toEnrolment((await findEnrolment(context.db, programId, replacementId))!),
  };
}

// --- Referrals (issue 5): follow-ups of an enrolment becoming served. ---
/**
 * Call inside the transaction that set an enrolment to 'served' (whichever path served it: a distribution hand-over
 * or a later one): the program's referral rules refer the family to other agencies, once per rule.
 */
export async function afterEnrolmentServed(trx: Kysely<DB>, enrolmentId: string, actor: { id: string } | null): Promise<void> {
  await createReferralsForServedEnrolment(trx, enrolmentId, actor);
}
