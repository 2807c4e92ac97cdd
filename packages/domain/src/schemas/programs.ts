import { z } from 'zod';
import { EligibilityRule, PriorityOrder, type LocalText } from '../eligibility/ast.ts';
import { ExplainNodeSchema } from '../eligibility/catalogue.ts';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, PageQuery, RegionCode, Uuid } from './common.ts';

/** The program catalogue: what an agency runs, for whom, with which money, and by which rule. */

export const PROGRAM_KINDS = [
  'cash_transfer', 'food_aid', 'business_package', 'training', 'house_renovation', 'sanitation', 'clean_water', 'conditional_cash', 'mentoring', 'other',
] as const;
export const ProgramKind = z.enum(PROGRAM_KINDS);
export type ProgramKind = z.infer<typeof ProgramKind>;

export const PROGRAM_KIND_LABELS: Record<ProgramKind, LocalText> = {
  cash_transfer: { id: 'Bantuan tunai', en: 'Cash transfer' },
  food_aid: { id: 'Bantuan pangan / sembako', en: 'Food aid' },
  business_package: { id: 'Paket usaha', en: 'Business starter package' },
  training: { id: 'Pelatihan', en: 'Training' },
  house_renovation: { id: 'Bedah rumah (RTLH)', en: 'House renovation' },
  sanitation: { id: 'Sanitasi', en: 'Sanitation' },
  clean_water: { id: 'Air bersih', en: 'Clean water' },
  conditional_cash: { id: 'Bantuan tunai bersyarat (PKH)', en: 'Conditional cash transfer (PKH)' },
  mentoring: { id: 'Pendampingan', en: 'Mentoring' },
  other: { id: 'Lainnya', en: 'Other' },
};

/** The three approaches of the regional poverty strategy. */
export const PROGRAM_APPROACHES = ['lower_spending', 'raise_income', 'remove_pockets'] as const;
export const ProgramApproach = z.enum(PROGRAM_APPROACHES);
export type ProgramApproach = z.infer<typeof ProgramApproach>;

export const PROGRAM_APPROACH_LABELS: Record<ProgramApproach, LocalText> = {
  lower_spending: { id: 'Mengurangi beban pengeluaran', en: 'Lowering spending' },
  raise_income: { id: 'Meningkatkan pendapatan', en: 'Raising income' },
  remove_pockets: { id: 'Menghapus kantong kemiskinan', en: 'Removing poverty pockets' },
};

export const FUNDING_SOURCES = ['apbd', 'apbn', 'dana_desa', 'csr', 'community'] as const;
export const FundingSource = z.enum(FUNDING_SOURCES);
export type FundingSource = z.infer<typeof FundingSource>;

export const PROGRAM_STATUSES = ['draft', 'active', 'closed'] as const;
export const ProgramStatus = z.enum(PROGRAM_STATUSES);
export type ProgramStatus = z.infer<typeof ProgramStatus>;

/** Draft → active (needs a legal basis and a rule) → closed; a draft may also be closed unused. */
export const PROGRAM_STATUS_TRANSITIONS: Record<ProgramStatus, readonly ProgramStatus[]> = {
  draft: ['active', 'closed'],
  active: ['closed'],
  closed: [],
};

export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal YYYY-MM-DD / date YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'tanggal tidak ada / no such date');

/** Rupiah amounts are whole numbers; 10^15 is far above any regional budget. */
export const Rupiah = z.number().int().min(0).max(1e15);
const Count = z.number().int().min(0).max(100_000_000);

export const BenefitItem = z.object({
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  quantity: z.number().positive().max(1_000_000),
  unit: z.string().trim().min(1).max(40),
  unitValue: Rupiah,
});
export type BenefitItem = z.infer<typeof BenefitItem>;

export const ProgramQuota = z.object({
  kecamatanCode: RegionCode,
  families: Count,
  units: Count.nullish().transform((v) => v ?? null),
  money: Rupiah.nullish().transform((v) => v ?? null),
});
export type ProgramQuota = z.infer<typeof ProgramQuota>;

const nullableText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

/** The editable fields; `rule` and `priority` are checked by the server against the rule catalogue, with issue paths. */
const ProgramFields = z.object({
  name: z.string().trim().min(3).max(MAX_NAME_LENGTH),
  kind: ProgramKind,
  approach: ProgramApproach,
  description: nullableText(MAX_TEXT_LENGTH),
  periodFrom: IsoDay,
  periodTo: IsoDay,
  fundingSource: FundingSource,
  budget: Rupiah.nullish().transform((v) => v ?? null),
  unitValue: Rupiah.nullish().transform((v) => v ?? null),
  benefitItems: z.array(BenefitItem).max(50),
  targetFamilies: Count.nullish().transform((v) => v ?? null),
  targetPeople: Count.nullish().transform((v) => v ?? null),
  targetUnits: Count.nullish().transform((v) => v ?? null),
  targetMoney: Rupiah.nullish().transform((v) => v ?? null),
  /** Kecamatan or village codes the program serves; empty = the whole jurisdiction. */
  regionCodes: z.array(RegionCode).max(500),
  quotas: z.array(ProgramQuota).max(1000),
  /** Lawful basis for processing personal data (UU PDP 27/2022); required before activation. */
  legalBasis: nullableText(MAX_TEXT_LENGTH),
  rule: z.unknown().optional(),
  priority: z.unknown().optional(),
});

const periodInOrder = (value: { periodFrom?: string | undefined; periodTo?: string | undefined }) =>
  value.periodFrom === undefined || value.periodTo === undefined || value.periodFrom <= value.periodTo;
