import { z } from 'zod';
import type { LocalText } from '../eligibility/ast.ts';
import { FOLLOW_UP_MONTHS } from '../training/follow-ups.ts';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, PageQuery, RegionCode, Uuid } from './common.ts';
import { IsoDay, Rupiah } from './programs.ts';

/** Training by Disnaker through partner institutes (LPK): courses, cohorts, participants, attendance, follow-ups. */

export const TRAINING_SKILLS = ['sewing', 'embroidery', 'food_processing', 'packaging', 'handicraft', 'beauty', 'automotive', 'digital', 'other'] as const;
export const TrainingSkill = z.enum(TRAINING_SKILLS);
export type TrainingSkill = z.infer<typeof TrainingSkill>;

export const TRAINING_SKILL_LABELS: Record<TrainingSkill, LocalText> = {
  sewing: { id: 'Menjahit', en: 'Sewing' },
  embroidery: { id: 'Bordir', en: 'Embroidery' },
  food_processing: { id: 'Pengolahan pangan', en: 'Food processing' },
  packaging: { id: 'Pengemasan produk', en: 'Product packaging' },
  handicraft: { id: 'Kerajinan tangan', en: 'Handicraft' },
  beauty: { id: 'Tata rias', en: 'Beauty' },
  automotive: { id: 'Otomotif', en: 'Automotive' },
  digital: { id: 'Pemasaran digital', en: 'Digital marketing' },
  other: { id: 'Lainnya', en: 'Other' },
};

/** Where a cohort meets; a prison (lapas) trains its inmates inside. */
export const TRAINING_PLACE_KINDS = ['lpk', 'prison', 'village_hall', 'other'] as const;
export const TrainingPlaceKind = z.enum(TRAINING_PLACE_KINDS);
export type TrainingPlaceKind = z.infer<typeof TrainingPlaceKind>;

export const TRAINING_PLACE_LABELS: Record<TrainingPlaceKind, LocalText> = {
  lpk: { id: 'Tempat LPK', en: 'Training institute' },
  prison: { id: 'Lembaga pemasyarakatan (lapas)', en: 'Prison' },
  village_hall: { id: 'Balai desa', en: 'Village hall' },
  other: { id: 'Lainnya', en: 'Other' },
};

/** Who a participant is counted as in the reports (see targetGroupOf). */
export const TRAINING_TARGET_GROUPS = ['inmate', 'disability', 'business_family', 'other'] as const;
export const TrainingTargetGroup = z.enum(TRAINING_TARGET_GROUPS);
export type TrainingTargetGroup = z.infer<typeof TrainingTargetGroup>;
/** Groups that reveal a criminal record or a disability: shown per person only to roles that may unmask. */
export const SPECIFIC_TRAINING_TARGET_GROUPS: readonly TrainingTargetGroup[] = ['inmate', 'disability'];

export const TRAINING_TARGET_GROUP_LABELS: Record<TrainingTargetGroup, LocalText> = {
  inmate: { id: 'Warga binaan lapas', en: 'Prison inmates' },
  disability: { id: 'Penyandang disabilitas', en: 'People with disabilities' },
  business_family: { id: 'Keluarga penerima paket usaha', en: 'Business-package families' },
  other: { id: 'Lainnya', en: 'Other' },
};

export const TRAINING_FOLLOW_UP_STATUSES = ['working', 'own_business', 'not_working'] as const;
export const TrainingFollowUpStatus = z.enum(TRAINING_FOLLOW_UP_STATUSES);
export type TrainingFollowUpStatus = z.infer<typeof TrainingFollowUpStatus>;

export const TRAINING_FOLLOW_UP_STATUS_LABELS: Record<TrainingFollowUpStatus, LocalText> = {
  working: { id: 'Bekerja', en: 'Working' },
  own_business: { id: 'Usaha sendiri', en: 'Own business' },
  not_working: { id: 'Belum bekerja', en: 'Not working' },
};

