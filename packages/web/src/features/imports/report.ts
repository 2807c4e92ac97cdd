import { IMPORT_OUTCOMES, type ImportBatchSummary, type ImportCounts, type ImportSheet } from '@sinergi/domain';

export function outcomeTotal(counts: ImportCounts['families']): number {
  return IMPORT_OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0);
}

export interface RowAccounting {
  /** Rows of the mapped sheets (blank lines are not rows). */
  inFile: number;
  /** Rows the outcome counters account for. */
  accounted: number;
}

/**
 * "Nothing silently dropped": every row of the file ends in exactly one outcome. A family or member sheet
 * gives one result per row; a combined sheet gives one member result per row (its family only once).
 */
export function rowAccounting(batch: Pick<ImportBatchSummary, 'counts' | 'rowsTotal' | 'rowsProcessed'> & { sheets: Pick<ImportSheet, 'mapping' | 'rowsTotal'>[] }): RowAccounting {
  const mapped = batch.sheets.filter((sheet) => sheet.mapping !== null);
  const inFile = batch.rowsTotal ?? mapped.reduce((sum, sheet) => sum + sheet.rowsTotal, 0);
  const kinds = new Set(mapped.map((sheet) => sheet.mapping?.sheetKind));
  const families = outcomeTotal(batch.counts.families);
  const members = outcomeTotal(batch.counts.members);
  if (!kinds.has('combined')) return { inFile, accounted: families + members };
  if (kinds.size === 1) return { inFile, accounted: members };
  // Combined and separate sheets together: the counters cannot be split by sheet, the processed rows can.
  return { inFile, accounted: batch.rowsProcessed };
}
