import type { ColumnMapping, RawRow, SheetKind } from '@sinergi/domain';
import type { StoredFile } from './read-types.ts';

/** What the batch knows of one sheet: from the upload (headers, size) and from the run (progress). */
export interface SheetInfo {
  /** Unique within the batch: the sheet's own name, or the file name for CSV (prefixed by the file on a clash). */
  name: string;
  /** Index into the batch's files, and the sheet's name inside that file. */
  file: number;
  sheetName: string;
  headers: string[];
  headerRowNumber: number;
  /** Data rows; from the sheet's dimension or a quick line count when the file is large, so possibly a little over. */
  rowsTotal: number;
  rowsProcessed: number;
  /** The last row whose result is recorded; a resumed import continues after it. */
  lastRowNumber: number;
  done: boolean;
  /** Where reading broke at upload (a truncated or damaged file); rows before it can still be imported. */
  readError: BatchReason | null;
}

/** A sheet as read at upload: its first rows go to the preview, stored apart from `sheets` (rewritten after every chunk). */
export interface InspectedSheet extends SheetInfo {
  sample: SampleRow[];
}

/** Per sheet name, the first rows as read. */
export type BatchSamples = Record<string, SampleRow[]>;

/** Per sheet name, the confirmed mapping; null leaves the sheet out. */
export type BatchMapping = Record<string, ColumnMapping | null>;

export interface BatchReason {
  id: string;
  en: string;
}

export interface BatchFiles {
  files: StoredFile[];
}

export interface SampleRow {
  rowNumber: number;
  cellCount: number;
  incomplete: boolean;
  /** Dates kept as {"$date": iso} so that they survive JSON. */
  raw: EncodedRow;
}

type EncodedValue = string | number | boolean | null | { $date: string };
export type EncodedRow = Record<string, EncodedValue>;

export function encodeRow(raw: RawRow): EncodedRow {
  const encoded: EncodedRow = {};
  for (const [key, value] of Object.entries(raw)) encoded[key] = value instanceof Date ? { $date: value.toISOString() } : (value ?? null);
  return encoded;
}

export function decodeRow(encoded: EncodedRow): RawRow {
  const raw: RawRow = {};
  for (const [key, value] of Object.entries(encoded)) {
    raw[key] = value !== null && typeof value === 'object' ? new Date(value.$date) : (value);
  }
  return raw;
}

/** A row as the report shows it: dates as YYYY-MM-DD, everything else as read. */
export function displayRow(raw: RawRow): Record<string, string | number | boolean | null> {
  const shown: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(raw)) {
    shown[key] = value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null);
  }
  return shown;
}

/** Order in which sheets are imported: families before the members that point at them. */
export function importOrder(kind: SheetKind): number {
  switch (kind) {
    case 'family':
      return 0;
    case 'combined':
      return 1;
    case 'member':
      return 2;
  }
}
