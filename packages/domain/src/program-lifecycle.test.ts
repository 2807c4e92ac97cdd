import { describe, expect, it } from 'vitest';
import { ENROLMENT_STATUSES, enrolmentTransition, isDecreed, leavesPlace, nextEnrolmentStatuses } from './program-lifecycle.ts';

describe('beneficiary lifecycle', () => {
  it('follows candidate → verified | rejected → in decree → served → finished | stopped', () => {
    expect(nextEnrolmentStatuses('candidate')).toEqual(['verified', 'rejected']);
    expect(nextEnrolmentStatuses('verified')).toEqual(['rejected', 'in_decree']);
    expect(nextEnrolmentStatuses('in_decree')).toEqual(['served', 'cancelled']);
    expect(nextEnrolmentStatuses('served')).toEqual(['finished', 'stopped']);
    for (const end of ['finished', 'stopped', 'cancelled'] as const) expect(nextEnrolmentStatuses(end)).toEqual([]);
  });

  it('marks only cancelling and stopping a decreed family as post-decree changes', () => {
    const postDecree = ENROLMENT_STATUSES.flatMap((from) => nextEnrolmentStatuses(from).filter((to) => enrolmentTransition(from, to)?.postDecree).map((to) => `${from}→${to}`));
    expect(postDecree).toEqual(['in_decree→cancelled', 'served→stopped']);
  });

  it('refuses skipping steps or going back after the decree', () => {
    expect(enrolmentTransition('candidate', 'in_decree')).toBeNull();
    expect(enrolmentTransition('candidate', 'served')).toBeNull();
    expect(enrolmentTransition('in_decree', 'verified')).toBeNull();
    expect(enrolmentTransition('cancelled', 'in_decree')).toBeNull();
    expect(enrolmentTransition('verified', 'verified')).toBeNull();
  });

  it('knows which statuses a decree fixed and which leave a place for a replacement', () => {
    expect(ENROLMENT_STATUSES.filter(isDecreed)).toEqual(['in_decree', 'served', 'finished', 'stopped', 'cancelled']);
    expect(ENROLMENT_STATUSES.filter(leavesPlace)).toEqual(['rejected', 'cancelled']);
  });
});
