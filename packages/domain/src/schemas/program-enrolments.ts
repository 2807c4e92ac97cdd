import { z } from 'zod';
import { EligibilityRule, PriorityOrder } from '../eligibility/ast.ts';
import { EnrolmentReason, EnrolmentStatus } from '../program-lifecycle.ts';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, PageQuery, RegionCode, Uuid } from './common.ts';
import { IsoDay } from './programs.ts';

/** Targeting runs, the beneficiaries they produce, field verification and decrees (SK). */

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const RunStatus = z.enum(RUN_STATUSES);
export const RUN_PHASES = ['queued', 'counting', 'selecting', 'saving', 'done', 'failed'] as const;
export const RunPhase = z.enum(RUN_PHASES);

export const RunKecamatanCount = z.object({
  kecamatanCode: z.string(),
  kecamatanName: z.string(),
  /** Families the quota allows; null when the program has no quotas. */
  quota: z.number().int().nullable(),
  qualified: z.number().int(),
  selected: z.number().int(),
  waiting: z.number().int(),
});
export type RunKecamatanCount = z.infer<typeof RunKecamatanCount>;

export const TargetingRun = z.object({
  id: Uuid,
  programId: Uuid,
  status: RunStatus,
  phase: RunPhase,
  ruleVersion: z.number().int(),
  rule: EligibilityRule,
  priority: PriorityOrder,
  referenceDate: z.string(),
  targetFamilies: z.number().int().nullable(),
  registrySnapshotAt: z.string().nullable(),
  registryFamilies: z.number().int().nullable(),
  registryMembers: z.number().int().nullable(),
  totalFamilies: z.number().int().nullable(),
  processedFamilies: z.number().int(),
  qualified: z.number().int().nullable(),
  selected: z.number().int().nullable(),
  waiting: z.number().int().nullable(),
  /** Per kecamatan; a user with a limited region scope sees only his kecamatan. */
  byKecamatan: z.array(RunKecamatanCount),
  /** Whether this run's candidates became the program's beneficiaries (not once verification has begun). */
  adopted: z.boolean(),
  error: z.object({ id: z.string(), en: z.string() }).nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TargetingRun = z.infer<typeof TargetingRun>;

export const RunFamiliesQuery = PageQuery.extend({
  outcome: z.enum(['selected', 'waiting']).default('selected'),
  region: RegionCode.optional(),
});
export type RunFamiliesQuery = z.infer<typeof RunFamiliesQuery>;

export const RunFamily = z.object({
  familyId: Uuid,
  /** Masked (3507********0002). */
  noKk: z.string(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
  kecamatanName: z.string(),
  desil: z.number().int().nullable(),
  score: z.number(),
  rank: z.number().int(),
  kecamatanRank: z.number().int(),
  outcome: z.enum(['selected', 'waiting']),
  waitingRank: z.number().int().nullable(),
  /** The family's status in the program now, when it is enrolled. */
  enrolmentStatus: EnrolmentStatus.nullable(),
});
export type RunFamily = z.infer<typeof RunFamily>;

export const RunRegionCountsQuery = z.object({ level: z.enum(['kecamatan', 'village']).default('kecamatan') });

export const RunRegionCount = z.object({
  code: z.string(),
  name: z.string(),
  kecamatanName: z.string(),
  qualified: z.number().int(),
  selected: z.number().int(),
  waiting: z.number().int(),
});
export type RunRegionCount = z.infer<typeof RunRegionCount>;

export const EnrolmentListQuery = PageQuery.extend({
  status: EnrolmentStatus.optional(),
  region: RegionCode.optional(),
  /** Head of family name (part of it). */
  q: z.string().trim().max(100).optional(),
  decreeId: Uuid.optional(),
});
export type EnrolmentListQuery = z.infer<typeof EnrolmentListQuery>;

export const Enrolment = z.object({
  id: Uuid,
  programId: Uuid,
  familyId: Uuid,
  noKk: z.string(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
  kecamatanCode: z.string(),
  kecamatanName: z.string(),
  desil: z.number().int().nullable(),
  status: EnrolmentStatus,
  reason: EnrolmentReason.nullable(),
  note: z.string().nullable(),
  source: z.enum(['targeting', 'replacement']),
  rank: z.number().int().nullable(),
  score: z.number().nullable(),
  replacesId: Uuid.nullable(),
  replacedById: Uuid.nullable(),
  verifiedOn: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  decreeId: Uuid.nullable(),
  decreeNumber: z.string().nullable(),
  servedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Enrolment = z.infer<typeof Enrolment>;

/** A field finding: the candidate is confirmed, or rejected with a reason (a note when the reason is "other"). */
export const VerificationInput = z.object({
  result: z.enum(['verified', 'rejected']),
  reason: EnrolmentReason.optional(),
  note: z.string().trim().max(MAX_TEXT_LENGTH).optional(),
  /** The day of the field visit; today when absent. */
  fieldDate: IsoDay.optional(),
  /** The version the officer saw; a stale one is refused with 409. */
  version: z.number().int().min(1).optional(),
}).superRefine((value, context) => {
  if (value.result === 'rejected' && !value.reason) {
    context.addIssue({ code: 'custom', path: ['reason'], message: 'alasan penolakan wajib diisi / a rejection needs a reason' });
  }
  if (value.result === 'verified' && value.reason) {
    context.addIssue({ code: 'custom', path: ['reason'], message: 'alasan hanya untuk penolakan / a reason belongs to a rejection' });
  }
  if (value.reason === 'other' && !value.note) {
    context.addIssue({ code: 'custom', path: ['note'], message: 'jelaskan alasan "lainnya" / explain the reason "other"' });
  }
});
export type VerificationInput = z.input<typeof VerificationInput>;

/** The explicit path for changing a decreed family: cancel (before serving) or stop (after), always with reason and note. */
export const PostDecreeChangeInput = z.object({
  action: z.enum(['cancel', 'stop']),
  reason: EnrolmentReason,
  note: z.string().trim().min(5).max(MAX_TEXT_LENGTH),
  /** Draw a replacement from the waiting list at once (cancellations only). */
  replace: z.boolean().default(false),
  version: z.number().int().min(1).optional(),
});
export type PostDecreeChangeInput = z.input<typeof PostDecreeChangeInput>;

export const ReplacementInput = z.object({ note: z.string().trim().max(MAX_TEXT_LENGTH).optional() });

export const Replacement = z.object({ replaced: Enrolment, replacement: Enrolment });
export type Replacement = z.infer<typeof Replacement>;

export const EnrolmentChange = z.object({
  id: z.number().int(),
  action: z.enum(['verify', 'reject', 'decree', 'serve', 'finish', 'stop', 'cancel', 'replace', 'replacement']),
  fromStatus: EnrolmentStatus.nullable(),
  toStatus: EnrolmentStatus,
  reason: z.string().nullable(),
  note: z.string().nullable(),
  postDecree: z.boolean(),
  decreeNumber: z.string().nullable(),
  relatedId: Uuid.nullable(),
  fieldDate: z.string().nullable(),
  user: z.string().nullable(),
  at: z.string(),
});
export type EnrolmentChange = z.infer<typeof EnrolmentChange>;

export const DecreeInput = z.object({
  number: z.string().trim().min(3).max(120),
  decreeDate: IsoDay,
  signedBy: z.string().trim().min(3).max(MAX_NAME_LENGTH),
  title: z.string().trim().max(MAX_TEXT_LENGTH).optional(),
});
export type DecreeInput = z.input<typeof DecreeInput>;

export const Decree = z.object({
  id: Uuid,
  programId: Uuid,
  number: z.string(),
  decreeDate: z.string(),
  signedBy: z.string(),
  title: z.string().nullable(),
  kind: z.enum(['initial', 'amendment']),
  enrolmentCount: z.number().int(),
  file: z.object({ name: z.string(), type: z.string(), size: z.number().int() }).nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Decree = z.infer<typeof Decree>;

export const DecreeExportQuery = z.object({
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
  /** Full NIK and No KK: needs registry.unmask; audited either way. */
  unmask: z.stringbool().default(false),
});
export type DecreeExportQuery = z.infer<typeof DecreeExportQuery>;
