import { z } from 'zod';
import { EnrolmentStatus } from '../program-lifecycle.ts';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, PageQuery, RegionCode, Uuid } from './common.ts';
import { BenefitItem, IsoDay, Rupiah } from './programs.ts';
import { AreaBreakdown, AreaQuery } from './regions.ts';

/** Distribution of a program to its decreed families (stages, hand-overs with proof) and realisation against target. */

export const STAGE_KINDS = ['cash', 'in_kind'] as const;
export const StageKind = z.enum(STAGE_KINDS);
export type StageKind = z.infer<typeof StageKind>;

/** Largest proof image (receipt photo, signature, thumbprint); the web app shrinks camera photos well below it. */
export const MAX_PROOF_BYTES = 5 * 1024 * 1024;
export const PROOF_KINDS = ['receipt', 'signature', 'thumbprint'] as const;
export const ProofKind = z.enum(PROOF_KINDS);
export type ProofKind = z.infer<typeof ProofKind>;

const StageFields = z.object({
  name: z.string().trim().min(3).max(MAX_NAME_LENGTH),
  kind: StageKind,
  /** Cash per family in this stage (cash stages). */
  amountPerFamily: Rupiah.nullish().transform((v) => v ?? null),
  /** One family's package (in-kind stages). */
  items: z.array(BenefitItem).max(50).default([]),
  plannedFrom: IsoDay.nullish().transform((v) => v ?? null),
  plannedTo: IsoDay.nullish().transform((v) => v ?? null),
});

function checkStage(value: { kind: StageKind; amountPerFamily: number | null; items: unknown[]; plannedFrom: string | null; plannedTo: string | null }, context: z.RefinementCtx): void {
  if (value.kind === 'cash' && value.amountPerFamily === null) {
    context.addIssue({ code: 'custom', path: ['amountPerFamily'], message: 'tahap tunai perlu nilai per keluarga / a cash stage needs an amount per family' });
  }
  if (value.kind === 'in_kind' && value.items.length === 0) {
    context.addIssue({ code: 'custom', path: ['items'], message: 'tahap barang perlu daftar barang / an in-kind stage needs its items' });
  }
  if (value.plannedFrom && value.plannedTo && value.plannedFrom > value.plannedTo) {
    context.addIssue({ code: 'custom', path: ['plannedTo'], message: 'tanggal mulai setelah tanggal selesai / start after end' });
  }
}

export const StageInput = StageFields.extend({ number: z.number().int().min(1).max(100).optional() }).superRefine(checkStage);
export type StageInput = z.input<typeof StageInput>;

export const StageUpdate = StageFields.extend({ version: z.number().int().min(1) }).superRefine(checkStage);
export type StageUpdate = z.input<typeof StageUpdate>;

export const Stage = z.object({
  id: Uuid,
  programId: Uuid,
  number: z.number().int(),
  name: z.string(),
  kind: StageKind,
  amountPerFamily: z.number().nullable(),
  items: z.array(BenefitItem),
  /** What one family receives in this stage: the amount, or the worth of the items. */
  valuePerFamily: z.number(),
  plannedFrom: z.string().nullable(),
  plannedTo: z.string().nullable(),
  handovers: z.number().int(),
  version: z.number().int(),
});
export type Stage = z.infer<typeof Stage>;

/** Where a hand-over took place, as the phone reported it (accuracy in metres). */
export const GpsFix = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  accuracyM: z.number().min(0).max(100_000).nullable(),
});
export type GpsFix = z.infer<typeof GpsFix>;
const GpsInput = GpsFix.extend({ accuracyM: GpsFix.shape.accuracyM.optional().transform((v) => v ?? null) });

/** One hand-over. Amount and items default to the stage's; `clientKey` makes a retry return the first result. */
export const HandoverInput = z.object({
  clientKey: z.string().trim().min(8).max(100),
  enrolmentId: Uuid,
  stageId: Uuid,
  handedOn: IsoDay,
  amount: Rupiah.optional(),
  items: z.array(BenefitItem).max(50).optional(),
  gps: GpsInput.nullish().transform((v) => v ?? null),
  note: z.string().trim().max(MAX_TEXT_LENGTH).optional(),
});
export type HandoverInput = z.input<typeof HandoverInput>;

/** A correction: the new values and why; the earlier version stays in the history. */
export const HandoverCorrection = z.object({
  handedOn: IsoDay.optional(),
  amount: Rupiah.optional(),
  items: z.array(BenefitItem).max(50).optional(),
  note: z.string().trim().max(MAX_TEXT_LENGTH).optional(),
  reason: z.string().trim().min(5).max(MAX_TEXT_LENGTH),
  revision: z.number().int().min(1),
});
export type HandoverCorrection = z.input<typeof HandoverCorrection>;

export const ProofFile = z.object({
  id: Uuid,
  kind: ProofKind,
  type: z.string(),
  size: z.number().int(),
  reason: z.string().nullable(),
  user: z.string().nullable(),
  at: z.string(),
});
export type ProofFile = z.infer<typeof ProofFile>;

