import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { readCsv } from './src/modules/registry/import/read-csv.ts';
import { readXlsx } from './src/modules/registry/import/read-xlsx.ts';
const wb = new ExcelJS.Workbook();
const a = wb.addWorksheet('keluarga'); a.addRow([]); a.addRow(['no_kk', 'tgl']);
for (let i = 0; i < 5000; i++) a.addRow([3507010101010000 + i, new Date(Date.UTC(1975, 7, 17))]);
const b = wb.addWorksheet('anggota'); b.addRow(['nik']); b.addRow([1]); b.addRow(['x']);
await wb.xlsx.writeFile('/tmp/imp/s/two.xlsx');
for await (const s of readXlsx('/tmp/imp/s/two.xlsx')) {
  console.log('sheet', s.name, s.headers, s.headerRowNumber);
  if (s.name === 'anggota') for await (const r of s.rows) console.log(r);
}
fs.writeFileSync('/tmp/imp/s/l1.csv', Buffer.concat([Buffer.from('nama;alamat\r\n'), Buffer.from([0x53,0x69,0x74,0xe9]), Buffer.from(';"jl; x"\r\n\r\n;\r\nA;B;C\r\nshort')]));
for await (const s of readCsv('/tmp/imp/s/l1.csv', 'l1.csv', 'windows-1252')) { console.log(s.headers); for await (const r of s.rows) console.log(r); }
fs.writeFileSync('/tmp/imp/s/tr.csv', 'a,b\n1,2\n3,"unterminated\n');
try { for await (const s of readCsv('/tmp/imp/s/tr.csv', 'tr.csv', 'utf-8')) for await (const r of s.rows) console.log(r); } catch (e) { console.log('ERR', (e as Error).message); }
const full = fs.readFileSync('/tmp/imp/s/two.xlsx'); fs.writeFileSync('/tmp/imp/s/cut.xlsx', full.subarray(0, Math.floor(full.length * 0.6)));
try { for await (const s of readXlsx('/tmp/imp/s/cut.xlsx')) { let n = 0; for await (const _r of s.rows) n++; console.log('cut rows', s.name, n); } } catch (e) { console.log('ERR', (e as Error).message); }
