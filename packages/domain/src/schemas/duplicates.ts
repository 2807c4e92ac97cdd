import { z } from 'zod';
import { MAX_TEXT_LENGTH, PageQuery, RegionCode, Uuid } from './common.ts';

/** Probable duplicates: pairs of members with a similar name, the same birth date and the same village. */

/** Default lowest pg_trgm similarity of two names for a pair to be proposed ("Siti Aminah" / "Sity Aminah" ≈ 0.71). */
export const DEFAULT_DUPLICATE_NAME_THRESHOLD = 0.55;
/** Below this, nearly every pair born the same day in one village would be proposed. */
export const MIN_DUPLICATE_NAME_THRESHOLD = 0.3;

export const DUPLICATE_STATUSES = ['open', 'merged', 'distinct'] as const;
export const DuplicateStatus = z.enum(DUPLICATE_STATUSES);
export type DuplicateStatus = z.infer<typeof DuplicateStatus>;

export const DuplicateListQuery = PageQuery.extend({
  status: DuplicateStatus.default('open'),
  /** Kecamatan or village code: pairs found in that region. */
  region: RegionCode.optional(),
  /** Show NIK and birth dates in full: needs 'registry.unmask' and is recorded in the audit trail. */
  unmask: z.stringbool().default(false),
});
export type DuplicateListQuery = z.infer<typeof DuplicateListQuery>;

export const DuplicateReasons = z.object({
  nameSimilarity: z.number(),
  sameBirthDate: z.boolean(),
  sameVillage: z.boolean(),
});
export type DuplicateReasons = z.infer<typeof DuplicateReasons>;

/** One side of a pair; `present` is false for the member removed by a merge (shown from its recorded data). */
export const DuplicateMember = z.object({
  id: Uuid,
  present: z.boolean(),
  nik: z.string(),
  name: z.string(),
  birthDate: z.string().nullable(),
  sex: z.enum(['L', 'P']).nullable(),
  relation: z.number().int().nullable(),
  familyId: Uuid.nullable(),
  noKk: z.string().nullable(),
  headName: z.string().nullable(),
  address: z.string().nullable(),
  villageCode: z.string().nullable(),
  villageName: z.string().nullable(),
  kecamatanName: z.string().nullable(),
});
export type DuplicateMember = z.infer<typeof DuplicateMember>;

export const DecidedBy = z.object({ id: Uuid, username: z.string(), fullName: z.string() });

export const DuplicateCandidate = z.object({
  id: Uuid,
  score: z.number(),
  reasons: DuplicateReasons,
  status: DuplicateStatus,
  villageCode: z.string(),
  foundAt: z.string(),
  a: DuplicateMember,
  b: DuplicateMember,
  /** Which side was kept by a merge. */
  kept: z.enum(['a', 'b']).nullable(),
  decidedBy: DecidedBy.nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  unmasked: z.boolean(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

const DecisionNote = z.string().trim().max(MAX_TEXT_LENGTH);

export const DuplicateMergeBody = z.object({
  /** The member that stays; the other one's memberships and references move to it and its row is deleted. */
  keep: z.enum(['a', 'b']),
  note: DecisionNote.optional(),
});
export type DuplicateMergeBody = z.infer<typeof DuplicateMergeBody>;

export const DuplicateDistinctBody = z.object({ note: DecisionNote.optional() });
export type DuplicateDistinctBody = z.infer<typeof DuplicateDistinctBody>;

export const DuplicateScanBody = z.object({
  /** Lowest name similarity (0–1); default: the installation's setting, else DEFAULT_DUPLICATE_NAME_THRESHOLD. */
  threshold: z.number().min(MIN_DUPLICATE_NAME_THRESHOLD).max(1).optional(),
});
export type DuplicateScanBody = z.infer<typeof DuplicateScanBody>;

export const DuplicateScan = z.object({
  id: Uuid,
  kind: z.enum(['full', 'batch']),
  batchId: Uuid.nullable(),
  status: z.enum(['running', 'done', 'failed']),
  threshold: z.number(),
  blocksTotal: z.number().int(),
  blocksDone: z.number().int(),
  pairsFound: z.number().int(),
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type DuplicateScan = z.infer<typeof DuplicateScan>;