export const Handover = z.object({
  id: Uuid,
  programId: Uuid,
  stageId: Uuid,
  stageNumber: z.number().int(),
  stageName: z.string(),
  enrolmentId: Uuid,
  familyId: Uuid,
  headName: z.string().nullable(),
  kecamatanCode: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  handedOn: z.string(),
  officer: z.string().nullable(),
  amount: z.number(),
  items: z.array(BenefitItem),
  people: z.number().int(),
  gps: GpsFix.nullable(),
  note: z.string().nullable(),
  revision: z.number().int(),
  /** The current image of each kind (older ones are in the history). */
  proofs: z.array(ProofFile),
  recordedAt: z.string(),
});
export type Handover = z.infer<typeof Handover>;

export const HandoverRevision = z.object({
  revision: z.number().int(),
  handedOn: z.string(),
  amount: z.number(),
  items: z.array(BenefitItem),
  note: z.string().nullable(),
  /** Null for the first record; the reason of each correction. */
  reason: z.string().nullable(),
  user: z.string().nullable(),
  at: z.string(),
});
export type HandoverRevision = z.infer<typeof HandoverRevision>;

export const HandoverHistory = z.object({ revisions: z.array(HandoverRevision), proofs: z.array(ProofFile) });
export type HandoverHistory = z.infer<typeof HandoverHistory>;

export const HandoverListQuery = PageQuery.extend({
  stageId: Uuid.optional(),
  region: RegionCode.optional(),
  enrolmentId: Uuid.optional(),
});
export type HandoverListQuery = z.infer<typeof HandoverListQuery>;

/** A family of the decree on the distribution page: its status and which stages it has received. */
export const DistributionFamily = z.object({
  enrolmentId: Uuid,
  familyId: Uuid,
  noKk: z.string(),
  headName: z.string().nullable(),
  kecamatanName: z.string(),
  villageName: z.string(),
  status: EnrolmentStatus,
  decreeNumber: z.string().nullable(),
  receivedStageIds: z.array(Uuid),
});
export type DistributionFamily = z.infer<typeof DistributionFamily>;

export const DistributionFamilyQuery = PageQuery.extend({
  region: RegionCode.optional(),
  q: z.string().trim().max(100).optional(),
  /** Only families that have not received this stage yet. */
  pendingStageId: Uuid.optional(),
});
export type DistributionFamilyQuery = z.infer<typeof DistributionFamilyQuery>;

/** Families, people, money and units: what the realisation views compare. */
export const Measures = z.object({
  families: z.number().int().nullable(),
  people: z.number().int().nullable(),
  money: z.number().nullable(),
  units: z.number().int().nullable(),
});
export type Measures = z.infer<typeof Measures>;

export const RealisedMeasures = z.object({ families: z.number().int(), people: z.number().int(), money: z.number(), units: z.number().int() });
export type RealisedMeasures = z.infer<typeof RealisedMeasures>;

export const RealisationKecamatan = z.object({
  kecamatanCode: z.string(),
  kecamatanName: z.string(),
  target: Measures,
  /** Families fixed by a decree (not cancelled) in this kecamatan. */
  decreed: z.number().int(),
  realised: RealisedMeasures,
});
export type RealisationKecamatan = z.infer<typeof RealisationKecamatan>;

export const RealisationArea = RealisationKecamatan.omit({ kecamatanCode: true, kecamatanName: true }).extend({ code: z.string(), name: z.string() });
export type RealisationArea = z.infer<typeof RealisationArea>;

export const RealisationStage = z.object({
  stageId: Uuid,
  number: z.number().int(),
  name: z.string(),
  kind: StageKind,
  plannedFrom: z.string().nullable(),
  plannedTo: z.string().nullable(),
  /** Every decreed family (not cancelled) in the user's scope receives each stage: families and their worth. */
  target: Measures,
  realised: RealisedMeasures,
});
export type RealisationStage = z.infer<typeof RealisationStage>;

export const RealisationQuery = AreaQuery.extend({ stageId: Uuid.optional() });
export type RealisationQuery = z.infer<typeof RealisationQuery>;

export const Realisation = z.object({
  programId: Uuid,
  /** The stage the kecamatan rows and totals are limited to, when asked for. */
  stageId: Uuid.nullable(),
  /** 'limited' when the user sees only part of the jurisdiction (targets are then the sum of his kecamatan's quotas). */
  scope: z.enum(['all', 'limited']),
  target: Measures,
  decreed: z.number().int(),
  realised: RealisedMeasures,
  /** Kecamatan rows (of the area, when one is asked for). */
  byKecamatan: z.array(RealisationKecamatan),
  byStage: z.array(RealisationStage),
  /** The same as byKecamatan rolled up one level below the area: kabupaten/kota in a province; target sums the kecamatan quotas. */
  byArea: z.array(RealisationArea),
}).extend(AreaBreakdown.shape);
export type Realisation = z.infer<typeof Realisation>;
