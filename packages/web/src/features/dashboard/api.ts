import type { DashboardSummary } from '@sinergi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** The summary of the jurisdiction, or of an area below it when `area` is given. */
export function useDashboardSummary(area: string | null) {
  return useQuery({
    queryKey: ['dashboard', 'summary', area],
    queryFn: ({ signal }) => api<DashboardSummary>('/dashboard/summary', { signal, query: { area } }),
    // Drilling down keeps the previous numbers on screen until the next area's arrive.
    placeholderData: keepPreviousData,
  });
}
