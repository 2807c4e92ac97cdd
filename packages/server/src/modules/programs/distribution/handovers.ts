import type { BenefitItem, Handover, HandoverCorrection, HandoverHistory, HandoverInput, HandoverListQuery, Page } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { DB } from '../../../db/schema/index.ts';
import { AppError } from '../../../http/errors.ts';
import { assertInScope } from '../../../http/scope.ts';
import { familyScopeCondition } from '../../registry/scope-filter.ts';
import { jurisdictionToday, type ProgramContext } from '../context.ts';
import { findEnrolment } from '../enrolments/queries.ts';
import { afterEnrolmentServed } from '../enrolments/service.ts';
import { itemsValue } from '../present.ts';
import { checkedRegionFilter, regionCondition } from '../preview.ts';
import { audit, canonicalJson, requireProgram } from '../service.ts';
import { requireCorrect, requireDistribute } from './access.ts';
import {
  countHandovers, findHandover, findHandoverByKey, findHandoverOfStage, handoverRevisions, listHandovers, presentHandovers, proofsOf, toProofFile,
  type HandoverRow,
} from './queries.ts';
import { requireStage, stageValue } from './stages.ts';

/** Families that may receive a hand-over: fixed by a decree and not cancelled, finished or stopped. */
const RECEIVING_STATUSES = new Set(['in_decree', 'served']);

/**
 * served_at is a moment but a hand-over has only a day: noon UTC falls on that same day in every Indonesian time zone
 * (and any server time zone within ±12 h), so received_on (served_at::date) is the hand-over's day.
 */
const servedAt = (day: string) => new Date(`${day}T12:00:00Z`);

export async function requireHandover(db: Kysely<DB>, programId: string, id: string): Promise<HandoverRow> {
  const row = await findHandover(db, programId, id);
  if (!row) throw new AppError('not_found');
  return row;
}

async function present(db: Kysely<DB>, row: HandoverRow): Promise<Handover> {
  return (await presentHandovers(db, [row]))[0]!;
}

function notInFuture(context: ProgramContext, day: string, path: string): void {
  if (day > jurisdictionToday(context.config.jurisdiction)) {
    throw new AppError('validation_failed', {}, [{ path, message: 'tanggal penyerahan di masa depan / hand-over date in the future' }]);
  }
}

/** The first result of a key already used: the same hand-over again, or a refusal when the key named another one. */
async function replay(context: ProgramContext, row: HandoverRow, input: { enrolmentId: string; stageId: string }): Promise<Handover> {
  if (row.enrolment_id !== input.enrolmentId || row.stage_id !== input.stageId) throw new AppError('handover_key_reused');
  assertInScope(context.user, row.village_code);
  return present(context.db, row);
}

/**
 * Records one hand-over to a decreed family in one stage, marking the family served on its first. Idempotent: a retry
 * with the same client key returns the first result (`created: false`), and a second hand-over of the same stage to
 * the same family is refused with the date of the first.
 */
