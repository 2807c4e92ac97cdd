import type {
  DuplicateCandidate,
  DuplicateDistinctBody,
  DuplicateListQuery,
  DuplicateMergeBody,
  DuplicateScan,
  Page,
} from '@sinergi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client.ts';

export const duplicatesQueryKey = ['duplicates'] as const;

export function useDuplicates(query: Partial<DuplicateListQuery>) {
  return useQuery({
    queryKey: [...duplicatesQueryKey, 'list', query],
    queryFn: ({ signal }) => api<Page<DuplicateCandidate>>('/registry/duplicates', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    // Full NIK are kept only while shown; each showing is a fresh, audited request.
    gcTime: query.unmask ? 0 : undefined,
    staleTime: query.unmask ? 0 : undefined,
  });
}

/** The newest whole-registry scan, or null before the first; polled every second while it runs. */
export function useLatestScan() {
  return useQuery({
    queryKey: [...duplicatesQueryKey, 'scan', 'latest'],
    queryFn: async ({ signal }) => {
      try {
        return await api<DuplicateScan>('/registry/duplicates/scans/latest', { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
    staleTime: 0,
  });
}

export const startScan = () => api<DuplicateScan>('/registry/duplicates/scan', { method: 'POST', body: {} });
export const mergePair = (id: string, body: DuplicateMergeBody) =>
  api<DuplicateCandidate>(`/registry/duplicates/${encodeURIComponent(id)}/merge`, { method: 'POST', body });
export const markDistinct = (id: string, body: DuplicateDistinctBody) =>
  api<DuplicateCandidate>(`/registry/duplicates/${encodeURIComponent(id)}/distinct`, { method: 'POST', body });
