import type { CodeList } from '../reference/code-list.ts';

export const MEMBER_STATUS_CODES = ['active', 'deceased', 'left'] as const;
export type MemberStatus = (typeof MEMBER_STATUS_CODES)[number];

/** Whether a member still belongs to the family card they are recorded on. */
export const MEMBER_STATUSES: CodeList<MemberStatus> = [
  { code: 'active', id: 'Anggota aktif', en: 'Current member' },
  { code: 'deceased', id: 'Meninggal dunia', en: 'Deceased' },
  { code: 'left', id: 'Keluar dari keluarga', en: 'Left the family' },
];

export const MEMBERSHIP_END_REASON_CODES = ['moved', 'deceased', 'left'] as const;
export type MembershipEndReason = (typeof MEMBERSHIP_END_REASON_CODES)[number];

/** Why a membership ended: moved to another family card in the registry, died, or left (moved away). */
export const MEMBERSHIP_END_REASONS: CodeList<MembershipEndReason> = [
  { code: 'moved', id: 'Pindah ke KK lain', en: 'Moved to another family card' },
  { code: 'deceased', id: 'Meninggal dunia', en: 'Deceased' },
  { code: 'left', id: 'Keluar dari keluarga (pindah domisili)', en: 'Left the family (moved away)' },
];

/** The end reasons an operator records directly; 'moved' is recorded by moving the member. */
export const MEMBER_END_REASONS = ['deceased', 'left'] as const satisfies readonly MembershipEndReason[];
export type MemberEndReason = (typeof MEMBER_END_REASONS)[number];
