import type { TrainingFollowUpStatus } from '../schemas/training.ts';
import { isPlaced, ratePercent } from './rates.ts';

/** One participant as the reports count him. */
export interface ReportParticipant {
  /** The cohort has been completed (outcomes are final). */
  cohortCompleted: boolean;
  outcome: 'completed' | 'not_completed' | null;
  /** The most recent recorded follow-up of a graduate; null when none is recorded yet. */
  latestStatus: TrainingFollowUpStatus | null;
}

export interface RateCounts {
  enrolled: number;
  finished: number;
  completed: number;
  completionRate: number | null;
  followedUp: number;
  working: number;
  ownBusiness: number;
  notWorking: number;
  placed: number;
  placementRate: number | null;
}

/**
 * Completion rate = graduates ÷ participants of completed cohorts; placement rate = graduates working or running their
 * own business at their latest follow-up ÷ graduates with a recorded follow-up.
 */
export function rateCounts(participants: readonly ReportParticipant[]): RateCounts {
  const finished = participants.filter((p) => p.cohortCompleted);
  const graduates = finished.filter((p) => p.outcome === 'completed');
  const followed = graduates.filter((p) => p.latestStatus !== null);
  const count = (status: TrainingFollowUpStatus) => followed.filter((p) => p.latestStatus === status).length;
  const placed = followed.filter((p) => isPlaced(p.latestStatus)).length;
  return {
    enrolled: participants.length,
    finished: finished.length,
    completed: graduates.length,
    completionRate: ratePercent(graduates.length, finished.length),
    followedUp: followed.length,
    working: count('working'),
    ownBusiness: count('own_business'),
    notWorking: count('not_working'),
    placed,
    placementRate: ratePercent(placed, followed.length),
  };
}

/** The participants grouped by `keyOf`, each group counted; groups in first-seen order. */
export function rateCountsBy<T extends ReportParticipant>(participants: readonly T[], keyOf: (p: T) => string): Map<string, RateCounts> {
  const groups = new Map<string, T[]>();
  for (const participant of participants) {
    const key = keyOf(participant);
    const group = groups.get(key);
    if (group) group.push(participant);
    else groups.set(key, [participant]);
  }
  return new Map([...groups].map(([key, group]) => [key, rateCounts(group)]));
}
