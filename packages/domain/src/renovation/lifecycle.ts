import { z } from 'zod';
import type { LocalText } from '../eligibility/ast.ts';

/**
 * A house's way through the renovation (bedah rumah) pipeline: proposed (from the registry or by a village) →
 * assessed in the field (RTLH score) → verified → scheduled and funded → under construction → completed and handed
 * over. A house may be rejected until construction starts.
 */
export const RENOVATION_STAGES = ['proposed', 'assessed', 'verified', 'scheduled', 'in_progress', 'completed', 'rejected'] as const;
export const RenovationStage = z.enum(RENOVATION_STAGES);
export type RenovationStage = z.infer<typeof RenovationStage>;

export const RENOVATION_STAGE_LABELS: Record<RenovationStage, LocalText> = {
  proposed: { id: 'Diusulkan', en: 'Proposed' },
  assessed: { id: 'Dinilai', en: 'Assessed' },
  verified: { id: 'Terverifikasi', en: 'Verified' },
  scheduled: { id: 'Dijadwalkan', en: 'Scheduled' },
  in_progress: { id: 'Dikerjakan', en: 'Under construction' },
  completed: { id: 'Selesai', en: 'Completed' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
};

export type RenovationAction = 'assess' | 'verify' | 'schedule' | 'start' | 'complete' | 'reject';

const TRANSITIONS: Record<RenovationStage, Partial<Record<RenovationAction, RenovationStage>>> = {
  proposed: { assess: 'assessed', reject: 'rejected' },
  // A second assessment replaces the first until the house is verified.
  assessed: { assess: 'assessed', verify: 'verified', reject: 'rejected' },
  verified: { schedule: 'scheduled', reject: 'rejected' },
  // Rescheduling is allowed until the first progress report starts construction.
  scheduled: { schedule: 'scheduled', start: 'in_progress', reject: 'rejected' },
  in_progress: { start: 'in_progress', complete: 'completed' },
  completed: {},
  rejected: {},
};

/** The stage an action leads to from `from`, or null when the pipeline does not allow it. */
export function renovationTransition(from: RenovationStage, action: RenovationAction): RenovationStage | null {
  return TRANSITIONS[from][action] ?? null;
}

/** Actions possible in a stage, for the buttons a page offers. */
export function renovationActions(stage: RenovationStage): RenovationAction[] {
  return Object.keys(TRANSITIONS[stage]) as RenovationAction[];
}

/** Funding may be recorded from verification until completion (a late CSR payment still counts). */
export function acceptsFunding(stage: RenovationStage): boolean {
  return stage === 'verified' || stage === 'scheduled' || stage === 'in_progress' || stage === 'completed';
}

/** Stages still moving (a family has at most one such house at a time). */
export function isOpenStage(stage: RenovationStage): boolean {
  return stage !== 'completed' && stage !== 'rejected';
}
