import type {
  Page, Renovation, RenovationAssessmentInput, RenovationCandidate, RenovationCandidateQuery, RenovationCompleteInput, RenovationFundingInput,
  RenovationListItem, RenovationListQuery, RenovationPhotoKind, RenovationProposalInput, RenovationRejectInput, RenovationScheduleInput,
  RenovationSummary, RenovationTarget, RenovationTargetInput, RenovationVerifyInput,
} from '@sinergi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { sendForm } from '../../api/upload.ts';

export const renovationKey = ['renovation'] as const;
export const renovationDetailKey = (id: string) => [...renovationKey, 'detail', id] as const;

export function useRenovations(query: Partial<RenovationListQuery>) {
  return useQuery({
    queryKey: [...renovationKey, 'list', query],
    queryFn: ({ signal }) => api<Page<RenovationListItem>>('/renovations', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** `place`: a kecamatan, or (in a province installation) the regency or kecamatan `area` to break down. */
export function useRenovationSummary(year: number, place: { kecamatanCode?: string | undefined; area?: string | undefined }) {
  return useQuery({
    queryKey: [...renovationKey, 'summary', year, place.kecamatanCode, place.area],
    queryFn: ({ signal }) => api<RenovationSummary>('/renovations/summary', { query: { year, kecamatanCode: place.kecamatanCode, area: place.area }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRenovationTarget(year: number) {
  return useQuery({ queryKey: [...renovationKey, 'target', year], queryFn: ({ signal }) => api<RenovationTarget>(`/renovations/targets/${year}`, { signal }) });
}

export function useRenovationCandidates(query: Partial<RenovationCandidateQuery>, enabled: boolean) {
  return useQuery({
    queryKey: [...renovationKey, 'candidates', query],
    queryFn: ({ signal }) => api<Page<RenovationCandidate>>('/renovations/candidates', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRenovation(id: string) {
  return useQuery({ queryKey: renovationDetailKey(id), queryFn: ({ signal }) => api<Renovation>(`/renovations/${encodeURIComponent(id)}`, { signal }) });
}

const post = <T>(path: string, body: unknown) => api<T>(path, { method: 'POST', body });

export const proposeHouse = (input: RenovationProposalInput) => post<Renovation>('/renovations', input);
export const setRenovationTarget = (year: number, input: RenovationTargetInput) => api<RenovationTarget>(`/renovations/targets/${year}`, { method: 'PUT', body: input });
export const assessHouse = (id: string, input: RenovationAssessmentInput) => post<Renovation>(`/renovations/${id}/assessment`, input);
export const verifyHouse = (id: string, input: RenovationVerifyInput) => post<Renovation>(`/renovations/${id}/verify`, input);
export const scheduleHouse = (id: string, input: RenovationScheduleInput) => post<Renovation>(`/renovations/${id}/schedule`, input);
export const rejectHouse = (id: string, input: RenovationRejectInput) => post<Renovation>(`/renovations/${id}/reject`, input);
export const completeHouse = (id: string, input: RenovationCompleteInput) => post<Renovation>(`/renovations/${id}/complete`, input);
export const addFunding = (id: string, input: RenovationFundingInput) => post<Renovation>(`/renovations/${id}/funding`, input);
export const removeFunding = (id: string, fundingId: string) => api<Renovation>(`/renovations/${id}/funding/${fundingId}`, { method: 'DELETE' });

/** Text fields first, then the photos: the server reads them in that order. */
function postForm(path: string, fields: Record<string, string>, photos: readonly File[]): Promise<Renovation> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const photo of photos) form.append('file', photo, photo.name);
  return sendForm<Renovation>(path, 'POST', form);
}

export const recordProgress = (id: string, fields: { percent: number; recordedOn: string; note: string }, photos: readonly File[]) =>
  postForm(`/renovations/${id}/progress`, { percent: String(fields.percent), recordedOn: fields.recordedOn, note: fields.note }, photos);

export const addPhotos = (id: string, kind: RenovationPhotoKind, caption: string, photos: readonly File[]) =>
  postForm(`/renovations/${id}/photos`, { kind, caption }, photos);
