import type { ColumnMapping, ImportPreview, ImportPreviewRow, RowIssue } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import { decodeRow, importOrder, type BatchSamples, type SheetInfo } from './batch-state.ts';
import { prepareChunk, previewLookups } from './prepare.ts';
import type { SourceRow } from './read-types.ts';

export interface PreviewInput {
  db: Kysely<DB>;
  sheets: SheetInfo[];
  /** The first rows of each sheet, as stored at upload. */
  samples: BatchSamples;
  /** The mapping per sheet to preview with (confirmed, or the suggestion before confirmation). */
  mappings: Record<string, ColumnMapping | null>;
  jurisdiction: string;
  villages: ReadonlySet<string>;
  scopeCodes: readonly string[];
  today?: Date;
}

function issueCounts(rows: ImportPreviewRow[]) {
  const counts = new Map<string, { code: string; severity: 'error' | 'warning'; count: number; example: { id: string; en: string } }>();
  for (const issue of rows.flatMap((r) => r.issues)) {
    const entry = counts.get(issue.code);
    if (entry) entry.count++;
    else counts.set(issue.code, { code: issue.code, severity: issue.severity, count: 1, example: issue.message });
  }
  return [...counts.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1));
}

/**
 * The first rows of each mapped sheet as the import would judge them: normalised values, and every issue the
 * normaliser and the engine find without importing (duplicates within these rows, region, scope, moves).
 */
export async function previewSheets(input: PreviewInput): Promise<ImportPreview> {
  const mapped = input.sheets
    .map((sheet) => ({ sheet, mapping: input.mappings[sheet.name] ?? null }))
    .filter((s): s is { sheet: SheetInfo; mapping: ColumnMapping } => s.mapping !== null)
    .sort((a, b) => importOrder(a.mapping.sheetKind) - importOrder(b.mapping.sheetKind));
  // A member sheet's families are checked against the registry only when the file brings no families itself.
  const fileHasFamilies = mapped.some((s) => s.mapping.sheetKind !== 'member');
  const sheets: ImportPreview['sheets'] = [];
  for (const { sheet, mapping } of mapped) {
    const rows: SourceRow[] = (input.samples[sheet.name] ?? []).map((s) => ({
      sheet: sheet.name,
      rowNumber: s.rowNumber,
      raw: decodeRow(s.raw),
      cellCount: s.cellCount,
      incomplete: s.incomplete,
    }));
    const plan = await prepareChunk(
      {
        lookups: previewLookups(input.db, !fileHasFamilies),
        mapping,
        normalize: { jurisdiction: input.jurisdiction, today: input.today ?? new Date() },
        villages: input.villages,
        scopeCodes: input.scopeCodes,
        headerCount: sheet.headers.length,
      },
      sheet.name,
      rows,
    );
    const familyRecords = new Map(plan.families.map((f) => [f.rowNumber, f.record]));
    const memberRecords = new Map(plan.members.map((m) => [m.rowNumber, m.record]));
    const previewRows = plan.rows.map((row): ImportPreviewRow => {
      const issues: RowIssue[] = [...(row.family?.issues ?? []), ...(row.member?.issues ?? [])];
      const unique = issues.filter((issue, i) => issues.findIndex((o) => o.code === issue.code && o.field === issue.field) === i);
      const rejected = Boolean(row.family?.rejected || row.member?.rejected);
      const family = familyRecords.get(row.rowNumber);
      const member = memberRecords.get(row.rowNumber);
      return {
        rowNumber: row.rowNumber,
        status: rejected ? 'rejected' : unique.length ? 'warning' : 'ok',
        family: family ? { ...family } : null,
        member: member ? { ...member } : null,
        issues: unique,
      };
    });
    sheets.push({ name: sheet.name, sheetKind: mapping.sheetKind, rows: previewRows, issueCounts: issueCounts(previewRows) });
  }
  return { sheets };
}
