import type { TrainingFollowUpStatus, TrainingTargetGroup } from '../schemas/training.ts';

export interface TargetGroupFacts {
  /** special_status holds warga_binaan. */
  inmate: boolean;
  /** At least one functional difficulty recorded. */
  disability: boolean;
  /** The family received (or is decreed to receive) a business package. */
  businessFamily: boolean;
}

/** Who a participant is counted as in the reports: one group each, the first that applies (inmate, disability, business family). */
export function targetGroupOf(facts: TargetGroupFacts): TrainingTargetGroup {
  if (facts.inmate) return 'inmate';
  if (facts.disability) return 'disability';
  if (facts.businessFamily) return 'business_family';
  return 'other';
}

/** numerator ÷ denominator as a percentage with one decimal; null when nothing was counted. */
export function ratePercent(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/** A graduate is placed when at the follow-up he works for an employer or runs his own business. */
export function isPlaced(status: TrainingFollowUpStatus | null): boolean {
  return status === 'working' || status === 'own_business';
}
