import type { FamilyDetail, FamilyListItem, FamilyListQuery, Page } from '@sinergi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type FamilyFilters = Partial<FamilyListQuery>;

export function useFamilies(filters: FamilyFilters) {
  return useQuery({
    queryKey: ['families', 'list', filters],
    queryFn: ({ signal }) => api<Page<FamilyListItem>>('/families', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A family profile; `unmask` asks for full NIK and birth dates, which the server records in the audit trail. */
export const familyQueryKey = (id: string, unmask: boolean) => ['families', 'detail', id, unmask ? 'unmasked' : 'masked'] as const;

export function useFamily(id: string, unmask: boolean, enabled = true) {
  return useQuery({
    queryKey: familyQueryKey(id, unmask),
    enabled,
    queryFn: ({ signal }) => api<FamilyDetail>(`/families/${encodeURIComponent(id)}`, { query: { unmask: unmask ? 'true' : undefined }, signal }),
    // Full identity numbers are kept only while shown, and each showing is a fresh, audited request.
    gcTime: unmask ? 0 : undefined,
    staleTime: unmask ? 0 : undefined,
  });
}
