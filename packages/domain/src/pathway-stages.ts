import { z } from 'zod';
import type { EligibilityRule, LocalText } from './eligibility/ast.ts';

/** A family's way out of poverty: aid first, then empowerment, then growth, until it stands on its own ("naik kelas"). */
export const PATHWAY_STAGES = ['bantuan', 'pemberdayaan', 'pengembangan', 'mandiri'] as const;
export const PathwayStage = z.enum(PATHWAY_STAGES);
export type PathwayStage = z.infer<typeof PathwayStage>;

export const PATHWAY_STAGE_LABELS: Record<PathwayStage, LocalText> = {
  bantuan: { id: 'Bantuan', en: 'Aid' },
  pemberdayaan: { id: 'Pemberdayaan', en: 'Empowerment' },
  pengembangan: { id: 'Pengembangan', en: 'Growth' },
  mandiri: { id: 'Mandiri (naik kelas)', en: 'Self-reliant (graduated)' },
};

export const PATHWAY_STAGE_MEANINGS: Record<PathwayStage, LocalText> = {
  bantuan: { id: 'Bantuan sosial meringankan pengeluaran keluarga', en: 'Social aid lowers the family’s spending' },
  pemberdayaan: { id: 'Paket usaha, pelatihan dan pendampingan', en: 'Business package, training and mentoring' },
  pengembangan: { id: 'Akses modal dan pemasaran usaha', en: 'Access to capital and markets' },
  mandiri: { id: 'Keluar dari kemiskinan, lulus penilaian graduasi', en: 'Left poverty, passed the graduation assessment' },
};

export function stageRank(stage: PathwayStage): number {
  return PATHWAY_STAGES.indexOf(stage);
}

/** The further of two stages; null counts as before the first. */
export function furtherStage(a: PathwayStage | null, b: PathwayStage | null): PathwayStage | null {
  if (a === null) return b;
  if (b === null) return a;
  return stageRank(b) > stageRank(a) ? b : a;
}

/** What a program says about where its families stand: its kind, approach and owner agency's kind (codes as stored). */
export interface ProgramStageFacts {
  kind: string;
  approach: string;
  agencyKind: string;
}

const EMPOWERMENT_KINDS: readonly string[] = ['business_package', 'training', 'mentoring'];

/**
 * The stage a program's service puts a family at: income programs of the trade/SME agency (capital, markets) are growth;
 * business packages, training, mentoring and other income programs are empowerment; everything that lowers spending or
 * removes poverty pockets (cash, food, PKH, houses, water) is aid. Never "mandiri": only an assessment declares that.
 */
export function stageForProgram(program: ProgramStageFacts): PathwayStage {
  if (program.approach === 'raise_income' && program.agencyKind === 'disperindagkop') return 'pengembangan';
  if (EMPOWERMENT_KINDS.includes(program.kind) || program.approach === 'raise_income') return 'pemberdayaan';
  return 'bantuan';
}

/** Where a family may move and what it takes; the service enforces it. */
export type TransitionCheck =
  | { ok: true; backward: boolean }
  | { ok: false; code: 'pathway_same_stage' | 'pathway_note_required' | 'pathway_graduation_required' };

export interface TransitionRequest {
  from: PathwayStage | null;
  to: PathwayStage;
  note: string | null;
  /** A passed graduation assessment of this family is attached. */
  passedAssessment: boolean;
  overrideReason: string | null;
}

/** Any move except to the same stage; a step back needs a note; mandiri needs a passed assessment or an override with a reason. */
export function checkTransition(request: TransitionRequest): TransitionCheck {
  if (request.from === request.to) return { ok: false, code: 'pathway_same_stage' };
  const backward = request.from !== null && stageRank(request.to) < stageRank(request.from);
  if (backward && !request.note) return { ok: false, code: 'pathway_note_required' };
  if (request.to === 'mandiri' && !request.passedAssessment && !request.overrideReason) return { ok: false, code: 'pathway_graduation_required' };
  return { ok: true, backward };
}

/**
 * The criteria used until a jurisdiction sets its own: the business has run at least 12 months with a turnover of at
 * least Rp1.5 million a month, and the family's national desil rose at least one step since it entered the pathway.
 */
export const DEFAULT_GRADUATION_CRITERIA: EligibilityRule = {
  version: 1,
  condition: {
    kind: 'all',
    conditions: [
      { kind: 'compare', field: 'businessStatus', op: '=', value: 'active' },
      { kind: 'compare', field: 'businessMonths', op: '>=', value: 12 },
      { kind: 'compare', field: 'businessTurnover', op: '>=', value: 1_500_000 },
      { kind: 'compare', field: 'desilRise', op: '>=', value: 1 },
    ],
  },
};
