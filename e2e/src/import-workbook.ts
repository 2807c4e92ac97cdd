import { buildKk, buildNik } from '@sinergi/domain';
import ExcelJS from 'exceljs';

/**
 * A DTSEN workbook as an operator receives it, made for the import-wizard browser test: a families sheet and a
 * members sheet with the usual mess (a NIK Excel turned into scientific notation, a wrong village code, labels
 * where codes belong, NIK typed as numbers, blank rows, a person listed twice). `expected` is derived from the same data, so the test
 * checks exact counts without hard-coding them.
 */

export interface WorkbookMember {
  nik: string;
  name: string;
  birthDate: string;
  sex: 'L' | 'P';
  relation: number;
}

export interface WorkbookFamily {
  noKk: string;
  villageCode: string;
  headName: string;
  members: WorkbookMember[];
}

export interface Rejection {
  sheet: 'keluarga' | 'anggota';
  /** Row number as the spreadsheet program shows it (header = 1). */
  row: number;
  /** A phrase the Indonesian reason must contain. */
  reason: string;
}

export interface ImportWorkbook {
  buffer: Buffer;
  families: WorkbookFamily[];
  /** The family the test later finds by a misspelled name. */
  searched: { family: WorkbookFamily; misspelled: string };
  expected: {
    /** Rows of each sheet as the import counts them: blank lines are not rows. */
    families: { rows: number; added: number; rejected: number };
    members: { rows: number; added: number; rejected: number };
    rejections: Rejection[];
  };
}

// Old Javanese names the demo data does not use, paired so that no two heads share a full name (up to 64 families).
const FIRST = ['Ngatemin', 'Sumirah', 'Paiman', 'Tukiyem', 'Kasiyo', 'Sainem', 'Tumiran', 'Ponirah'];
const LAST = ['Poncowardoyo', 'Tjokrodiharjo', 'Wirosentono', 'Hadisuwarno', 'Mangunharjo', 'Kartoredjo', 'Sastrodimejo', 'Wongsodikromo'];
const GIVEN = ['Wagiyo', 'Sutinah', 'Karsono', 'Legiyem', 'Darmaji', 'Painem', 'Samijo', 'Ngadiyem'];
const FAMILY_HEADER = [
  'nomor_kartu_keluarga', 'kode_provinsi', 'kode_kabupaten_kota', 'kode_kecamatan', 'kode_kelurahan_desa', 'alamat', 'rt', 'rw',
  'nama_kepala_keluarga', 'jumlah_anggota_keluarga', 'desil_nasional', 'jenis_lantai_terluas', 'jenis_atap_terluas', 'catatan_petugas',
];
const MEMBER_HEADER = ['nomor_induk_kependudukan', 'nomor_kartu_keluarga', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'status_hubungan_keluarga'];
const SCIENTIFIC_NIK = '3.50713E+15';

type Cell = string | number | Date | null;
const pad = (n: number) => String(n).padStart(2, '0');

/** `count` families spread over `villages` (codes like 35.07.13.2001); serials start high to stay clear of demo data. */
function makeFamilies(count: number, villages: readonly string[]): WorkbookFamily[] {
  return Array.from({ length: count }, (_, i) => {
    const villageCode = villages[i % villages.length]!;
    const kecamatan = villageCode.slice(0, 8);
    const size = 1 + (i % 4);
    const headName = `${FIRST[i % 8]!} ${LAST[(i + Math.floor(i / 8)) % 8]!}`;
    const members = Array.from({ length: size }, (_, m): WorkbookMember => {
      const sex: 'L' | 'P' = m === 1 ? 'P' : m === 0 ? 'L' : m % 2 ? 'P' : 'L';
      const birthDate = m < 2 ? `19${String(55 + (i % 30))}-${pad(1 + (i % 12))}-${pad(1 + ((i + m) % 28))}` : `20${pad(5 + m)}-${pad(1 + m)}-${pad(10 + m)}`;
      const name = m === 0 ? headName : `${GIVEN[(i + m) % GIVEN.length]!} ${headName.split(' ')[1]!}`;
      return { nik: buildNik(kecamatan, birthDate, sex, 9100 + i * 5 + m), name, birthDate, sex, relation: m === 0 ? 1 : m === 1 ? 2 : 3 };
    });
    return { noKk: buildKk(kecamatan, '2024-12-30', 9100 + i), villageCode, headName, members };
  });
}

