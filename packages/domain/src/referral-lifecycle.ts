import { z } from 'zod';
import type { LocalText } from './eligibility/ast.ts';

/**
 * The life of a referral from one agency to another: sent → accepted or declined (with a reason) → served (what was
 * given) or not served (why); the sender may withdraw it while it is open. Declined, served, not served and withdrawn
 * are final.
 */

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'served', 'not_served', 'withdrawn'] as const;
export const ReferralStatus = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, LocalText> = {
  sent: { id: 'Terkirim', en: 'Sent' },
  accepted: { id: 'Diterima', en: 'Accepted' },
  declined: { id: 'Ditolak', en: 'Declined' },
  served: { id: 'Dilayani', en: 'Served' },
  not_served: { id: 'Tidak terlayani', en: 'Not served' },
  withdrawn: { id: 'Ditarik', en: 'Withdrawn' },
};

export const REFERRAL_ACTIONS = ['accept', 'decline', 'serve', 'not_serve', 'withdraw'] as const;
export const ReferralAction = z.enum(REFERRAL_ACTIONS);
export type ReferralAction = z.infer<typeof ReferralAction>;

/** Which side of the referral may take an action: the receiving agency answers and closes, the sender withdraws. */
export type ReferralSide = 'receiver' | 'sender';

export interface ReferralTransition {
  to: ReferralStatus;
  side: ReferralSide;
}

const TRANSITIONS: Record<ReferralStatus, Partial<Record<ReferralAction, ReferralTransition>>> = {
  sent: {
    accept: { to: 'accepted', side: 'receiver' },
    decline: { to: 'declined', side: 'receiver' },
    withdraw: { to: 'withdrawn', side: 'sender' },
  },
  accepted: {
    serve: { to: 'served', side: 'receiver' },
    not_serve: { to: 'not_served', side: 'receiver' },
    withdraw: { to: 'withdrawn', side: 'sender' },
  },
  declined: {},
  served: {},
  not_served: {},
  withdrawn: {},
};

/** The transition an action makes from a status, or null when the lifecycle does not allow it. */
export function referralTransition(from: ReferralStatus, action: ReferralAction): ReferralTransition | null {
  return TRANSITIONS[from][action] ?? null;
}

/** Actions one side may take on a referral in this status. */
export function referralActionsFor(status: ReferralStatus, side: ReferralSide): ReferralAction[] {
  return (Object.entries(TRANSITIONS[status]) as [ReferralAction, ReferralTransition][]).filter(([, t]) => t.side === side).map(([action]) => action);
}

/** Still waiting for the other agency: an answer, or the service. */
export function isReferralOpen(status: ReferralStatus): boolean {
  return status === 'sent' || status === 'accepted';
}

/** Why a referral is late: nobody answered within the agreed days, or it was accepted but not closed by its due date. */
export type ReferralOverdue = 'answer' | 'close';

/** 'YYYY-MM-DD' plus whole days (calendar arithmetic in UTC, so no time zone shifts a day). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Whether a referral is overdue on `today` ('YYYY-MM-DD' in the jurisdiction): still 'sent' after its answer day, or
 * 'accepted' after its due date. The last day itself is not late yet.
 */
export function referralOverdue(referral: { status: ReferralStatus; answerBy: string; dueOn: string | null }, today: string): ReferralOverdue | null {
  if (referral.status === 'sent' && today > referral.answerBy) return 'answer';
  if (referral.status === 'accepted' && referral.dueOn !== null && today > referral.dueOn) return 'close';
  return null;
}
