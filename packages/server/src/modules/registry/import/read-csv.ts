import fs from 'node:fs';
import { Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { RawValue } from '@sinergi/domain';
import { FileReadError, headerNames, isBlank, keyedRow, type SheetReading, type SourceRow, type TextEncoding } from './read-types.ts';

const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];
const SNIFF_BYTES = 64 * 1024;

/** Picks the delimiter that splits the first non-empty line (outside quotes) most often; Excel in Indonesia often writes `;`. */
export function detectDelimiter(text: string): Delimiter {
  const line = firstLine(text.replace(/^\ufeff/, ''));
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = countOutsideQuotes(line, delimiter);
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function firstLine(text: string): string {
  for (const line of text.split(/\r?\n/)) if (line.trim() !== '') return line;
  return '';
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

async function sniff(path: string, encoding: TextEncoding): Promise<string> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return new TextDecoder(encoding).decode(buffer.subarray(0, bytesRead), { stream: true });
  } finally {
    await handle.close();
  }
}

function decoder(encoding: TextEncoding): Transform {
  const textDecoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, textDecoder.decode(chunk, { stream: true }));
    },
    flush(callback) {
      callback(null, textDecoder.decode());
    },
  });
}

interface ParsedRecord {
  record: string[];
  /** The record's number counting every record, blank ones too: the row number a spreadsheet program shows. */
  number: number;
}

/** The delimiter of a stored CSV file, from its first line. */
export async function csvDelimiter(path: string, encoding: TextEncoding): Promise<Delimiter> {
  return detectDelimiter(await sniff(path, encoding));
}

/** Reads a CSV file as one sheet named `sheetName`; streams, so memory stays flat whatever the file size. */
export async function* readCsv(path: string, sheetName: string, encoding: TextEncoding): AsyncGenerator<SheetReading> {
  const delimiter = await csvDelimiter(path, encoding);
  const input = fs.createReadStream(path, { highWaterMark: 1 << 20 });
  const parser = input.pipe(decoder(encoding)).pipe(
    parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  // Every record is emitted (empty lines too), so counting them gives the row number without the parser's costly `info`.
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let lastRow = 0;
  const next = async (): Promise<ParsedRecord | null> => {
    try {
      const step = await records.next();
      if (step.done) return null;
      lastRow++;
      return { record: step.value, number: lastRow };
    } catch (error) {
      throw csvFailure(error, lastRow);
    }
  };
  try {
    let header: ParsedRecord | null;
    do header = await next();
    while (header && header.record.every(isBlank));
    if (!header) return;
    const headers = headerNames(header.record);
    const rows = async function* (): AsyncGenerator<SourceRow> {
      let lastIncomplete: number | null = null;
      for (let parsed = await next(); parsed; parsed = await next()) {
        const cells: RawValue[] = parsed.record;
        if (cells.every(isBlank)) continue;
        const incomplete = cells.length < headers.length;
        lastIncomplete = incomplete ? parsed.number : null;
        yield { sheet: sheetName, rowNumber: parsed.number, raw: keyedRow(headers, cells), cellCount: cells.length, incomplete };
      }
      // A short last line without a line break is a file cut off while being written or copied.
      if (lastIncomplete !== null && !(await endsWithNewline(path))) throw truncated(lastIncomplete);
    };
    yield { name: sheetName, headers, headerRowNumber: header.number, rows: rows(), dimensionLastRow: null };
  } finally {
    input.destroy();
  }
}

async function endsWithNewline(path: string): Promise<boolean> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a || last[0] === 0x0d;
  } finally {
    await handle.close();
  }
}

/** A CSV file whose last line is short and has no line break: cut off while being written or copied. */
export function truncated(row: number): FileReadError {
  return new FileReadError(
    {
      id: `Berkas CSV tampaknya terpotong: baris terakhir (${String(row)}) tidak lengkap dan tidak diakhiri baris baru. Baris sebelumnya sudah diproses; periksa berkas asli.`,
      en: `The CSV file seems truncated: its last row (${String(row)}) is incomplete and has no line break. Earlier rows were processed; check the original file.`,
    },
    row,
  );
}

function csvFailure(error: unknown, lastRow: number): FileReadError {
  const detail = error instanceof CsvError ? error.code : error instanceof Error ? error.message : String(error);
  const where = `${String(lastRow)}`;
  return new FileReadError(
    {
      id: `Berkas CSV rusak atau terpotong setelah baris ${where} (${detail}). Baris sebelumnya sudah diproses; perbaiki berkas lalu impor lagi.`,
      en: `The CSV file is damaged or truncated after row ${where} (${detail}). Earlier rows were processed; fix the file and import again.`,
    },
    lastRow,
  );
}
