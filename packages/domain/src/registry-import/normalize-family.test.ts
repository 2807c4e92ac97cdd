import { describe, expect, it } from 'vitest';
import { suggestMapping } from './headers.ts';
import { normalizeFamilyRow } from './normalize-family.ts';
import { SHIPPED_TEMPLATES } from './templates.ts';
import type { FamilyRecord, RawRow } from './types.ts';

const ctx = { jurisdiction: '35.07', today: new Date(2025, 5, 1) };
const HEADERS = [
  'No', 'Nomor Kartu Keluarga', 'Kode Provinsi', 'Kode Kabupaten/Kota', 'Kode Kecamatan', 'Kode Kelurahan/Desa', 'Nama Desa', 'Alamat', 'RT', 'RW',
  'Nama Kepala Keluarga', 'Jumlah Anggota Keluarga', 'Desil Nasional', 'Status Kepemilikan Rumah', 'Jenis Lantai Terluas', 'Luas Lantai (m2)',
  'Jenis Dinding Terluas', 'Jenis Atap Terluas', 'Sumber Air Minum Utama', 'Sumber Penerangan Utama', 'Daya Terpasang', 'Bahan Bakar Utama Memasak',
  'Fasilitas BAB', 'Kepemilikan Aset', 'Catatan Petugas',
];
const { mapping } = suggestMapping(HEADERS, SHIPPED_TEMPLATES);

const CLEAN: RawRow = {
  No: 1, 'Nomor Kartu Keluarga': '3507131708750002', 'Kode Provinsi': '35', 'Kode Kabupaten/Kota': '07', 'Kode Kecamatan': '13',
  'Kode Kelurahan/Desa': '2001', 'Nama Desa': 'Sukoanyar', Alamat: 'Dusun Krajan', RT: '003', RW: '001', 'Nama Kepala Keluarga': 'SUPARMAN',
  'Jumlah Anggota Keluarga': 4, 'Desil Nasional': 1, 'Status Kepemilikan Rumah': 1, 'Jenis Lantai Terluas': 8, 'Luas Lantai (m2)': 36,
  'Jenis Dinding Terluas': 4, 'Jenis Atap Terluas': 2, 'Sumber Air Minum Utama': 5, 'Sumber Penerangan Utama': 1, 'Daya Terpasang': 450,
  'Bahan Bakar Utama Memasak': 4, 'Fasilitas BAB': 1, 'Kepemilikan Aset': 'sepeda_motor', 'Catatan Petugas': 'rumah tidak layak',
};
const EXPECTED: FamilyRecord = {
  noKk: '3507131708750002', villageCode: '35.07.13.2001', address: 'Dusun Krajan', rt: '003', rw: '001', dusun: null, headName: 'SUPARMAN',
  memberCount: 4, desilNational: 1, desilProvince: null, desilRegency: null, houseOwnership: 1, floorType: 8, wallType: 4, roofType: 2,
  waterSource: 5, lighting: 1, powerVa: 450, cookingFuel: 4, toilet: 1, floorAreaM2: 36, assets: ['sepeda_motor'], businessStatus: 'none',
  businessSector: null, businessTurnover: null, dataDate: null,
};

const codes = (row: RawRow) => normalizeFamilyRow(row, mapping, ctx).issues.map((issue) => `${issue.severity}:${issue.field}:${issue.code}`);

