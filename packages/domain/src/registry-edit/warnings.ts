import { nikMismatches, parseNik, type Sex } from '../nik.ts';
import { labelOf } from '../reference/code-list.ts';
import { SEXES } from '../reference/people.ts';

/** Saved, but worth a second look; clients may rely on the code, never on the text. */
export const EDIT_WARNING_MESSAGES = {
  nik_birth_date_mismatch: {
    id: 'Tanggal lahir {recorded} berbeda dengan tanggal lahir dalam NIK ({fromNik}).',
    en: 'The birth date {recorded} differs from the birth date in the NIK ({fromNik}).',
  },
  nik_sex_mismatch: {
    id: 'Jenis kelamin "{recorded}" berbeda dengan jenis kelamin dalam NIK ({fromNik}).',
    en: 'The sex "{recorded}" differs from the sex in the NIK ({fromNik}).',
  },
  nik_region_unknown: {
    id: 'Enam digit pertama NIK ({code}) bukan kode kecamatan yang berlaku sekarang (mungkin wilayahnya sudah dimekarkan). Periksa NIK ini.',
    en: 'The first six digits of the NIK ({code}) are not a current kecamatan code (the region may have been split). Check this NIK.',
  },
  several_heads: {
    id: 'Keluarga ini sekarang memiliki {count} kepala keluarga; perbaiki hubungan dengan kepala keluarga.',
    en: 'This family now has {count} heads; correct the relations to the head.',
  },
  no_head: {
    id: 'Keluarga ini tidak lagi memiliki kepala keluarga aktif; tetapkan kepala keluarga yang baru.',
    en: 'This family no longer has a current head; set the new head of the family.',
  },
} as const satisfies Record<string, { id: string; en: string }>;

export type EditWarningCode = keyof typeof EDIT_WARNING_MESSAGES;

export interface EditWarningItem {
  field: string;
  code: EditWarningCode;
  message: { id: string; en: string };
}

type Param = string | number | { id: string; en: string };

export function editWarning(field: string, code: EditWarningCode, params: Record<string, Param> = {}): EditWarningItem {
  const fill = (template: string, language: 'id' | 'en') =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => {
      const value = params[key];
      if (value === undefined) return whole;
      return typeof value === 'object' ? value[language] : String(value);
    });
  const template = EDIT_WARNING_MESSAGES[code];
  return { field, code, message: { id: fill(template.id, 'id'), en: fill(template.en, 'en') } };
}

const sexLabel = (sex: Sex) => ({ id: labelOf(SEXES, sex, 'id') ?? sex, en: labelOf(SEXES, sex, 'en') ?? sex });

/** Where a member's recorded birth date or sex disagrees with their NIK (the record is kept as entered). */
export function nikWarnings(member: { nik: string; birthDate: string | null; sex: Sex | null }): EditWarningItem[] {
  const parsed = parseNik(member.nik);
  if (!parsed.ok) return [];
  return nikMismatches(parsed, member).map((mismatch) =>
    mismatch.field === 'birthDate'
      ? editWarning('birthDate', 'nik_birth_date_mismatch', { recorded: mismatch.recorded, fromNik: mismatch.fromNik })
      : editWarning('sex', 'nik_sex_mismatch', { recorded: sexLabel(mismatch.recorded as Sex), fromNik: sexLabel(mismatch.fromNik as Sex) }),
  );
}
