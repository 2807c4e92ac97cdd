import { buildKk, buildNik } from '@sinergi/domain';
import ExcelJS from 'exceljs';

/**
 * A DTSEN workbook of any size with the mess of issue 3, for the manual import trial (import-10k.ts): a NIK Excel
 * turned into 3.50713E+15, dates as 17/08/1975 text, ISO text and date cells, labels instead of codes, NIK and
 * No KK typed as numbers, blank lines, an extra column, wrong village codes, duplicate NIK and No KK rows. What the
 * import must report is derived from the same data, row by row.
 */

export interface TrialRejection {
  sheet: 'keluarga' | 'anggota';
  /** The row number the spreadsheet program shows (header = 1, blank lines count). */
  row: number;
  /** The issue the row is rejected for. */
  code: 'unknown_village' | 'duplicate_kk_in_file' | 'family_rejected_in_file' | 'id_scientific_notation' | 'duplicate_nik_in_file';
}

export interface TrialWorkbook {
  file: string;
  families: number;
  people: number;
  /** A family to find by a misspelt head name, and the misspelling. */
  searched: { headName: string; noKk: string; members: number; misspelt: string };
  expected: {
    families: { rows: number; added: number; rejected: number };
    members: { rows: number; added: number; rejected: number };
    rejections: TrialRejection[];
  };
}

// The searched head's names appear nowhere else, so that the misspelt search has one right answer.
const SEARCHED = { first: 'Ngatemin', last: 'Poncowardoyo', misspelt: 'Ngatemin Poncowardojo' };
const FIRST = ['Paiman', 'Tukiyem', 'Kasiyo', 'Sainem', 'Tumiran', 'Ponirah', 'Sumirah', 'Wagiman', 'Kasmini', 'Marsudi', 'Tentrem', 'Suparno'];
const LAST = ['Tjokrodiharjo', 'Wirosentono', 'Hadisuwarno', 'Mangunharjo', 'Kartoredjo', 'Sastrodimejo', 'Wongsodikromo', 'Atmosuwito', 'Prawirodirjo'];
const GIVEN = ['Wagiyo', 'Sutinah', 'Karsono', 'Legiyem', 'Darmaji', 'Painem', 'Samijo', 'Ngadiyem', 'Rubiyah', 'Sukarni'];
// Codes as the DTSEN code book has them and the labels operators type instead (value-codes.ts understands both).
const FLOOR = [1, 'Keramik', '8 - Tanah', 'lantai tanah', 2, 'Tanah'];
const ROOF = [1, 'Genteng', 3, 'Seng'];

const FAMILY_HEADER = [
  'nomor_kartu_keluarga', 'kode_provinsi', 'kode_kabupaten_kota', 'kode_kecamatan', 'kode_kelurahan_desa', 'alamat', 'rt', 'rw',
  'nama_kepala_keluarga', 'jumlah_anggota_keluarga', 'desil_nasional', 'jenis_lantai_terluas', 'jenis_atap_terluas', 'catatan_petugas',
];
const MEMBER_HEADER = ['nomor_induk_kependudukan', 'nomor_kartu_keluarga', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'status_hubungan_keluarga'];

type Cell = string | number | Date | null;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface Person {
  nik: string;
  name: string;
  birthDate: string;
  sex: 'L' | 'P';
  relation: number;
}

interface Household {
  noKk: string;
  villageCode: string;
  headName: string;
  people: Person[];
}

/**
 * Keys unique within the file: the next free serial when a kecamatan, date and sex repeat. Serials 5000–9999 only:
 * the demo data a fresh server starts with counts its serials up from 1.
 */
function uniqueKey(taken: Set<string>, make: (serial: number) => string, index: number): string {
  for (let serial = 5000 + (index % 5000); ; serial = serial === 9999 ? 5000 : serial + 1) {
    const key = make(serial);
    if (!taken.has(key)) {
      taken.add(key);
      return key;
    }
  }
}

