import fs from 'node:fs';
import { once } from 'node:events';
import { buildKk, buildNik } from '@sinergi/domain';
import ExcelJS from 'exceljs';
import { csvField } from '../../../db/database.ts';

/**
 * Synthetic DTSEN-style families for the import tests and the throughput script: deterministic from a seed,
 * with NIK and No KK built by the domain's own rules, written as CSV or XLSX the way spreadsheet programs do.
 */

export interface SyntheticMember {
  nik: string;
  name: string;
  birthDate: string;
  sex: 'L' | 'P';
  relation: number;
}

export interface SyntheticFamily {
  noKk: string;
  villageCode: string;
  address: string;
  rt: string;
  rw: string;
  desil: number;
  floorType: number;
  roofType: number;
  members: SyntheticMember[];
}

const GIVEN = ['Sutrisno', 'Siti', 'Bambang', 'Sri', 'Agus', 'Dewi', 'Joko', 'Wahyuni', 'Slamet', 'Suparmi', 'Budi', 'Rina'];
const FAMILY = ['Wibowo', 'Rahayu', 'Santoso', 'Lestari', 'Hartono', 'Susanti', 'Purnomo', 'Handayani'];

/** A small seeded generator (mulberry32): the same seed gives the same families on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `count` families spread over `villages`; family i's serials are unique per kecamatan, so NIK and No KK never collide. */
export function* syntheticFamilies(count: number, villages: readonly string[], seed = 1): Generator<SyntheticFamily> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  for (let i = 0; i < count; i++) {
    const villageCode = villages[i % villages.length]!;
    const kecamatan = villageCode.slice(0, 8);
    // Issue dates that move every 400 families keep the 4-digit serials small at any size.
    const issued = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000 / 400);
    const noKk = buildKk(kecamatan, issued.toISOString().slice(0, 10), (i % 9000) + 1);
    const size = 1 + Math.floor(random() * 5);
    const surname = pick(FAMILY);
    const members: SyntheticMember[] = [];
    for (let m = 0; m < size; m++) {
      const sex: 'L' | 'P' = m === 1 ? 'P' : m === 0 ? 'L' : random() < 0.5 ? 'L' : 'P';
      const year = m < 2 ? 1950 + Math.floor(random() * 40) : 1995 + Math.floor(random() * 25);
      const birthDate = `${String(year)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
      const serial = ((i * 5 + m) % 9999) + 1;
      members.push({ nik: buildNik(kecamatan, birthDate, sex, serial), name: `${pick(GIVEN)} ${surname}`, birthDate, sex, relation: m === 0 ? 1 : m === 1 ? 2 : 3 });
    }
    yield {
      noKk,
      villageCode,
      address: `Jl. ${pick(FAMILY)} No. ${String(1 + Math.floor(random() * 120))}`,
      rt: pad(1 + Math.floor(random() * 9), 3),
      rw: pad(1 + Math.floor(random() * 5), 3),
      desil: 1 + Math.floor(random() * 10),
      floorType: 1 + Math.floor(random() * 8),
      roofType: 1 + Math.floor(random() * 7),
      members,
    };
  }
}

export type CellValue = string | number | Date | boolean | null;

export const FAMILY_HEADER = [
  'nomor_kartu_keluarga', 'kode_provinsi', 'kode_kabupaten_kota', 'kode_kecamatan', 'kode_kelurahan_desa', 'alamat', 'rt', 'rw',
  'nama_kepala_keluarga', 'jumlah_anggota_keluarga', 'desil_nasional', 'jenis_lantai_terluas', 'jenis_atap_terluas',
];
export const MEMBER_HEADER = ['nomor_induk_kependudukan', 'nomor_kartu_keluarga', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'status_hubungan_keluarga'];

/** The family sheet row as a DTSEN export has it (region code split in parts). */
export function familyRow(family: SyntheticFamily): CellValue[] {
  const [province, regency, kecamatan, village] = family.villageCode.split('.');
  return [
    family.noKk, province ?? null, regency ?? null, kecamatan ?? null, village ?? null, family.address, family.rt, family.rw,
    family.members[0]?.name ?? null, family.members.length, family.desil, family.floorType, family.roofType,
  ];
}

/** One member row; dates as 17/08/1975 text unless `dateAs` says otherwise. */
export function memberRow(family: SyntheticFamily, member: SyntheticMember, dateAs: 'dmy' | 'iso' | 'date' = 'dmy'): CellValue[] {
  const [y = '', m = '', d = ''] = member.birthDate.split('-');
  const birth = dateAs === 'iso' ? member.birthDate : dateAs === 'date' ? new Date(`${member.birthDate}T00:00:00Z`) : `${d}/${m}/${y}`;
  return [member.nik, family.noKk, member.name, birth, member.sex, member.relation];
}

export interface CsvOptions {
  delimiter?: ',' | ';' | '\t';
  bom?: boolean;
  encoding?: 'utf-8' | 'latin1';
  lineEnd?: '\n' | '\r\n';
}

function csvCell(value: CellValue, delimiter: string): string {
  if (value === null) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return delimiter === ',' ? csvField(text) : /["\n\r;\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes rows as CSV, streaming, so that the throughput script can write millions of rows. */
export async function writeCsv(path: string, rows: Iterable<CellValue[]>, options: CsvOptions = {}): Promise<void> {
  const delimiter = options.delimiter ?? ',';
  const lineEnd = options.lineEnd ?? '\r\n';
  const out = fs.createWriteStream(path, { encoding: options.encoding === 'latin1' ? 'latin1' : 'utf8' });
  if (options.bom) out.write('\ufeff');
  for (const row of rows) {
    if (!out.write(row.map((c) => csvCell(c, delimiter)).join(delimiter) + lineEnd)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Writes sheets as an XLSX workbook with exceljs (cells keep their type: numbers, dates, text). */
export async function writeXlsx(path: string, sheets: { name: string; rows: Iterable<CellValue[]> }[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) {
      const added = worksheet.addRow(row);
      row.forEach((cell, i) => {
        if (cell instanceof Date) added.getCell(i + 1).numFmt = 'dd/mm/yyyy';
      });
      added.commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}
