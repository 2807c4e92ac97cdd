import type {
  Page, TrainingAttendanceInput, TrainingCandidate, TrainingCandidateQuery, TrainingCohort, TrainingCohortInput, TrainingCohortListItem,
  TrainingCohortListQuery, TrainingCohortUpdate, TrainingCompletionSummary, TrainingCourse, TrainingCourseInput, TrainingCourseListQuery, TrainingFollowUp,
  TrainingFollowUpInput, TrainingFollowUpListQuery, TrainingParticipant, TrainingParticipantAdd, TrainingParticipantList, TrainingParticipantUpdate,
  TrainingReport, TrainingReportQuery,
} from '@sinergi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';

export const trainingQueryKey = ['training'] as const;

export function useCourses(query: Partial<TrainingCourseListQuery>) {
  return useQuery({
    queryKey: [...trainingQueryKey, 'courses', query],
    queryFn: ({ signal }) => api<Page<TrainingCourse>>('/training/courses', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCohorts(query: Partial<TrainingCohortListQuery>) {
  return useQuery({
    queryKey: [...trainingQueryKey, 'cohorts', query],
    queryFn: ({ signal }) => api<Page<TrainingCohortListItem>>('/training/cohorts', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCohort(id: string) {
  return useQuery({ queryKey: [...trainingQueryKey, 'cohort', id], queryFn: ({ signal }) => api<TrainingCohort>(`/training/cohorts/${id}`, { signal }) });
}

export function useParticipants(cohortId: string) {
  return useQuery({
    queryKey: [...trainingQueryKey, 'participants', cohortId],
    queryFn: ({ signal }) => api<TrainingParticipantList>(`/training/cohorts/${cohortId}/participants`, { signal }),
  });
}

export function useCandidates(cohortId: string, query: Partial<TrainingCandidateQuery>, enabled: boolean) {
  return useQuery({
    queryKey: [...trainingQueryKey, 'candidates', cohortId, query],
    queryFn: ({ signal }) => api<TrainingCandidate[]>(`/training/cohorts/${cohortId}/candidates`, { query: { ...query }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useFollowUps(query: Partial<TrainingFollowUpListQuery>) {
  return useQuery({
    queryKey: [...trainingQueryKey, 'follow-ups', query],
    queryFn: ({ signal }) => api<Page<TrainingFollowUp>>('/training/follow-ups', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTrainingReport(query: TrainingReportQuery) {
  return useQuery({
    queryKey: [...trainingQueryKey, 'report', query],
    queryFn: ({ signal }) => api<TrainingReport>('/training/reports', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const createCourse = (input: TrainingCourseInput) => api<TrainingCourse>('/training/courses', { method: 'POST', body: input });
export const updateCourse = (id: string, input: TrainingCourseInput) => api<TrainingCourse>(`/training/courses/${id}`, { method: 'PUT', body: input });
export const createCohort = (input: TrainingCohortInput) => api<TrainingCohort>('/training/cohorts', { method: 'POST', body: input });
export const updateCohort = (id: string, input: TrainingCohortUpdate) => api<TrainingCohort>(`/training/cohorts/${id}`, { method: 'PUT', body: input });
export const addSession = (cohortId: string, date: string) => api<TrainingCohort>(`/training/cohorts/${cohortId}/sessions`, { method: 'POST', body: { date } });
export const addParticipant = (cohortId: string, input: TrainingParticipantAdd) =>
  api<TrainingParticipant>(`/training/cohorts/${cohortId}/participants`, { method: 'POST', body: input });
export const updateParticipant = (cohortId: string, participantId: string, input: TrainingParticipantUpdate) =>
  api<TrainingParticipant>(`/training/cohorts/${cohortId}/participants/${participantId}`, { method: 'PATCH', body: input });
export const recordAttendance = (cohortId: string, sessionId: string, input: TrainingAttendanceInput) =>
  api<TrainingParticipantList>(`/training/cohorts/${cohortId}/sessions/${sessionId}/attendance`, { method: 'PUT', body: input });
export const completeCohort = (cohortId: string, version: number) =>
  api<TrainingCompletionSummary>(`/training/cohorts/${cohortId}/complete`, { method: 'POST', body: { version } });
export const recordFollowUp = (id: string, input: TrainingFollowUpInput) => api<TrainingFollowUp>(`/training/follow-ups/${id}`, { method: 'PUT', body: input });
export const downloadCertificate = (participantId: string) => downloadFile(`/training/participants/${participantId}/certificate`, {}, 'sertifikat.pdf');
