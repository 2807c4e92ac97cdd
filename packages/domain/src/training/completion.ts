/** Attendance and completion of a training participant: pure arithmetic shared by the server, the web and the tests. */

/** The default completion rule: present at 80% of the sessions at least, and passed the final assessment. */
export const DEFAULT_MIN_ATTENDANCE_PERCENT = 80;

/** Attended sessions as a percentage of the cohort's sessions, one decimal; null while the cohort has no session. */
export function attendancePercent(attended: number, sessions: number): number | null {
  if (sessions <= 0) return null;
  return Math.round((Math.min(attended, sessions) / sessions) * 1000) / 10;
}

export type CompletionOutcome = 'completed' | 'not_completed';

export interface CompletionInput {
  /** Sessions of the cohort; a session without a record for the participant counts as absent. */
  sessions: number;
  attended: number;
  /** The final assessment: null when not assessed (counts as not passed once the cohort is closed). */
  passed: boolean | null;
  withdrawn: boolean;
  minAttendancePercent: number;
}

export interface CompletionResult {
  outcome: CompletionOutcome;
  attendancePercent: number | null;
  /** Why not completed, for the web page and the audit trail. */
  reasons: ('withdrawn' | 'attendance' | 'not_passed' | 'no_sessions')[];
}

/**
 * Completed when the participant did not withdraw, attended at least `minAttendancePercent` of the sessions (compared
 * in whole counts: 8 of 10 meets 80%, 7 of 9 = 77.8% does not) and passed the assessment.
 */
export function completionOf(input: CompletionInput): CompletionResult {
  const percent = attendancePercent(input.attended, input.sessions);
  const reasons: CompletionResult['reasons'] = [];
  if (input.withdrawn) reasons.push('withdrawn');
  if (input.sessions <= 0) reasons.push('no_sessions');
  else if (Math.min(input.attended, input.sessions) * 100 < input.minAttendancePercent * input.sessions) reasons.push('attendance');
  if (input.passed !== true) reasons.push('not_passed');
  return { outcome: reasons.length === 0 ? 'completed' : 'not_completed', attendancePercent: percent, reasons };
}