export const TrainingFollowUpMilestone = z.union(FOLLOW_UP_MONTHS.map((months) => z.literal(months)));
export type TrainingFollowUpMilestone = z.infer<typeof TrainingFollowUpMilestone>;
/** done: recorded; scheduled: before the due date; due: up to 30 days after it; overdue: later. */
export const TrainingFollowUpState = z.enum(['done', 'scheduled', 'due', 'overdue']);
export type TrainingFollowUpState = z.infer<typeof TrainingFollowUpState>;

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

export const TrainingCourseInput = z.object({
  name: z.string().trim().min(3).max(MAX_NAME_LENGTH),
  skill: TrainingSkill,
  description: optionalText(MAX_TEXT_LENGTH),
  /** The owner agency; an operator's own agency when absent. */
  agencyId: Uuid.optional(),
  lpkPartnerId: Uuid.nullish().transform((v) => v ?? null),
  hours: z.number().int().min(1).max(2000).nullish().transform((v) => v ?? null),
  minAttendancePercent: z.number().int().min(1).max(100).default(80),
});
export type TrainingCourseInput = z.input<typeof TrainingCourseInput>;

export const TrainingCourse = z.object({
  id: Uuid,
  name: z.string(),
  skill: TrainingSkill,
  description: z.string().nullable(),
  agencyId: Uuid,
  agencyShortName: z.string(),
  lpkPartnerId: Uuid.nullable(),
  lpkName: z.string().nullable(),
  hours: z.number().nullable(),
  minAttendancePercent: z.number(),
  cohortCount: z.number(),
  canManage: z.boolean(),
});
export type TrainingCourse = z.infer<typeof TrainingCourse>;

export const TrainingCourseListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  agencyId: Uuid.optional(),
  skill: TrainingSkill.optional(),
});
export type TrainingCourseListQuery = z.infer<typeof TrainingCourseListQuery>;

export const TrainingSessionInput = z.object({
  date: IsoDay,
  topic: optionalText(MAX_NAME_LENGTH),
});

const TrainingCohortFields = z.object({
  name: z.string().trim().min(3).max(MAX_NAME_LENGTH),
  placeKind: TrainingPlaceKind,
  placeName: z.string().trim().min(3).max(MAX_NAME_LENGTH),
  /** The partner hosting the cohort (a prison, a company…), if any. */
  placePartnerId: Uuid.nullish().transform((v) => v ?? null),
  regionCode: RegionCode.nullish().transform((v) => v ?? null),
  startDate: IsoDay,
  endDate: IsoDay,
  trainers: z.array(z.string().trim().min(2).max(MAX_NAME_LENGTH)).max(20).default([]),
  seats: z.number().int().min(1).max(1000),
});
const periodInOrder = { path: ['endDate'], message: 'tanggal selesai sebelum tanggal mulai / end date before start date' };

export const TrainingCohortInput = TrainingCohortFields.extend({
  courseId: Uuid,
  /** The meetings; one per working day (Monday to Friday) of the period when absent. */
  sessions: z.array(TrainingSessionInput).max(200).optional(),
}).refine((v) => v.startDate <= v.endDate, periodInOrder);
export type TrainingCohortInput = z.input<typeof TrainingCohortInput>;

/** A changed cohort; `version` must be the one loaded (409 conflict). Sessions are added and removed one by one. */
export const TrainingCohortUpdate = TrainingCohortFields.extend({ version: z.number().int() }).refine((v) => v.startDate <= v.endDate, periodInOrder);
export type TrainingCohortUpdate = z.input<typeof TrainingCohortUpdate>;

export const TrainingSession = z.object({ id: Uuid, date: z.string(), topic: z.string().nullable() });
export type TrainingSession = z.infer<typeof TrainingSession>;

export const TrainingCohortStatus = z.enum(['open', 'completed']);

export const TrainingCohortListItem = z.object({
  id: Uuid,
  courseId: Uuid,
  courseName: z.string(),
  skill: TrainingSkill,
  agencyId: Uuid,
  agencyShortName: z.string(),
  lpkName: z.string().nullable(),
  name: z.string(),
  placeKind: TrainingPlaceKind,
  placeName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  seats: z.number(),
  participants: z.number(),
  completed: z.number(),
  status: TrainingCohortStatus,
});
export type TrainingCohortListItem = z.infer<typeof TrainingCohortListItem>;

