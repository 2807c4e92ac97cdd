/**
 * Specific personal data (data pribadi yang bersifat spesifik, UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 4
 * ayat (2): health data, criminal records, children's data, personal finance, …) held on a registry member. A masked
 * view shows none of it; only the deliberate, audited unmask reveals it, like full NIK and birth dates.
 */

/** Member fields that are specific personal data as a whole: functional difficulties, illness, inmate/pregnancy status. */
export const SPECIFIC_MEMBER_FIELDS = ['disabilities', 'chronicIllness', 'specialStatus'] as const;
export type SpecificMemberField = (typeof SPECIFIC_MEMBER_FIELDS)[number];

/** PPKS codes whose mere presence tells a person's health (disability, HIV, drug use) or criminal record. */
export const SPECIFIC_PPKS_CODES = [
  'anak_berhadapan_dengan_hukum',
  'anak_dengan_kedisabilitasan',
  'penyandang_disabilitas',
  'bekas_warga_binaan_lapas',
  'odha',
  'korban_penyalahgunaan_napza',
] as const;

/** Member fields a masked view may neither show in full nor change: the specific ones, and PPKS (it may hold specific codes). */
export const SPECIFIC_EDIT_FIELDS = [...SPECIFIC_MEMBER_FIELDS, 'ppks'] as const;

const specificPpks: ReadonlySet<string> = new Set(SPECIFIC_PPKS_CODES);

export function isSpecificPpksCode(code: string): boolean {
  return specificPpks.has(code);
}

/** The PPKS categories a masked view may show: those that reveal neither health nor a criminal record. */
export function visiblePpksCodes(codes: readonly string[]): string[] {
  return codes.filter((code) => !specificPpks.has(code));
}

/** What a masked change history shows for each old and new value of a specific field (a change happened, not what). */
export const SPECIFIC_DATA_HIDDEN_VALUE = '***';
