import {
  isCrowded, isRtlh, renovationActions, renovationTransition, rtlhScore, acceptsFunding, RTLH_THRESHOLD,
  type Renovation, type RenovationAction, type RenovationAssessmentInput, type RenovationCompleteInput, type RenovationProposalInput,
  type RenovationRejectInput, type RenovationScheduleInput, type RenovationVerifyInput,
} from '@sinergi/domain';
import type { Transaction, Updateable } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.ts';
import type { DB, RenovationHouseTable } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { assertFamilyInReach } from '../registry/edit/guards.ts';
import { mayChangeHouse, owningAgencyFor, requireChangeHouse, requireHouseInScope } from './access.ts';
import { audit, type RenovationContext } from './context.ts';
import { familyHouse, findHouse, houseFunding, houseHistory, houseListRows, housePhotos, houseProgress, type HouseRow } from './queries.ts';
import { renovationOf } from './present.ts';

type Parsed<T extends z.ZodType> = z.output<T>;

export async function requireHouse(context: RenovationContext, id: string): Promise<HouseRow> {
  const house = await findHouse(context.db, id);
  if (!house) throw new AppError('not_found');
  requireHouseInScope(context.user, house);
  return house;
}

/** The house after the checks every change makes: it exists (404), lies in scope and belongs to the user's agency (403). */
export async function requireWritableHouse(context: RenovationContext, id: string): Promise<HouseRow> {
  const house = await findHouse(context.db, id);
  if (!house) throw new AppError('not_found');
  await requireChangeHouse(context, house);
  return house;
}

function actionsFor(context: RenovationContext, house: HouseRow): Renovation['actions'] {
  if (!mayChangeHouse(context.user, house)) return [];
  const actions: Renovation['actions'] = renovationActions(house.stage);
  if (acceptsFunding(house.stage)) actions.push('fund');
  if (house.stage !== 'rejected') actions.push('photo');
  return actions;
}

/** One house with its assessment, funding, progress, photos and history; a view of personal data, so audited. */
export async function getRenovation(context: RenovationContext, id: string, options: { audit?: boolean } = {}): Promise<Renovation> {
  const house = await requireHouse(context, id);
  const row = await houseListRows(context.db).where('h.id', '=', id).executeTakeFirstOrThrow();
  const [funding, progress, photos, history, family] = await Promise.all([
    houseFunding(context.db, id), houseProgress(context.db, id), housePhotos(context.db, id), houseHistory(context.db, id), familyHouse(context.db, house.family_id),
  ]);
  if (!family) throw new AppError('not_found');
  if (options.audit !== false) await audit(context, { action: 'view', entity: 'renovation_house', entityId: id, details: { familyId: house.family_id } });
  return renovationOf(row, { funding, progress, photos, history, family }, actionsFor(context, house));
}

/**
 * A change as the API answers it: applied, then the whole house read back. The demo seed calls the `record…` functions
 * directly, as reading every house back after each step would make the first start slow.
 */
export function answering<A extends unknown[]>(apply: (context: RenovationContext, id: string, ...args: A) => Promise<void>) {
  return async (context: RenovationContext, id: string, ...args: A): Promise<Renovation> => {
    await apply(context, id, ...args);
    return getRenovation(context, id, { audit: false });
  };
}

