// Test support (not exported from the package): valid registry records, and the many ways a spreadsheet writes them.
import fc from 'fast-check';
import { buildKk } from '../kk.ts';
import { buildNik } from '../nik.ts';
import {
  ASSETS, BUSINESS_SECTORS, BUSINESS_STATUS_LABELS, CHRONIC_ILLNESSES, COOKING_FUELS, DISABILITY_ITEMS, EDUCATION_LEVELS, FLOOR_TYPES,
  HOUSE_OWNERSHIP, LIGHTING_SOURCES, MARITAL_STATUSES, POWER_CLASSES, PPKS_CATEGORIES, RELATIONS, ROOF_TYPES, SCHOOLING,
  SPECIAL_STATUSES, TOILET_FACILITIES, WALL_TYPES, WATER_SOURCES, WORK_SECTORS, WORK_STATUSES, powerClassOfVa,
} from '../reference/index.ts';
import type { CodeItem, CodeList } from '../reference/index.ts';
import type { FamilyRecord, MemberRecord, RawValue } from './types.ts';

const INDONESIAN_MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const NAMES = ['SUPARMAN', 'Siti Aminah', 'Budi Santoso', 'NGATEMI', 'Dwi Wahyuningsih', "Ma'ruf", 'Sri Rahayu', 'AHMAD FAUZI'];
const ADDRESSES = ['Dusun Krajan', 'Jl. Mawar No. 3', 'Dsn. Sumberejo RT 02/RW 05', 'Perum Griya, Blok C-7'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** An ISO date between two years, as a registry stores it. */
export const isoDateArb = (fromYear: number, toYear: number) =>
  fc.date({ min: new Date(Date.UTC(fromYear, 0, 1)), max: new Date(Date.UTC(toYear, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

/** One ISO date written as a spreadsheet might: Date, Excel serial, 17/08/1975, 1975-08-17, 17 Agustus 1975, Aug 17, 1975. */
export function dateCell(iso: string): fc.Arbitrary<RawValue> {
  const [y = 0, m = 0, d = 0] = iso.split('-').map(Number);
  const serial = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return fc.constantFrom<RawValue>(
    new Date(Date.UTC(y, m - 1, d)),
    new Date(Date.UTC(y, m - 1, d) - 7 * 3_600_000),
    serial,
    `${pad(d, 2)}/${pad(m, 2)}/${y}`,
    `${d}-${m}-${y}`,
    iso,
    `${d} ${INDONESIAN_MONTHS[m - 1] ?? ''} ${y}`,
    `${ENGLISH_MONTHS[m - 1] ?? ''} ${d}, ${y}`,
  );
}

/** A code as the code itself (8, "08", "8.0") or one of its labels in any case. */
export function codeCell<C extends string | number>(item: CodeItem<C>): fc.Arbitrary<RawValue> {
  const forms: RawValue[] = [item.id, item.en, item.id.toUpperCase(), ` ${item.en.toLowerCase()} `];
  if (typeof item.code === 'number') forms.push(item.code, String(item.code), pad(item.code, 2), `${item.code}.0`, `${item.code} - ${item.id}`);
  else forms.push(item.code);
  return fc.constantFrom(...forms);
}

function optionalCode<C extends string | number>(list: CodeList<C>): fc.Arbitrary<[C | null, RawValue]> {
  return fc.option(fc.constantFrom(...list), { nil: null }).chain((item) =>
    item === null ? fc.constant<[C | null, RawValue]>([null, '']) : codeCell(item).map((cell): [C | null, RawValue] => [item.code, cell]));
}

function codeSubset<C extends string | number>(list: CodeList<C>): fc.Arbitrary<[C[], RawValue]> {
  return fc.subarray([...list]).chain((items) => {
    if (items.length === 0) return fc.constantFrom<RawValue>('', 'Tidak ada').map((cell): [C[], RawValue] => [[], cell]);
    return fc.tuple(fc.tuple(...items.map(codeCell)), fc.constantFrom('; ', ', ', ' | ', '\n'))
      .map(([cells, separator]): [C[], RawValue] => [items.map((item) => item.code), cells.map(String).join(separator)]);
  });
}

function idCell(id: string): fc.Arbitrary<RawValue> {
  const forms: RawValue[] = [id, `'${id}`, `${id.slice(0, 4)} ${id.slice(4, 8)} ${id.slice(8, 12)} ${id.slice(12)}`];
  if (Number.isSafeInteger(Number(id))) forms.push(Number(id));
  return fc.constantFrom(...forms);
}

function optionalNumber(value: number | null, forms: (n: number) => RawValue[]): fc.Arbitrary<RawValue> {
  return value === null ? fc.constant('') : fc.constantFrom(...forms(value));
}

const rupiah = (n: number) => `Rp ${n.toLocaleString('de-DE')}`;
const kecamatanArb = fc.integer({ min: 1, max: 33 }).map((k) => `35.07.${pad(k, 2)}`);

export interface FamilyCase {
  record: FamilyRecord;
  row: Record<string, RawValue>;
}

/** A valid family and one spreadsheet row (DTSEN family headers) that says the same thing. */
export const familyCaseArb: fc.Arbitrary<FamilyCase> = fc.record({
  kecamatan: kecamatanArb,
  issued: isoDateArb(2000, 2024),
  serial: fc.integer({ min: 1, max: 9999 }),
  village: fc.oneof(fc.integer({ min: 2001, max: 2020 }), fc.integer({ min: 1001, max: 1012 })),
  address: fc.option(fc.constantFrom(...ADDRESSES), { nil: null }),
  rt: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
  headName: fc.option(fc.constantFrom(...NAMES), { nil: null }),
  memberCount: fc.option(fc.integer({ min: 1, max: 15 }), { nil: null }),
  desil: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  ownership: optionalCode(HOUSE_OWNERSHIP), floor: optionalCode(FLOOR_TYPES), wall: optionalCode(WALL_TYPES), roof: optionalCode(ROOF_TYPES),
  water: optionalCode(WATER_SOURCES), lighting: optionalCode(LIGHTING_SOURCES), fuel: optionalCode(COOKING_FUELS), toilet: optionalCode(TOILET_FACILITIES),
  powerVa: fc.option(fc.constantFrom(450, 900, 1300, 2200, 3500), { nil: null }),
  area: fc.option(fc.integer({ min: 10, max: 5000 }).map((tenths) => tenths / 10), { nil: null }),
  assets: codeSubset(ASSETS),
  status: fc.constantFrom(...BUSINESS_STATUS_LABELS).chain((item) => codeCell(item).map((cell) => [item.code, cell] as const)),
  sector: optionalCode(BUSINESS_SECTORS),
  turnover: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: null }),
}).chain((f) => {
  const [kab, kec] = f.kecamatan.split('.').slice(1);
  const villageCode = `${f.kecamatan}.${f.village}`;
  const record: FamilyRecord = {
    noKk: buildKk(f.kecamatan, f.issued, f.serial), villageCode, address: f.address, rt: f.rt === null ? null : pad(f.rt, 3), rw: null, dusun: null,
    headName: f.headName, memberCount: f.memberCount, desilNational: f.desil, desilProvince: null, desilRegency: null,
    houseOwnership: f.ownership[0], floorType: f.floor[0], wallType: f.wall[0], roofType: f.roof[0], waterSource: f.water[0], lighting: f.lighting[0],
    powerVa: f.powerVa, cookingFuel: f.fuel[0], toilet: f.toilet[0], floorAreaM2: f.area, assets: f.assets[0], businessStatus: f.status[0],
    businessSector: f.sector[0], businessTurnover: f.turnover, dataDate: null,
  };
  const powerLabel = (va: number) => POWER_CLASSES.find((c) => c.code === powerClassOfVa(va))?.id ?? '';
  return fc.record({
    nomor_kartu_keluarga: idCell(record.noKk),
    village: fc.constantFrom<Record<string, RawValue>[]>(
      [{ kode_wilayah: villageCode }], [{ kode_wilayah: villageCode.replace(/\./g, '') }],
      [{ kode_provinsi: 35, kode_kabupaten_kota: Number(kab), kode_kecamatan: Number(kec), kode_kelurahan_desa: f.village }],
      [{ kode_provinsi: '35', kode_kabupaten_kota: `35${kab}`, kode_kecamatan: `3507${kec}`, kode_kelurahan_desa: villageCode }],
    ).map((v) => v[0] ?? {}),
    alamat: fc.constant<RawValue>(f.address ?? ''),
    rt: optionalNumber(f.rt, (n) => [n, pad(n, 3), `RT ${n}`]),
    nama_kepala_keluarga: fc.constant<RawValue>(f.headName === null ? null : ` ${f.headName}  `),
    jumlah_anggota_keluarga: optionalNumber(f.memberCount, (n) => [n, String(n)]),
    desil_nasional: optionalNumber(f.desil, (n) => [n, String(n), `Desil ${n}`]),
    status_kepemilikan_rumah: fc.constant(f.ownership[1]), jenis_lantai_terluas: fc.constant(f.floor[1]), jenis_dinding_terluas: fc.constant(f.wall[1]),
    jenis_atap_terluas: fc.constant(f.roof[1]), sumber_air_minum_utama: fc.constant(f.water[1]), sumber_penerangan_utama: fc.constant(f.lighting[1]),
    bahan_bakar_utama_memasak: fc.constant(f.fuel[1]), fasilitas_bab: fc.constant(f.toilet[1]),
    daya_terpasang: optionalNumber(f.powerVa, (va) => [va, `${va.toLocaleString('de-DE')} VA`, powerClassOfVa(va), powerLabel(va)]),
    luas_lantai: optionalNumber(f.area, (a) => [a, String(a).replace('.', ','), `${a} m2`]),
    kepemilikan_aset: fc.constant(f.assets[1]),
    status_usaha: fc.constant<RawValue>(f.status[1]),
    sektor_usaha: fc.constant(f.sector[1]),
    omzet_usaha: optionalNumber(f.turnover, (n) => [n, rupiah(n), String(n)]),
  }).map(({ village, ...cells }) => ({ record, row: { ...cells, ...village, catatan: 'kolom tambahan' } }));
});

export interface MemberCase {
  record: MemberRecord;
  row: Record<string, RawValue>;
}

const DIFFICULTY_YES: RawValue[] = [3, 4, '3', 'Ya', 'Ya, banyak kesulitan', 'Ya, sama sekali tidak bisa'];
const DIFFICULTY_NO: RawValue[] = [1, 2, '', 'Tidak', 'Tidak mengalami kesulitan', 'Ya, sedikit kesulitan'];
const DIFFICULTY_HEADERS = ['penglihatan', 'pendengaran', 'berjalan_atau_naik_tangga', 'menggunakan_tangan_jari', 'belajar_kemampuan_intelektual',
  'pengendalian_perilaku', 'berbicara_komunikasi', 'mengurus_diri', 'mengingat_berkonsentrasi', 'kesedihan_depresi'];

/** A valid member and one spreadsheet row (DTSEN individual headers) that says the same thing. */
export const memberCaseArb: fc.Arbitrary<MemberCase> = fc.record({
  kecamatan: kecamatanArb, birthDate: isoDateArb(1930, 2024), sex: fc.constantFrom<'L' | 'P'>('L', 'P'), serial: fc.integer({ min: 1, max: 9999 }),
  kkIssued: isoDateArb(2000, 2024), name: fc.constantFrom(...NAMES),
  relation: optionalCode(RELATIONS), marital: optionalCode(MARITAL_STATUSES), schooling: optionalCode(SCHOOLING), education: optionalCode(EDUCATION_LEVELS),
  work: optionalCode(WORK_STATUSES), sector: optionalCode(WORK_SECTORS), illness: optionalCode(CHRONIC_ILLNESSES),
  disabilities: fc.subarray(DISABILITY_ITEMS.map((item) => item.code)), ppks: codeSubset(PPKS_CATEGORIES), special: codeSubset(SPECIAL_STATUSES),
  owner: fc.option(fc.boolean(), { nil: null }), turnover: fc.option(fc.integer({ min: 0, max: 20_000_000 }), { nil: null }),
}).chain((m) => {
  const record: MemberRecord = {
    nik: buildNik(m.kecamatan, m.birthDate, m.sex, m.serial), noKk: buildKk(m.kecamatan, m.kkIssued, m.serial), name: m.name, birthDate: m.birthDate,
    sex: m.sex, relation: m.relation[0], maritalStatus: m.marital[0], schooling: m.schooling[0], education: m.education[0], workStatus: m.work[0],
    workSector: m.sector[0], disabilities: m.disabilities, chronicIllness: m.illness[0], ppks: m.ppks[0], specialStatus: m.special[0],
    businessOwner: m.owner, businessTurnover: m.turnover,
  };
  const difficulty = Object.fromEntries(DIFFICULTY_HEADERS.map((header, i) => {
    const has = m.disabilities.includes(DISABILITY_ITEMS[i]?.code ?? '');
    return [header, fc.constantFrom(...(has ? DIFFICULTY_YES : DIFFICULTY_NO))];
  }));
  return fc.record({
    nomor_induk_kependudukan: idCell(record.nik), nomor_kartu_keluarga: idCell(record.noKk), nama: fc.constant<RawValue>(m.name),
    tanggal_lahir: dateCell(m.birthDate),
    jenis_kelamin: fc.constantFrom<RawValue>(...(m.sex === 'L' ? [1, 'L', 'Laki-laki', 'M'] : [2, 'P', 'Perempuan', 'F'])),
    status_hubungan_keluarga: fc.constant(m.relation[1]), status_kawin: fc.constant(m.marital[1]), partisipasi_sekolah: fc.constant(m.schooling[1]),
    ijazah_tertinggi_yang_dimiliki: fc.constant(m.education[1]), status_bekerja: fc.constant(m.work[1]),
    lapangan_usaha_dari_pekerjaan_utama: fc.constant(m.sector[1]), penyakit_kronis: fc.constant(m.illness[1] === '' ? 'Tidak ada' : m.illness[1]),
    ppks: fc.constant(m.ppks[1]), status_khusus: fc.constant(m.special[1]),
    kepemilikan_usaha: m.owner === null ? fc.constant<RawValue>('') : fc.constantFrom<RawValue>(...(m.owner ? ['Ya', 1] : ['Tidak', 2, 0])),
    omzet_usaha_utama: optionalNumber(m.turnover, (n) => [n, rupiah(n)]),
    ...difficulty,
  }).map((row) => ({ record, row: { ...row, umur: 2025 - Number(m.birthDate.slice(0, 4)) } }));
});
