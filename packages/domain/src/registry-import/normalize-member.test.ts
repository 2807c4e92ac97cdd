import { describe, expect, it } from 'vitest';
import { suggestMapping } from './headers.ts';
import { normalizeCombinedRow } from './normalize-combined.ts';
import { businessFromMembers, normalizeMemberRow } from './normalize-member.ts';
import { SHIPPED_TEMPLATES } from './templates.ts';
import type { MemberRecord, RawRow } from './types.ts';

const ctx = { jurisdiction: '35.07', today: new Date(2025, 5, 1) };
const HEADERS = [
  'nomor_induk_kependudukan', 'nomor_kartu_keluarga', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'status_hubungan_keluarga', 'status_kawin',
  'partisipasi_sekolah', 'ijazah_tertinggi_yang_dimiliki', 'status_bekerja', 'kepemilikan_usaha', 'omzet_usaha_utama', 'penglihatan',
  'berjalan_atau_naik_tangga', 'penyakit_kronis', 'ppks', 'umur',
];
const { mapping } = suggestMapping(HEADERS, SHIPPED_TEMPLATES);

// A woman born 17 August 1975: day 17 + 40 = 57 in her NIK.
const SITI: RawRow = {
  nomor_induk_kependudukan: '3507135708750002', nomor_kartu_keluarga: '3507131708750002', nama: 'SITI AMINAH', tanggal_lahir: '17/08/1975',
  jenis_kelamin: 'P', status_hubungan_keluarga: 2, status_kawin: 2, partisipasi_sekolah: 3, ijazah_tertinggi_yang_dimiliki: 1, status_bekerja: 1,
  kepemilikan_usaha: 'Ya', omzet_usaha_utama: '1.500.000', penglihatan: 1, berjalan_atau_naik_tangga: 4, penyakit_kronis: 'Tidak ada',
  ppks: 'Fakir miskin; Perempuan rawan sosial ekonomi', umur: 49,
};
const EXPECTED: MemberRecord = {
  nik: '3507135708750002', noKk: '3507131708750002', name: 'SITI AMINAH', birthDate: '1975-08-17', sex: 'P', relation: 2, maritalStatus: 2,
  schooling: 3, education: 1, workStatus: 1, workSector: null, disabilities: ['berjalan_atau_naik_tangga'], chronicIllness: null,
  ppks: ['fakir_miskin', 'perempuan_rawan_sosial_ekonomi'], specialStatus: [], businessOwner: true, businessTurnover: 1_500_000,
};

const codes = (row: RawRow) => normalizeMemberRow(row, mapping, ctx).issues.map((issue) => `${issue.severity}:${issue.field}:${issue.code}`);

describe('normalizeMemberRow', () => {
  it('reads a clean row', () => {
    expect(normalizeMemberRow(SITI, mapping, ctx)).toEqual({ record: EXPECTED, issues: [] });
  });

  it('reads the same person from numbers, labels and another date format', () => {
    const messy: RawRow = {
      ...SITI, nomor_induk_kependudukan: 3507135708750002, nomor_kartu_keluarga: "'3507131708750002", tanggal_lahir: '17 Agustus 1975',
      jenis_kelamin: 'Perempuan', status_hubungan_keluarga: 'Istri', status_kawin: 'Kawin', partisipasi_sekolah: 'Tidak bersekolah lagi',
      ijazah_tertinggi_yang_dimiliki: 'SD/sederajat', status_bekerja: 'Berusaha sendiri', kepemilikan_usaha: 1, omzet_usaha_utama: 1500000,
      penglihatan: 'Tidak', berjalan_atau_naik_tangga: 'Ya, sama sekali tidak bisa',
    };
    expect(normalizeMemberRow(messy, mapping, ctx)).toEqual({ record: EXPECTED, issues: [] });
  });

  it('rejects a NIK in scientific notation and a NIK with an impossible birth date', () => {
    expect(codes({ ...SITI, nomor_induk_kependudukan: '3,50713E+15' })).toEqual(['error:nik:id_scientific_notation']);
    const result = normalizeMemberRow({ ...SITI, nomor_induk_kependudukan: '3507137508750002' }, mapping, ctx);
    expect(result.record).toBeNull();
    expect(result.issues[0]?.message.id).toBe(
      'Kolom nomor_induk_kependudukan: NIK "3507137508750002" tidak valid: digit ke-7 sampai ke-12 bukan tanggal lahir yang ada (untuk perempuan tanggal ditambah 40).',
    );
  });

  it('accepts a NIK whose prefix is not a current kecamatan (regions split); the server warns', () => {
    expect(normalizeMemberRow({ ...SITI, nomor_induk_kependudukan: '3599995708750002' }, mapping, ctx).record?.nik).toBe('3599995708750002');
  });

  it('keeps the row but warns when birth date or sex disagree with the NIK', () => {
    const result = normalizeMemberRow({ ...SITI, tanggal_lahir: '18/08/1975', jenis_kelamin: 'L' }, mapping, ctx);
    expect(result.record).toEqual({ ...EXPECTED, birthDate: '1975-08-18', sex: 'L' });
    expect(result.issues.map((i) => `${i.severity}:${i.field}:${i.code}`)).toEqual(['warning:birthDate:nik_birth_date_mismatch', 'warning:sex:nik_sex_mismatch']);
    expect(result.issues[1]?.message).toEqual({
      id: 'Kolom jenis_kelamin: jenis kelamin "L" berbeda dengan jenis kelamin dalam NIK (Perempuan).',
      en: 'Column jenis_kelamin: sex "L" differs from the sex in the NIK (Female).',
    });
  });

  it('requires the member’s No KK and name', () => {
    expect(codes({ ...SITI, nomor_kartu_keluarga: null, nama: ' ' })).toEqual(['error:noKk:required_missing', 'error:name:required_missing']);
    const withoutKkColumn = { ...mapping, member: { ...mapping.member, noKk: undefined } };
    expect(normalizeMemberRow(SITI, withoutKkColumn, ctx).issues.map((i) => i.code)).toEqual(['column_not_mapped']);
  });

  it('drops unreadable optional values with warnings, and unknown list items alone', () => {
    const result = normalizeMemberRow({ ...SITI, tanggal_lahir: '31/02/1975', status_kawin: 'Rahasia', ppks: 'Fakir miskin, alien' }, mapping, ctx);
    expect(result.record).toEqual({ ...EXPECTED, birthDate: null, maritalStatus: null, ppks: ['fakir_miskin'] });
    expect(result.issues.map((i) => `${i.severity}:${i.field}:${i.code}`)).toEqual([
      'warning:birthDate:date_invalid', 'warning:maritalStatus:code_unknown', 'warning:ppks:list_item_unknown',
    ]);
  });

  it('rejects a blank row', () => {
    expect(codes({ umur: '', nama: '' })).toEqual(['error:row:blank_row']);
  });
});