/** Proposes a family's house: from the registry's house variables or at a village's request (musdes). Returns its id. */
export async function recordProposal(context: RenovationContext, input: Parsed<typeof RenovationProposalInput>): Promise<string> {
  const family = await familyHouse(context.db, input.familyId);
  if (!family) throw new AppError('not_found');
  assertFamilyInReach(context.config, context.user, family.village_code);
  const agencyId = await owningAgencyFor(context, input.agencyId);
  let id: string;
  try {
    id = await context.db.transaction().execute(async (trx) => {
      const house = await trx
        .insertInto('renovation_house')
        .values({
          family_id: family.id, village_code: family.village_code, address: family.address, agency_id: agencyId, year: input.year, source: input.source,
          proposer: input.proposer, proposal_note: input.note, created_by: context.user.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('renovation_stage_change').values({ house_id: house.id, from_stage: null, to_stage: 'proposed', note: input.note, user_id: context.user.id }).execute();
      return house.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('renovation_already_open');
    throw error;
  }
  await audit(context, { action: 'create', entity: 'renovation_house', entityId: id, details: { familyId: family.id, year: input.year, source: input.source } });
  return id;
}

export async function proposeHouse(context: RenovationContext, input: Parsed<typeof RenovationProposalInput>): Promise<Renovation> {
  return getRenovation(context, await recordProposal(context, input), { audit: false });
}

/**
 * Moves a house along the pipeline (refusing what its stage does not allow, 409) and records the change; `version`
 * must match (409 conflict), so two officers cannot overwrite each other's assessment.
 */
export async function moveHouse(
  context: RenovationContext, house: HouseRow, action: RenovationAction, version: number | null, changes: Updateable<RenovationHouseTable>, note: string | null,
  within?: (trx: Transaction<DB>) => Promise<void>,
): Promise<void> {
  const to = renovationTransition(house.stage, action);
  if (!to) throw new AppError('renovation_transition_invalid', { action, stage: house.stage });
  if (version !== null && version !== house.version) throw new AppError('conflict');
  await context.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('renovation_house')
      .set({ ...changes, stage: to, version: house.version + 1, updated_at: new Date() })
      .where('id', '=', house.id)
      .where('version', '=', house.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('conflict');
    if (to !== house.stage || action === 'assess') {
      await trx.insertInto('renovation_stage_change').values({ house_id: house.id, from_stage: house.stage, to_stage: to, note, user_id: context.user.id }).execute();
    }
    await within?.(trx);
  });
  await audit(context, { action: 'update', entity: 'renovation_house', entityId: house.id, details: { action, from: house.stage, to, ...changes } });
}

/** Records the field assessment against the RTLH criteria; "crowded" follows from floor area and occupants when both are known. */
export async function recordAssessment(context: RenovationContext, id: string, input: Parsed<typeof RenovationAssessmentInput>): Promise<void> {
  const house = await requireWritableHouse(context, id);
  const criteria = { ...input.criteria };
  if (input.floorAreaM2 !== null && input.occupants !== null) criteria.crowded = isCrowded(input.floorAreaM2, input.occupants);
  const score = rtlhScore(criteria);
  await moveHouse(context, house, 'assess', input.version, {
    criteria: JSON.stringify(criteria), score, floor_area_m2: input.floorAreaM2, occupants: input.occupants, assessed_on: input.assessedOn, assessment_note: input.note,
  }, `Skor RTLH ${score}`);
}

/** Confirms the house for renovation; only an uninhabitable house (score at or above the threshold) qualifies. */
export async function recordVerification(context: RenovationContext, id: string, input: Parsed<typeof RenovationVerifyInput>): Promise<void> {
  const house = await requireWritableHouse(context, id);
  if (house.stage === 'assessed' && !isRtlh(house.score ?? 0)) throw new AppError('renovation_not_rtlh', { score: house.score ?? 0, threshold: RTLH_THRESHOLD });
  await moveHouse(context, house, 'verify', input.version, { verified_on: input.verifiedOn, verification_note: input.note }, input.note);
}

export async function recordSchedule(context: RenovationContext, id: string, input: Parsed<typeof RenovationScheduleInput>): Promise<void> {
  const house = await requireWritableHouse(context, id);
  await moveHouse(context, house, 'schedule', input.version, { planned_start: input.plannedStart, planned_end: input.plannedEnd, budget: input.budget }, null);
}

export async function recordRejection(context: RenovationContext, id: string, input: Parsed<typeof RenovationRejectInput>): Promise<void> {
  const house = await requireWritableHouse(context, id);
  await moveHouse(context, house, 'reject', input.version, { rejected_reason: input.reason }, `${input.rejectedOn}: ${input.reason}`);
}

/** Completion needs a photo from before (or the assessment) and one after the works: the proof a leader asks for. */
export async function recordCompletion(context: RenovationContext, id: string, input: Parsed<typeof RenovationCompleteInput>): Promise<void> {
  const house = await requireWritableHouse(context, id);
  if (!renovationTransition(house.stage, 'complete')) throw new AppError('renovation_transition_invalid', { action: 'complete', stage: house.stage });
  const kinds = new Set((await housePhotos(context.db, id)).map((photo) => photo.kind));
  if (!(kinds.has('before') || kinds.has('assessment')) || !kinds.has('after')) throw new AppError('renovation_photos_required');
  await moveHouse(context, house, 'complete', input.version, {
    completed_on: input.completedOn, handover_on: input.handoverOn, completion_note: input.note, progress: 100,
  }, input.note);
}

export const assessHouse = answering(recordAssessment);

export const verifyHouse = answering(recordVerification);

export const scheduleHouse = answering(recordSchedule);

export const rejectHouse = answering(recordRejection);

export const completeHouse = answering(recordCompletion);
