import { shiftMonths } from '../eligibility/dates.ts';
import type { TrainingFollowUpState } from '../schemas/training.ts';

/** Follow-ups of a graduate: 3, 6 and 12 months after the cohort's last day. */
export const FOLLOW_UP_MONTHS = [3, 6, 12] as const;

/** Days after its due date a follow-up is still "due"; later it is overdue. */
export const FOLLOW_UP_WINDOW_DAYS = 30;

/** The day a follow-up falls due: `months` after the cohort ended (31 Aug + 6 months = 28/29 Feb). */
export function followUpDueDate(cohortEndDate: string, months: number): string {
  return shiftMonths(cohortEndDate, months);
}

/** Calendar-day difference b − a of two 'YYYY-MM-DD' dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Where a follow-up stands on `today`: done once recorded; scheduled before its due date; due from the due date for
 * FOLLOW_UP_WINDOW_DAYS days; overdue after that.
 */
export function followUpState(dueOn: string, recordedOn: string | null, today: string): TrainingFollowUpState {
  if (recordedOn !== null) return 'done';
  const late = daysBetween(dueOn, today);
  if (late < 0) return 'scheduled';
  return late <= FOLLOW_UP_WINDOW_DAYS ? 'due' : 'overdue';
}