const PERIOD_MESSAGE = { message: 'periode: tanggal mulai setelah tanggal selesai / period: start after end', path: ['periodTo'] };

export const ProgramCreate = ProgramFields.extend({
  /** The owning agency; an operator may only create programs of his own agency (default). */
  agencyId: Uuid.optional(),
  benefitItems: ProgramFields.shape.benefitItems.default([]),
  regionCodes: ProgramFields.shape.regionCodes.default([]),
  quotas: ProgramFields.shape.quotas.default([]),
}).refine(periodInOrder, PERIOD_MESSAGE);
export type ProgramCreate = z.input<typeof ProgramCreate>;

/** A partial change (absent fields stay); `version` is the one the editor loaded (409 conflict when someone saved in between). */
export const ProgramUpdate = ProgramFields.partial().extend({ version: z.number().int().min(1) }).refine(periodInOrder, PERIOD_MESSAGE);
export type ProgramUpdate = z.input<typeof ProgramUpdate>;

export const ProgramStatusChange = z.object({ version: z.number().int().min(1) });

export const ProgramAgency = z.object({ id: Uuid, name: z.string(), shortName: z.string() });

export const ProgramEnrolmentCounts = z.object({
  candidate: z.number().int(),
  verified: z.number().int(),
  rejected: z.number().int(),
  in_decree: z.number().int(),
  served: z.number().int(),
  finished: z.number().int(),
  stopped: z.number().int(),
  cancelled: z.number().int(),
});
export type ProgramEnrolmentCounts = z.infer<typeof ProgramEnrolmentCounts>;

export const Program = z.object({
  id: Uuid,
  agency: ProgramAgency,
  name: z.string(),
  kind: ProgramKind,
  approach: ProgramApproach,
  description: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  fundingSource: FundingSource,
  budget: z.number().nullable(),
  unitValue: z.number().nullable(),
  benefitItems: z.array(BenefitItem),
  /** Sum of quantity × unit value over the benefit items (null without items). */
  itemsValue: z.number().nullable(),
  targetFamilies: z.number().int().nullable(),
  targetPeople: z.number().int().nullable(),
  targetUnits: z.number().int().nullable(),
  targetMoney: z.number().nullable(),
  regionCodes: z.array(z.string()),
  quotas: z.array(z.object({
    kecamatanCode: z.string(), kecamatanName: z.string(), families: z.number().int(), units: z.number().int().nullable(), money: z.number().nullable(),
  })),
  legalBasis: z.string().nullable(),
  status: ProgramStatus,
  rule: EligibilityRule.nullable(),
  priority: PriorityOrder.nullable(),
  /** The rule in words, for readers who do not edit it. */
  ruleText: z.object({ id: z.string(), en: z.string() }).nullable(),
  ruleVersion: z.number().int(),
  currentRunId: Uuid.nullable(),
  enrolments: ProgramEnrolmentCounts,
  /** Whether the signed-in user may change this program (own agency, or admin). */
  canManage: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  activatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type Program = z.infer<typeof Program>;

export const ProgramListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  agencyId: Uuid.optional(),
  kind: ProgramKind.optional(),
  approach: ProgramApproach.optional(),
  status: ProgramStatus.optional(),
  /** Programs whose period touches this year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ProgramListQuery = z.infer<typeof ProgramListQuery>;

export const ProgramListItem = z.object({
  id: Uuid,
  name: z.string(),
  kind: ProgramKind,
  approach: ProgramApproach,
  agency: ProgramAgency,
  status: ProgramStatus,
  periodFrom: z.string(),
  periodTo: z.string(),
  fundingSource: FundingSource,
  budget: z.number().nullable(),
  targetFamilies: z.number().int().nullable(),
  /** Families past verification (in a decree, served or finished). */
  beneficiaries: z.number().int(),
  candidates: z.number().int(),
  updatedAt: z.string(),
});
export type ProgramListItem = z.infer<typeof ProgramListItem>;

export const ProgramRuleVersion = z.object({
  version: z.number().int(),
  rule: EligibilityRule.nullable(),
  priority: PriorityOrder.nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ProgramRuleVersion = z.infer<typeof ProgramRuleVersion>;

/** The live count while a rule is edited: families of the user's scope (optionally one region) that the rule accepts. */
export const PreviewCountBody = z.object({
  rule: z.unknown(),
  region: RegionCode.optional(),
  /** The program being edited: its own receipts do not count towards "received a program". */
  programId: Uuid.optional(),
});
export type PreviewCountBody = z.input<typeof PreviewCountBody>;

export const PreviewCount = z.object({
  total: z.number().int(),
  referenceDate: z.string(),
  byKecamatan: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
});
export type PreviewCount = z.infer<typeof PreviewCount>;

export const ExplainQuery = z.object({
  /** Explain with the rule, priority and reference date of this run instead of the program's current rule. */
  runId: Uuid.optional(),
});

export const ProgramExplanation = z.object({
  programId: Uuid,
  familyId: Uuid,
  headName: z.string().nullable(),
  ruleVersion: z.number().int(),
  referenceDate: z.string(),
  eligible: z.boolean(),
  tree: ExplainNodeSchema,
  priority: z.object({
    score: z.number(),
    maxScore: z.number(),
    parts: z.array(z.object({ text: z.object({ id: z.string(), en: z.string() }), points: z.number(), maxPoints: z.number() })),
  }).nullable(),
});
export type ProgramExplanation = z.infer<typeof ProgramExplanation>;
