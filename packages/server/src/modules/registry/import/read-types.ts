import type { RawRow, RawValue } from '@sinergi/domain';

export type FileFormat = 'csv' | 'xlsx';
/** How a CSV file's bytes become text; decided once at upload by checking the whole file. */
export type TextEncoding = 'utf-8' | 'windows-1252';

/** One uploaded file as the batch keeps it; `path` is relative to DATA_DIR. */
export interface StoredFile {
  name: string;
  path: string;
  size: number;
  sha256: string;
  format: FileFormat;
  encoding: TextEncoding | null;
}

/** A data row as read: keyed by the sheet's own headers, numbered as a spreadsheet program shows it. */
export interface SourceRow {
  sheet: string;
  rowNumber: number;
  raw: RawRow;
  /** Cells the row holds, counting empty ones between filled ones. */
  cellCount: number;
  /** True when the row has fewer cells than the header row (a CSV line cut short, e.g. a truncated file). */
  incomplete: boolean;
}

/** One sheet of a file (a CSV file is one sheet named after the file). Its rows must be read before the next sheet. */
export interface SheetReading {
  name: string;
  headers: string[];
  headerRowNumber: number;
  rows: AsyncIterable<SourceRow>;
  /** XLSX: the last row of the sheet's recorded dimension (blank rows included), when the file states it. */
  dimensionLastRow: number | null;
  /** XLSX: lets the rest of the sheet go by unparsed; its remaining rows then end early. */
  skipRest?: () => void;
}

/** The file ended or broke before its end; rows read before the break are valid. */
export class FileReadError extends Error {
  constructor(
    readonly reason: { id: string; en: string },
    readonly afterRow: number | null,
  ) {
    super(reason.en);
  }
}

export function isBlank(value: RawValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Header names as a sheet will be keyed: trimmed, blanks named by position, repeats numbered so no column is lost. */
export function headerNames(cells: readonly RawValue[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = isBlank(cell) ? `Kolom ${String(index + 1)}` : cellText(cell);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${String(count)})`;
  });
}

function cellText(value: RawValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Builds the keyed row; cells beyond the header row go under generated names so that extra data is kept, not lost. */
export function keyedRow(headers: string[], cells: readonly RawValue[]): RawRow {
  const raw: RawRow = {};
  const width = Math.max(headers.length, cells.length);
  for (let i = 0; i < width; i++) {
    const value = cells[i];
    const header = headers[i] ?? `Kolom ${String(i + 1)}`;
    raw[header] = value === undefined ? null : value;
  }
  return raw;
}
