import type {
  ImportBatch,
  ImportBatchListQuery,
  ImportBatchSummary,
  ImportMappingBody,
  ImportPreview,
  ImportReportQuery,
  ImportTemplateItem,
  Page,
} from '@sinergi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../api/client.ts';
import { uploadFiles, type UploadProgress } from '../../api/upload.ts';

export const importsQueryKey = ['imports'] as const;
export const importBatchQueryKey = (id: string) => ['imports', 'batch', id] as const;

/** A batch still moving: its status changes without anyone on this page doing anything. */
export const isActive = (batch: Pick<ImportBatch, 'status'> | undefined) => batch?.status === 'running';

export function useImportBatches(query: Partial<ImportBatchListQuery>) {
  return useQuery({
    queryKey: [...importsQueryKey, 'list', query],
    queryFn: ({ signal }) => api<Page<ImportBatchSummary>>('/registry/imports', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    // A running batch in the list moves on; others are still.
    refetchInterval: (q) => (q.state.data?.items.some(isActive) ? 2000 : false),
  });
}

/** One batch; polled every second while it runs, so the progress bar and counters move live. */
export function useImportBatch(id: string) {
  return useQuery({
    queryKey: importBatchQueryKey(id),
    queryFn: ({ signal }) => api<ImportBatch>(`/registry/imports/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (q) => (isActive(q.state.data) ? 1000 : false),
    staleTime: 0,
  });
}

export function useImportPreview(id: string, enabled: boolean, mappingVersion: string) {
  return useQuery({
    queryKey: [...importBatchQueryKey(id), 'preview', mappingVersion],
    queryFn: ({ signal }) => api<ImportPreview>(`/registry/imports/${encodeURIComponent(id)}/preview`, { signal }),
    enabled,
    // The file's personal data in full: kept only while shown.
    gcTime: 0,
    staleTime: Infinity,
  });
}

export function useImportTemplates() {
  return useQuery({
    queryKey: [...importsQueryKey, 'templates'],
    queryFn: ({ signal }) => api<ImportTemplateItem[]>('/registry/import-templates', { signal }),
  });
}

export function uploadImport(files: readonly File[], onProgress: (progress: UploadProgress) => void, signal?: AbortSignal) {
  return uploadFiles<ImportBatch>('/registry/imports', files, { onProgress, signal });
}

export function saveImportMapping(id: string, body: ImportMappingBody) {
  return api<ImportBatch>(`/registry/imports/${encodeURIComponent(id)}/mapping`, { method: 'PUT', body });
}

export function startImport(id: string) {
  return api<ImportBatch>(`/registry/imports/${encodeURIComponent(id)}/start`, { method: 'POST' });
}

export function resumeImport(id: string) {
  return api<ImportBatch>(`/registry/imports/${encodeURIComponent(id)}/resume`, { method: 'POST' });
}

export function pauseImport(id: string) {
  return api<ImportBatch>(`/registry/imports/${encodeURIComponent(id)}/pause`, { method: 'POST' });
}

/** The per-row report as a file the browser downloads itself (streamed by the server, so any size works). */
export function importReportUrl(id: string, format: ImportReportQuery['format'], outcome: ImportReportQuery['outcome']): string {
  return buildUrl(`/registry/imports/${encodeURIComponent(id)}/report`, { format, outcome });
}
