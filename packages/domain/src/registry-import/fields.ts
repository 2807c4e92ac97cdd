import type { ColumnMapping, FamilyField, MemberField } from './types.ts';

export interface FieldLabel {
  id: string;
  en: string;
}

/** Human names of our fields, for the mapping screen and for issues about a field with no column. */
export const FAMILY_FIELD_LABELS: Record<FamilyField, FieldLabel> = {
  noKk: { id: 'Nomor Kartu Keluarga (No KK)', en: 'Family card number (No KK)' },
  villageCode: { id: 'Kode desa/kelurahan lengkap', en: 'Full village code' },
  provinceCode: { id: 'Kode provinsi', en: 'Province code' },
  regencyCode: { id: 'Kode kabupaten/kota', en: 'Regency/city code' },
  kecamatanCode: { id: 'Kode kecamatan', en: 'District (kecamatan) code' },
  villageLocalCode: { id: 'Kode desa/kelurahan', en: 'Village code' },
  address: { id: 'Alamat', en: 'Address' },
  rt: { id: 'RT', en: 'RT (neighbourhood)' },
  rw: { id: 'RW', en: 'RW (hamlet unit)' },
  dusun: { id: 'Dusun', en: 'Dusun (hamlet)' },
  headName: { id: 'Nama kepala keluarga', en: 'Name of the family head' },
  memberCount: { id: 'Jumlah anggota keluarga', en: 'Number of family members' },
  desilNational: { id: 'Desil nasional', en: 'National decile' },
  desilProvince: { id: 'Desil provinsi', en: 'Provincial decile' },
  desilRegency: { id: 'Desil kabupaten/kota', en: 'Regency decile' },
  houseOwnership: { id: 'Status kepemilikan rumah', en: 'House ownership' },
  floorType: { id: 'Jenis lantai terluas', en: 'Main floor material' },
  floorAreaM2: { id: 'Luas lantai (m²)', en: 'Floor area (m²)' },
  wallType: { id: 'Jenis dinding terluas', en: 'Main wall material' },
  roofType: { id: 'Jenis atap terluas', en: 'Main roof material' },
  waterSource: { id: 'Sumber air minum utama', en: 'Main drinking water source' },
  lighting: { id: 'Sumber penerangan utama', en: 'Main lighting source' },
  powerVa: { id: 'Daya listrik terpasang', en: 'Installed electric power' },
  cookingFuel: { id: 'Bahan bakar utama memasak', en: 'Main cooking fuel' },
  toilet: { id: 'Fasilitas buang air besar', en: 'Toilet facility' },
  assets: { id: 'Kepemilikan aset', en: 'Assets owned' },
  businessStatus: { id: 'Status usaha keluarga', en: 'Family business status' },
  businessSector: { id: 'Lapangan usaha', en: 'Business sector' },
  businessTurnover: { id: 'Omzet usaha per bulan', en: 'Monthly business turnover' },
  dataDate: { id: 'Tanggal data', en: 'Data date' },
};

export const MEMBER_FIELD_LABELS: Record<MemberField, FieldLabel> = {
  nik: { id: 'Nomor Induk Kependudukan (NIK)', en: 'National identity number (NIK)' },
  noKk: { id: 'Nomor Kartu Keluarga (No KK)', en: 'Family card number (No KK)' },
  name: { id: 'Nama', en: 'Name' },
  birthDate: { id: 'Tanggal lahir', en: 'Birth date' },
  sex: { id: 'Jenis kelamin', en: 'Sex' },
  relation: { id: 'Hubungan dengan kepala keluarga', en: 'Relation to the family head' },
  maritalStatus: { id: 'Status perkawinan', en: 'Marital status' },
  schooling: { id: 'Partisipasi sekolah', en: 'School participation' },
  education: { id: 'Ijazah tertinggi', en: 'Highest diploma' },
  workStatus: { id: 'Status bekerja', en: 'Work status' },
  workSector: { id: 'Lapangan usaha pekerjaan utama', en: 'Sector of main work' },
  businessOwner: { id: 'Memiliki usaha', en: 'Owns a business' },
  businessTurnover: { id: 'Omzet usaha utama per bulan', en: 'Monthly turnover of main business' },
  disabilities: { id: 'Disabilitas', en: 'Disabilities' },
  chronicIllness: { id: 'Penyakit kronis', en: 'Chronic illness' },
  ppks: { id: 'Kategori PPKS', en: 'PPKS categories' },
  specialStatus: { id: 'Status khusus', en: 'Special status' },
  pregnant: { id: 'Sedang hamil', en: 'Pregnant' },
  dis_penglihatan: { id: 'Kesulitan melihat', en: 'Difficulty seeing' },
  dis_pendengaran: { id: 'Kesulitan mendengar', en: 'Difficulty hearing' },
  dis_berjalan: { id: 'Kesulitan berjalan atau naik tangga', en: 'Difficulty walking or climbing stairs' },
  dis_tangan: { id: 'Kesulitan menggunakan tangan/jari', en: 'Difficulty using hands/fingers' },
  dis_belajar: { id: 'Kesulitan belajar/kemampuan intelektual', en: 'Difficulty learning (intellectual)' },
  dis_perilaku: { id: 'Kesulitan mengendalikan perilaku', en: 'Difficulty controlling behaviour' },
  dis_bicara: { id: 'Kesulitan berbicara/berkomunikasi', en: 'Difficulty speaking/communicating' },
  dis_mengurus_diri: { id: 'Kesulitan mengurus diri', en: 'Difficulty with self-care' },
  dis_mengingat: { id: 'Kesulitan mengingat/berkonsentrasi', en: 'Difficulty remembering/concentrating' },
  dis_depresi: { id: 'Kesedihan/depresi', en: 'Sadness/depression' },
};

const VILLAGE_FIELDS = ['villageCode', 'villageLocalCode'] as const satisfies readonly FamilyField[];

/** Fields a sheet of this kind cannot do without; the village may come as a full code or as parts. */
export function missingRequiredFields(mapping: ColumnMapping): string[] {
  const missing: string[] = [];
  if (mapping.sheetKind !== 'member') {
    if (!mapping.family.noKk) missing.push('family.noKk');
    if (!VILLAGE_FIELDS.some((field) => mapping.family[field])) missing.push('family.villageCode');
  }
  if (mapping.sheetKind !== 'family') {
    for (const field of ['nik', 'name'] as const) if (!mapping.member[field]) missing.push(`member.${field}`);
    if (!mapping.member.noKk && !mapping.family.noKk) missing.push('member.noKk');
  }
  return missing;
}
