import { z } from 'zod';
import { ExplainNodeSchema } from '../eligibility/catalogue.ts';
import { PathwayStage } from '../pathway-stages.ts';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, RegionCode, Uuid } from './common.ts';
import { LocalizedText } from './imports.ts';
import { IsoDay } from './programs.ts';

/** API contracts of each family's way out of poverty: stages, transitions with evidence, graduation assessments, counts. */

/**
 * What a step rests on, by reference: a program enrolment, a referral, a training record, a renovation… Each module
 * owns its records; the pathway keeps only the kind, the id and a label to show.
 */
export const EVIDENCE_KINDS = ['enrolment', 'referral', 'training', 'renovation', 'assessment', 'other'] as const;
export const EvidenceKind = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const PathwayEvidence = z.object({
  kind: EvidenceKind,
  id: z.string().trim().min(1).max(100),
  label: z.string().trim().min(1).max(MAX_NAME_LENGTH),
});
export type PathwayEvidence = z.infer<typeof PathwayEvidence>;

const optionalText = z.string().trim().max(MAX_TEXT_LENGTH).nullish().transform((v) => (v ? v : null));

export const PathwayTransitionCreate = z.object({
  toStage: PathwayStage,
  /** The day the family reached the stage (not later than today). */
  onDate: IsoDay,
  evidence: z.array(PathwayEvidence).max(20).default([]),
  note: optionalText,
  /** A passed graduation assessment of this family; required for mandiri unless overridden. */
  assessmentId: Uuid.nullish().transform((v) => v ?? null),
  /** Declares mandiri without a passed assessment; audited. At least 10 characters. */
  overrideReason: z.string().trim().min(10).max(MAX_TEXT_LENGTH).nullish().transform((v) => v ?? null),
  /** The family's business started on this day (kept for "business running N months"). */
  businessStartedOn: IsoDay.nullish().transform((v) => v ?? null),
  /** The pathway version the operator saw (409 conflict when someone recorded a step in between); absent for a new pathway. */
  version: z.number().int().min(1).optional(),
});
export type PathwayTransitionCreate = z.input<typeof PathwayTransitionCreate>;

const Actor = z.object({ id: z.string().nullable(), username: z.string().nullable() });
const Agency = z.object({ id: Uuid, shortName: z.string() }).nullable();

export const PathwayTransition = z.object({
  id: Uuid,
  fromStage: PathwayStage.nullable(),
  toStage: PathwayStage,
  onDate: z.string(),
  agency: Agency,
  evidence: z.array(PathwayEvidence),
  note: z.string().nullable(),
  assessmentId: Uuid.nullable(),
  overrideReason: z.string().nullable(),
  actor: Actor,
  at: z.string(),
});
export type PathwayTransition = z.infer<typeof PathwayTransition>;

export const SuggestedEvidence = PathwayEvidence.extend({
  stage: PathwayStage,
  /** The agency whose record it is. */
  agency: Agency,
  date: z.string().nullable(),
});
export type SuggestedEvidence = z.infer<typeof SuggestedEvidence>;

export const GraduationAssessment = z.object({
  id: Uuid,
  familyId: Uuid,
  criteriaVersion: z.number().int(),
  referenceDate: z.string(),
  passed: z.boolean(),
  tree: ExplainNodeSchema,
  note: z.string().nullable(),
  actor: Actor,
  at: z.string(),
});
export type GraduationAssessment = z.infer<typeof GraduationAssessment>;

export const FamilyPathway = z.object({
  familyId: Uuid,
  /** null: the family has no recorded step yet. */
  stage: PathwayStage.nullable(),
  stageSince: z.string().nullable(),
  agency: Agency,
  baselineDesil: z.number().int().nullable(),
  businessStartedOn: z.string().nullable(),
  version: z.number().int().nullable(),
  /** Oldest first. */
  transitions: z.array(PathwayTransition),
  /** Newest first. */
  assessments: z.array(GraduationAssessment),
  /** The furthest stage the family's records point at, when further than where it stands; an operator confirms it. */
  suggestion: z.object({ stage: PathwayStage, evidence: z.array(SuggestedEvidence) }).nullable(),
  /** Every record that could back a step, with the stage it points at. */
  evidence: z.array(SuggestedEvidence),
});
export type FamilyPathway = z.infer<typeof FamilyPathway>;