describe('normalizeFamilyRow', () => {
  it('reads a clean coded row and ignores the extra columns', () => {
    expect(normalizeFamilyRow(CLEAN, mapping, ctx)).toEqual({ record: EXPECTED, issues: [] });
  });

  it('reads the same family written with labels, numbers and Indonesian formatting', () => {
    const messy: RawRow = {
      ...CLEAN, 'Nomor Kartu Keluarga': 3507131708750002, 'Kode Provinsi': 35, 'Kode Kabupaten/Kota': 7, 'Kode Kecamatan': 13, RT: 3, RW: 'RW 1',
      'Status Kepemilikan Rumah': 'Milik sendiri', 'Jenis Lantai Terluas': 'Tanah ', 'Luas Lantai (m2)': '36,0 m2', 'Jenis Dinding Terluas': 'anyaman bambu',
      'Jenis Atap Terluas': 'GENTENG', 'Sumber Air Minum Utama': '05', 'Sumber Penerangan Utama': 'Listrik PLN dengan meteran', 'Daya Terpasang': '450 VA',
      'Bahan Bakar Utama Memasak': 'Elpiji 3 kg', 'Fasilitas BAB': '1.0', 'Kepemilikan Aset': 'Sepeda motor', 'Desil Nasional': 'Desil 1',
    };
    expect(normalizeFamilyRow(messy, mapping, ctx)).toEqual({ record: EXPECTED, issues: [] });
  });

  it('rejects a blank row, even with a row number left in an unmapped column', () => {
    const result = normalizeFamilyRow({ No: 17, 'Nomor Kartu Keluarga': '', Alamat: '  ', 'Catatan Petugas': null }, mapping, ctx);
    expect(result.record).toBeNull();
    expect(result.issues).toEqual([{ field: 'row', code: 'blank_row', severity: 'error', message: { id: 'Baris kosong.', en: 'Blank row.' } }]);
  });

  it('rejects a No KK that Excel turned into scientific notation, saying how to fix the file', () => {
    const result = normalizeFamilyRow({ ...CLEAN, 'Nomor Kartu Keluarga': '3.50713E+15' }, mapping, ctx);
    expect(result.record).toBeNull();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ field: 'noKk', code: 'id_scientific_notation', severity: 'error', value: '3.50713E+15' });
    expect(result.issues[0]?.message.id).toContain('Kolom Nomor Kartu Keluarga: "3.50713E+15"');
    expect(result.issues[0]?.message.id).toContain('Teks');
    expect(result.issues[0]?.message.en).toContain('Format the column as Text');
  });

  it('rejects a No KK whose first digits are no kecamatan code', () => {
    expect(codes({ ...CLEAN, 'Nomor Kartu Keluarga': '0007131708750002' })).toEqual(['error:noKk:kk_invalid']);
  });

  it('rejects a missing No KK and a village outside the jurisdiction in one go', () => {
    expect(codes({ ...CLEAN, 'Nomor Kartu Keluarga': '', 'Kode Kabupaten/Kota': '08' })).toEqual([
      'error:noKk:required_missing',
      'error:villageLocalCode:village_outside_jurisdiction',
    ]);
  });

  it('rejects a desil outside 1–10', () => {
    const result = normalizeFamilyRow({ ...CLEAN, 'Desil Nasional': 11 }, mapping, ctx);
    expect(result.record).toBeNull();
    expect(result.issues.map((i) => i.code)).toEqual(['desil_invalid']);
    expect(result.issues[0]?.message).toEqual({
      id: 'Kolom Desil Nasional: desil "11" harus bilangan bulat 1 sampai 10.',
      en: 'Column Desil Nasional: desil "11" must be a whole number from 1 to 10.',
    });
  });

  it('keeps the row but empties optional fields it cannot read, with a warning naming column and value', () => {
    const result = normalizeFamilyRow(
      { ...CLEAN, 'Jenis Lantai Terluas': 'Emas', 'Luas Lantai (m2)': 'luas', 'Jumlah Anggota Keluarga': 0, 'Kepemilikan Aset': 'Sepeda motor; helikopter' },
      mapping,
      ctx,
    );
    expect(result.record).toEqual({ ...EXPECTED, floorType: null, floorAreaM2: null, memberCount: null });
    expect(result.issues.map((i) => `${i.severity}:${i.field}:${i.code}`)).toEqual([
      'warning:memberCount:number_out_of_range',
      'warning:floorType:code_unknown',
      'warning:floorAreaM2:number_invalid',
      'warning:assets:list_item_unknown',
    ]);
    expect(result.issues[1]?.message).toEqual({
      id: 'Kolom Jenis Lantai Terluas: "Emas" bukan kode atau label yang dikenali untuk "Jenis lantai terluas". Nilai dikosongkan.',
      en: 'Column Jenis Lantai Terluas: "Emas" is not a known code or label for "Main floor material". The value was left empty.',
    });
  });

  it('reads a full village code column and the family business columns', () => {
    const full = {
      sheetKind: 'family' as const,
      family: { noKk: 'kk', villageCode: 'wilayah', businessStatus: 'usaha', businessSector: 'sektor', businessTurnover: 'omzet', dataDate: 'tgl' },
      member: {},
    };
    const result = normalizeFamilyRow(
      { kk: '3507131708750002', wilayah: '35.07.13.2001', usaha: 'Macet', sektor: 'Jahit dan konveksi', omzet: 'Rp 1.500.000', tgl: '31 Maret 2025' },
      full,
      ctx,
    );
    expect(result.issues).toEqual([]);
    expect(result.record).toMatchObject({
      villageCode: '35.07.13.2001', businessStatus: 'stalled', businessSector: 'jahit_konveksi', businessTurnover: 1_500_000, dataDate: '2025-03-31',
    });
  });
});
