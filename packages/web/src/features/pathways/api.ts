import type {
  FamilyPathway, GraduationAssessment, GraduationAssessmentCreate, GraduationCriteria, GraduationCriteriaPreview, GraduationCriteriaUpdate, PathwayCountQuery,
  PathwayCounts, PathwayTransition, PathwayTransitionCreate,
} from '@sinergi/domain';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client.ts';

const familyPathwayKey = (familyId: string) => ['pathways', 'family', familyId] as const;

export function useFamilyPathway(familyId: string) {
  return useQuery({
    queryKey: familyPathwayKey(familyId),
    queryFn: ({ signal }) => api<FamilyPathway>(`/families/${encodeURIComponent(familyId)}/pathway`, { signal }),
  });
}

export function usePathwayCounts(query: PathwayCountQuery) {
  return useQuery({
    queryKey: ['pathways', 'counts', query],
    queryFn: ({ signal }) => api<PathwayCounts>('/pathways/counts', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const graduationCriteriaKey = ['pathways', 'criteria'] as const;

export function useGraduationCriteria() {
  return useQuery({ queryKey: graduationCriteriaKey, queryFn: ({ signal }) => api<GraduationCriteria>('/pathways/graduation-criteria', { signal }) });
}

/** Saves the criteria as the next version; a 400 invalid_rule lists every issue with its path in the rule. */
export function saveGraduationCriteria(body: GraduationCriteriaUpdate): Promise<GraduationCriteria> {
  return api<GraduationCriteria>('/pathways/graduation-criteria', { method: 'PUT', body });
}

/**
 * The live count of draft criteria among families on their way out, next to the saved criteria; `ruleJson` keys the
 * cache so that an unchanged draft is not counted twice. A save makes every cached count's "now" stale.
 */
export function useGraduationCriteriaPreview(rule: unknown, ruleJson: string) {
  return useQuery({
    queryKey: [...graduationCriteriaKey, 'preview', ruleJson],
    queryFn: ({ signal }) => api<GraduationCriteriaPreview>('/pathways/graduation-criteria/preview', { method: 'POST', body: { rule }, signal }),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });
}

export function recordTransition(familyId: string, body: PathwayTransitionCreate): Promise<PathwayTransition> {
  return api<PathwayTransition>(`/families/${encodeURIComponent(familyId)}/pathway/transitions`, { method: 'POST', body });
}

export function assessGraduation(familyId: string, body: GraduationAssessmentCreate): Promise<GraduationAssessment> {
  return api<GraduationAssessment>(`/families/${encodeURIComponent(familyId)}/pathway/assessments`, { method: 'POST', body });
}

/** After a step or an assessment: the family's pathway, its timeline and the leaders' counts are stale. */
export function useRefreshPathway(familyId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: familyPathwayKey(familyId) }),
      queryClient.invalidateQueries({ queryKey: ['pathways', 'counts'] }),
      queryClient.invalidateQueries({ queryKey: ['families', 'detail', familyId, 'timeline'] }),
    ]);
  }, [queryClient, familyId]);
}