function households(count: number, villages: readonly string[]): Household[] {
  const niks = new Set<string>();
  const kks = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const villageCode = villages[i % villages.length]!;
    const kecamatan = villageCode.slice(0, 8);
    const last = i === 0 ? SEARCHED.last : LAST[(i * 7) % LAST.length]!;
    const headName = i === 0 ? `${SEARCHED.first} ${SEARCHED.last}` : `${FIRST[i % FIRST.length]!} ${last}`;
    const issued = `20${pad(10 + (i % 14))}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;
    const noKk = uniqueKey(kks, (serial) => buildKk(kecamatan, issued, serial), i);
    const size = 1 + ((i * 13) % 6);
    const people = Array.from({ length: size }, (_, m): Person => {
      const sex: 'L' | 'P' = m === 1 ? 'P' : m === 0 ? 'L' : (i + m) % 2 ? 'P' : 'L';
      const birthDate = m < 2 ? `19${pad(50 + ((i + m) % 40))}-${pad(1 + (i % 12))}-${pad(1 + ((i + m) % 28))}` : `20${pad((i + m) % 20)}-${pad(1 + ((i + m) % 12))}-${pad(1 + (i % 28))}`;
      const nik = uniqueKey(niks, (serial) => buildNik(kecamatan, birthDate, sex, serial), i * 5 + m);
      const name = m === 0 ? headName : `${GIVEN[(i + m) % GIVEN.length]!} ${last}`;
      return { nik, name, birthDate, sex, relation: m === 0 ? 1 : m === 1 ? 2 : 3 };
    });
    return { noKk, villageCode, headName, people };
  });
}

function familyCells(h: Household, i: number, villageOverride?: string): Cell[] {
  const [province, regency, kecamatan, village] = h.villageCode.split('.');
  // Every seventh No KK typed as a number (16 digits stay exact in a double); a note column the mapping ignores.
  return [
    i % 7 === 3 ? Number(h.noKk) : h.noKk, province!, regency!, kecamatan!, villageOverride ?? village!, `Dusun Krajan RT ${String(1 + (i % 5))}`,
    pad(1 + (i % 5), 3), pad(1 + (i % 3), 3), h.headName, h.people.length, 1 + (i % 10), FLOOR[i % FLOOR.length]!, ROOF[i % ROOF.length]!,
    i % 11 === 0 ? 'rumah kosong saat kunjungan' : '',
  ];
}

function memberCells(h: Household, p: Person, n: number): Cell[] {
  const [y, m, d] = p.birthDate.split('-');
  const birth = n % 3 === 0 ? `${d!}/${m!}/${y!}` : n % 3 === 1 ? p.birthDate : new Date(`${p.birthDate}T00:00:00Z`);
  const sex = n % 5 === 1 ? (p.sex === 'L' ? 'Laki-laki' : 'Perempuan') : p.sex;
  return [n % 4 === 0 ? Number(p.nik) : p.nik, h.noKk, p.name, birth, sex, p.relation];
}

/** Rows into one sheet, counting them as the spreadsheet program numbers them and as the import counts them. */
class SheetWriter {
  /** The number of the row written last (header = 1). */
  row = 0;
  /** Rows that are not blank, header excluded. */
  dataRows = 0;

  constructor(
    readonly sheet: ExcelJS.Worksheet,
    header: readonly string[],
  ) {
    this.add([...header]);
    this.dataRows = 0;
  }

  add(cells: Cell[]): void {
    const row = this.sheet.addRow(cells);
    cells.forEach((cell, c) => {
      if (cell instanceof Date) row.getCell(c + 1).numFmt = 'dd/mm/yyyy';
    });
    row.commit();
    this.row++;
    if (cells.length) this.dataRows++;
  }
}

/**
 * Writes the workbook (streaming, as large files need) and returns what the import must report. Every 500th family
 * has a village code that does not exist (it and its members are rejected); every 1,000th family row and every
 * 1,000th person row appear twice; every 2,500th person is followed by a NIK in scientific notation; every 1,000th
 * row of each sheet is followed by a blank line.
 */
export async function writeTrialWorkbook(file: string, villages: readonly string[], count: number): Promise<TrialWorkbook> {
  const all = households(count, villages);
  const rejections: TrialRejection[] = [];
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });

  const families = new SheetWriter(book.addWorksheet('keluarga'), FAMILY_HEADER);
  const rejectedFamilies = new Map<Household, number>();
  all.forEach((h, i) => {
    const wrongVillage = i % 500 === 499;
    families.add(familyCells(h, i, wrongVillage ? '9999' : undefined));
    if (wrongVillage) {
      rejectedFamilies.set(h, families.row);
      rejections.push({ sheet: 'keluarga', row: families.row, code: 'unknown_village' });
    }
    if (i % 1000 === 10) {
      families.add(familyCells(h, i));
      rejections.push({ sheet: 'keluarga', row: families.row, code: 'duplicate_kk_in_file' });
    }
    if (i % 1000 === 999) families.add([]);
  });
  families.sheet.commit();

  const members = new SheetWriter(book.addWorksheet('anggota'), MEMBER_HEADER);
  let n = 0;
  let added = 0;
  for (const h of all) {
    for (const p of h.people) {
      members.add(memberCells(h, p, n));
      if (rejectedFamilies.has(h)) rejections.push({ sheet: 'anggota', row: members.row, code: 'family_rejected_in_file' });
      else added++;
      if (n % 1000 === 500 && !rejectedFamilies.has(h)) {
        members.add(memberCells(h, p, n));
        rejections.push({ sheet: 'anggota', row: members.row, code: 'duplicate_nik_in_file' });
      }
      if (n % 2500 === 1200) {
        members.add(['3.50713E+15', h.noKk, `Suwarni ${h.headName.split(' ')[1]!}`, '12/03/1990', 'P', 3]);
        rejections.push({ sheet: 'anggota', row: members.row, code: 'id_scientific_notation' });
      }
      if (n % 1000 === 999) members.add([]);
      n++;
    }
  }
  members.sheet.commit();
  await book.commit();

  const searched = all[0]!;
  return {
    file,
    families: count,
    people: n,
    searched: { headName: searched.headName, noKk: searched.noKk, members: searched.people.length, misspelt: SEARCHED.misspelt },
    expected: {
      families: { rows: families.dataRows, added: count - rejectedFamilies.size, rejected: rejections.filter((r) => r.sheet === 'keluarga').length },
      members: { rows: members.dataRows, added, rejected: rejections.filter((r) => r.sheet === 'anggota').length },
      rejections,
    },
  };
}
