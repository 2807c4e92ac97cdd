import { describe, expect, it } from 'vitest';
import { attendancePercent, completionOf, DEFAULT_MIN_ATTENDANCE_PERCENT } from './completion.ts';
import { daysBetween, followUpDueDate, followUpState } from './follow-ups.ts';
import { isPlaced, ratePercent, targetGroupOf } from './rates.ts';
import { rateCounts, rateCountsBy } from './report.ts';

const base = { sessions: 10, attended: 8, passed: true, withdrawn: false, minAttendancePercent: DEFAULT_MIN_ATTENDANCE_PERCENT };

describe('attendance and completion', () => {
  it('counts attendance as a share of all sessions, one decimal', () => {
    expect(attendancePercent(8, 10)).toBe(80);
    expect(attendancePercent(7, 9)).toBe(77.8);
    expect(attendancePercent(2, 3)).toBe(66.7);
    expect(attendancePercent(0, 0)).toBeNull();
    expect(attendancePercent(12, 10)).toBe(100);
  });

  it('completes at exactly the threshold and passed', () => {
    expect(completionOf(base)).toEqual({ outcome: 'completed', attendancePercent: 80, reasons: [] });
  });

  it('compares whole counts, so 77.8% is below 80% and 4 of 5 meets it', () => {
    expect(completionOf({ ...base, sessions: 9, attended: 7 }).reasons).toEqual(['attendance']);
    expect(completionOf({ ...base, sessions: 5, attended: 4 }).outcome).toBe('completed');
    expect(completionOf({ ...base, sessions: 12, attended: 9, minAttendancePercent: 75 }).outcome).toBe('completed');
  });

  it('names every reason a participant did not complete', () => {
    expect(completionOf({ ...base, attended: 7, passed: false })).toEqual({ outcome: 'not_completed', attendancePercent: 70, reasons: ['attendance', 'not_passed'] });
    expect(completionOf({ ...base, passed: null }).reasons).toEqual(['not_passed']);
    expect(completionOf({ ...base, withdrawn: true }).reasons).toEqual(['withdrawn']);
    expect(completionOf({ ...base, sessions: 0, attended: 0 })).toEqual({ outcome: 'not_completed', attendancePercent: null, reasons: ['no_sessions'] });
  });
});

describe('follow-up dates', () => {
  it('falls due 3, 6 and 12 months after the cohort ended, clamped to the month end', () => {
    expect([3, 6, 12].map((months) => followUpDueDate('2025-08-31', months))).toEqual(['2025-11-30', '2026-02-28', '2026-08-31']);
    expect(followUpDueDate('2023-11-30', 3)).toBe('2024-02-29');
  });

  it('is scheduled before the due date, due for 30 days, then overdue; done once recorded', () => {
    expect(followUpState('2026-03-01', null, '2026-02-28')).toBe('scheduled');
    expect(followUpState('2026-03-01', null, '2026-03-01')).toBe('due');
    expect(followUpState('2026-03-01', null, '2026-03-31')).toBe('due');
    expect(followUpState('2026-03-01', null, '2026-04-01')).toBe('overdue');
    expect(followUpState('2026-03-01', '2026-02-20', '2027-01-01')).toBe('done');
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
  });
});

describe('rates and target groups', () => {
  it('rounds rates to one decimal and leaves an empty base as null', () => {
    expect(ratePercent(2, 3)).toBe(66.7);
    expect(ratePercent(1, 8)).toBe(12.5);
    expect(ratePercent(0, 0)).toBeNull();
  });

  it('puts each participant in the first group that applies', () => {
    expect(targetGroupOf({ inmate: true, disability: true, businessFamily: true })).toBe('inmate');
    expect(targetGroupOf({ inmate: false, disability: true, businessFamily: true })).toBe('disability');
    expect(targetGroupOf({ inmate: false, disability: false, businessFamily: true })).toBe('business_family');
    expect(targetGroupOf({ inmate: false, disability: false, businessFamily: false })).toBe('other');
  });

  it('counts working and own business as placed', () => {
    expect([isPlaced('working'), isPlaced('own_business'), isPlaced('not_working'), isPlaced(null)]).toEqual([true, true, false, false]);
  });
});

describe('report counts', () => {
  it('counts completion over completed cohorts and placement over followed-up graduates', () => {
    const rows = [
      { cohortCompleted: true, outcome: 'completed', latestStatus: 'working' },
      { cohortCompleted: true, outcome: 'completed', latestStatus: 'own_business' },
      { cohortCompleted: true, outcome: 'completed', latestStatus: 'not_working' },
      { cohortCompleted: true, outcome: 'completed', latestStatus: null },
      { cohortCompleted: true, outcome: 'not_completed', latestStatus: null },
      { cohortCompleted: true, outcome: 'not_completed', latestStatus: null },
      { cohortCompleted: false, outcome: null, latestStatus: null },
    ] as const;
    expect(rateCounts(rows)).toEqual({
      enrolled: 7, finished: 6, completed: 4, completionRate: 66.7, followedUp: 3, working: 1, ownBusiness: 1, notWorking: 1, placed: 2, placementRate: 66.7,
    });
    const byCohort = rateCountsBy(rows.map((row, index) => ({ ...row, cohort: index < 3 ? 'a' : 'b' })), (row) => row.cohort);
    expect([...byCohort.keys()]).toEqual(['a', 'b']);
    expect(byCohort.get('a')?.placementRate).toBe(66.7);
    expect(byCohort.get('b')).toMatchObject({ enrolled: 4, finished: 3, completed: 1, completionRate: 33.3, followedUp: 0, placementRate: null });
  });
});
