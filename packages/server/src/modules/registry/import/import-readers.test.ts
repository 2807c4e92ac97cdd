import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectFiles } from './inspect.ts';
import { detectDelimiter, readCsv } from './read-csv.ts';
import type { SheetReading, SourceRow } from './read-types.ts';
import { readXlsx } from './read-xlsx.ts';
import { storeUpload } from './storage.ts';
import { writeXlsx } from './test-files.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-readers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readAll(sheets: AsyncIterable<SheetReading>): Promise<{ name: string; headers: string[]; rows: SourceRow[] }[]> {
  const result = [];
  for await (const sheet of sheets) {
    const rows: SourceRow[] = [];
    for await (const row of sheet.rows) rows.push(row);
    result.push({ name: sheet.name, headers: sheet.headers, rows });
  }
  return result;
}

describe('spreadsheet readers', () => {
  it('detects the delimiter from the header line, ignoring quoted text', () => {
    expect(detectDelimiter('nik;nama;alamat\n1;2;3')).toBe(';');
    expect(detectDelimiter('\ufeff"a,b";c;d\n')).toBe(';');
    expect(detectDelimiter('nik\tnama\n')).toBe('\t');
    expect(detectDelimiter('nik,nama,"Jl. A; B"\n')).toBe(',');
  });

  it('reads a semicolon CSV with BOM, blank lines, quoted line breaks and extra columns, numbering rows as a spreadsheet does', async () => {
    const file = path.join(dir, 'a.csv');
    fs.writeFileSync(file, '\ufeff\r\nnik;nama;alamat\r\n1;Siti;"Jl. Mawar\r\nRT 3"\r\n\r\n;;\r\n2;Budi;Jl. Melati;catatan\r\n');
    const [sheet] = await readAll(readCsv(file, 'a.csv', 'utf-8'));
    expect(sheet?.headers).toEqual(['nik', 'nama', 'alamat']);
    expect(sheet?.rows.map((r) => [r.rowNumber, r.raw, r.incomplete])).toEqual([
      [3, { nik: '1', nama: 'Siti', alamat: 'Jl. Mawar\r\nRT 3' }, false],
      [6, { nik: '2', nama: 'Budi', alamat: 'Jl. Melati', 'Kolom 4': 'catatan' }, false],
    ]);
  });

  it('falls back to Windows-1252 for a CSV that is not valid UTF-8, decided when the upload is stored', async () => {
    const source = path.join(dir, 'latin.csv');
    fs.writeFileSync(source, Buffer.concat([Buffer.from('nama,desa\r\n'), Buffer.from([0x53, 0x69, 0x74, 0xe9]), Buffer.from(',Kepanjen\r\n')]));
    const stored = await storeUpload(dir, 'batch-latin', 0, 'latin.csv', fs.createReadStream(source));
    expect(stored).toMatchObject({ format: 'csv', encoding: 'windows-1252', size: fs.statSync(source).size });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [sheet] = await readAll(readCsv(path.join(dir, stored.path), 'latin.csv', stored.encoding!));
    expect(sheet?.rows[0]?.raw).toEqual({ nama: 'Sité', desa: 'Kepanjen' });
  });

  it('reads XLSX numbers exactly, dates as Date, formulas by their result, sheet by sheet', async () => {
    const file = path.join(dir, 'b.xlsx');
    await writeXlsx(file, [
      { name: 'keluarga', rows: [['no_kk', 'tanggal'], [3507131201100001, new Date(Date.UTC(1975, 7, 17))], [], ['3.50713E+15', '17/08/1975']] },
      { name: 'anggota', rows: [['nik'], [3507135708750002]] },
    ]);
    const sheets = await readAll(readXlsx(file));
    expect(sheets.map((s) => s.name)).toEqual(['keluarga', 'anggota']);
    expect(sheets[0]?.rows.map((r) => [r.rowNumber, r.raw])).toEqual([
      [2, { no_kk: '3507131201100001', tanggal: new Date(Date.UTC(1975, 7, 17)) }],
      [4, { no_kk: '3.50713E+15', tanggal: '17/08/1975' }],
    ]);
    expect(sheets[1]?.rows[0]?.raw).toEqual({ nik: '3507135708750002' });
  });

  it('keeps the rows before a break when inspecting a truncated CSV, and names the break', async () => {
    const file = path.join(dir, 'cut.csv');
    fs.writeFileSync(file, 'nik,nama,alamat\n1,Siti,Jl. A\n2,Budi');
    const stored = await storeUpload(dir, 'batch-cut', 0, 'cut.csv', fs.createReadStream(file));
    const [sheet] = await inspectFiles(dir, [stored]);
    expect(sheet).toMatchObject({ name: 'cut.csv', rowsTotal: 2, headers: ['nik', 'nama', 'alamat'] });
    expect(sheet?.readError?.id).toMatch(/terpotong/);
    expect(sheet?.sample[1]).toMatchObject({ rowNumber: 3, incomplete: true });
  });

  it('refuses a damaged XLSX before anything is imported', async () => {
    const good = path.join(dir, 'c.xlsx');
    await writeXlsx(good, [{ name: 'data', rows: [['nik'], ...Array.from({ length: 200 }, (_, i) => [3507130101900000 + i])] }]);
    const bytes = fs.readFileSync(good);
    const cut = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const stored = await storeUpload(dir, 'batch-xlsx', 0, 'cut.xlsx', fs.createReadStream(cut));
    await expect(inspectFiles(dir, [stored])).rejects.toMatchObject({ fileName: 'cut.xlsx' });
  });
});