describe('old DTKS/BDT rows', () => {
  const bdt = suggestMapping(['IDARTBDT', 'KDPROP', 'KDKAB', 'KDKEC', 'KDDESA', 'NoKK', 'NIK', 'Nama', 'Hub_KRT', 'JnsKel', 'TglLahir', 'Jenis_cacat', 'Sta_hamil'], SHIPPED_TEMPLATES);

  it('reads impairments named the old way and a pregnancy flag', () => {
    const row: RawRow = {
      IDARTBDT: 'ART-1', KDPROP: 35, KDKAB: 7, KDKEC: 13, KDDESA: 2001, NoKK: '3507131708750002', NIK: '3507135708750002', Nama: 'Siti',
      Hub_KRT: 2, JnsKel: 2, TglLahir: new Date(Date.UTC(1975, 7, 17)), Jenis_cacat: 'Tuna netra', Sta_hamil: 1,
    };
    const { family, member } = normalizeCombinedRow(row, bdt.mapping, ctx);
    expect(family.issues).toEqual([]);
    expect(family.record).toMatchObject({ noKk: '3507131708750002', villageCode: '35.07.13.2001' });
    expect(member.issues).toEqual([]);
    expect(member.record).toMatchObject({ nik: '3507135708750002', noKk: '3507131708750002', sex: 'P', relation: 2, birthDate: '1975-08-17',
      disabilities: ['penglihatan'], specialStatus: ['hamil'] });
  });
});

describe('normalizeCombinedRow', () => {
  const combined = suggestMapping(['nomor_kartu_keluarga', 'kode_wilayah', 'alamat', 'nomor_induk_kependudukan', 'nama', 'tanggal_lahir'], SHIPPED_TEMPLATES);

  it('gives each side its own issues', () => {
    const { family, member } = normalizeCombinedRow(
      { nomor_kartu_keluarga: '3507131708750002', kode_wilayah: '35.73.01.1001', alamat: 'Jl. Ijen', nomor_induk_kependudukan: '3507131708750003', nama: 'Budi' },
      combined.mapping,
      ctx,
    );
    expect(combined.template?.id).toBe('dtsen-combined');
    expect(family.record).toBeNull();
    expect(family.issues.map((i) => i.code)).toEqual(['village_outside_jurisdiction']);
    expect(member.record).toMatchObject({ nik: '3507131708750003', noKk: '3507131708750002', name: 'Budi', birthDate: null });
  });

  it('rejects both sides of a blank row', () => {
    const { family, member } = normalizeCombinedRow({ nomor_kartu_keluarga: '', nama: null }, combined.mapping, ctx);
    expect([family.issues[0]?.code, member.issues[0]?.code]).toEqual(['blank_row', 'blank_row']);
  });
});

describe('businessFromMembers', () => {
  it('marks a family active when a member owns a business and sums the turnovers', () => {
    expect(businessFromMembers([{ businessOwner: true, businessTurnover: 1_000_000 }, { businessOwner: true, businessTurnover: 500_000 }, { businessOwner: false }]))
      .toEqual({ businessStatus: 'active', businessTurnover: 1_500_000 });
    expect(businessFromMembers([{ businessOwner: false, businessTurnover: null }])).toEqual({ businessStatus: 'none', businessTurnover: null });
    expect(businessFromMembers([{ businessOwner: null }])).toEqual({ businessStatus: null, businessTurnover: null });
  });
});
