import type { Page, Partner, PartnerInput, PartnerListQuery } from '@sinergi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const partnersQueryKey = ['partners'] as const;

export function usePartners(query: Partial<PartnerListQuery>) {
  return useQuery({
    queryKey: [...partnersQueryKey, 'list', query],
    queryFn: ({ signal }) => api<Page<Partner>>('/partners', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const createPartner = (input: PartnerInput) => api<Partner>('/partners', { method: 'POST', body: input });
export const updatePartner = (id: string, input: PartnerInput) => api<Partner>(`/partners/${id}`, { method: 'PUT', body: input });
