import type {
  DistributionFamily, DistributionFamilyQuery, Handover, HandoverCorrection, HandoverHistory, HandoverInput, Page, ProofKind, Realisation, Stage, StageInput, StageUpdate,
} from '@sinergi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../api/client.ts';
import { sendForm } from '../../api/upload.ts';

/** Every query of one program's distribution starts with this key, so a recorded hand-over refreshes them all. */
export const distributionKey = (programId: string) => ['distribution', programId] as const;

export function useStages(programId: string) {
  return useQuery({ queryKey: [...distributionKey(programId), 'stages'], queryFn: ({ signal }) => api<Stage[]>(`/programs/${programId}/stages`, { signal }) });
}

export function useDistributionFamilies(programId: string, query: Partial<DistributionFamilyQuery>) {
  return useQuery({
    queryKey: [...distributionKey(programId), 'families', query],
    queryFn: ({ signal }) => api<Page<DistributionFamily>>(`/programs/${programId}/distribution/families`, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFamilyHandovers(programId: string, enrolmentId: string | null) {
  return useQuery({
    queryKey: [...distributionKey(programId), 'handovers', enrolmentId],
    queryFn: ({ signal }) => api<Page<Handover>>(`/programs/${programId}/handovers`, { query: { enrolmentId, pageSize: 100 }, signal }),
    enabled: enrolmentId !== null,
  });
}

export function useHandoverHistory(programId: string, handoverId: string | null) {
  return useQuery({
    queryKey: [...distributionKey(programId), 'history', handoverId],
    queryFn: ({ signal }) => api<HandoverHistory>(`/programs/${programId}/handovers/${handoverId}/history`, { signal }),
    enabled: handoverId !== null,
  });
}

/** `area`: a regency (province installation) or kecamatan to break down; null for the whole jurisdiction. */
export function useRealisation(programId: string, stageId: string | null, area: string | null = null) {
  return useQuery({
    queryKey: [...distributionKey(programId), 'realisation', stageId, area],
    queryFn: ({ signal }) => api<Realisation>(`/programs/${programId}/realisation`, { query: { stageId, area }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const createStage = (programId: string, input: StageInput) => api<Stage>(`/programs/${programId}/stages`, { method: 'POST', body: input });
export const updateStage = (programId: string, stageId: string, input: StageUpdate) =>
  api<Stage>(`/programs/${programId}/stages/${stageId}`, { method: 'PATCH', body: input });
export const recordHandover = (programId: string, input: HandoverInput) => api<Handover>(`/programs/${programId}/handovers`, { method: 'POST', body: input });
export const correctHandover = (programId: string, handoverId: string, input: HandoverCorrection) =>
  api<Handover>(`/programs/${programId}/handovers/${handoverId}/corrections`, { method: 'POST', body: input });

export const proofUrl = (programId: string, handoverId: string, proofId: string) => buildUrl(`/programs/${programId}/handovers/${handoverId}/proofs/${proofId}/file`);

/** Sends one proof image; the same image again is a harmless retry on the server. */
export function uploadProof(programId: string, handoverId: string, kind: ProofKind, image: Blob, fileName: string): Promise<Handover> {
  const form = new FormData();
  form.append('file', image, fileName);
  return sendForm<Handover>(`/programs/${programId}/handovers/${handoverId}/proofs/${kind}`, 'PUT', form);
}
