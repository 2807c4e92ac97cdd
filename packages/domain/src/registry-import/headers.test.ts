import { describe, expect, it } from 'vitest';
import { matchTemplate, normalizeHeader, suggestMapping, templateFromMapping } from './headers.ts';
import { SHIPPED_TEMPLATES } from './templates.ts';
import type { ImportTemplate } from './types.ts';

describe('normalizeHeader', () => {
  it('ignores case, spaces, underscores, dots, accents and units in brackets', () => {
    const forms = ['nomor_kartu_keluarga', 'Nomor Kartu Keluarga', 'NOMOR.KARTU.KELUARGA', ' nomor-kartu-keluarga ', '\uFEFFNomor Kartu Keluarga (KK)'];
    expect(new Set(forms.map(normalizeHeader))).toEqual(new Set(['nomorkartukeluarga']));
    expect(normalizeHeader('Luas Lantai (m²)')).toBe(normalizeHeader('luas_lantai'));
    expect(normalizeHeader('Kode Désa')).toBe('kodedesa');
    expect(normalizeHeader('(NIK)')).toBe('nik');
  });
});

const DTSEN_FAMILY_HEADERS = [
  'No', 'nomor_kartu_keluarga', 'kode_provinsi', 'nama_provinsi', 'kode_kabupaten_kota', 'kode_kecamatan', 'kode_kelurahan_desa',
  'nama_kelurahan_desa', 'alamat', 'jumlah_anggota_keluarga', 'nama_kepala_keluarga', 'desil_nasional', 'desil_provinsi',
  'desil_kabupaten_kota', 'status_kepemilikan_rumah', 'jenis_lantai_terluas', 'luas_lantai', 'jenis_dinding_terluas', 'jenis_atap_terluas',
  'sumber_air_minum_utama', 'sumber_penerangan_utama', 'daya_terpasang', 'bahan_bakar_utama_memasak', 'fasilitas_bab', 'jenis_kloset',
  'kepemilikan_aset',
];
const DTSEN_MEMBER_HEADERS = [
  'nomor_induk_kependudukan', 'nomor_kartu_keluarga', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'status_hubungan_keluarga', 'status_kawin',
  'partisipasi_sekolah', 'ijazah_tertinggi_yang_dimiliki', 'status_bekerja', 'lapangan_usaha_dari_pekerjaan_utama', 'kepemilikan_usaha',
  'omzet_usaha_utama', 'penglihatan', 'pendengaran', 'berjalan_atau_naik_tangga', 'menggunakan_tangan_jari', 'belajar_kemampuan_intelektual',
  'pengendalian_perilaku', 'berbicara_komunikasi', 'mengurus_diri', 'mengingat_berkonsentrasi', 'kesedihan_depresi', 'penyakit_kronis',
];
const BDT_HEADERS = ['IDBDT', 'IDARTBDT', 'KDPROP', 'KDKAB', 'KDKEC', 'KDDESA', 'NoKK', 'NIK', 'Nama', 'Hub_KRT', 'JnsKel', 'TglLahir', 'Jenis_cacat', 'Sta_hamil', 'Ada_pkh'];

