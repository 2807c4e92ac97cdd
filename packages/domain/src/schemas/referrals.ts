import { z } from 'zod';
import type { LocalText } from '../eligibility/ast.ts';
import { ReferralAction, ReferralStatus } from '../referral-lifecycle.ts';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, PageQuery, RegionCode, Uuid } from './common.ts';
import { IsoDay } from './programs.ts';

/** Referrals between agencies: what one agency asks another to do for a family, and rules that send them. */

export const REFERRAL_SERVICES = [
  'capital_access', 'marketing', 'packaging_training', 'skills_training', 'job_placement', 'business_mentoring',
  'house_renovation', 'sanitation_water', 'social_aid', 'health', 'education', 'other',
] as const;
export const ReferralService = z.enum(REFERRAL_SERVICES);
export type ReferralService = z.infer<typeof ReferralService>;

export const REFERRAL_SERVICE_LABELS: Record<ReferralService, LocalText> = {
  capital_access: { id: 'Akses permodalan', en: 'Capital access' },
  marketing: { id: 'Pemasaran', en: 'Marketing' },
  packaging_training: { id: 'Pelatihan pengemasan', en: 'Packaging training' },
  skills_training: { id: 'Pelatihan keterampilan', en: 'Skills training' },
  job_placement: { id: 'Penempatan kerja', en: 'Job placement' },
  business_mentoring: { id: 'Pendampingan usaha', en: 'Business mentoring' },
  house_renovation: { id: 'Bedah rumah (RTLH)', en: 'House renovation' },
  sanitation_water: { id: 'Sanitasi dan air bersih', en: 'Sanitation and clean water' },
  social_aid: { id: 'Bantuan sosial', en: 'Social aid' },
  health: { id: 'Layanan kesehatan', en: 'Health services' },
  education: { id: 'Pendidikan', en: 'Education' },
  other: { id: 'Lainnya', en: 'Other' },
};

export const MAX_ANSWER_DAYS = 90;
export const DEFAULT_ANSWER_DAYS = 7;

/**
 * Why the family's data may be shared with the receiving agency (UU PDP 27/2022): the family's consent, recorded with
 * the day and who gave it, or a named legal basis (e.g. a public-service task).
 */
export const ReferralSharing = z.discriminatedUnion('basis', [
  z.object({
    basis: z.literal('consent'),
    consentOn: IsoDay,
    consentBy: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  }),
  z.object({
    basis: z.literal('legal_basis'),
    legalBasis: z.string().trim().min(3).max(MAX_TEXT_LENGTH),
  }),
]);
export type ReferralSharing = z.infer<typeof ReferralSharing>;

export const ReferralCreate = z.object({
  familyId: Uuid,
  memberId: Uuid.optional(),
  toAgencyId: Uuid,
  services: z.array(ReferralService).min(1).max(REFERRAL_SERVICES.length).refine((list) => new Set(list).size === list.length, 'layanan ganda / duplicate service'),
  /** Days the receiving agency has to accept or decline. */
  answerDays: z.number().int().min(1).max(MAX_ANSWER_DAYS).default(DEFAULT_ANSWER_DAYS),
  /** Day by which the service should be given (optional). */
  dueOn: IsoDay.optional(),
  note: z.string().trim().max(MAX_TEXT_LENGTH).optional(),
  sharing: ReferralSharing,
  /** The program enrolment that led to the referral, if any. */
  enrolmentId: Uuid.optional(),
});
export type ReferralCreate = z.input<typeof ReferralCreate>;

const Reason = z.string().trim().min(3).max(MAX_TEXT_LENGTH);

/** One step of the lifecycle; a decline, a "not served" and a withdrawal need a reason, "served" says what was given. */
export const ReferralTransitionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), note: z.string().trim().max(MAX_TEXT_LENGTH).optional(), version: z.number().int().optional() }),
  z.object({ action: z.literal('decline'), reason: Reason, version: z.number().int().optional() }),
  z.object({ action: z.literal('serve'), outcome: Reason, version: z.number().int().optional() }),
  z.object({ action: z.literal('not_serve'), reason: Reason, version: z.number().int().optional() }),
  z.object({ action: z.literal('withdraw'), reason: Reason, version: z.number().int().optional() }),
]);
export type ReferralTransitionInput = z.infer<typeof ReferralTransitionInput>;

