import { z } from 'zod';
import { ContributionForm, RenovationFundingSource } from '../renovation/funding.ts';
import { RenovationStage } from '../renovation/lifecycle.ts';
import { RTLH_CRITERIA, type RtlhCriterion } from '../renovation/rtlh.ts';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, PageQuery, RegionCode, Uuid } from './common.ts';
import { IsoDay, Rupiah } from './programs.ts';
import { AreaBreakdown, AreaQuery } from './regions.ts';

/** House renovation (bedah rumah, RTLH): API contracts. */

export const RENOVATION_PHOTO_KINDS = ['assessment', 'progress', 'before', 'after', 'handover'] as const;
export const RenovationPhotoKind = z.enum(RENOVATION_PHOTO_KINDS);
export type RenovationPhotoKind = z.infer<typeof RenovationPhotoKind>;

export const RENOVATION_SOURCES = ['registry', 'village'] as const;
export const RenovationSource = z.enum(RENOVATION_SOURCES);
export type RenovationSource = z.infer<typeof RenovationSource>;

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
const Year = z.coerce.number().int().min(2000).max(2100);
const Version = z.number().int().min(1);

export const RtlhCriteriaSchema = z.object(Object.fromEntries(RTLH_CRITERIA.map((c) => [c, z.boolean()])) as Record<RtlhCriterion, z.ZodBoolean>);

export const RenovationProposalInput = z.object({
  familyId: Uuid,
  year: Year,
  source: RenovationSource,
  /** Who proposed: the village government and its musdes minutes, or the agency's own screening. */
  proposer: optionalText(MAX_NAME_LENGTH),
  note: optionalText(MAX_TEXT_LENGTH),
  /** Admins may put the house under another agency (PUPR/Perkim or Dinsos); others propose for their own. */
  agencyId: Uuid.nullish().transform((v) => v ?? null),
});
export type RenovationProposalInput = z.input<typeof RenovationProposalInput>;

export const RenovationAssessmentInput = z.object({
  version: Version,
  criteria: RtlhCriteriaSchema,
  /** When both are given, "crowded" follows from them (under 9 m² per person). */
  floorAreaM2: z.number().positive().max(10_000).nullish().transform((v) => v ?? null),
  occupants: z.number().int().min(1).max(100).nullish().transform((v) => v ?? null),
  assessedOn: IsoDay,
  note: optionalText(MAX_TEXT_LENGTH),
});
export type RenovationAssessmentInput = z.input<typeof RenovationAssessmentInput>;

export const RenovationVerifyInput = z.object({ version: Version, verifiedOn: IsoDay, note: optionalText(MAX_TEXT_LENGTH) });
export type RenovationVerifyInput = z.input<typeof RenovationVerifyInput>;

export const RenovationScheduleInput = z.object({
  version: Version,
  plannedStart: IsoDay,
  plannedEnd: IsoDay,
  budget: Rupiah.nullish().transform((v) => v ?? null),
}).refine((v) => v.plannedStart <= v.plannedEnd, { path: ['plannedEnd'], message: 'selesai sebelum mulai / ends before it starts' });
export type RenovationScheduleInput = z.input<typeof RenovationScheduleInput>;

export const RenovationRejectInput = z.object({ version: Version, reason: z.string().trim().min(3).max(MAX_TEXT_LENGTH), rejectedOn: IsoDay });
export type RenovationRejectInput = z.input<typeof RenovationRejectInput>;

export const RenovationCompleteInput = z.object({
  version: Version,
  completedOn: IsoDay,
  handoverOn: IsoDay.nullish().transform((v) => v ?? null),
  note: optionalText(MAX_TEXT_LENGTH),
});
export type RenovationCompleteInput = z.input<typeof RenovationCompleteInput>;

export const RenovationFundingInput = z.object({
  source: RenovationFundingSource,
  partnerId: Uuid.nullish().transform((v) => v ?? null),
  form: ContributionForm,
  value: Rupiah.min(1),
  description: optionalText(MAX_TEXT_LENGTH),
  contributedOn: IsoDay,
});
export type RenovationFundingInput = z.input<typeof RenovationFundingInput>;

/** The text fields of a progress report (sent as multipart with its photos). */
export const RenovationProgressFields = z.object({
  percent: z.coerce.number().int().min(0).max(100),
  recordedOn: IsoDay,
  note: optionalText(MAX_TEXT_LENGTH),
});
export type RenovationProgressFields = z.input<typeof RenovationProgressFields>;

export const RenovationPhotoFields = z.object({ kind: RenovationPhotoKind, caption: optionalText(MAX_NAME_LENGTH) });

export const RenovationListQuery = PageQuery.extend({
  stage: RenovationStage.optional(),
  year: Year.optional(),
  kecamatanCode: RegionCode.optional(),
  villageCode: RegionCode.optional(),
  /** Houses anywhere inside this region (a kabupaten/kota of a province installation, or any lower level). */
  area: RegionCode.optional(),
  /** Head of family, address or proposer. */
  q: z.string().trim().max(100).optional(),
});
export type RenovationListQuery = z.infer<typeof RenovationListQuery>;

export const RenovationListItem = z.object({
  id: Uuid,
  familyId: Uuid,
  headName: z.string().nullable(),
  address: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  kecamatanCode: z.string(),
  kecamatanName: z.string().nullable(),
  agencyId: Uuid,
  agencyShortName: z.string(),
  year: z.number().int(),
  stage: RenovationStage,
  source: RenovationSource,
  score: z.number().int().nullable(),
  progress: z.number().int(),
  fundingTotal: z.number(),
  updatedAt: z.string(),
});
export type RenovationListItem = z.infer<typeof RenovationListItem>;

