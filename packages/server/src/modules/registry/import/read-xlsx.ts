import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { RawValue } from '@sinergi/domain';
import { FileReadError, headerNames, isBlank, keyedRow, type SheetReading, type SourceRow } from './read-types.ts';

/** Above this an integer (a NIK or No KK typed as a number) is passed on as its digits, never as 3.507E+15. */
const LONG_INTEGER = 1e12;

/** One cell as the normaliser expects it: text, number, boolean or Date; formulas give their result. */
export function cellValue(value: unknown): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) >= LONG_INTEGER ? BigInt(value).toString() : value;
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result);
    if ('richText' in value && Array.isArray(value.richText)) {
      return (value.richText as { text?: unknown }[]).map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
    }
    if ('text' in value) return cellValue(value.text);
    // An Excel error such as #N/A stays visible to the normaliser instead of reading as an empty cell.
    if ('error' in value) return typeof value.error === 'string' ? value.error : '#ERROR';
  }
  return null;
}

function rowCells(row: ExcelJS.Row): RawValue[] {
  const values = row.values as unknown[];
  const cells: RawValue[] = [];
  // exceljs rows are 1-based sparse arrays.
  for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
  return cells;
}

// <dimension ref="A1:AC10001"/> sits at the top of a worksheet's XML, before the rows.
const DIMENSION = /<dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/;
const DIMENSION_SEARCH_BYTES = 16 * 1024;

interface SheetWatch {
  lastRow: number | null;
  /** Set to pass the rest of the sheet's XML by unparsed (still read, so that the next sheet follows as usual). */
  skip: boolean;
}

/**
 * Watches the worksheet's XML as exceljs reads it for the dimension the writing program recorded, so that the rows can
 * be counted without reading them. exceljs does not expose it; when its reader has no `iterator` to wrap, or the file
 * has no dimension, `lastRow` stays null and callers count rows instead.
 */
function watchSheet(worksheet: object): SheetWatch {
  const watch: SheetWatch = { lastRow: null, skip: false };
  const reader = worksheet as { iterator?: AsyncIterable<Buffer | string> };
  const source = reader.iterator;
  if (!source || typeof source[Symbol.asyncIterator] !== 'function') return watch;
  reader.iterator = (async function* () {
    let head: string | null = '';
    for await (const chunk of source) {
      if (watch.skip) continue;
      if (head !== null) {
        head += chunk.toString();
        const match = DIMENSION.exec(head);
        if (match) watch.lastRow = Number(match[1] ?? 1);
        if (match || head.length > DIMENSION_SEARCH_BYTES || head.includes('<sheetData')) head = null;
      }
      yield chunk;
    }
  })();
  return watch;
}

/** Reads every worksheet of an XLSX file in order, streaming rows; dates come as Date, long numbers as exact digits. */
export async function* readXlsx(path: string): AsyncGenerator<SheetReading> {
  const input = fs.createReadStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let lastRow = 0;
  let sheetName = '';
  try {
    const sheets = workbook[Symbol.asyncIterator]();
    for (;;) {
      const step = await guard(() => sheets.next(), () => failure(sheetName, lastRow));
      if (step.done) return;
      const worksheet = step.value as ExcelJS.stream.xlsx.WorksheetReader & { name?: string; id?: string | number };
      sheetName = worksheet.name ?? `Sheet${String(worksheet.id ?? "")}`;
      lastRow = 0;
      const watch = watchSheet(worksheet);
      const rows = worksheet[Symbol.asyncIterator]();
      const nextRow = async (): Promise<ExcelJS.Row | null> => {
        const next = await guard(() => rows.next(), () => failure(sheetName, lastRow));
        if (next.done) return null;
        lastRow = next.value.number;
        return next.value;
      };
      let header: ExcelJS.Row | null;
      do header = await nextRow();
      while (header && rowCells(header).every(isBlank));
      if (!header) continue;
      const headers = headerNames(rowCells(header));
      const name = sheetName;
      const dataRows = async function* (): AsyncGenerator<SourceRow> {
        for (let row = await nextRow(); row; row = await nextRow()) {
          const cells = rowCells(row);
          if (cells.every(isBlank)) continue;
          yield { sheet: name, rowNumber: row.number, raw: keyedRow(headers, cells), cellCount: cells.length, incomplete: false };
        }
      };
      yield {
        name,
        headers,
        headerRowNumber: header.number,
        rows: dataRows(),
        dimensionLastRow: watch.lastRow,
        skipRest: () => {
          watch.skip = true;
        },
      };
    }
  } finally {
    input.destroy();
  }
}

async function guard<T>(step: () => Promise<T>, onError: () => FileReadError): Promise<T> {
  try {
    return await step();
  } catch {
    throw onError();
  }
}

function failure(sheet: string, lastRow: number): FileReadError {
  const where = sheet ? `lembar "${sheet}" baris ${String(lastRow)}` : 'awal berkas';
  const whereEn = sheet ? `sheet "${sheet}" row ${String(lastRow)}` : 'the start of the file';
  return new FileReadError(
    {
      id: `Berkas XLSX rusak atau terpotong setelah ${where}. Baris sebelumnya sudah diproses; simpan ulang berkas dari Excel lalu impor lagi.`,
      en: `The XLSX file is damaged or truncated after ${whereEn}. Earlier rows were processed; save the file again from Excel and import again.`,
    },
    lastRow,
  );
}