export const TrainingCohort = TrainingCohortListItem.extend({
  placePartnerId: Uuid.nullable(),
  placePartnerName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  trainers: z.array(z.string()),
  minAttendancePercent: z.number(),
  sessions: z.array(TrainingSession),
  completedAt: z.string().nullable(),
  version: z.number(),
  canManage: z.boolean(),
});
export type TrainingCohort = z.infer<typeof TrainingCohort>;

export const TrainingCohortListQuery = PageQuery.extend({
  courseId: Uuid.optional(),
  agencyId: Uuid.optional(),
  status: TrainingCohortStatus.optional(),
  placeKind: TrainingPlaceKind.optional(),
});
export type TrainingCohortListQuery = z.infer<typeof TrainingCohortListQuery>;

export const TrainingCandidateQuery = z.object({
  /** Part of the name, or a whole NIK. */
  q: z.string().trim().max(100).optional(),
  group: TrainingTargetGroup.exclude(['other']).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TrainingCandidateQuery = z.infer<typeof TrainingCandidateQuery>;

export const TrainingCandidate = z.object({
  memberId: Uuid,
  familyId: Uuid,
  name: z.string(),
  nik: z.string(),
  sex: z.enum(['L', 'P']).nullable(),
  birthDate: z.string().nullable(),
  villageName: z.string().nullable(),
  kecamatanName: z.string().nullable(),
  groups: z.array(TrainingTargetGroup),
  suggestedGroup: TrainingTargetGroup,
  enrolled: z.boolean(),
});
export type TrainingCandidate = z.infer<typeof TrainingCandidate>;

export const TrainingParticipantAdd = z.object({
  memberId: Uuid,
  /** Counted under this group in the reports; worked out from the registry when absent. */
  targetGroup: TrainingTargetGroup.optional(),
  /** Set when another agency referred the person (the referral's id). */
  referralId: Uuid.nullish().transform((v) => v ?? null),
  referredByAgencyId: Uuid.nullish().transform((v) => v ?? null),
});
export type TrainingParticipantAdd = z.input<typeof TrainingParticipantAdd>;

export const TrainingParticipantUpdate = z.object({
  /** The final assessment; null = not assessed yet. */
  passed: z.boolean().nullable().optional(),
  withdrawn: z.boolean().optional(),
  targetGroup: TrainingTargetGroup.optional(),
});
export type TrainingParticipantUpdate = z.infer<typeof TrainingParticipantUpdate>;

export const CompletionReason = z.enum(['withdrawn', 'attendance', 'not_passed', 'no_sessions']);

export const TrainingParticipant = z.object({
  id: Uuid,
  memberId: Uuid,
  familyId: Uuid,
  name: z.string(),
  nik: z.string(),
  sex: z.enum(['L', 'P']).nullable(),
  villageName: z.string().nullable(),
  kecamatanName: z.string().nullable(),
  /** null: hidden, because the group (prison inmate, person with disability) is specific personal data under UU PDP. */
  targetGroup: TrainingTargetGroup.nullable(),
  referralId: Uuid.nullable(),
  referredByAgencyShortName: z.string().nullable(),
  withdrawn: z.boolean(),
  passed: z.boolean().nullable(),
  presentSessionIds: z.array(Uuid),
  attended: z.number(),
  attendancePercent: z.number().nullable(),
  /** What the completion rule says now (final once the cohort is completed). */
  completion: z.object({ outcome: z.enum(['completed', 'not_completed']), reasons: z.array(CompletionReason) }),
  /** Stored when the cohort is completed. */
  outcome: z.enum(['completed', 'not_completed']).nullable(),
  certificateNumber: z.string().nullable(),
});
export type TrainingParticipant = z.infer<typeof TrainingParticipant>;

export const TrainingParticipantList = z.object({
  items: z.array(TrainingParticipant),
  /** Participants in the cohort beyond the user's region scope (not listed). */
  outsideScope: z.number(),
});
export type TrainingParticipantList = z.infer<typeof TrainingParticipantList>;

export const TrainingAttendanceInput = z.object({
  entries: z.array(z.object({ participantId: Uuid, present: z.boolean() })).min(1).max(1000),
});
export type TrainingAttendanceInput = z.infer<typeof TrainingAttendanceInput>;

export const TrainingCohortComplete = z.object({ version: z.number().int() });

export const TrainingCompletionSummary = z.object({
  participants: z.number(),
  completed: z.number(),
  notCompleted: z.number(),
  followUps: z.number(),
});
export type TrainingCompletionSummary = z.infer<typeof TrainingCompletionSummary>;

export const TrainingFollowUp = z.object({
  id: Uuid,
  participantId: Uuid,
  memberId: Uuid,
  familyId: Uuid,
  name: z.string(),
  cohortId: Uuid,
  cohortName: z.string(),
  courseName: z.string(),
  agencyShortName: z.string(),
  milestone: TrainingFollowUpMilestone,
  dueOn: z.string(),
  state: TrainingFollowUpState,
  contactedOn: z.string().nullable(),
  status: TrainingFollowUpStatus.nullable(),
  employerPartnerId: Uuid.nullable(),
  employerName: z.string().nullable(),
  monthlyTurnover: z.number().nullable(),
  note: z.string().nullable(),
});
export type TrainingFollowUp = z.infer<typeof TrainingFollowUp>;

export const TrainingFollowUpInput = z
  .object({
    contactedOn: IsoDay,
    status: TrainingFollowUpStatus,
    /** A partner employer that took the graduate (partners of any type), or the employer's name. */
    employerPartnerId: Uuid.nullish().transform((v) => v ?? null),
    employerName: optionalText(MAX_NAME_LENGTH),
    /** Own business: turnover per month in rupiah. */
    monthlyTurnover: Rupiah.nullish().transform((v) => v ?? null),
    note: optionalText(MAX_TEXT_LENGTH),
  });
export type TrainingFollowUpInput = z.input<typeof TrainingFollowUpInput>;

export const TrainingFollowUpListQuery = PageQuery.extend({
  /** due+overdue (default): the reminders; all: every follow-up. */
  state: z.enum(['open', 'due', 'overdue', 'scheduled', 'done', 'all']).default('open'),
  cohortId: Uuid.optional(),
  /** The day states are counted on; today in the jurisdiction when absent. */
  asOf: IsoDay.optional(),
});
export type TrainingFollowUpListQuery = z.infer<typeof TrainingFollowUpListQuery>;

export const TrainingRateRow = z.object({
  key: z.string(),
  label: z.string(),
  /** Everyone enrolled, also in cohorts still running. */
  enrolled: z.number(),
  /** Participants of completed cohorts: the base of the completion rate. */
  finished: z.number(),
  completed: z.number(),
  completionRate: z.number().nullable(),
  /** Graduates with at least one recorded follow-up: the base of the placement rate. */
  followedUp: z.number(),
  working: z.number(),
  ownBusiness: z.number(),
  notWorking: z.number(),
  placed: z.number(),
  placementRate: z.number().nullable(),
});
export type TrainingRateRow = z.infer<typeof TrainingRateRow>;

export const TrainingReportQuery = z.object({ agencyId: Uuid.optional(), courseId: Uuid.optional() });
export type TrainingReportQuery = z.infer<typeof TrainingReportQuery>;

export const TrainingReport = z.object({
  total: TrainingRateRow,
  byGroup: z.array(TrainingRateRow),
  byCourse: z.array(TrainingRateRow),
  byCohort: z.array(TrainingRateRow),
  employers: z.array(z.object({ partnerId: Uuid.nullable(), name: z.string(), graduates: z.number() })),
  followUps: z.object({ due: z.number(), overdue: z.number(), done: z.number(), scheduled: z.number() }),
});
export type TrainingReport = z.infer<typeof TrainingReport>;
