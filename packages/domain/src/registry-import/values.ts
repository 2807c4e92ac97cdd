import { cellText, failed, isBlank, memoizeCells, normalizeWords, parsed } from './value-core.ts';
import type { Parsed, ValueProblem } from './value-core.ts';
import type { RawValue } from './types.ts';

export { isBlank, displayValue, calendarDayOf } from './value-core.ts';
export type { Parsed, ValueProblem } from './value-core.ts';
export { parseDate } from './value-dates.ts';
export { parseNumber, parseDesil, readFormattedNumber } from './value-numbers.ts';
export type { NumberOptions } from './value-numbers.ts';
export type { DateOptions } from './value-dates.ts';
export { codeMatcher, parseCode, parseCodeList, splitListCell, parsePowerVa, parseDifficulty, parseBusinessStatus } from './value-codes.ts';
export type { CodeMatcher, BusinessStatusCode } from './value-codes.ts';

const ID_LENGTH = 16;

/**
 * A NIK or No KK as a 16-digit string, however the spreadsheet stored it: text with spaces or a leading
 * apostrophe, or a number. Only the shape is checked here; parseNik/parseKk check what the digits mean.
 */
export function parseIdNumber(raw: RawValue): Parsed<string> {
  if (isBlank(raw)) return parsed<string>(null);
  const warnings: ValueProblem[] = [];
  let digits: string;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < 0) return failed('id_not_digits');
    // Beyond 2^53 a double cannot hold every integer, so the last digits are already guesses.
    if (!Number.isSafeInteger(raw)) return failed('id_number_imprecise');
    digits = raw.toFixed(0);
    if (digits.length === ID_LENGTH && digits.endsWith('0')) warnings.push({ code: 'id_numeric_maybe_rounded' });
  } else {
    const text = cellText(raw).replace(/^['’`"]+|["]+$/g, '').trim();
    if (/^[+-]?\d+([.,]\d+)?\s*e\s*[+-]?\d+$/i.test(text)) return failed('id_scientific_notation');
    digits = text.replace(/[\s\u00a0-]+/g, '').replace(/\.0+$/, '');
  }
  if (!/^\d+$/.test(digits)) return failed('id_not_digits');
  if (digits.length !== ID_LENGTH) return failed('id_wrong_length', { length: digits.length });
  return parsed(digits, warnings);
}

// DTSEN codes yes/no as 1/2, other files as 1/0, Ya/Tidak or Ada/Tidak ada.
const YES_WORDS = new Set(['ya', 'y', 'iya', 'yes', 'true', 'benar', '1', 'ada', 'punya', 'memiliki', 'mempunyai']);
const NO_WORDS = new Set(['tidak', 't', 'tdk', 'no', 'n', 'false', 'salah', '0', '2', 'tidak ada', 'tdk ada', 'tidak punya', 'bukan', 'belum', 'tidak memiliki']);

export const parseYesNo = memoizeCells(function parseYesNo(raw: RawValue): Parsed<boolean> {
  if (isBlank(raw)) return parsed<boolean>(null);
  if (typeof raw === 'boolean') return parsed(raw);
  const words = normalizeWords(cellText(raw)).replace(/^(\d) 0+$/, '$1');
  if (YES_WORDS.has(words)) return parsed(true);
  if (NO_WORDS.has(words)) return parsed(false);
  return failed('yes_no_invalid');
});

const MALE_WORDS = new Set(['1', 'l', 'lk', 'laki', 'laki laki', 'lakilaki', 'lelaki', 'pria', 'm', 'male', 'man']);
const FEMALE_WORDS = new Set(['2', 'p', 'pr', 'perempuan', 'wanita', 'w', 'f', 'female', 'woman']);

/** Sex as the registry stores it: L (laki-laki) or P (perempuan). */
export const parseSex = memoizeCells(function parseSex(raw: RawValue): Parsed<'L' | 'P'> {
  if (isBlank(raw)) return parsed<'L' | 'P'>(null);
  const words = normalizeWords(cellText(raw)).replace(/^(\d) 0+$/, '$1');
  if (MALE_WORDS.has(words)) return parsed('L');
  if (FEMALE_WORDS.has(words)) return parsed('P');
  return failed('sex_invalid');
});

/** Free text with whitespace tidied; longer than `maxLength` is refused rather than cut. */
export function parseText(raw: RawValue, maxLength: number): Parsed<string> {
  if (isBlank(raw)) return parsed<string>(null);
  const text = cellText(raw).replace(/\s+/g, ' ').trim();
  if (text.length > maxLength) return failed('text_too_long', { length: text.length, max: maxLength });
  return parsed(text);
}

const RT_RW_LENGTH = 3;

/** RT/RW numbers as written on a KK ("003"); "RT 3" and 3 become "003", anything else is kept as typed. */
export function parseRtRw(raw: RawValue): Parsed<string> {
  const text = parseText(raw, 20);
  if (!text.ok || text.value === null) return text;
  const digits = text.value.replace(/^(rt|rw)\.?\s*/i, '');
  return parsed(/^\d{1,3}$/.test(digits) ? digits.padStart(RT_RW_LENGTH, '0') : text.value);
}
