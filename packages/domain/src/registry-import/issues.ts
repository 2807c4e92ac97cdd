import type { KkError } from '../kk.ts';
import type { NikError } from '../nik.ts';
import type { IssueSeverity, RowIssue } from './types.ts';

/** A message parameter: plain text, or text that differs per language (a reason, a field label). */
export type IssueParam = string | number | { id: string; en: string };
export type IssueParams = Record<string, IssueParam>;

/**
 * Every problem a spreadsheet row can have, in one place. Clients may rely on the code, never on the text.
 * `{column}` is the file's own header (or our field label when no column is mapped), `{value}` the cell as read.
 */
export const ISSUE_MESSAGES = {
  blank_row: { id: 'Baris kosong.', en: 'Blank row.' },
  column_not_mapped: {
    id: 'Belum ada kolom yang dipetakan ke {column}; data ini wajib ada.',
    en: 'No column is mapped to {column}; this data is required.',
  },
  required_missing: { id: 'Kolom {column} kosong; wajib diisi.', en: 'Column {column} is empty; it is required.' },
  id_scientific_notation: {
    id: 'Kolom {column}: "{value}" tertulis dalam notasi ilmiah karena format angka Excel, sehingga digit terakhirnya sudah hilang. Format kolom ini sebagai Teks di Excel, isi ulang atau ekspor ulang nilainya, lalu unggah lagi.',
    en: 'Column {column}: "{value}" is in scientific notation because of Excel’s number format, so its last digits are lost. Format the column as Text in Excel, re-enter or re-export the values, and upload again.',
  },
  id_number_imprecise: {
    id: 'Kolom {column}: "{value}" tersimpan sebagai angka yang terlalu besar sehingga digit terakhirnya tidak tepat. Format kolom ini sebagai Teks lalu unggah lagi.',
    en: 'Column {column}: "{value}" is stored as a number too large to keep its last digits exact. Format the column as Text and upload again.',
  },
  id_numeric_maybe_rounded: {
    id: 'Kolom {column}: {value} tersimpan sebagai angka, bukan teks. Excel hanya menyimpan 15 digit, sehingga digit terakhir mungkin telah menjadi 0. Periksa nilai ini.',
    en: 'Column {column}: {value} is stored as a number, not text. Excel keeps only 15 digits, so the last digit may have become 0. Check this value.',
  },
  id_not_digits: {
    id: 'Kolom {column}: "{value}" harus terdiri dari 16 angka saja.',
    en: 'Column {column}: "{value}" must consist of 16 digits only.',
  },
  id_wrong_length: {
    id: 'Kolom {column}: "{value}" terdiri dari {length} digit; seharusnya 16.',
    en: 'Column {column}: "{value}" has {length} digits; it should have 16.',
  },
  nik_invalid: { id: 'Kolom {column}: NIK "{value}" tidak valid: {reason}.', en: 'Column {column}: NIK "{value}" is not valid: {reason}.' },
  kk_invalid: { id: 'Kolom {column}: No KK "{value}" tidak valid: {reason}.', en: 'Column {column}: No KK "{value}" is not valid: {reason}.' },
  nik_birth_date_mismatch: {
    id: 'Kolom {column}: tanggal lahir {value} berbeda dengan tanggal lahir dalam NIK ({nikValue}).',
    en: 'Column {column}: birth date {value} differs from the birth date in the NIK ({nikValue}).',
  },
  nik_sex_mismatch: {
    id: 'Kolom {column}: jenis kelamin "{value}" berbeda dengan jenis kelamin dalam NIK ({nikValue}).',
    en: 'Column {column}: sex "{value}" differs from the sex in the NIK ({nikValue}).',
  },
  date_invalid: {
    id: 'Kolom {column}: "{value}" bukan tanggal yang dikenali (contoh yang diterima: 17/08/1975, 1975-08-17, 17 Agustus 1975).',
    en: 'Column {column}: "{value}" is not a recognised date (accepted for example: 17/08/1975, 1975-08-17, 17 August 1975).',
  },
  date_in_future: {
    id: 'Kolom {column}: tanggal "{value}" berada di masa depan.',
    en: 'Column {column}: the date "{value}" lies in the future.',
  },
  date_too_old: {
    id: 'Kolom {column}: tahun pada "{value}" sebelum {minYear}; periksa nilainya.',
    en: 'Column {column}: the year in "{value}" is before {minYear}; check the value.',
  },
  date_month_first: {
    id: 'Kolom {column}: "{value}" dibaca sebagai bulan/tanggal/tahun ({date}) karena angka kedua lebih dari 12; periksa format tanggal berkas.',
    en: 'Column {column}: "{value}" was read as month/day/year ({date}) because the second number is above 12; check the file’s date format.',
  },
  sex_invalid: {
    id: 'Kolom {column}: "{value}" bukan jenis kelamin yang dikenali (1/2, L/P, Laki-laki/Perempuan).',
    en: 'Column {column}: "{value}" is not a recognised sex (1/2, L/P, Laki-laki/Perempuan, M/F).',
  },
  code_unknown: {
    id: 'Kolom {column}: "{value}" bukan kode atau label yang dikenali untuk "{list}".',
    en: 'Column {column}: "{value}" is not a known code or label for "{list}".',
  },
  list_item_unknown: {
    id: 'Kolom {column}: "{value}" bukan pilihan yang dikenali untuk "{list}"; butir ini diabaikan.',
    en: 'Column {column}: "{value}" is not a known choice for "{list}"; this item was ignored.',
  },
  desil_invalid: {
    id: 'Kolom {column}: desil "{value}" harus bilangan bulat 1 sampai 10.',
    en: 'Column {column}: desil "{value}" must be a whole number from 1 to 10.',
  },
  number_invalid: { id: 'Kolom {column}: "{value}" bukan angka.', en: 'Column {column}: "{value}" is not a number.' },
  number_not_integer: {
    id: 'Kolom {column}: "{value}" harus bilangan bulat.',
    en: 'Column {column}: "{value}" must be a whole number.',
  },
  number_out_of_range: {
    id: 'Kolom {column}: {value} di luar rentang yang wajar ({min} sampai {max}).',
    en: 'Column {column}: {value} is outside the plausible range ({min} to {max}).',
  },
  yes_no_invalid: {
    id: 'Kolom {column}: "{value}" harus Ya atau Tidak (juga diterima: 1/0, Ada/Tidak ada).',
    en: 'Column {column}: "{value}" must be Yes or No (also accepted: 1/0, Ada/Tidak ada).',
  },
  business_status_invalid: {
    id: 'Kolom {column}: "{value}" bukan status usaha yang dikenali (tidak ada, aktif, macet).',
    en: 'Column {column}: "{value}" is not a recognised business status (none, active, stalled).',
  },
  text_too_long: {
    id: 'Kolom {column}: teks "{value}" panjangnya {length} karakter, melebihi batas {max} karakter.',
    en: 'Column {column}: the text "{value}" has {length} characters, more than the limit of {max}.',
  },
  village_code_invalid: {
    id: 'Kolom {column}: "{value}" bukan kode wilayah yang valid (contoh kode desa/kelurahan: 35.07.13.2001).',
    en: 'Column {column}: "{value}" is not a valid region code (example village code: 35.07.13.2001).',
  },
  village_code_bps: {
    id: 'Kolom {column}: "{value}" tampaknya kode BPS (3 digit), bukan kode Kemendagri (kecamatan 2 digit, desa/kelurahan 4 digit). Gunakan kode Kemendagri.',
    en: 'Column {column}: "{value}" looks like a BPS code (3 digits), not a Kemendagri code (district 2 digits, village 4 digits). Use Kemendagri codes.',
  },
  village_code_incomplete: {
    id: 'Kode desa/kelurahan tidak lengkap: kolom {column} berisi "{value}", tetapi {missing} tidak ada.',
    en: 'Incomplete village code: column {column} holds "{value}", but the {missing} is missing.',
  },
  village_parts_conflict: {
    id: 'Kode wilayah saling bertentangan: kolom {column} "{value}" tidak cocok dengan kode desa/kelurahan {otherValue} dari kolom {otherColumn}.',
    en: 'Conflicting region codes: column {column} "{value}" does not match village code {otherValue} from column {otherColumn}.',
  },
  village_outside_jurisdiction: {
    id: 'Kolom {column}: desa/kelurahan {value} berada di luar wilayah instalasi ini ({jurisdiction}).',
    en: 'Column {column}: village {value} lies outside this installation’s jurisdiction ({jurisdiction}).',
  },
} as const satisfies Record<string, { id: string; en: string }>;