export const GraduationAssessmentCreate = z.object({
  /** The day the criteria are applied; today when absent. */
  referenceDate: IsoDay.optional(),
  note: optionalText,
});
export type GraduationAssessmentCreate = z.input<typeof GraduationAssessmentCreate>;

export const GraduationCriteria = z.object({
  /** 0: the built-in default, never saved. */
  version: z.number().int(),
  rule: z.unknown(),
  text: LocalizedText,
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type GraduationCriteria = z.infer<typeof GraduationCriteria>;

export const GraduationCriteriaUpdate = z.object({
  rule: z.unknown(),
  note: optionalText,
  /** The version the change was made on; when someone saved a newer one meanwhile, the save is refused (409 conflict). */
  basedOnVersion: z.number().int().min(0).optional(),
});
export type GraduationCriteriaUpdate = z.input<typeof GraduationCriteriaUpdate>;

export const PATHWAY_COUNT_GROUPINGS = ['kecamatan', 'agency'] as const;
export const PathwayCountQuery = z.object({
  by: z.enum(PATHWAY_COUNT_GROUPINGS).default('kecamatan'),
  /** Only families below this region (kecamatan or village), within the user's scope. */
  region: RegionCode.optional(),
});
export type PathwayCountQuery = z.input<typeof PathwayCountQuery>;

const StageCounts = z.object({ bantuan: z.number().int(), pemberdayaan: z.number().int(), pengembangan: z.number().int(), mandiri: z.number().int() });
export type StageCounts = z.infer<typeof StageCounts>;

export const PathwayCountRow = StageCounts.extend({
  /** Kecamatan code or agency id; null for steps no agency's record stands behind. */
  key: z.string().nullable(),
  name: z.string(),
  total: z.number().int(),
});
export type PathwayCountRow = z.infer<typeof PathwayCountRow>;

export const PathwayCounts = z.object({
  by: z.enum(PATHWAY_COUNT_GROUPINGS),
  rows: z.array(PathwayCountRow),
  totals: StageCounts.extend({ total: z.number().int() }),
});
export type PathwayCounts = z.infer<typeof PathwayCounts>;

/** A draft of the graduation criteria to try before saving; checked exactly like a save (400 invalid_rule lists every issue). */
export const GraduationCriteriaPreviewBody = z.object({ rule: z.unknown() });
export type GraduationCriteriaPreviewBody = z.input<typeof GraduationCriteriaPreviewBody>;

/** How many families on their way out (not yet mandiri) the draft accepts, next to how many the saved criteria accept. */
const PreviewCounts = z.object({
  /** Families on a pathway, not yet mandiri. */
  onPathway: z.number().int(),
  /** Of those, how many meet the draft criteria today. */
  draft: z.number().int(),
  /** Of those, how many meet the saved criteria today. */
  current: z.number().int(),
});

export const GraduationCriteriaPreview = PreviewCounts.extend({
  referenceDate: z.string(),
  /** The saved version the draft is compared with (0: the built-in default). */
  currentVersion: z.number().int(),
  /** Bantuan, pemberdayaan and pengembangan, in that order, each present. */
  byStage: z.array(PreviewCounts.extend({ stage: PathwayStage })),
  /** Kecamatan holding families on their way out, by code. */
  byKecamatan: z.array(PreviewCounts.extend({ code: z.string(), name: z.string() })),
});
export type GraduationCriteriaPreview = z.infer<typeof GraduationCriteriaPreview>;
