import type { AuditEntry, AuditQuery, Page } from '@sinergi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export function useAuditEntries(query: Partial<AuditQuery>) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api<Page<AuditEntry>>('/audit', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    // The trail grows all the time; what is on screen should be current.
    staleTime: 0,
  });
}
