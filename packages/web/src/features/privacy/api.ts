import type {
  CorrectionCreate,
  CorrectionDecideBody,
  CorrectionListQuery,
  CorrectionRequest,
  FamilyDetail,
  FamilyListItem,
  Member,
  Page,
} from '@sinergi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';

export const correctionsQueryKey = ['privacy', 'corrections'] as const;

export interface PersonMatch {
  nik: string;
  family: FamilyDetail;
  member: Member;
}

/**
 * Finds the person holding a NIK within the officer's scope: the family list finds the card, and the profile is opened
 * unmasked (recorded in the audit trail) to pick the person by their full NIK. Null when the NIK is not in the registry.
 */
export async function findPerson(nik: string): Promise<PersonMatch | null> {
  const families = await api<Page<FamilyListItem>>('/families', { query: { q: nik, pageSize: 5 } });
  for (const item of families.items) {
    const family = await api<FamilyDetail>(`/families/${encodeURIComponent(item.id)}`, { query: { unmask: 'true' } });
    const member = family.members.find((m) => m.nik === nik);
    if (member) return { nik, family, member };
  }
  return null;
}

export function downloadPersonData(nik: string, format: 'json' | 'pdf') {
  return downloadFile(`/privacy/people/${encodeURIComponent(nik)}/export`, { format }, `data-pribadi-${nik}.${format}`);
}

export function useCorrections(query: Partial<CorrectionListQuery>) {
  return useQuery({
    queryKey: [...correctionsQueryKey, query],
    queryFn: ({ signal }) => api<Page<CorrectionRequest>>('/privacy/corrections', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const createCorrection = (body: CorrectionCreate) => api<CorrectionRequest>('/privacy/corrections', { method: 'POST', body });
export const startCorrectionReview = (id: string, note?: string) =>
  api<CorrectionRequest>(`/privacy/corrections/${encodeURIComponent(id)}/review`, { method: 'POST', body: note ? { note } : {} });
export const decideCorrection = (id: string, body: CorrectionDecideBody) =>
  api<CorrectionRequest>(`/privacy/corrections/${encodeURIComponent(id)}/decide`, { method: 'POST', body });
