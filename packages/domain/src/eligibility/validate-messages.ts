import type { Language } from '../errors.ts';
import type { LocalText, NodePath } from './ast.ts';

/** Problems a rule can have when it is saved, with their messages; clients may rely on the code. */
export const RULE_ISSUE_MESSAGES = {
  invalid_shape: { id: 'Bentuk aturan tidak sesuai: {detail}', en: 'The rule is not well formed: {detail}' },
  unknown_field: { id: 'Data "{field}" tidak dikenal.', en: 'Unknown field "{field}".' },
  member_field_outside_member: {
    id: '{label} adalah data anggota keluarga; letakkan di dalam syarat anggota (ada anggota, semua anggota, kepala keluarga atau jumlah anggota).',
    en: '{label} is a family member’s field; put it inside a member condition (any member, all members, head of family or member count).',
  },
  family_field_inside_member: {
    id: '{label} adalah data keluarga, bukan data anggota; letakkan di luar syarat anggota.',
    en: '{label} is a family field, not a member field; put it outside the member condition.',
  },
  nested_member_condition: {
    id: 'Syarat anggota tidak dapat ditempatkan di dalam syarat anggota lain.',
    en: 'A member condition cannot be placed inside another member condition.',
  },
  program_inside_member: {
    id: 'Syarat penerimaan program berlaku untuk keluarga; letakkan di luar syarat anggota.',
    en: 'A program receipt condition applies to the family; put it outside the member condition.',
  },
  operator_not_allowed: {
    id: 'Operator "{op}" tidak dapat dipakai untuk {label}. Pilihan: {allowed}.',
    en: 'Operator "{op}" cannot be used with {label}. Choose from: {allowed}.',
  },
  value_missing: { id: 'Isi nilai untuk {label}.', en: 'Enter a value for {label}.' },
  value_not_expected: { id: 'Operator "{op}" tidak memerlukan nilai; hapus nilainya.', en: 'Operator "{op}" takes no value; remove it.' },
  value_not_single: { id: 'Isi satu nilai saja untuk {label}.', en: 'Enter a single value for {label}.' },
  value_not_pair: { id: '"Antara" memerlukan dua nilai: terendah dan tertinggi.', en: '"Between" needs two values: the lowest and the highest.' },
  value_not_list: { id: 'Pilih paling sedikit satu nilai untuk {label}.', en: 'Choose at least one value for {label}.' },
  value_wrong_type: { id: 'Nilai "{value}" untuk {label} harus berupa {expected}.', en: 'The value "{value}" for {label} must be {expected}.' },
  between_reversed: {
    id: 'Nilai terendah ({min}) lebih besar daripada nilai tertinggi ({max}).',
    en: 'The lowest value ({min}) is greater than the highest value ({max}).',
  },
  out_of_range: { id: 'Nilai {value} untuk {label} di luar batas {min}–{max}.', en: 'The value {value} for {label} is outside {min}–{max}.' },
  too_many_decimals: {
    id: 'Nilai {value} untuk {label} paling banyak {decimals} angka di belakang koma.',
    en: 'The value {value} for {label} has more than {decimals} decimal places.',
  },
  unknown_code: { id: 'Kode "{value}" tidak dikenal untuk {label}.', en: 'Unknown code "{value}" for {label}.' },
  invalid_region: {
    id: 'Kode wilayah "{value}" tidak valid untuk {label} (contoh: {example}).',
    en: 'The region code "{value}" is not valid for {label} (example: {example}).',
  },
  unknown_region: { id: 'Kode wilayah "{value}" tidak dikenal.', en: 'Unknown region code "{value}".' },
  invalid_date: { id: 'Tanggal "{value}" tidak valid (format TTTT-BB-HH).', en: 'The date "{value}" is not valid (format YYYY-MM-DD).' },
  empty_group: {
    id: 'Kelompok syarat ini kosong; tambahkan paling sedikit satu syarat.',
    en: 'This group of conditions is empty; add at least one condition.',
  },
  too_deep: { id: 'Aturan bersarang terlalu dalam (lebih dari {max} tingkat).', en: 'The rule is nested too deeply (more than {max} levels).' },
  empty_program_list: {
    id: 'Daftar program kosong; hapus daftar itu bila yang dimaksud adalah program apa pun.',
    en: 'The program list is empty; remove it to mean any program.',
  },
  unknown_program_kind: { id: 'Jenis program "{value}" tidak dikenal.', en: 'Unknown program kind "{value}".' },
  unknown_program: { id: 'Program "{value}" tidak dikenal.', en: 'Unknown program "{value}".' },
  period_reversed: { id: 'Periode: tanggal mulai ({from}) sesudah tanggal akhir ({to}).', en: 'Period: the start ({from}) is after the end ({to}).' },
  not_a_priority_field: {
    id: '{label} tidak dapat dipakai sebagai urutan prioritas. Pilihan: {allowed}.',
    en: '{label} cannot be used to order by priority. Choose from: {allowed}.',
  },
} as const satisfies Record<string, LocalText>;

export type RuleIssueCode = keyof typeof RULE_ISSUE_MESSAGES;

/** One problem found when a rule is saved: where it is (path for the editor, location for people) and what is wrong. */
export interface RuleIssue {
  code: RuleIssueCode;
  path: NodePath;
  location: LocalText;
  message: LocalText;
}

export type IssueParams = Record<string, string | number | LocalText>;

function fill(template: string, params: IssueParams, language: Language): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[language] : String(value);
  });
}

export function issueMessage(code: RuleIssueCode, params: IssueParams): LocalText {
  const template = RULE_ISSUE_MESSAGES[code];
  return { id: fill(template.id, params, 'id'), en: fill(template.en, params, 'en') };
}