export type IssueCode = keyof typeof ISSUE_MESSAGES;

/** Why parseNik / parseKk refused a number, as the `{reason}` of nik_invalid / kk_invalid. */
export const ID_NUMBER_REASONS = {
  nik_digits: { id: 'hanya boleh berisi angka', en: 'only digits are allowed' },
  nik_length: { id: 'harus 16 digit', en: 'it must have 16 digits' },
  nik_region: { id: 'enam digit pertama bukan kode kecamatan', en: 'the first six digits are not a district code' },
  nik_month: { id: 'bulan lahir (digit ke-9 dan ke-10) harus 01 sampai 12', en: 'the birth month (digits 9–10) must be 01 to 12' },
  nik_date: {
    id: 'digit ke-7 sampai ke-12 bukan tanggal lahir yang ada (untuk perempuan tanggal ditambah 40)',
    en: 'digits 7–12 are not a real birth date (for women 40 is added to the day)',
  },
  nik_serial: { id: 'nomor urut (4 digit terakhir) tidak boleh 0000', en: 'the serial (last 4 digits) must not be 0000' },
  kk_digits: { id: 'hanya boleh berisi angka', en: 'only digits are allowed' },
  kk_length: { id: 'harus 16 digit', en: 'it must have 16 digits' },
  kk_region: { id: 'enam digit pertama bukan kode kecamatan', en: 'the first six digits are not a district code' },
  kk_serial: { id: 'nomor urut (4 digit terakhir) tidak boleh 0000', en: 'the serial (last 4 digits) must not be 0000' },
} as const satisfies Record<NikError | KkError, { id: string; en: string }>;

/** Appended when a warning leaves an optional field empty, so the report says what happened to the value. */
const VALUE_DROPPED = { id: ' Nilai dikosongkan.', en: ' The value was left empty.' } as const;

function fill(template: string, params: IssueParams, language: 'id' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const param = params[key];
    if (param === undefined) return whole;
    return typeof param === 'object' ? param[language] : String(param);
  });
}

export interface IssueInput {
  field: string;
  code: IssueCode;
  severity: IssueSeverity;
  params?: IssueParams;
  /** The cell as read, kept on the issue for the rejected-rows report. */
  value?: string;
  valueDropped?: boolean;
}

export function makeIssue({ field, code, severity, params = {}, value, valueDropped = false }: IssueInput): RowIssue {
  const all: IssueParams = value === undefined ? params : { value, ...params };
  const template = ISSUE_MESSAGES[code];
  const message = {
    id: fill(template.id, all, 'id') + (valueDropped ? VALUE_DROPPED.id : ''),
    en: fill(template.en, all, 'en') + (valueDropped ? VALUE_DROPPED.en : ''),
  };
  return value === undefined ? { field, code, severity, message } : { field, code, severity, message, value };
}

export function rowHasError(issues: readonly RowIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
