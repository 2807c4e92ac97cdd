import {
  CORRECTION_STATUS_LABELS,
  mayMoveCorrection,
  type CorrectionCreate,
  type CorrectionDecideBody,
  type CorrectionListQuery,
  type CorrectionRequest,
  type CorrectionStatus,
  type Page,
} from '@sinergi/domain';
import { sql } from 'kysely';
import { AppError, requestLanguage } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { assertFamilyInReach } from '../registry/edit/guards.ts';
import { familyScopeCondition } from '../registry/scope-filter.ts';
import type { RegistryContext } from '../registry/service.ts';
import { applyCorrection } from './correction-apply.ts';
import { countCorrections, findCorrection, listCorrections, toCorrection } from './correction-queries.ts';

/** The subject's family (and NIK for a member), after checking it exists and is within the officer's reach. */
async function subjectOf(context: RegistryContext, body: CorrectionCreate) {
  const { db, config, user } = context;
  if (body.entity === 'member') {
    const member = await db
      .selectFrom('member as m')
      .innerJoin('family as f', 'f.id', 'm.family_id')
      .select(['m.id', 'm.nik', 'm.family_id', 'f.village_code'])
      .where('m.id', '=', body.entityId)
      .executeTakeFirst();
    if (!member) throw new AppError('not_found');
    assertFamilyInReach(config, user, member.village_code);
    return { memberId: member.id, familyId: member.family_id, nik: member.nik };
  }
  const family = await db.selectFrom('family').select(['id', 'village_code']).where('id', '=', body.entityId).executeTakeFirst();
  if (!family) throw new AppError('not_found');
  assertFamilyInReach(config, user, family.village_code);
  return { memberId: null, familyId: family.id, nik: null };
}

/** Records a data subject's correction request as received; nothing in the registry changes yet. */
export async function createCorrection(context: RegistryContext, body: CorrectionCreate): Promise<CorrectionRequest> {
  const { db, user, request } = context;
  const subject = await subjectOf(context, body);
  const row = await db
    .insertInto('correction_request')
    .values({
      entity: body.entity,
      member_id: subject.memberId,
      family_id: subject.familyId,
      subject_nik: subject.nik,
      requested_changes: JSON.stringify(body.requestedChanges),
      reason: body.reason,
      channel: body.channel,
      requester_name: body.requesterName,
      requester_contact: body.requesterContact || null,
      created_by: user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(db, request, {
    action: 'create',
    entity: 'correction_request',
    entityId: row.id,
    details: { entity: body.entity, entityId: body.entityId, fields: Object.keys(body.requestedChanges), channel: body.channel },
  });
  return correctionFor(context, row.id, false);
}

/** Requests about families in the officer's scope, newest first; audited as a view. */
export async function listCorrectionRequests(context: RegistryContext, query: CorrectionListQuery): Promise<Page<CorrectionRequest>> {
  const filter = { scope: familyScopeCondition(context.user, 'f'), status: query.status };
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const [rows, total] = await Promise.all([listCorrections(context.db, filter, page), countCorrections(context.db, filter)]);
  await recordAudit(context.db, context.request, { action: 'view', entity: 'correction_list', details: { status: query.status ?? null, page: query.page, total } });
  return { items: rows.map(toCorrection), total, page: query.page, pageSize: query.pageSize };
}

/** One request in the officer's scope (404 / 403 otherwise); `audit` records the view. */
export async function correctionFor(context: RegistryContext, id: string, audit = true): Promise<CorrectionRequest> {
  const row = await findCorrection(context.db, { scope: familyScopeCondition(context.user, 'f'), id });
  if (!row) {
    const exists = await context.db.selectFrom('correction_request').select('id').where('id', '=', id).executeTakeFirst();
    throw new AppError(exists ? 'out_of_scope' : 'not_found');
  }
  if (audit) await recordAudit(context.db, context.request, { action: 'view', entity: 'correction_request', entityId: id });
  return toCorrection(row);
}

function invalidTransition(context: RegistryContext, from: CorrectionStatus, to: CorrectionStatus): AppError {
  const language = requestLanguage(context.request);
  return new AppError('correction_invalid_transition', { from: CORRECTION_STATUS_LABELS[from][language], to: CORRECTION_STATUS_LABELS[to][language] });
}

/**
 * Moves the request to `to` if it is still `from` (a concurrent decision makes this fail with a clear 409).
 * Returns false when another officer moved it first.
 */
async function moveStatus(context: RegistryContext, id: string, from: CorrectionStatus, values: Record<string, unknown>): Promise<boolean> {
  const result = await context.db
    .updateTable('correction_request')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** received → in_review: an officer has started to look into the request. */
export async function startReview(context: RegistryContext, id: string, note: string | undefined): Promise<CorrectionRequest> {
  const current = await correctionFor(context, id, false);
  if (!mayMoveCorrection(current.status, 'in_review')) throw invalidTransition(context, current.status, 'in_review');
  const moved = await moveStatus(context, id, current.status, { status: 'in_review', reviewed_by: context.user.id, reviewed_at: sql`now()` });
  if (!moved) throw invalidTransition(context, (await correctionFor(context, id, false)).status, 'in_review');
  await recordAudit(context.db, context.request, { action: 'update', entity: 'correction_request', entityId: id, details: { status: 'in_review', note: note ?? null } });
  return correctionFor(context, id, false);
}

/**
 * in_review → accepted | rejected. Accepting applies the requested field changes through the registry's edit path
 * (same validation, version check, change history and audit as an operator's edit); the request records what was
 * applied, or that an operator must apply it by hand when the record is gone.
 */
export async function decideCorrection(context: RegistryContext, id: string, body: CorrectionDecideBody): Promise<CorrectionRequest> {
  const current = await correctionFor(context, id, false);
  if (!mayMoveCorrection(current.status, body.outcome)) throw invalidTransition(context, current.status, body.outcome);
  const applied = body.outcome === 'accepted' ? await applyCorrection(context, current) : { applyStatus: null, appliedChanges: null };
  const moved = await moveStatus(context, id, 'in_review', {
    status: body.outcome,
    outcome_note: body.note,
    decided_by: context.user.id,
    decided_at: sql`now()`,
    apply_status: applied.applyStatus,
    applied_changes: applied.appliedChanges === null ? null : JSON.stringify(applied.appliedChanges),
  });
  if (!moved) throw invalidTransition(context, (await correctionFor(context, id, false)).status, body.outcome);
  await recordAudit(context.db, context.request, {
    action: 'update',
    entity: 'correction_request',
    entityId: id,
    details: { status: body.outcome, applyStatus: applied.applyStatus, appliedFields: Object.keys(applied.appliedChanges ?? {}) },
  });
  return correctionFor(context, id, false);
}
