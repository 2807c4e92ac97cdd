import type { AuditEntry, AuditQuery, Page } from '@sinergi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export function useAuditEntries(query: Partial<AuditQuery>) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api<Page<AuditEntry>>('/audit', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    // The trail grows all the time; what is on screen should be current.
    staleTime: 0,
  });
}

/** Entities the server records; anything else is shown by its raw name. */
export const AUDIT_ENTITIES = [
  'user', 'session', 'agency', 'partner', 'family', 'family_list', 'member', 'import_batch', 'import_template',
  'duplicate_scan', 'duplicate_candidate', 'duplicate_list', 'person', 'correction_request', 'correction_list',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export function isKnownEntity(entity: string): entity is AuditEntity {
  return (AUDIT_ENTITIES as readonly string[]).includes(entity);
}
