import {
  checkTransition, PathwayTransitionCreate, type FamilyPathway, type PathwayEvidence, type PathwayStage, type PathwayTransition, type SuggestedEvidence,
} from '@sinergi/domain';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { jurisdictionToday, type ProgramContext } from '../programs/context.ts';
import { assertFamilyInReach } from '../registry/edit/guards.ts';
import { checkedEvidenceKinds, familyEvidence, suggestStage } from './evidence.ts';
import { assessmentsOf, pathwayRow, transitionsOf } from './queries.ts';

/** What every pathway service works with; `request` is null for work outside a request (demo seed). */
export type PathwayContext = ProgramContext;

/** The family's village and desil after checking it exists (404) and lies within the user's reach (403). */
export async function reachableFamily(context: PathwayContext, familyId: string) {
  const family = await context.db.selectFrom('family').select(['id', 'village_code', 'desil_national']).where('id', '=', familyId).executeTakeFirst();
  if (!family) throw new AppError('not_found');
  assertFamilyInReach(context.config, context.user, family.village_code);
  return family;
}

/** The family's stage, steps, assessments and what its records suggest; viewing it is audited like the rest of the profile. */
export async function getFamilyPathway(context: PathwayContext, familyId: string): Promise<FamilyPathway> {
  await reachableFamily(context, familyId);
  const row = await pathwayRow(context.db, familyId);
  const evidence = await familyEvidence(context.db, familyId);
  await recordAudit(context.db, context.request, { action: 'view', entity: 'family', entityId: familyId, details: { section: 'pathway' } });
  return {
    familyId,
    stage: row?.stage ?? null,
    stageSince: row?.stage_since ?? null,
    agency: row?.agency_id && row.agency_short_name ? { id: row.agency_id, shortName: row.agency_short_name } : null,
    baselineDesil: row?.baseline_desil ?? null,
    businessStartedOn: row?.business_started_on ?? null,
    version: row?.version ?? null,
    transitions: await transitionsOf(context.db, familyId),
    assessments: await assessmentsOf(context.db, familyId),
    suggestion: suggestStage(evidence, row?.stage ?? null),
    evidence,
  };
}

/**
 * Cited records must be the family's own where a source vouches for their kind (an enrolment of another family is
 * refused); the stored label is the source's. Other kinds are kept as cited.
 */
function confirmEvidence(cited: readonly PathwayEvidence[], known: readonly SuggestedEvidence[]): { evidence: PathwayEvidence[]; records: SuggestedEvidence[] } {
  const checked = checkedEvidenceKinds();
  const records: SuggestedEvidence[] = [];
  const evidence = cited.map((item) => {
    if (!checked.has(item.kind)) return item;
    const record = known.find((candidate) => candidate.kind === item.kind && candidate.id === item.id);
    if (!record) throw new AppError('pathway_evidence_unknown', { label: item.label });
    records.push(record);
    return { kind: record.kind, id: record.id, label: record.label };
  });
  return { evidence, records };
}

/** The agency that put the family at the stage: that of a cited record pointing at it, else of any cited record, else the user's. */
function responsibleAgency(records: readonly SuggestedEvidence[], to: PathwayStage, userAgencyId: string): string {
  return (records.find((record) => record.stage === to) ?? records[0])?.agency?.id ?? userAgencyId;
}

async function passedAssessment(trx: Transaction<DB>, familyId: string, assessmentId: string | null): Promise<boolean> {
  if (assessmentId === null) return false;
  const row = await trx.selectFrom('graduation_assessment').select(['family_id', 'passed']).where('id', '=', assessmentId).executeTakeFirst();
  if (!row || row.family_id !== familyId || !row.passed) throw new AppError('pathway_assessment_invalid');
  return true;
}

/** Records one step on the family's way out (operator confirms); mandiri needs a passed assessment or an audited override. */
export async function recordTransition(context: PathwayContext, familyId: string, body: PathwayTransitionCreate): Promise<PathwayTransition> {
  const input = PathwayTransitionCreate.parse(body);
  const family = await reachableFamily(context, familyId);
  const known = await familyEvidence(context.db, familyId);
  const { evidence, records } = confirmEvidence(input.evidence, known);
  const today = jurisdictionToday(context.config.jurisdiction);
  const id = await context.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('family_pathway').selectAll().where('family_id', '=', familyId).forUpdate().executeTakeFirst();
    if (current && input.version !== undefined && input.version !== current.version) throw new AppError('conflict');
    const passed = await passedAssessment(trx, familyId, input.assessmentId);
    const check = checkTransition({ from: current?.stage ?? null, to: input.toStage, note: input.note, passedAssessment: passed, overrideReason: input.overrideReason });
    if (!check.ok) throw new AppError(check.code);
    if (input.onDate > today || (current && input.onDate < current.stage_since)) throw new AppError('pathway_date_invalid', { date: current?.stage_since ?? today });
    const agencyId = responsibleAgency(records, input.toStage, context.user.agencyId);
    // The override reason is kept only where it decided: a passed assessment needs none.
    const overrideReason = input.toStage === 'mandiri' && !passed ? input.overrideReason : null;
    const inserted = await trx.insertInto('pathway_transition').values({
      family_id: familyId, from_stage: current?.stage ?? null, to_stage: input.toStage, on_date: input.onDate, agency_id: agencyId,
      evidence: JSON.stringify(evidence), note: input.note, assessment_id: input.assessmentId, override_reason: overrideReason, user_id: context.user.id,
    }).returning('id').executeTakeFirstOrThrow();
    const startsBusiness = input.toStage === 'pemberdayaan' || input.toStage === 'pengembangan';
    const businessStartedOn = input.businessStartedOn ?? current?.business_started_on ?? (startsBusiness ? input.onDate : null);
    if (current) {
      await trx.updateTable('family_pathway').set({
        stage: input.toStage, stage_since: input.onDate, agency_id: agencyId, business_started_on: businessStartedOn, version: sql`version + 1`, updated_at: sql`now()`,
      }).where('family_id', '=', familyId).execute();
    } else {
      await trx.insertInto('family_pathway').values({
        family_id: familyId, stage: input.toStage, stage_since: input.onDate, agency_id: agencyId, baseline_desil: family.desil_national,
        business_started_on: businessStartedOn,
      }).execute();
    }
    await recordAudit(trx, context.request, {
      action: 'create', entity: 'pathway_transition', entityId: inserted.id,
      details: { familyId, from: current?.stage ?? null, to: input.toStage, onDate: input.onDate, ...(overrideReason ? { override: true, overrideReason } : {}) },
    }, context.request ? undefined : { id: context.user.id, username: context.user.username });
    return inserted.id;
  });
  const transition = (await transitionsOf(context.db, familyId)).find((item) => item.id === id);
  if (!transition) throw new AppError('not_found');
  return transition;
}
