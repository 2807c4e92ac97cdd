import type { Agency, AgencyInput } from '@sinergi/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const agenciesQueryKey = ['agencies'] as const;

export function useAgencies() {
  return useQuery({
    queryKey: agenciesQueryKey,
    queryFn: ({ signal }) => api<Agency[]>('/agencies', { signal }),
    staleTime: 5 * 60_000,
  });
}

export const createAgency = (input: AgencyInput) => api<Agency>('/agencies', { method: 'POST', body: input });
export const updateAgency = (id: string, input: AgencyInput) => api<Agency>(`/agencies/${id}`, { method: 'PUT', body: input });
