import { describe, expect, it } from 'vitest';
import { addDays, isReferralOpen, referralActionsFor, referralOverdue, referralTransition, REFERRAL_ACTIONS, REFERRAL_STATUSES } from './referral-lifecycle.ts';
import { ReferralCreate, ReferralTransitionInput } from './schemas/referrals.ts';

describe('referral lifecycle', () => {
  it('allows exactly the documented transitions, each by one side', () => {
    const allowed = REFERRAL_STATUSES.flatMap((from) => REFERRAL_ACTIONS.flatMap((action) => {
      const transition = referralTransition(from, action);
      return transition ? [`${from} -${action}-> ${transition.to} (${transition.side})`] : [];
    }));
    expect(allowed).toEqual([
      'sent -accept-> accepted (receiver)',
      'sent -decline-> declined (receiver)',
      'sent -withdraw-> withdrawn (sender)',
      'accepted -serve-> served (receiver)',
      'accepted -not_serve-> not_served (receiver)',
      'accepted -withdraw-> withdrawn (sender)',
    ]);
  });

  it('refuses closing before accepting, answering twice and anything after a final status', () => {
    expect(referralTransition('sent', 'serve')).toBeNull();
    expect(referralTransition('sent', 'not_serve')).toBeNull();
    expect(referralTransition('accepted', 'accept')).toBeNull();
    expect(referralTransition('accepted', 'decline')).toBeNull();
    for (const final of ['declined', 'served', 'not_served', 'withdrawn'] as const) {
      expect(REFERRAL_ACTIONS.map((action) => referralTransition(final, action))).toEqual([null, null, null, null, null]);
      expect(isReferralOpen(final)).toBe(false);
    }
    expect(isReferralOpen('sent')).toBe(true);
    expect(isReferralOpen('accepted')).toBe(true);
  });

  it('lists the actions of each side', () => {
    expect(referralActionsFor('sent', 'receiver')).toEqual(['accept', 'decline']);
    expect(referralActionsFor('sent', 'sender')).toEqual(['withdraw']);
    expect(referralActionsFor('accepted', 'receiver')).toEqual(['serve', 'not_serve']);
    expect(referralActionsFor('served', 'sender')).toEqual([]);
  });
});

describe('overdue referrals', () => {
  const sent = { status: 'sent' as const, answerBy: '2026-03-09', dueOn: '2026-04-30' };

  it('is late to answer only after the answer day', () => {
    expect(referralOverdue(sent, '2026-03-09')).toBeNull();
    expect(referralOverdue(sent, '2026-03-10')).toBe('answer');
  });

  it('is late to close only when accepted and past its due date', () => {
    const accepted = { ...sent, status: 'accepted' as const };
    expect(referralOverdue(accepted, '2026-03-20')).toBeNull();
    expect(referralOverdue(accepted, '2026-04-30')).toBeNull();
    expect(referralOverdue(accepted, '2026-05-01')).toBe('close');
    expect(referralOverdue({ ...accepted, dueOn: null }, '2027-01-01')).toBeNull();
    expect(referralOverdue({ ...accepted, status: 'served' }, '2027-01-01')).toBeNull();
    expect(referralOverdue({ ...sent, status: 'declined' }, '2027-01-01')).toBeNull();
  });

  it('counts answer days on the calendar, across months and leap days', () => {
    expect(addDays('2026-03-02', 7)).toBe('2026-03-09');
    expect(addDays('2026-01-28', 7)).toBe('2026-02-04');
    expect(addDays('2028-02-27', 3)).toBe('2028-03-01');
  });
});

describe('referral inputs', () => {
  const base = { familyId: crypto.randomUUID(), toAgencyId: crypto.randomUUID(), services: ['capital_access'] };

  it('needs a consent with its day and giver, or a named legal basis', () => {
    expect(ReferralCreate.safeParse({ ...base, sharing: { basis: 'consent', consentOn: '2026-03-01' } }).success).toBe(false);
    expect(ReferralCreate.safeParse({ ...base, sharing: { basis: 'legal_basis', legalBasis: '' } }).success).toBe(false);
    const parsed = ReferralCreate.parse({ ...base, sharing: { basis: 'consent', consentOn: '2026-03-01', consentBy: 'Siti (istri)' } });
    expect(parsed.answerDays).toBe(7);
  });

  it('refuses duplicate services and an empty list', () => {
    expect(ReferralCreate.safeParse({ ...base, services: [], sharing: { basis: 'legal_basis', legalBasis: 'UU 27/2022 Pasal 20' } }).success).toBe(false);
    expect(ReferralCreate.safeParse({ ...base, services: ['marketing', 'marketing'], sharing: { basis: 'legal_basis', legalBasis: 'UU 27/2022 Pasal 20' } }).success).toBe(false);
  });

  it('needs a reason to decline, not serve or withdraw, and an outcome to serve', () => {
    expect(ReferralTransitionInput.safeParse({ action: 'decline' }).success).toBe(false);
    expect(ReferralTransitionInput.safeParse({ action: 'not_serve', reason: '  ' }).success).toBe(false);
    expect(ReferralTransitionInput.safeParse({ action: 'withdraw' }).success).toBe(false);
    expect(ReferralTransitionInput.safeParse({ action: 'serve' }).success).toBe(false);
    expect(ReferralTransitionInput.safeParse({ action: 'serve', outcome: 'Pinjaman KUR Rp10 juta' }).success).toBe(true);
    expect(ReferralTransitionInput.safeParse({ action: 'accept' }).success).toBe(true);
  });
});
