import { z } from 'zod';
import type { LocalText } from './eligibility/ast.ts';

/**
 * The life of a family in a program: drawn as a candidate, checked in the field (verified or rejected), fixed by a
 * decree (SK), served, and finished or stopped. A decreed family changes only along the decree path, and a
 * cancellation or stop after the decree is an explicit post-decree change with its reason.
 */

export const ENROLMENT_STATUSES = ['candidate', 'verified', 'rejected', 'in_decree', 'served', 'finished', 'stopped', 'cancelled'] as const;
export const EnrolmentStatus = z.enum(ENROLMENT_STATUSES);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;

export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, LocalText> = {
  candidate: { id: 'Calon penerima', en: 'Candidate' },
  verified: { id: 'Terverifikasi', en: 'Verified' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  in_decree: { id: 'Ditetapkan dalam SK', en: 'In the decree' },
  served: { id: 'Sudah menerima', en: 'Served' },
  finished: { id: 'Selesai', en: 'Finished' },
  stopped: { id: 'Dihentikan', en: 'Stopped' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
};

/** Why a candidate is rejected in the field, or a decreed family cancelled or stopped. */
export const ENROLMENT_REASONS = ['moved', 'died', 'not_poor', 'refused', 'other'] as const;
export const EnrolmentReason = z.enum(ENROLMENT_REASONS);
export type EnrolmentReason = z.infer<typeof EnrolmentReason>;

export const ENROLMENT_REASON_LABELS: Record<EnrolmentReason, LocalText> = {
  moved: { id: 'Pindah', en: 'Moved away' },
  died: { id: 'Meninggal dunia', en: 'Died' },
  not_poor: { id: 'Tidak miskin / sudah mampu', en: 'Not poor' },
  refused: { id: 'Menolak', en: 'Refused' },
  other: { id: 'Lainnya', en: 'Other' },
};

export type EnrolmentAction = 'verify' | 'reject' | 'decree' | 'serve' | 'finish' | 'stop' | 'cancel';

export interface EnrolmentTransition {
  action: EnrolmentAction;
  /** Changes a family fixed by a decree: allowed only as an explicit post-decree change with a reason. */
  postDecree: boolean;
}

const TRANSITIONS: Record<EnrolmentStatus, Partial<Record<EnrolmentStatus, EnrolmentTransition>>> = {
  candidate: { verified: { action: 'verify', postDecree: false }, rejected: { action: 'reject', postDecree: false } },
  // A field finding may be corrected until the decree.
  verified: { rejected: { action: 'reject', postDecree: false }, in_decree: { action: 'decree', postDecree: false } },
  rejected: { verified: { action: 'verify', postDecree: false } },
  in_decree: { served: { action: 'serve', postDecree: false }, cancelled: { action: 'cancel', postDecree: true } },
  served: { finished: { action: 'finish', postDecree: false }, stopped: { action: 'stop', postDecree: true } },
  finished: {},
  stopped: {},
  cancelled: {},
};

/** The transition from one status to another, or null when the lifecycle does not allow it. */
export function enrolmentTransition(from: EnrolmentStatus, to: EnrolmentStatus): EnrolmentTransition | null {
  return TRANSITIONS[from][to] ?? null;
}

/** Statuses a family may move to next. */
export function nextEnrolmentStatuses(from: EnrolmentStatus): EnrolmentStatus[] {
  return Object.keys(TRANSITIONS[from]) as EnrolmentStatus[];
}

/** Whether a decree has fixed the family in the program (its record then changes only along the decree path). */
export function isDecreed(status: EnrolmentStatus): boolean {
  return status === 'in_decree' || status === 'served' || status === 'finished' || status === 'stopped' || status === 'cancelled';
}

/** A rejected or cancelled family leaves a place that a family from the waiting list may take. */
export function leavesPlace(status: EnrolmentStatus): boolean {
  return status === 'rejected' || status === 'cancelled';
}

/**
 * Statuses that count as "received the program" in eligibility rules: from the decree on, except a cancellation
 * (the family never got it). A stopped family did receive part of it.
 */
export const RECEIVED_STATUSES: readonly EnrolmentStatus[] = ['in_decree', 'served', 'finished', 'stopped'];
