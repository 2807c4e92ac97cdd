import { suggestMapping, type ImportBatch, type ImportBatchSummary, type ImportCounts, type ImportTemplate } from '@sinergi/domain';
import type { BatchRow } from './batch-queries.ts';
import type { BatchMapping, BatchReason, SheetInfo } from './batch-state.ts';

const iso = (date: Date | string | null): string | null => (date === null ? null : new Date(date).toISOString());

export function countsOf(row: BatchRow): ImportCounts {
  return {
    families: { added: row.families_added, updated: row.families_updated, unchanged: row.families_unchanged, rejected: row.families_rejected },
    members: { added: row.members_added, updated: row.members_updated, unchanged: row.members_unchanged, rejected: row.members_rejected },
  };
}

export function batchSummary(row: BatchRow & { created_by_name?: string | null }): ImportBatchSummary {
  return {
    id: row.id,
    fileName: row.file_name,
    fileSize: row.file_size,
    status: row.status,
    templateId: row.template_id,
    rowsTotal: row.rows_total,
    rowsProcessed: row.rows_processed,
    counts: countsOf(row),
    error: (row.error as BatchReason | null) ?? null,
    createdBy: row.created_by_name ?? null,
    createdAt: iso(row.created_at) ?? '',
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}

/** The batch with each sheet's headers, progress, confirmed mapping and the best template's suggestion. */
export function batchView(row: BatchRow & { created_by_name?: string | null }, templates: readonly ImportTemplate[]): ImportBatch {
  const mapping = (row.mapping ?? {}) as BatchMapping;
  const sheets = (row.sheets as SheetInfo[]).map((sheet) => {
    const suggestion = suggestMapping(sheet.headers, templates);
    return {
      name: sheet.name,
      headers: sheet.headers,
      rowsTotal: sheet.rowsTotal,
      rowsProcessed: sheet.rowsProcessed,
      done: sheet.done,
      readError: sheet.readError,
      mapping: mapping[sheet.name] ?? null,
      suggestion: {
        templateId: suggestion.template?.id ?? null,
        mapping: suggestion.mapping,
        missingRequired: suggestion.missingRequired,
        unmappedHeaders: suggestion.unmappedHeaders,
      },
    };
  });
  return { ...batchSummary(row), sheets };
}
