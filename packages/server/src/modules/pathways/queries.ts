import type { GraduationAssessment, PathwayEvidence, PathwayTransition } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

/** Reads of one family's pathway: its current row, its steps and its assessments, shaped for the API. */

export async function pathwayRow(db: Kysely<DB>, familyId: string) {
  return db
    .selectFrom('family_pathway as fp')
    .leftJoin('agency as a', 'a.id', 'fp.agency_id')
    .select(['fp.stage', 'fp.stage_since', 'fp.agency_id', 'a.short_name as agency_short_name', 'fp.baseline_desil', 'fp.business_started_on', 'fp.version'])
    .where('fp.family_id', '=', familyId)
    .executeTakeFirst();
}

export async function transitionsOf(db: Kysely<DB>, familyId: string): Promise<PathwayTransition[]> {
  const rows = await db
    .selectFrom('pathway_transition as t')
    .leftJoin('agency as a', 'a.id', 't.agency_id')
    .leftJoin('app_user as u', 'u.id', 't.user_id')
    .select(['t.id', 't.from_stage', 't.to_stage', 't.on_date', 't.agency_id', 'a.short_name', 't.evidence', 't.note', 't.assessment_id', 't.override_reason', 't.user_id', 'u.username', 't.at'])
    .where('t.family_id', '=', familyId)
    .orderBy('t.on_date')
    .orderBy('t.at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    fromStage: row.from_stage,
    toStage: row.to_stage,
    onDate: row.on_date,
    agency: row.agency_id && row.short_name ? { id: row.agency_id, shortName: row.short_name } : null,
    evidence: row.evidence as PathwayEvidence[],
    note: row.note,
    assessmentId: row.assessment_id,
    overrideReason: row.override_reason,
    actor: { id: row.user_id, username: row.username },
    at: row.at.toISOString(),
  }));
}

export async function assessmentsOf(db: Kysely<DB>, familyId: string, id?: string): Promise<GraduationAssessment[]> {
  let query = db
    .selectFrom('graduation_assessment as g')
    .leftJoin('app_user as u', 'u.id', 'g.user_id')
    .select(['g.id', 'g.family_id', 'g.criteria_version', 'g.reference_date', 'g.passed', 'g.explanation', 'g.note', 'g.user_id', 'u.username', 'g.at'])
    .where('g.family_id', '=', familyId);
  if (id !== undefined) query = query.where('g.id', '=', id);
  const rows = await query.orderBy('g.at', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    familyId: row.family_id,
    criteriaVersion: row.criteria_version,
    referenceDate: row.reference_date,
    passed: row.passed,
    tree: row.explanation as GraduationAssessment['tree'],
    note: row.note,
    actor: { id: row.user_id, username: row.username },
    at: row.at.toISOString(),
  }));
}