export async function recordHandover(
  context: ProgramContext, programId: string, input: z.output<typeof HandoverInput>,
): Promise<{ handover: Handover; created: boolean }> {
  const program = await requireProgram(context.db, programId);
  const earlier = await findHandoverByKey(context.db, programId, input.clientKey);
  if (earlier) return { handover: await replay(context, earlier, input), created: false };
  const enrolment = await findEnrolment(context.db, programId, input.enrolmentId);
  if (!enrolment) throw new AppError('not_found');
  requireDistribute(context.user, program, enrolment.village_code);
  const stage = await requireStage(context.db, programId, input.stageId);
  if (!RECEIVING_STATUSES.has(enrolment.status)) throw new AppError('handover_not_decreed', { status: enrolment.status });
  const done = await findHandoverOfStage(context.db, enrolment.id, stage.id);
  if (done) throw new AppError('handover_exists', { stage: stage.name, date: done.handed_on });
  notInFuture(context, input.handedOn, '/handedOn');
  const items = stage.kind === 'in_kind' ? (input.items ?? (stage.items as BenefitItem[])) : [];
  const amount = input.amount ?? (stage.kind === 'in_kind' ? (itemsValue(items) ?? 0) : stageValue(stage));
  let id: string;
  try {
    id = await context.db.transaction().execute(async (trx) => {
      const people = await trx.selectFrom('member').select(sql<number>`count(*)::int`.as('n')).where('family_id', '=', enrolment.family_id).where('status', '=', 'active').executeTakeFirstOrThrow();
      const row = await trx
        .insertInto('distribution_handover')
        .values({
          program_id: programId, stage_id: stage.id, enrolment_id: enrolment.id, family_id: enrolment.family_id, kecamatan_code: enrolment.kecamatan_code,
          village_code: enrolment.village_code, client_key: input.clientKey, handed_on: input.handedOn, officer_id: context.user.id, amount,
          items: JSON.stringify(items), people: people.n, latitude: input.gps?.latitude ?? null, longitude: input.gps?.longitude ?? null,
          accuracy_m: input.gps?.accuracyM ?? null, note: input.note ?? null, recorded_by: context.user.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('distribution_handover_revision').values({
        handover_id: row.id, revision: 1, handed_on: input.handedOn, amount, items: JSON.stringify(items), note: input.note ?? null, reason: null, user_id: context.user.id,
      }).execute();
      await markServed(trx, context, enrolment.id, input.handedOn, stage.name);
      return row.id;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Two tries of the same hand-over raced: the one that lost answers like a retry.
    const first = await findHandoverByKey(context.db, programId, input.clientKey);
    if (first) return { handover: await replay(context, first, input), created: false };
    const other = await findHandoverOfStage(context.db, enrolment.id, stage.id);
    throw new AppError('handover_exists', { stage: stage.name, date: other?.handed_on ?? input.handedOn });
  }
  await audit(context, {
    action: 'create', entity: 'distribution_handover', entityId: id,
    details: { programId, familyId: enrolment.family_id, stageId: stage.id, handedOn: input.handedOn, amount, gps: input.gps !== null },
  });
  return { handover: await present(context.db, await requireHandover(context.db, programId, id)), created: true };
}

/** The first hand-over moves a decreed family to served, with a history row; later stages leave the status alone. */
async function markServed(trx: Kysely<DB>, context: ProgramContext, enrolmentId: string, day: string, stageName: string): Promise<void> {
  const now = new Date();
  const updated = await trx
    .updateTable('program_enrolment')
    .set((eb) => ({ status: 'served', served_at: servedAt(day), status_changed_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', enrolmentId)
    .where('status', '=', 'in_decree')
    .returning(['program_id'])
    .executeTakeFirst();
  if (!updated) return;
  await trx.insertInto('enrolment_change').values({
    enrolment_id: enrolmentId, program_id: updated.program_id, action: 'serve', from_status: 'in_decree', to_status: 'served', reason: null,
    note: stageName, decree_id: null, related_id: null, field_date: day, user_id: context.user.id,
  }).execute();
  await afterEnrolmentServed(trx, enrolmentId, context.user);
}

/**
 * Corrects a recorded hand-over (owner agency's operators): new values with the reason, as the next revision; every
 * earlier revision stays readable. `revision` must be the one the officer saw.
 */
export async function correctHandover(context: ProgramContext, programId: string, id: string, input: z.output<typeof HandoverCorrection>): Promise<Handover> {
  const program = await requireProgram(context.db, programId);
  const row = await requireHandover(context.db, programId, id);
  requireCorrect(context.user, program, row.village_code);
  if (input.revision !== row.revision) throw new AppError('handover_revision_stale', { revision: row.revision });
  const stage = await requireStage(context.db, programId, row.stage_id);
  const items = stage.kind === 'in_kind' ? (input.items ?? (row.items as BenefitItem[])) : [];
  const amount = input.amount ?? (input.items && stage.kind === 'in_kind' ? (itemsValue(items) ?? 0) : row.amount);
  const handedOn = input.handedOn ?? row.handed_on;
  const note = input.note ?? row.note;
  notInFuture(context, handedOn, '/handedOn');
  if (handedOn === row.handed_on && amount === row.amount && note === row.note && canonicalJson(items) === canonicalJson(row.items)) {
    throw new AppError('validation_failed', {}, [{ path: '/', message: 'tidak ada yang dikoreksi / nothing to correct' }]);
  }
  const revision = row.revision + 1;
  await context.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('distribution_handover')
      .set({ handed_on: handedOn, amount, items: JSON.stringify(items), note, revision, updated_at: new Date() })
      .where('id', '=', id)
      .where('revision', '=', row.revision)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('handover_revision_stale', { revision: row.revision });
    await trx.insertInto('distribution_handover_revision').values({
      handover_id: id, revision, handed_on: handedOn, amount, items: JSON.stringify(items), note, reason: input.reason, user_id: context.user.id,
    }).execute();
    // The family was served on the day of its earliest hand-over, which this correction may have moved.
    if (handedOn !== row.handed_on) {
      await sql`
        UPDATE program_enrolment e SET served_at = (SELECT min(h.handed_on) FROM distribution_handover h WHERE h.enrolment_id = e.id) + time '12:00' AT TIME ZONE 'UTC',
               updated_at = now()
         WHERE e.id = ${row.enrolment_id}::uuid AND e.served_at IS NOT NULL`.execute(trx);
    }
  });
  await audit(context, {
    action: 'update', entity: 'distribution_handover', entityId: id,
    details: { programId, familyId: row.family_id, revision, reason: input.reason, from: { handedOn: row.handed_on, amount: row.amount }, to: { handedOn, amount } },
  });
  return present(context.db, await requireHandover(context.db, programId, id));
}

/** Hand-overs of the program in the user's scope, newest first; audited as a view of personal data. */
export async function searchHandovers(context: ProgramContext, programId: string, query: HandoverListQuery): Promise<Page<Handover>> {
  await requireProgram(context.db, programId);
  const region = await checkedRegionFilter(context, query.region);
  const conditions: RawBuilder<SqlBool>[] = [];
  const scope = familyScopeCondition(context.user, 'h');
  if (scope) conditions.push(scope);
  if (region) conditions.push(regionCondition(region, 'h'));
  if (query.stageId) conditions.push(sql<SqlBool>`h.stage_id = ${query.stageId}::uuid`);
  if (query.enrolmentId) conditions.push(sql<SqlBool>`h.enrolment_id = ${query.enrolmentId}::uuid`);
  const filter = { programId, conditions };
  const [rows, total] = await Promise.all([listHandovers(context.db, filter, query), countHandovers(context.db, filter)]);
  await audit(context, { action: 'view', entity: 'distribution_handover_list', entityId: programId, details: { ...query, total } });
  return { items: await presentHandovers(context.db, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getHandover(context: ProgramContext, programId: string, id: string): Promise<Handover> {
  const row = await requireHandover(context.db, programId, id);
  assertInScope(context.user, row.village_code);
  await audit(context, { action: 'view', entity: 'family', entityId: row.family_id, details: { programId, handoverId: id } });
  return present(context.db, row);
}

/** Every revision (the first record, then each correction with its reason) and every proof image ever attached. */
export async function handoverHistory(context: ProgramContext, programId: string, id: string): Promise<HandoverHistory> {
  const row = await requireHandover(context.db, programId, id);
  assertInScope(context.user, row.village_code);
  await audit(context, { action: 'view', entity: 'family', entityId: row.family_id, details: { programId, handoverId: id, history: true } });
  return { revisions: await handoverRevisions(context.db, id), proofs: (await proofsOf(context.db, [id])).map(toProofFile) };
}