describe('suggestMapping', () => {
  it('recognises a DTSEN family sheet and lists the columns it will ignore', () => {
    const suggestion = suggestMapping(DTSEN_FAMILY_HEADERS, SHIPPED_TEMPLATES);
    expect(suggestion.template?.id).toBe('dtsen-family');
    expect(suggestion.missingRequired).toEqual([]);
    expect(suggestion.mapping.family).toMatchObject({
      noKk: 'nomor_kartu_keluarga', provinceCode: 'kode_provinsi', regencyCode: 'kode_kabupaten_kota', kecamatanCode: 'kode_kecamatan',
      villageLocalCode: 'kode_kelurahan_desa', floorType: 'jenis_lantai_terluas', toilet: 'fasilitas_bab', assets: 'kepemilikan_aset',
    });
    expect(suggestion.unmappedHeaders).toEqual(['No', 'nama_provinsi', 'nama_kelurahan_desa', 'jenis_kloset']);
  });

  it('recognises a DTSEN individual sheet with all ten difficulty columns', () => {
    const suggestion = suggestMapping(DTSEN_MEMBER_HEADERS, SHIPPED_TEMPLATES);
    expect(suggestion.template?.id).toBe('dtsen-member');
    expect(suggestion.unmappedHeaders).toEqual([]);
    expect(Object.keys(suggestion.mapping.member).filter((field) => field.startsWith('dis_'))).toHaveLength(10);
    expect(suggestion.mapping.member.workSector).toBe('lapangan_usaha_dari_pekerjaan_utama');
  });

  it('recognises a combined sheet, sharing the No KK column between family and member', () => {
    const headers = [...new Set([...DTSEN_FAMILY_HEADERS, ...DTSEN_MEMBER_HEADERS])];
    const suggestion = suggestMapping(headers, SHIPPED_TEMPLATES);
    expect(suggestion.template?.id).toBe('dtsen-combined');
    expect(suggestion.mapping.family.noKk).toBe('nomor_kartu_keluarga');
    expect(suggestion.mapping.member.noKk).toBe('nomor_kartu_keluarga');
    expect(suggestion.missingRequired).toEqual([]);
  });

  it('recognises an old DTKS/BDT export whatever the header case', () => {
    const suggestion = suggestMapping(BDT_HEADERS.map((h) => h.toUpperCase()), SHIPPED_TEMPLATES);
    expect(suggestion.template?.id).toBe('dtks-bdt');
    expect(suggestion.mapping.family).toEqual({ noKk: 'NOKK', provinceCode: 'KDPROP', regencyCode: 'KDKAB', kecamatanCode: 'KDKEC', villageLocalCode: 'KDDESA' });
    expect(suggestion.mapping.member).toMatchObject({ nik: 'NIK', relation: 'HUB_KRT', sex: 'JNSKEL', birthDate: 'TGLLAHIR', disabilities: 'JENIS_CACAT', pregnant: 'STA_HAMIL' });
    expect(suggestion.unmappedHeaders).toEqual(['IDBDT', 'IDARTBDT', 'ADA_PKH']);
  });

  it('says which required fields a partial file lacks', () => {
    const suggestion = suggestMapping(['nama', 'tanggal_lahir', 'jenis_kelamin'], SHIPPED_TEMPLATES);
    expect(suggestion.template?.id).toBe('dtsen-member');
    expect(suggestion.missingRequired).toEqual(['member.nik', 'member.noKk']);
  });

  it('returns no template when nothing matches', () => {
    const suggestion = suggestMapping(['foo', 'bar'], SHIPPED_TEMPLATES);
    expect(suggestion.template).toBeNull();
    expect(suggestion.unmappedHeaders).toEqual(['foo', 'bar']);
  });

  it('prefers the operator’s saved template over a shipped one that fits as well', () => {
    const saved = templateFromMapping(matchTemplate(DTSEN_FAMILY_HEADERS, SHIPPED_TEMPLATES[0] as ImportTemplate).mapping, {
      id: 'malang-2025', name: { id: 'Malang 2025', en: 'Malang 2025' },
    });
    const suggestion = suggestMapping(DTSEN_FAMILY_HEADERS, [...SHIPPED_TEMPLATES, saved]);
    expect(suggestion.template?.id).toBe('malang-2025');
    expect(suggestion.mapping).toEqual(suggestMapping(DTSEN_FAMILY_HEADERS, SHIPPED_TEMPLATES).mapping);
  });

  it('maps next quarter’s file with renamed headers through a saved template', () => {
    const saved = templateFromMapping(
      { sheetKind: 'member', family: {}, member: { nik: 'NIK ART', noKk: 'No. KK', name: 'Nama ART' } },
      { id: 'custom', name: { id: 'Custom', en: 'Custom' } },
    );
    const suggestion = suggestMapping(['nik_art', 'NO KK', 'nama art', 'umur'], [...SHIPPED_TEMPLATES, saved]);
    expect(suggestion.template?.id).toBe('custom');
    expect(suggestion.mapping.member).toEqual({ nik: 'nik_art', noKk: 'NO KK', name: 'nama art' });
    expect(suggestion.unmappedHeaders).toEqual(['umur']);
  });

  it('uses the first of two headers that normalise alike', () => {
    const match = matchTemplate(['NIK', 'nik', 'Nama', 'No KK'], SHIPPED_TEMPLATES[1] as ImportTemplate);
    expect(match.mapping.member.nik).toBe('NIK');
    expect(match.unmappedHeaders).toEqual(['nik']);
  });
});