export const RenovationPhoto = z.object({
  id: Uuid,
  kind: RenovationPhotoKind,
  progressId: Uuid.nullable(),
  name: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  size: z.number().int(),
  /** When the phone took it (from the photo's EXIF), if known. */
  takenAt: z.string().nullable(),
  caption: z.string().nullable(),
  createdAt: z.string(),
  url: z.string(),
});
export type RenovationPhoto = z.infer<typeof RenovationPhoto>;

export const RenovationFunding = z.object({
  id: Uuid,
  source: RenovationFundingSource,
  partnerId: Uuid.nullable(),
  partnerName: z.string().nullable(),
  form: ContributionForm,
  value: z.number(),
  description: z.string().nullable(),
  contributedOn: z.string(),
  createdBy: z.string().nullable(),
});
export type RenovationFunding = z.infer<typeof RenovationFunding>;

export const RenovationProgressEntry = z.object({
  id: Uuid,
  percent: z.number().int(),
  recordedOn: z.string(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type RenovationProgressEntry = z.infer<typeof RenovationProgressEntry>;

export const RenovationStageChange = z.object({
  fromStage: RenovationStage.nullable(),
  toStage: RenovationStage,
  note: z.string().nullable(),
  at: z.string(),
  username: z.string().nullable(),
});
export type RenovationStageChange = z.infer<typeof RenovationStageChange>;

const Totals = z.object({
  total: z.number(),
  bySource: z.record(RenovationFundingSource, z.number()),
  byForm: z.record(ContributionForm, z.number()),
});

export const Renovation = RenovationListItem.extend({
  proposer: z.string().nullable(),
  proposalNote: z.string().nullable(),
  criteria: RtlhCriteriaSchema.nullable(),
  /** What the registry's house variables already show (the assessment form starts from it). */
  registryCriteria: RtlhCriteriaSchema,
  floorAreaM2: z.number().nullable(),
  occupants: z.number().int().nullable(),
  assessedOn: z.string().nullable(),
  assessmentNote: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  verificationNote: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  budget: z.number().nullable(),
  startedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  handoverOn: z.string().nullable(),
  completionNote: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  version: z.number().int(),
  funding: z.array(RenovationFunding),
  fundingTotals: Totals,
  progressEntries: z.array(RenovationProgressEntry),
  photos: z.array(RenovationPhoto),
  history: z.array(RenovationStageChange),
  /** What the signed-in user may do now (empty for readers). */
  actions: z.array(z.enum(['assess', 'verify', 'schedule', 'start', 'complete', 'reject', 'fund', 'photo'])),
});
export type Renovation = z.infer<typeof Renovation>;

export const RenovationTargetInput = z.object({
  units: z.number().int().min(0).max(1_000_000),
  kecamatan: z.array(z.object({ kecamatanCode: RegionCode, units: z.number().int().min(0).max(1_000_000) })).max(500).default([]),
});
export type RenovationTargetInput = z.input<typeof RenovationTargetInput>;

export const RenovationTarget = z.object({
  year: z.number().int(),
  units: z.number().int().nullable(),
  kecamatan: z.array(z.object({ kecamatanCode: z.string(), kecamatanName: z.string().nullable(), units: z.number().int() })),
});
export type RenovationTarget = z.infer<typeof RenovationTarget>;

export const RenovationSummaryQuery = AreaQuery.extend({ year: Year, kecamatanCode: RegionCode.optional() });
export type RenovationSummaryQuery = z.infer<typeof RenovationSummaryQuery>;

const RenovationPlaceCounts = z.object({
  target: z.number().int().nullable(),
  completed: z.number().int(),
  inProgress: z.number().int(),
  pipeline: z.number().int(),
});

export const RenovationSummary = z.object({
  year: z.number().int(),
  /** The year's target in units (null when none is set); for a narrower view the sum of its kecamatan targets. */
  target: z.number().int().nullable(),
  /** Houses of the year completed (the realisation). */
  completed: z.number().int(),
  byStage: z.record(RenovationStage, z.number().int()),
  /** Kecamatan rows (of the area, when one is asked for). */
  byKecamatan: z.array(RenovationPlaceCounts.extend({ kecamatanCode: z.string(), kecamatanName: z.string().nullable() })),
  /** The kecamatan rows rolled up one level below the area (kabupaten/kota in a province); target sums the kecamatan targets. */
  byArea: z.array(RenovationPlaceCounts.extend({ code: z.string(), name: z.string() })),
  byFunder: z.array(z.object({
    source: RenovationFundingSource,
    partnerId: Uuid.nullable(),
    partnerName: z.string().nullable(),
    houses: z.number().int(),
    completedHouses: z.number().int(),
    value: z.number(),
    byForm: z.record(ContributionForm, z.number()),
  })),
}).extend(AreaBreakdown.shape);
export type RenovationSummary = z.infer<typeof RenovationSummary>;

export const RenovationCandidateQuery = PageQuery.extend({
  kecamatanCode: RegionCode.optional(),
  villageCode: RegionCode.optional(),
  minScore: z.coerce.number().int().min(0).max(100).default(50),
});
export type RenovationCandidateQuery = z.infer<typeof RenovationCandidateQuery>;

export const RenovationCandidate = z.object({
  familyId: Uuid,
  headName: z.string().nullable(),
  address: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  desil: z.number().int().nullable(),
  registryScore: z.number().int(),
  criteria: RtlhCriteriaSchema,
});
export type RenovationCandidate = z.infer<typeof RenovationCandidate>;
