import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvRecordCounter, countCsvRecords, lineEndOf } from './count-csv.ts';
import { readCsv } from './read-csv.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-count-csv-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Counts `text` fed in pieces of `piece` bytes, so that quotes and line breaks fall across chunk boundaries. */
function count(text: string, delimiter = ',', piece = 3) {
  const bytes = Buffer.from(text);
  const counter = new CsvRecordCounter(delimiter.charCodeAt(0), lineEndOf(bytes));
  for (let i = 0; i < bytes.length; i += piece) counter.push(bytes.subarray(i, i + piece));
  return counter.finish();
}

/** What the reader itself finds: data rows (after the header) and the number of the last record. */
async function read(text: string): Promise<{ rows: number; lastRow: number }> {
  const file = path.join(dir, `r${String(Math.random()).slice(2)}.csv`);
  fs.writeFileSync(file, text);
  let rows = 0;
  let lastRow = 0;
  try {
    for await (const sheet of readCsv(file, 'x.csv', 'utf-8')) {
      for await (const row of sheet.rows) {
        rows++;
        lastRow = row.rowNumber;
      }
    }
  } catch {
    // A cut file: the rows before the break are what counts.
  }
  return { rows, lastRow };
}

const FILES: Record<string, string> = {
  plain: 'nik,nama\n1,Siti\n2,Budi\n',
  'CRLF, BOM and no final line break': '\ufeffnik;nama\r\n1;Siti\r\n2;Budi',
  'blank lines and delimiter-only lines': '\r\nnik,nama\r\n\r\n1,Siti\r\n,\r\n  ,  \r\n"",""\r\n2,Budi\r\n\r\n',
  'line breaks and delimiters inside quotes': 'nik,alamat\n1,"Jl. Mawar\nRT 3, RW 2"\n2,"Dusun ""Krajan"""\n3,"\n"\n',
  'a quote inside an unquoted cell': 'nik,nama\n1,Jum"at\n2,Budi\n',
  'bare CR line ends': 'nik,nama\r1,Siti\r2,Budi\r',
  tabs: 'nik\tnama\n1\tSiti\n\t\n2\tBudi\n',
};

describe('CSV record counter', () => {
  for (const [name, text] of Object.entries(FILES)) {
    it(`counts the rows the reader reads: ${name}`, async () => {
      const delimiter = name === 'tabs' ? '\t' : text.includes(';') ? ';' : ',';
      const counted = count(text, delimiter);
      const seen = await read(text);
      expect(counted.filledRecords - 1).toBe(seen.rows);
      expect(count(text, delimiter, 1)).toEqual(counted);
      expect(count(text, delimiter, 4096)).toEqual(counted);
    });
  }

  it('numbers records like a spreadsheet and sees a cut last line', () => {
    expect(count('nik,nama,alamat\n1,Siti,Jl. A\n\n2,Budi')).toEqual({ filledRecords: 3, records: 4, lastRecordCells: 2, endsWithNewline: false });
    expect(count('nik,nama\n1,Siti\n')).toMatchObject({ records: 2, endsWithNewline: true });
    expect(count('')).toEqual({ filledRecords: 0, records: 0, lastRecordCells: 0, endsWithNewline: true });
  });

  it('streams a file of a hundred thousand rows', async () => {
    const file = path.join(dir, 'big.csv');
    const lines = ['nik;nama;alamat'];
    for (let i = 0; i < 100_000; i++) lines.push(i % 1000 === 0 ? `${String(i)};"Nama ${String(i)}";"Jl. A;\nNo. ${String(i)}"` : `${String(i)};Nama;Jl. B`);
    fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
    expect(await countCsvRecords(file, ';')).toEqual({ filledRecords: 100_001, records: 100_001, lastRecordCells: 3, endsWithNewline: true });
  });
});
