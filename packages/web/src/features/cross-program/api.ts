import type {
  ApproachCoverage, ConflictCount, ConflictFamily, ConflictRule, ConflictRuleInput, CoverageFamily, Page, ProgramCombinations, UntouchedCount,
} from '@sinergi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** The filter every cross-program view shares: a receipt year (or every year) and a region inside the user's scope. */
export interface CoverageFilters {
  year: number | null;
  region: string | null;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

const query = (filters: CoverageFilters) => ({ year: filters.year ?? undefined, region: filters.region ?? undefined });
export const coverageKey = ['coverage'] as const;

export function useCombinations(filters: CoverageFilters) {
  return useQuery({
    queryKey: ['coverage', 'combinations', filters],
    queryFn: ({ signal }) => api<ProgramCombinations>('/coverage/combinations', { query: query(filters), signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCombinationFamilies(filters: CoverageFilters, programIds: readonly string[] | null, page: PageRequest) {
  return useQuery({
    queryKey: ['coverage', 'combination-families', filters, programIds, page],
    queryFn: ({ signal }) => api<Page<CoverageFamily>>('/coverage/combinations/families', {
      query: { ...query(filters), programs: (programIds ?? []).join(','), ...page }, signal,
    }),
    enabled: programIds !== null && programIds.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** `level` null: the server's default (kecamatan in a regency; one level below the region in a province). */
export function useUntouchedCounts(filters: CoverageFilters, level: 'kecamatan' | 'village' | null) {
  return useQuery({
    queryKey: ['coverage', 'untouched', filters, level],
    queryFn: ({ signal }) => api<UntouchedCount[]>('/coverage/untouched', { query: { ...query(filters), level: level ?? undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUntouchedFamilies(filters: CoverageFilters, page: PageRequest) {
  return useQuery({
    queryKey: ['coverage', 'untouched-families', filters, page],
    queryFn: ({ signal }) => api<Page<CoverageFamily>>('/coverage/untouched/families', { query: { ...query(filters), ...page }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useConflicts(filters: CoverageFilters) {
  return useQuery({
    queryKey: ['coverage', 'conflicts', filters],
    queryFn: ({ signal }) => api<ConflictCount[]>('/coverage/conflicts', { query: query(filters), signal }),
    placeholderData: keepPreviousData,
  });
}

export function useConflictFamilies(filters: CoverageFilters, ruleId: string | null, page: PageRequest) {
  return useQuery({
    queryKey: ['coverage', 'conflict-families', filters, ruleId, page],
    queryFn: ({ signal }) => api<Page<ConflictFamily>>('/coverage/conflicts/families', { query: { ...query(filters), ruleId: ruleId ?? '', ...page }, signal }),
    enabled: ruleId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useApproaches(filters: CoverageFilters) {
  return useQuery({
    queryKey: ['coverage', 'approaches', filters],
    queryFn: ({ signal }) => api<ApproachCoverage>('/coverage/approaches', { query: query(filters), signal }),
    placeholderData: keepPreviousData,
  });
}

export const untouchedExportQuery = query;

export const createConflictRule = (input: ConflictRuleInput) => api<ConflictRule>('/coverage/conflict-rules', { method: 'POST', body: input });
export const deleteConflictRule = (id: string) => api<undefined>(`/coverage/conflict-rules/${id}`, { method: 'DELETE' });
