import { encodeRow, type BatchReason, type SampleRow, type SheetInfo } from './batch-state.ts';
import { readSheets } from './read-file.ts';
import { FileReadError, type SheetReading, type StoredFile } from './read-types.ts';

export const SAMPLE_ROWS = 50;

/** A file nothing could be read from (a damaged XLSX, a file without a single row). */
export class UnreadableFileError extends Error {
  constructor(readonly fileName: string, readonly reason: BatchReason | null) {
    super(`${fileName}: unreadable`);
  }
}

/**
 * Reads every file once after upload: sheet names, header row, the first rows for the preview and the row count
 * for the progress bar. A file that breaks part-way keeps the rows before the break and says where it broke.
 */
export async function inspectFiles(dataDir: string, files: readonly StoredFile[]): Promise<SheetInfo[]> {
  const sheets: SheetInfo[] = [];
  const names = new Set<string>();
  for (const [fileIndex, file] of files.entries()) {
    const before = sheets.length;
    let current: { reading: SheetReading; sample: SampleRow[]; rowsTotal: number } | null = null;
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
        for await (const row of reading.rows) {
          current.rowsTotal++;
          if (current.sample.length < SAMPLE_ROWS) current.sample.push({ rowNumber: row.rowNumber, cellCount: row.cellCount, incomplete: row.incomplete, raw: encodeRow(row.raw) });
        }
        add(null);
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
