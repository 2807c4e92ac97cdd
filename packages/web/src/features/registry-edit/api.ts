import type {
  DesilHistory,
  FamilyListItem,
  FamilyEditBody,
  FamilyEditResult,
  FamilyHistory,
  FamilyTimeline,
  MemberAddBody,
  MemberEditBody,
  MemberEditResult,
  MemberEndBody,
  MemberMoveBody,
  MembershipEntry,
  Page,
} from '@sinergi/domain';
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

const familyPath = (id: string) => `/families/${encodeURIComponent(id)}`;
const memberPath = (id: string) => `/members/${encodeURIComponent(id)}`;

/** Everything shown about one family: profile, history, desil, memberships, timeline (see families/api.ts). */
export const familyKey = (id: string) => ['families', 'detail', id] as const;

/** Families matching a search, only once something is typed (each list request is audited as a view). */
export function useFamilySearch(q: string) {
  return useQuery({
    queryKey: ['families', 'list', 'search', q],
    queryFn: ({ signal }) => api<Page<FamilyListItem>>('/families', { query: { q, pageSize: 8 }, signal }),
    enabled: q.trim().length > 0,
  });
}

export function useFamilyHistory(familyId: string, page: number, enabled = true) {
  return useQuery({
    queryKey: [...familyKey(familyId), 'history', page],
    queryFn: ({ signal }) => api<FamilyHistory>(`${familyPath(familyId)}/history`, { query: { page, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The newest changes, to tell an editor who changed a record while they were editing it. */
export function fetchRecentChanges(familyId: string) {
  return api<FamilyHistory>(`${familyPath(familyId)}/history`, { query: { page: 1, pageSize: 5 } });
}

export function useDesilHistory(familyId: string, enabled = true) {
  return useQuery({
    queryKey: [...familyKey(familyId), 'desil'],
    queryFn: ({ signal }) => api<DesilHistory>(`${familyPath(familyId)}/desil-history`, { signal }),
    enabled,
  });
}

export function useMemberships(familyId: string, enabled = true) {
  return useQuery({
    queryKey: [...familyKey(familyId), 'memberships'],
    queryFn: ({ signal }) => api<MembershipEntry[]>(`${familyPath(familyId)}/memberships`, { signal }),
    enabled,
  });
}

export function useFamilyTimeline(familyId: string, enabled = true) {
  return useQuery({
    queryKey: [...familyKey(familyId), 'timeline'],
    queryFn: ({ signal }) => api<FamilyTimeline>(`${familyPath(familyId)}/timeline`, { signal }),
    enabled,
  });
}

export const editFamily = (id: string, body: FamilyEditBody) => api<FamilyEditResult>(familyPath(id), { method: 'PATCH', body });
/** `unmask`: the edit comes from an unmasked view (needed to change specific personal data; audited). */
export const editMember = (id: string, body: MemberEditBody, unmask = false) =>
  api<MemberEditResult>(memberPath(id), { method: 'PATCH', body, query: { unmask: unmask ? 'true' : undefined } });
export const addMember = (familyId: string, body: MemberAddBody) => api<MemberEditResult>(`${familyPath(familyId)}/members`, { method: 'POST', body });
export const moveMember = (id: string, body: MemberMoveBody) => api<MemberEditResult>(`${memberPath(id)}/move`, { method: 'POST', body });
export const endMember = (id: string, body: MemberEndBody) => api<MemberEditResult>(`${memberPath(id)}/end`, { method: 'POST', body });

/** After a change the profile, its history and timeline, and the lists it appears in are all stale. */
export async function refreshFamily(queryClient: QueryClient, ...familyIds: string[]): Promise<void> {
  await Promise.all([
    ...familyIds.map((id) => queryClient.invalidateQueries({ queryKey: familyKey(id) })),
    queryClient.invalidateQueries({ queryKey: ['families', 'list'] }),
  ]);
}
