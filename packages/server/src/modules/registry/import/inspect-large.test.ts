import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectFiles, SAMPLE_ROWS } from './inspect.ts';
import { readSheets } from './read-file.ts';
import { storeUpload } from './storage.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-inspect-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function store(name: string, content: Buffer | string) {
  const source = path.join(dir, `source-${name}`);
  fs.writeFileSync(source, content);
  return storeUpload(dir, 'batch', 0, name, fs.createReadStream(source));
}

/** Inspects the file twice: read through (a small file) and counted without reading (as a large file is). */
async function bothWays(name: string, content: Buffer | string) {
  const stored = await store(name, content);
  return { full: await inspectFiles(dir, [stored]), counted: await inspectFiles(dir, [stored], 0), stored };
}

const csvRows = (n: number) => ['nik;nama;alamat', ...Array.from({ length: n }, (_, i) => (i % 97 === 0 ? `${String(i)};"Nama\n${String(i)}";"Jl. A; B"` : `${String(i)};Nama;Jl. B`))];

describe('inspecting large files without reading every row', () => {
  it('counts a large CSV file exactly, keeping the sample and the headers', async () => {
    const lines = csvRows(500);
    lines.splice(100, 0, '', ';;', '  ');
    const { full, counted } = await bothWays('besar.csv', '\ufeff' + lines.join('\r\n') + '\r\n');
    expect(full[0]!.rowsTotal).toBe(500);
    expect(counted).toEqual(full);
    expect(counted[0]!.sample).toHaveLength(SAMPLE_ROWS);
  });

  it('names the break of a large CSV cut mid-line, as the full read does', async () => {
    const { full, counted } = await bothWays('terpotong.csv', csvRows(300).join('\n') + '\n400;Budi');
    expect(full[0]).toMatchObject({ rowsTotal: 301 });
    expect(full[0]!.readError?.id).toMatch(/terpotong/);
    expect(counted[0]).toMatchObject({ rowsTotal: 301, readError: { id: expect.stringMatching(/terpotong/) as unknown } });
  });

  it('takes a large workbook’s row count from each sheet’s dimension and still reads every sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    const families = workbook.addWorksheet('keluarga');
    families.addRow(['nomor_kartu_keluarga', 'alamat']);
    for (let i = 0; i < 300; i++) families.addRow([`35071301010${String(10000 + i)}`, `Jl. ${String(i)}`]);
    const members = workbook.addWorksheet('anggota');
    members.addRow(['nomor_induk_kependudukan', 'nama']);
    for (let i = 0; i < 120; i++) members.addRow([`35071341017${String(50000 + i)}`, `Nama ${String(i)}`]);
    const file = path.join(dir, 'source-dtsen.xlsx');
    await workbook.xlsx.writeFile(file);
    const { full, counted, stored } = await bothWays('dtsen.xlsx', fs.readFileSync(file));
    expect(full.map((s) => [s.name, s.rowsTotal])).toEqual([['keluarga', 300], ['anggota', 120]]);
    expect(counted).toEqual(full);
    // The file reads normally after the count: every row of both sheets.
    const read: [number | null, number][] = [];
    for await (const sheet of readSheets(dir, stored)) {
      let n = 0;
      for await (const _row of sheet.rows) n++;
      read.push([sheet.dimensionLastRow, n]);
    }
    expect(read).toEqual([[301, 300], [121, 120]]);
  });
});
