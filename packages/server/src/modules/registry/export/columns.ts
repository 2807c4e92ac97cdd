import {
  BUSINESS_SECTORS, BUSINESS_STATUS_LABELS, DISABILITY_ITEMS, EDUCATION_LEVELS, MARITAL_STATUSES, PPKS_CATEGORIES, RELATIONS, SEXES, WORK_STATUSES,
  labelOf, maskBirthDate, maskIdNumber, visiblePpksCodes, type CodeList, type Language,
} from '@sinergi/domain';
import type { FamilyListRow } from '../queries.ts';
import type { ExportMemberRow, FamilyExtras } from './queries.ts';

export type Cell = string | number | null;

export interface ColumnDef<R> {
  header: { id: string; en: string };
  width: number;
  value: (row: R, view: CellView) => Cell;
}

/** How cells are shown: in the request's language, identity numbers, birth dates and specific personal data masked unless unmasked. */
export interface CellView {
  language: Language;
  unmasked: boolean;
}

const idNumber = (value: string, view: CellView) => (view.unmasked ? value : maskIdNumber(value));
const label = <C extends string | number>(list: CodeList<C>, code: C | null, view: CellView) => (code === null ? null : (labelOf(list, code, view.language) ?? String(code)));
const labels = (list: CodeList<string>, codes: string[], view: CellView) => codes.map((code) => label(list, code, view)).join(', ') || null;

/** What a masked export writes in place of specific personal data (UU PDP), the same for every member. */
export const SPECIFIC_HIDDEN_CELL = { id: 'Disembunyikan (data pribadi spesifik)', en: 'Hidden (specific personal data)' };

export interface ExportFamily {
  row: FamilyListRow;
  extras: FamilyExtras;
}

export const FAMILY_COLUMNS: ColumnDef<ExportFamily>[] = [
  { header: { id: 'No KK', en: 'Family card no. (No KK)' }, width: 20, value: (f, v) => idNumber(f.extras.no_kk, v) },
  { header: { id: 'Kepala keluarga', en: 'Head of family' }, width: 28, value: (f) => f.row.headName },
  { header: { id: 'Alamat', en: 'Address' }, width: 36, value: (f) => f.row.address },
  { header: { id: 'RT', en: 'RT' }, width: 6, value: (f) => f.extras.rt },
  { header: { id: 'RW', en: 'RW' }, width: 6, value: (f) => f.extras.rw },
  { header: { id: 'Dusun', en: 'Dusun' }, width: 16, value: (f) => f.extras.dusun },
  { header: { id: 'Desa/kelurahan', en: 'Village' }, width: 20, value: (f) => f.row.villageName },
  { header: { id: 'Kode desa', en: 'Village code' }, width: 15, value: (f) => f.row.villageCode },
  { header: { id: 'Kecamatan', en: 'District (kecamatan)' }, width: 18, value: (f) => f.row.kecamatanName },
  { header: { id: 'Kode kecamatan', en: 'District code' }, width: 14, value: (f) => f.extras.kecamatan_code },
  { header: { id: 'Desil nasional', en: 'National decile' }, width: 10, value: (f) => f.row.desil },
  { header: { id: 'Desil provinsi', en: 'Provincial decile' }, width: 10, value: (f) => f.extras.desil_province },
  { header: { id: 'Desil kabupaten/kota', en: 'Regency decile' }, width: 10, value: (f) => f.extras.desil_regency },
  { header: { id: 'Jumlah anggota', en: 'Members' }, width: 10, value: (f) => f.row.memberCount },
  { header: { id: 'Status usaha', en: 'Business status' }, width: 18, value: (f, v) => label(BUSINESS_STATUS_LABELS, f.row.businessStatus, v) },
  { header: { id: 'Jenis usaha', en: 'Business sector' }, width: 24, value: (f, v) => label(BUSINESS_SECTORS, f.extras.business_sector, v) },
  { header: { id: 'Omzet per bulan (Rp)', en: 'Monthly turnover (Rp)' }, width: 16, value: (f) => f.extras.business_turnover },
];

export interface ExportMember {
  noKk: string;
  member: ExportMemberRow;
}

export const MEMBER_COLUMNS: ColumnDef<ExportMember>[] = [
  { header: { id: 'No KK', en: 'Family card no. (No KK)' }, width: 20, value: (m, v) => idNumber(m.noKk, v) },
  { header: { id: 'NIK', en: 'NIK' }, width: 20, value: (m, v) => idNumber(m.member.nik, v) },
  { header: { id: 'Nama', en: 'Name' }, width: 28, value: (m) => m.member.name },
  { header: { id: 'Jenis kelamin', en: 'Sex' }, width: 12, value: (m, v) => label(SEXES, m.member.sex, v) },
  { header: { id: 'Tanggal lahir', en: 'Birth date' }, width: 12, value: (m, v) => (v.unmasked ? m.member.birth_date : maskBirthDate(m.member.birth_date)) },
  { header: { id: 'Hubungan dengan kepala keluarga', en: 'Relation to head' }, width: 20, value: (m, v) => label(RELATIONS, m.member.relation, v) },
  { header: { id: 'Status perkawinan', en: 'Marital status' }, width: 14, value: (m, v) => label(MARITAL_STATUSES, m.member.marital_status, v) },
  { header: { id: 'Ijazah tertinggi', en: 'Highest certificate' }, width: 18, value: (m, v) => label(EDUCATION_LEVELS, m.member.education, v) },
  { header: { id: 'Status bekerja', en: 'Work status' }, width: 24, value: (m, v) => label(WORK_STATUSES, m.member.work_status, v) },
  {
    header: { id: 'Disabilitas', en: 'Disabilities' },
    width: 24,
    value: (m, v) => (v.unmasked ? labels(DISABILITY_ITEMS, m.member.disabilities, v) : SPECIFIC_HIDDEN_CELL[v.language]),
  },
  {
    header: { id: 'Kategori PPKS', en: 'PPKS categories' },
    width: 24,
    // Masked: only the categories that reveal neither health nor a criminal record.
    value: (m, v) => labels(PPKS_CATEGORIES, v.unmasked ? m.member.ppks : visiblePpksCodes(m.member.ppks), v),
  },
];
