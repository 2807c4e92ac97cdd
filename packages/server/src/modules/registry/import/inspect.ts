import path from 'node:path';
import { encodeRow, type BatchReason, type InspectedSheet, type SampleRow } from './batch-state.ts';
import { countCsvRecords } from './count-csv.ts';
import { csvDelimiter, truncated } from './read-csv.ts';
import { readSheets } from './read-file.ts';
import { FileReadError, type SheetReading, type StoredFile } from './read-types.ts';

export const SAMPLE_ROWS = 50;

/**
 * Up to this size a file is read through completely at upload: an exact row count, and a damaged file is refused
 * before anything is imported. Larger files are counted without being parsed (a CSV line scan, an XLSX sheet's
 * recorded dimension); a break further in is then reported by the import, which keeps the rows before it.
 */
export const FULL_READ_BYTES = 8 * 1024 * 1024;

/** A file nothing could be read from (a damaged XLSX, a file without a single row). */
export class UnreadableFileError extends Error {
  constructor(readonly fileName: string, readonly reason: BatchReason | null) {
    super(`${fileName}: unreadable`);
  }
}

interface Inspecting {
  reading: SheetReading;
  sample: SampleRow[];
  rowsTotal: number;
}

/**
 * Reads every file once after upload: sheet names, header row, the first rows for the preview and the row count
 * for the progress bar. A file that breaks part-way keeps the rows before the break and says where it broke.
 */
export async function inspectFiles(dataDir: string, files: readonly StoredFile[], fullReadBytes = FULL_READ_BYTES): Promise<InspectedSheet[]> {
  const sheets: InspectedSheet[] = [];
  const names = new Set<string>();
  for (const [fileIndex, file] of files.entries()) {
    const before = sheets.length;
    let current: Inspecting | null = null;
    const add = (readError: BatchReason | null) => {
      if (!current) return;
      const { reading } = current;
      const name = names.has(reading.name) ? `${file.name} › ${reading.name}` : reading.name;
      names.add(name);
      sheets.push({
        name,
        file: fileIndex,
        sheetName: reading.name,
        headers: reading.headers,
        headerRowNumber: reading.headerRowNumber,
        rowsTotal: current.rowsTotal,
        sample: current.sample,
        rowsProcessed: 0,
        lastRowNumber: 0,
        done: false,
        readError,
      });
      current = null;
    };
    try {
      for await (const reading of readSheets(dataDir, file)) {
        current = { reading, sample: [], rowsTotal: 0 };
        add(await sampleAndCount(dataDir, file, current, file.size > fullReadBytes));
      }
    } catch (error) {
      if (!(error instanceof FileReadError)) throw error;
      add(error.reason);
      if (sheets.length === before) throw new UnreadableFileError(file.name, error.reason);
    }
    if (sheets.length === before) throw new UnreadableFileError(file.name, null);
  }
  return sheets;
}

/**
 * Keeps the sheet's first rows as its sample and counts its data rows: by reading them all for a small file, else from
 * the end of the sample by a count that does not parse them. Returns where the file broke, if the count found out.
 */
async function sampleAndCount(dataDir: string, file: StoredFile, sheet: Inspecting, large: boolean): Promise<BatchReason | null> {
  const { reading } = sheet;
  let countable = large;
  for await (const row of reading.rows) {
    sheet.rowsTotal++;
    if (sheet.sample.length < SAMPLE_ROWS) {
      sheet.sample.push({ rowNumber: row.rowNumber, cellCount: row.cellCount, incomplete: row.incomplete, raw: encodeRow(row.raw) });
      continue;
    }
    if (!countable) continue;
    const counted = await countRest(dataDir, file, reading);
    countable = false;
    if (!counted) continue;
    sheet.rowsTotal = counted.rowsTotal;
    if (!reading.skipRest) return counted.readError;
    reading.skipRest();
    // The rows already parsed before the skip took effect drain quickly.
    for await (const _ of reading.rows) continue;
    return counted.readError;
  }
  return null;
}

/** The data rows of a large sheet without reading them all; null when the file does not say (an XLSX without dimension). */
async function countRest(dataDir: string, file: StoredFile, reading: SheetReading): Promise<{ rowsTotal: number; readError: BatchReason | null } | null> {
  if (file.format === 'xlsx') {
    const last = reading.dimensionLastRow;
    return last !== null && last > reading.headerRowNumber ? { rowsTotal: last - reading.headerRowNumber, readError: null } : null;
  }
  const absolute = path.join(dataDir, file.path);
  const count = await countCsvRecords(absolute, await csvDelimiter(absolute, file.encoding ?? 'utf-8'));
  const cut = !count.endsWithNewline && count.lastRecordCells < reading.headers.length;
  return { rowsTotal: Math.max(0, count.filledRecords - 1), readError: cut ? truncated(count.records).reason : null };
}
