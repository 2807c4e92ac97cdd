import type {
  Decree, DecreeInput, Enrolment, FamilyListItem, EnrolmentListQuery, Page, PreviewCount, Program, ProgramCreate, ProgramExplanation, ProgramListItem,
  PostDecreeChangeInput, ProgramListQuery, ProgramUpdate, Replacement, RuleCatalogue, RunFamiliesQuery, RunFamily, TargetingRun, VerificationInput,
} from '@sinergi/domain';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client.ts';
import { sendForm } from '../../api/upload.ts';

export const programsKey = ['programs'] as const;
const programKey = (id: string) => ['programs', 'detail', id] as const;
const runsKey = (id: string) => ['programs', 'runs', id] as const;

export function usePrograms(filters: Partial<ProgramListQuery>) {
  return useQuery({
    queryKey: ['programs', 'list', filters],
    queryFn: ({ signal }) => api<Page<ProgramListItem>>('/programs', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProgram(id: string) {
  return useQuery({ queryKey: programKey(id), queryFn: ({ signal }) => api<Program>(`/programs/${id}`, { signal }) });
}

/** Every program in one pick list (rule conditions like "received program X"). */
export function useProgramChoices() {
  return useQuery({
    queryKey: ['programs', 'choices'],
    queryFn: ({ signal }) => api<Page<ProgramListItem>>('/programs', { query: { pageSize: 100 }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useRuleCatalogue() {
  return useQuery({
    queryKey: ['programs', 'rule-catalogue'],
    queryFn: ({ signal }) => api<RuleCatalogue>('/programs/rule-catalogue', { signal }),
    staleTime: Infinity,
  });
}

/**
 * The live count of a rule being edited; `ruleJson` keys the cache so that an unchanged rule is not counted twice.
 * Without a program (graduation criteria), every receipt counts.
 */
export function usePreviewCount(programId: string | undefined, rule: unknown, ruleJson: string) {
  return useQuery({
    queryKey: ['programs', 'preview', programId, ruleJson],
    queryFn: ({ signal }) => api<PreviewCount>('/programs/preview-count', { method: 'POST', body: { rule, programId }, signal }),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });
}

export const createProgram = (input: ProgramCreate) => api<Program>('/programs', { method: 'POST', body: input });
export const updateProgram = (id: string, input: ProgramUpdate) => api<Program>(`/programs/${id}`, { method: 'PATCH', body: input });
export const changeProgramStatus = (id: string, to: 'activate' | 'close', version: number) =>
  api<Program>(`/programs/${id}/${to}`, { method: 'POST', body: { version } });

export const isRunBusy = (run: TargetingRun) => run.status === 'queued' || run.status === 'running';

export function useRuns(programId: string) {
  return useQuery({
    queryKey: runsKey(programId),
    queryFn: ({ signal }) => api<TargetingRun[]>(`/programs/${programId}/runs`, { signal }),
    // A run in the background is polled for its progress bar until none is left running.
    refetchInterval: (query) => (query.state.data?.some(isRunBusy) ? 1000 : false),
  });
}

export const startRun = (programId: string) => api<TargetingRun>(`/programs/${programId}/runs`, { method: 'POST' });

export function useRunFamilies(programId: string, runId: string, query: Partial<RunFamiliesQuery>) {
  return useQuery({
    queryKey: ['programs', 'run-families', programId, runId, query],
    queryFn: ({ signal }) => api<Page<RunFamily>>(`/programs/${programId}/runs/${runId}/families`, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useExplanation(programId: string, familyId: string | null, runId: string | undefined) {
  return useQuery({
    queryKey: ['programs', 'explain', programId, familyId, runId],
    enabled: familyId !== null,
    queryFn: ({ signal }) => api<ProgramExplanation>(`/programs/${programId}/explain/${familyId ?? ''}`, { query: { runId }, signal }),
    staleTime: 0,
  });
}

/** Families found by name or No KK for "check one family"; nothing is asked (nor audited) before something is typed. */
export function useFamilyLookup(q: string) {
  return useQuery({
    queryKey: ['programs', 'family-lookup', q],
    enabled: q !== '',
    queryFn: ({ signal }) => api<Page<FamilyListItem>>('/families', { query: { q, pageSize: 5 }, signal }),
  });
}

export function useEnrolments(programId: string, query: Partial<EnrolmentListQuery>) {
  return useQuery({
    queryKey: ['programs', 'enrolments', programId, query],
    queryFn: ({ signal }) => api<Page<Enrolment>>(`/programs/${programId}/enrolments`, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const verifyEnrolment = (programId: string, enrolmentId: string, input: VerificationInput) =>
  api<Enrolment>(`/programs/${programId}/enrolments/${enrolmentId}/verification`, { method: 'POST', body: input });
export const replaceEnrolment = (programId: string, enrolmentId: string) =>
  api<Replacement>(`/programs/${programId}/enrolments/${enrolmentId}/replacements`, { method: 'POST', body: {} });

export const changeAfterDecree = (programId: string, enrolmentId: string, input: PostDecreeChangeInput) =>
  api<{ enrolment: Enrolment; replacement: Enrolment | null }>(`/programs/${programId}/enrolments/${enrolmentId}/post-decree-change`, { method: 'POST', body: input });

export function useDecrees(programId: string) {
  return useQuery({ queryKey: ['programs', 'decrees', programId], queryFn: ({ signal }) => api<Decree[]>(`/programs/${programId}/decrees`, { signal }) });
}

export const createDecree = (programId: string, input: DecreeInput) => api<Decree>(`/programs/${programId}/decrees`, { method: 'POST', body: input });

/** The signed decree scan is a small file sent with PUT (the upload helper only posts and tracks progress of large files). */
export function uploadDecreeFile(programId: string, decreeId: string, file: File): Promise<Decree> {
  const form = new FormData();
  form.append('file', file, file.name);
  return sendForm<Decree>(`/programs/${programId}/decrees/${decreeId}/file`, 'PUT', form);
}

/** Refreshes everything shown about one program after a change (counts, runs, lists). */
export function useRefreshProgram(programId: string) {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: programsKey, predicate: (query) => query.queryKey.includes(programId) || query.queryKey[1] === 'list' });
  }, [queryClient, programId]);
}
