import { z } from 'zod';
import { FAMILY_FIELDS, MEMBER_FIELDS } from '../registry-import/types.ts';
import { MAX_NAME_LENGTH, PageQuery, Uuid } from './common.ts';

/** API contracts of the registry import (upload → mapping → preview → run → report) and its templates. */

export const MAX_IMPORT_FILE_MB = 200;
export const IMPORT_FILE_EXTENSIONS = ['.csv', '.xlsx', '.txt', '.tsv'] as const;

export const IMPORT_STATUSES = ['uploaded', 'mapped', 'running', 'done', 'failed', 'paused'] as const;
export const ImportStatus = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const IMPORT_OUTCOMES = ['added', 'updated', 'unchanged', 'rejected'] as const;
export const ImportOutcome = z.enum(IMPORT_OUTCOMES);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ImportSheetKind = z.enum(['family', 'member', 'combined']);

export const LocalizedText = z.object({ id: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

const HeaderName = z.string().min(1).max(MAX_NAME_LENGTH);

/** Which source column feeds each of our fields on one sheet (see ColumnMapping in registry-import/types.ts). */
export const ColumnMappingInput = z.object({
  sheetKind: ImportSheetKind,
  family: z.partialRecord(z.enum(FAMILY_FIELDS), HeaderName),
  member: z.partialRecord(z.enum(MEMBER_FIELDS), HeaderName),
});
export type ColumnMappingInput = z.infer<typeof ColumnMappingInput>;

export const ImportRowIssue = z.object({
  field: z.string(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: LocalizedText,
  value: z.string().optional(),
});
export type ImportRowIssue = z.infer<typeof ImportRowIssue>;

const OutcomeCounts = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});
export const ImportCounts = z.object({ families: OutcomeCounts, members: OutcomeCounts });
export type ImportCounts = z.infer<typeof ImportCounts>;

export const MappingSuggestionView = z.object({
  /** The shipped or saved template that fits best; null when none recognises a header. */
  templateId: z.string().nullable(),
  mapping: ColumnMappingInput,
  /** Required fields still without a column, e.g. `member.nik`. */
  missingRequired: z.array(z.string()),
  unmappedHeaders: z.array(z.string()),
});
export type MappingSuggestionView = z.infer<typeof MappingSuggestionView>;

export const ImportSheet = z.object({
  name: z.string(),
  headers: z.array(z.string()),
  rowsTotal: z.number().int(),
  rowsProcessed: z.number().int(),
  done: z.boolean(),
  /** Where reading broke at upload (a truncated or damaged file); rows before it can still be imported. */
  readError: LocalizedText.nullable(),
  /** The confirmed mapping; null until confirmed (or when the sheet is left out). */
  mapping: ColumnMappingInput.nullable(),
  suggestion: MappingSuggestionView,
});
export type ImportSheet = z.infer<typeof ImportSheet>;

export const ImportBatchSummary = z.object({
  id: Uuid,
  fileName: z.string(),
  fileSize: z.number().int(),
  status: ImportStatus,
  templateId: z.string().nullable(),
  rowsTotal: z.number().int().nullable(),
  rowsProcessed: z.number().int(),
  counts: ImportCounts,
  error: LocalizedText.nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportBatchSummary = z.infer<typeof ImportBatchSummary>;

export const ImportBatch = ImportBatchSummary.extend({ sheets: z.array(ImportSheet) });
export type ImportBatch = z.infer<typeof ImportBatch>;

export const ImportBatchListQuery = PageQuery.extend({ status: ImportStatus.optional() });
export type ImportBatchListQuery = z.infer<typeof ImportBatchListQuery>;

export const ImportMappingBody = z.object({
  /** Per sheet name: its mapping, or null to leave the sheet out. Every sheet of the batch must be listed. */
  sheets: z.record(z.string(), ColumnMappingInput.nullable()),
  templateId: z.string().max(100).nullable().optional(),
  /** Saves each mapped sheet's mapping as a template under this name, for next quarter's file. */
  saveAsTemplate: z.string().trim().min(1).max(MAX_NAME_LENGTH).optional(),
});
export type ImportMappingBody = z.infer<typeof ImportMappingBody>;

export const ImportPreviewRow = z.object({
  rowNumber: z.number().int(),
  /** rejected: an error keeps the row out; warning: imported with remarks; ok: nothing to say. */
  status: z.enum(['ok', 'warning', 'rejected']),
  family: z.record(z.string(), z.unknown()).nullable(),
  member: z.record(z.string(), z.unknown()).nullable(),
  issues: z.array(ImportRowIssue),
});
export type ImportPreviewRow = z.infer<typeof ImportPreviewRow>;

export const ImportIssueCount = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  count: z.number().int(),
  /** The first occurrence's message, as an example. */
  example: LocalizedText,
});

export const ImportPreview = z.object({
  sheets: z.array(
    z.object({
      name: z.string(),
      sheetKind: ImportSheetKind,
      rows: z.array(ImportPreviewRow),
      issueCounts: z.array(ImportIssueCount),
    }),
  ),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportReportQuery = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  outcome: z.enum(['rejected', 'all']).default('rejected'),
});
export type ImportReportQuery = z.infer<typeof ImportReportQuery>;

const Aliases = z.record(z.string(), z.array(z.string()));

/** A shipped template (aliases to match headers by) or one saved by an operator (the exact headers confirmed). */
export const ImportTemplateItem = z.object({
  id: z.string(),
  name: LocalizedText,
  description: LocalizedText,
  sheetKind: ImportSheetKind,
  builtin: z.boolean(),
  familyAliases: Aliases,
  memberAliases: Aliases,
  createdAt: z.string().nullable(),
});
export type ImportTemplateItem = z.infer<typeof ImportTemplateItem>;

export const ImportTemplateCreate = z.object({
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  mapping: ColumnMappingInput,
});
export type ImportTemplateCreate = z.infer<typeof ImportTemplateCreate>;
