import type { DashboardSummary } from '@sinergi/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export function useDashboardSummary() {
  return useQuery({
    queryKey: ['dashboard', 'summary'],
    queryFn: ({ signal }) => api<DashboardSummary>('/dashboard/summary', { signal }),
  });
}