const AgencyRef = z.object({ id: Uuid, name: z.string(), shortName: z.string() });

export const Referral = z.object({
  id: Uuid,
  status: ReferralStatus,
  familyId: Uuid,
  /** Masked unless the caller unmasked it (audited). */
  noKk: z.string(),
  headName: z.string().nullable(),
  address: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
  kecamatanName: z.string(),
  desil: z.number().int().nullable(),
  member: z.object({ id: Uuid, name: z.string(), nik: z.string() }).nullable(),
  fromAgency: AgencyRef,
  toAgency: AgencyRef,
  services: z.array(ReferralService),
  note: z.string().nullable(),
  answerDays: z.number().int(),
  answerBy: z.string(),
  dueOn: z.string().nullable(),
  sharing: ReferralSharing,
  enrolmentId: Uuid.nullable(),
  programName: z.string().nullable(),
  /** Created by a program's referral rule when the enrolment was served. */
  automatic: z.boolean(),
  createdBy: z.string().nullable(),
  sentAt: z.string(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Reason of a decline, "not served" or withdrawal. */
  reason: z.string().nullable(),
  /** What was given, when served. */
  outcome: z.string().nullable(),
  overdue: z.enum(['answer', 'close']).nullable(),
  /** What the caller's agency may do now. */
  actions: z.array(ReferralAction),
  version: z.number().int(),
});
export type Referral = z.infer<typeof Referral>;

export const REFERRAL_BOXES = ['received', 'sent', 'overdue', 'all'] as const;
export const ReferralBox = z.enum(REFERRAL_BOXES);
export type ReferralBox = z.infer<typeof ReferralBox>;

export const ReferralListQuery = PageQuery.extend({
  /** received: sent to my agency; sent: sent by it; overdue: late ones I may see; all: everything I may see. */
  box: ReferralBox.default('received'),
  status: ReferralStatus.optional(),
  overdue: z.stringbool().optional(),
  region: RegionCode.optional(),
  familyId: Uuid.optional(),
  agencyId: Uuid.optional(),
});
export type ReferralListQuery = z.input<typeof ReferralListQuery>;

export const ReferralEvent = z.object({
  id: z.number().int(),
  action: z.enum(['send', ...ReferralAction.options, 'overdue']),
  fromStatus: ReferralStatus.nullable(),
  toStatus: ReferralStatus,
  text: z.string().nullable(),
  user: z.string().nullable(),
  agency: z.string().nullable(),
  at: z.string(),
});
export type ReferralEvent = z.infer<typeof ReferralEvent>;

export const ReferralCounts = z.object({
  received: z.number().int(),
  receivedOpen: z.number().int(),
  sent: z.number().int(),
  overdue: z.number().int(),
});
export type ReferralCounts = z.infer<typeof ReferralCounts>;

/** A program's rule: when one of its families is served, refer it to an agency for these services. */
export const ReferralRuleInput = z.object({
  toAgencyId: Uuid,
  services: ReferralCreate.shape.services,
  answerDays: z.number().int().min(1).max(MAX_ANSWER_DAYS).default(DEFAULT_ANSWER_DAYS),
  /** Days after sending by which the service should be given; none = no closing due date. */
  dueDays: z.number().int().min(1).max(365).optional(),
  note: z.string().trim().max(MAX_TEXT_LENGTH).optional(),
  active: z.boolean().default(true),
});
export type ReferralRuleInput = z.input<typeof ReferralRuleInput>;

export const ReferralRule = z.object({
  id: Uuid,
  programId: Uuid,
  toAgency: AgencyRef,
  services: z.array(ReferralService),
  answerDays: z.number().int(),
  dueDays: z.number().int().nullable(),
  note: z.string().nullable(),
  active: z.boolean(),
});
export type ReferralRule = z.infer<typeof ReferralRule>;
