import fs from 'node:fs';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const BOM = [0xef, 0xbb, 0xbf];

export interface CsvCount {
  /** Records holding at least one non-blank cell, the header row included. */
  filledRecords: number;
  /** Every record, blank ones included: the row number of the last one as a spreadsheet shows it. */
  records: number;
  /** Cells of the last record, and whether the file ends with a line break (a short last line without one is a cut file). */
  lastRecordCells: number;
  endsWithNewline: boolean;
}

/**
 * Counts the records of a CSV file the way the reader (csv-parse with relaxed quotes) sees them, without building
 * a single row: a byte scan that follows quoting, so that line breaks inside quoted cells stay inside their record,
 * and that skips records whose cells are all blank. Used at upload for the progress bar of large files.
 */
export async function countCsvRecords(path: string, delimiter: string): Promise<CsvCount> {
  const counter = new CsvRecordCounter(delimiter.charCodeAt(0), await lineEnd(path));
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 1 << 20 })) counter.push(chunk as Buffer);
  return counter.finish();
}

const SNIFF_BYTES = 64 * 1024;

/** Records end at LF (also CRLF); a file using bare CR, as old spreadsheet programs wrote, ends them at CR. */
export async function lineEnd(path: string): Promise<number> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return lineEndOf(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export function lineEndOf(head: Buffer): number {
  const lf = head.indexOf(LF);
  const cr = head.indexOf(CR);
  return cr >= 0 && (lf < 0 || cr < lf - 1) ? CR : LF;
}

export class CsvRecordCounter {
  private filled = 0;
  private records = 0;
  private cells = 1;
  private content = false;
  private quoted = false;
  /** After a quote inside a quoted cell: either the cell ends or it is an escaped quote (""). */
  private quoteSeen = false;
  private fieldStart = true;
  private empty = true;
  private started = false;
  private lastCells = 0;
  private lastByte = -1;
  private bomAt = 0;

  constructor(
    private readonly delimiter: number,
    private readonly newline: number = LF,
  ) {}

  push(chunk: Buffer): void {
    let i = 0;
    // A UTF-8 byte order mark is not content.
    while (this.bomAt < BOM.length && i < chunk.length && !this.started) {
      if (chunk[i] !== BOM[this.bomAt]) {
        this.bomAt = BOM.length;
        break;
      }
      this.bomAt++;
      i++;
    }
    this.started = this.started || i < chunk.length;
    const { delimiter, newline } = this;
    for (; i < chunk.length; i++) {
      const byte = chunk[i]!;
      this.empty = false;
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (byte === QUOTE) {
            this.content = true;
            continue;
          }
          this.quoted = false;
        } else {
          if (byte === QUOTE) this.quoteSeen = true;
          else if (byte !== SPACE && byte !== TAB && byte !== CR && byte !== LF) this.content = true;
          continue;
        }
      }
      if (byte === newline) {
        this.endRecord();
        continue;
      }
      if (byte === delimiter) {
        this.cells++;
        this.fieldStart = true;
        continue;
      }
      if (byte === QUOTE && this.fieldStart) {
        this.quoted = true;
        this.fieldStart = false;
        continue;
      }
      this.fieldStart = false;
      if (byte !== SPACE && byte !== TAB && byte !== CR && byte !== LF) this.content = true;
    }
    if (chunk.length) this.lastByte = chunk[chunk.length - 1]!;
  }

  private endRecord(): void {
    this.records++;
    if (this.content) this.filled++;
    this.lastCells = this.cells;
    this.cells = 1;
    this.content = false;
    this.fieldStart = true;
    this.empty = true;
  }

  finish(): CsvCount {
    const endsWithNewline = this.lastByte === LF || this.lastByte === CR || this.lastByte < 0;
    if (!this.empty) this.endRecord();
    return { filledRecords: this.filled, records: this.records, lastRecordCells: this.lastCells, endsWithNewline };
  }
}