function familyCells(family: WorkbookFamily, i: number): Cell[] {
  const [province, regency, kecamatan, village] = family.villageCode.split('.');
  return [
    family.noKk, province!, regency!, kecamatan!, village!, `Dusun Krajan RT ${String(1 + (i % 5))}`, pad(1 + (i % 5)), pad(1 + (i % 3)),
    family.headName, family.members.length, 1 + (i % 10), 1 + (i % 8), 1 + (i % 7), '',
  ];
}

function memberCells(family: WorkbookFamily, member: WorkbookMember, index: number): Cell[] {
  const [y, m, d] = member.birthDate.split('-');
  // Dates come as 17/08/1975 text, ISO text, or real date cells; sex as a code or as a label.
  const birth = index % 3 === 0 ? `${d!}/${m!}/${y!}` : index % 3 === 1 ? member.birthDate : new Date(`${member.birthDate}T00:00:00Z`);
  const sex = index % 5 === 1 ? (member.sex === 'L' ? 'Laki-laki' : 'Perempuan') : member.sex;
  // Every fourth NIK is typed as a number, which Excel keeps exactly (16 digits fit a double below 2^53).
  const nik = index % 4 === 0 ? Number(member.nik) : member.nik;
  return [nik, family.noKk, member.name, birth, sex, member.relation];
}

/** Builds the workbook in memory; `villages` are valid village codes of the jurisdiction. */
export async function makeImportWorkbook(villages: readonly string[], familyCount = 30): Promise<ImportWorkbook> {
  const families = makeFamilies(familyCount, villages);
  const rejections: Rejection[] = [];
  const familyRows: Cell[][] = [FAMILY_HEADER];
  families.forEach((family, i) => {
    const cells = familyCells(family, i);
    if (i === 3) [cells[11], cells[12], cells[13]] = ['Tanah', 'Genteng', 'label, bukan kode'];
    familyRows.push(cells);
    if (i === 10) familyRows.push([]);
  });
  // A village code that does not exist: the family and all its members are rejected.
  const wrongVillage = families[families.length - 1]!;
  familyRows[familyRows.length - 1]![4] = '9999';
  rejections.push({ sheet: 'keluarga', row: familyRows.length, reason: 'tidak ada dalam daftar wilayah' });

  const memberRows: Cell[][] = [MEMBER_HEADER];
  let index = 0;
  for (const family of families) {
    for (const member of family.members) {
      memberRows.push(memberCells(family, member, index++));
      if (family === wrongVillage) rejections.push({ sheet: 'anggota', row: memberRows.length, reason: 'ditolak di baris' });
      if (index === 7) memberRows.push([null, null, null]);
    }
  }
  // The same person twice (a row copied by hand): the second one is rejected as a duplicate NIK.
  const twice = families[2]!;
  memberRows.push(memberCells(twice, twice.members[0]!, 1));
  rejections.push({ sheet: 'anggota', row: memberRows.length, reason: 'sudah ada di baris' });
  // A NIK that Excel already turned into 3.50713E+15 and was saved as text: its digits are gone.
  const host = families[5]!;
  memberRows.push([SCIENTIFIC_NIK, host.noKk, 'Suwarni Poncowardoyo', '12/03/1990', 'P', 3]);
  rejections.push({ sheet: 'anggota', row: memberRows.length, reason: 'notasi ilmiah' });

  const book = new ExcelJS.Workbook();
  for (const [name, rows] of [['keluarga', familyRows], ['anggota', memberRows]] as const) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) {
      const added = sheet.addRow(row);
      row.forEach((cell, i) => {
        if (cell instanceof Date) added.getCell(i + 1).numFmt = 'dd/mm/yyyy';
      });
    }
  }
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const accepted = families.slice(0, -1);
  const searched = families[0]!;
  return {
    buffer,
    families,
    searched: { family: searched, misspelled: 'Ngatemin Poncowardojo' },
    expected: {
      families: { rows: families.length, added: accepted.length, rejected: 1 },
      members: {
        rows: families.reduce((sum, f) => sum + f.members.length, 0) + 2,
        added: accepted.reduce((sum, f) => sum + f.members.length, 0),
        rejected: wrongVillage.members.length + 2,
      },
      rejections,
    },
  };
}
