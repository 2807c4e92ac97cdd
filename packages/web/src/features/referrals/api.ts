import type {
  Page, Referral, ReferralBox, ReferralCounts, ReferralCreate, ReferralEvent, ReferralRule, ReferralRuleInput, ReferralStatus, ReferralTransitionInput,
} from '@sinergi/domain';
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const referralsQueryKey = ['referrals'] as const;

export interface ReferralQuery {
  box: ReferralBox;
  status?: ReferralStatus | undefined;
  overdue?: 'true' | undefined;
  region?: string | undefined;
  page: number;
  pageSize: number;
}

export function useReferrals(query: ReferralQuery) {
  return useQuery({
    queryKey: [...referralsQueryKey, 'list', query],
    queryFn: ({ signal }) => api<Page<Referral>>('/referrals', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReferralCounts() {
  return useQuery({
    queryKey: [...referralsQueryKey, 'counts'],
    queryFn: ({ signal }) => api<ReferralCounts>('/referrals/counts', { signal }),
  });
}

export function useReferral(id: string, unmask: boolean) {
  return useQuery({
    queryKey: [...referralsQueryKey, 'one', id, unmask],
    queryFn: ({ signal }) => api<Referral>(`/referrals/${id}`, { query: { unmask: unmask || undefined }, signal }),
  });
}

export function useReferralHistory(id: string) {
  return useQuery({
    queryKey: [...referralsQueryKey, 'history', id],
    queryFn: ({ signal }) => api<ReferralEvent[]>(`/referrals/${id}/history`, { signal }),
  });
}

export const sendReferral = (input: ReferralCreate) => api<Referral>('/referrals', { method: 'POST', body: input });
export const transitionReferral = (id: string, input: ReferralTransitionInput) => api<Referral>(`/referrals/${id}/transitions`, { method: 'POST', body: input });

/** After any change: lists, counts, the detail, the family's timeline and the notification badge. */
export async function refreshAfterReferralChange(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: referralsQueryKey }),
    queryClient.invalidateQueries({ queryKey: ['notifications'] }),
    queryClient.invalidateQueries({ predicate: (query) => query.queryKey.includes('timeline') }),
  ]);
}

export function useReferralRules(programId: string) {
  return useQuery({
    queryKey: [...referralsQueryKey, 'rules', programId],
    queryFn: ({ signal }) => api<ReferralRule[]>(`/programs/${programId}/referral-rules`, { signal }),
  });
}

export const saveReferralRule = (programId: string, input: ReferralRuleInput) => api<ReferralRule[]>(`/programs/${programId}/referral-rules`, { method: 'PUT', body: input });
export const deleteReferralRule = (programId: string, ruleId: string) => api<ReferralRule[]>(`/programs/${programId}/referral-rules/${ruleId}`, { method: 'DELETE' });
