import { z } from 'zod';
import { MAX_TEXT_LENGTH, PageQuery, RegionCode, Uuid } from './common.ts';
import { RunFamily } from './program-enrolments.ts';
import { ProgramApproach, ProgramKind } from './programs.ts';
import { AreaBreakdown } from './regions.ts';

/**
 * Cross-program views (lintas program) for Bappeda: which families get what, the poor families no program reaches
 * yet, combinations that should not happen, and reach by approach. A family "received" a program when its enrolment
 * is in one of RECEIVED_STATUSES (from the decree on, not cancelled); `year` keeps only receipts dated in that year.
 */

export const CoverageQuery = z.object({
  /** Only receipts dated (served, else decreed) in this calendar year; absent = every year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** A kecamatan or village (or, in a province installation, a regency) inside the user's scope. */
  region: RegionCode.optional(),
});
export type CoverageQuery = z.infer<typeof CoverageQuery>;

export const CoverageProgram = z.object({
  id: Uuid,
  name: z.string(),
  kind: ProgramKind,
  approach: ProgramApproach,
  agencyShortName: z.string(),
});
export type CoverageProgram = z.infer<typeof CoverageProgram>;

/** One combination of programs and how many families received exactly these programs. */
export const ProgramCombination = z.object({
  programs: z.array(CoverageProgram),
  families: z.number().int(),
});
export type ProgramCombination = z.infer<typeof ProgramCombination>;

export const ProgramCombinations = z.object({
  /** Families that received at least one program. */
  families: z.number().int(),
  /** Most frequent first; at most `COMBINATION_LIMIT` combinations. */
  combinations: z.array(ProgramCombination),
  /** More combinations exist than were listed. */
  truncated: z.boolean(),
});
export type ProgramCombinations = z.infer<typeof ProgramCombinations>;

export const COMBINATION_LIMIT = 200;

const IdList = z.string().transform((value, ctx) => {
  const ids = [...new Set(value.split(',').map((part) => part.trim()).filter(Boolean))];
  if (ids.length === 0 || ids.some((id) => !Uuid.safeParse(id).success)) {
    ctx.addIssue({ code: 'custom', message: 'daftar id program tidak valid / invalid list of program ids' });
    return z.NEVER;
  }
  return ids.sort();
});

export const CombinationFamiliesQuery = CoverageQuery.extend(PageQuery.shape).extend({
  /** Comma-separated program ids: families that received exactly these programs. */
  programs: IdList,
});
export type CombinationFamiliesQuery = z.infer<typeof CombinationFamiliesQuery>;

/** A family in a cross-program list: No KK masked, as every list of families. */
export const CoverageFamily = RunFamily.pick({
  familyId: true, noKk: true, headName: true, villageCode: true, villageName: true, kecamatanName: true, desil: true,
}).extend({ memberCount: z.number().int() });
export type CoverageFamily = z.infer<typeof CoverageFamily>;

export const UntouchedCountsQuery = CoverageQuery.extend({
  /**
   * The level of the rows. Absent: kecamatan in a regency installation; in a province installation one level below
   * `region` (or the province): kabupaten/kota, then kecamatan, then villages.
   */
  level: z.enum(['regency', 'kecamatan', 'village']).optional(),
});
export type UntouchedCountsQuery = z.infer<typeof UntouchedCountsQuery>;

/** Desil 1–5 families of one kecamatan or village, and those no program has reached. */
export const UntouchedCount = z.object({
  code: z.string(),
  name: z.string(),
  kecamatanName: z.string(),
  poorFamilies: z.number().int(),
  untouched: z.number().int(),
});
export type UntouchedCount = z.infer<typeof UntouchedCount>;

export const UntouchedFamiliesQuery = CoverageQuery.extend(PageQuery.shape);
export type UntouchedFamiliesQuery = z.infer<typeof UntouchedFamiliesQuery>;

/** "Not combined" rules: a family should not receive programs of these two kinds (two different programs). */
export const CONFLICT_PERIODS = ['same_year', 'ever'] as const;
export const ConflictPeriod = z.enum(CONFLICT_PERIODS);
export type ConflictPeriod = z.infer<typeof ConflictPeriod>;

export const ConflictRuleInput = z.object({
  kindA: ProgramKind,
  kindB: ProgramKind,
  period: ConflictPeriod.default('same_year'),
  note: z.string().trim().max(MAX_TEXT_LENGTH).nullable().optional(),
});
export type ConflictRuleInput = z.input<typeof ConflictRuleInput>;

export const ConflictRule = z.object({
  id: Uuid,
  kindA: ProgramKind,
  kindB: ProgramKind,
  period: ConflictPeriod,
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type ConflictRule = z.infer<typeof ConflictRule>;

/** A rule with the families of the user's scope that received such a pair. */
export const ConflictCount = ConflictRule.extend({ families: z.number().int() });
export type ConflictCount = z.infer<typeof ConflictCount>;

export const ConflictFamiliesQuery = CoverageQuery.extend(PageQuery.shape).extend({ ruleId: Uuid });
export type ConflictFamiliesQuery = z.infer<typeof ConflictFamiliesQuery>;

export const ConflictFamily = CoverageFamily.extend({
  /** The two (or more) programs of the family that form the forbidden pair. */
  programs: z.array(z.object({ id: Uuid, name: z.string(), kind: ProgramKind, receivedOn: z.string().nullable() })),
});
export type ConflictFamily = z.infer<typeof ConflictFamily>;

/** Families reached per approach in one kecamatan, beside its desil 1–5 families. */
export const ApproachCoverageRow = z.object({
  code: z.string(),
  name: z.string(),
  poorFamilies: z.number().int(),
  lowerSpending: z.number().int(),
  raiseIncome: z.number().int(),
  removePockets: z.number().int(),
  /** Reached by at least one program of any approach. */
  anyApproach: z.number().int(),
  /** Reached by programs of all three approaches. */
  allApproaches: z.number().int(),
});
export type ApproachCoverageRow = z.infer<typeof ApproachCoverageRow>;

export const ApproachCoverage = z.object({
  total: ApproachCoverageRow.omit({ code: true, name: true }),
  byKecamatan: z.array(ApproachCoverageRow),
  /** The kecamatan rows rolled up one level below `region` (or the jurisdiction): kabupaten/kota in a province. */
  byArea: z.array(ApproachCoverageRow),
}).extend(AreaBreakdown.shape);
export type ApproachCoverage = z.infer<typeof ApproachCoverage>;
