/**
 * NIK (Nomor Induk Kependudukan): 16 digits = kecamatan code of first issue (6) + birth date DDMMYY
 * with 40 added to the day for women (6) + serial from 0001 (4). Rules: ../../../../shared/docs/DOMAIN.md.
 */
export const NIK_LENGTH = 16;

export type Sex = 'L' | 'P';
export type NikError = 'nik_digits' | 'nik_length' | 'nik_region' | 'nik_month' | 'nik_date' | 'nik_serial';

export interface ParsedNik {
  ok: true;
  nik: string;
  /** Dotted kecamatan code of first issue, e.g. '35.07.13'; it may no longer exist (regions split), which is not an error. */
  regionCode: string;
  birthDate: string;
  sex: Sex;
  serial: number;
}
export type NikResult = ParsedNik | { ok: false; error: NikError };

const WOMAN_DAY_OFFSET = 40;

/** '350713' → '35.07.13' when the three parts look like Kemendagri codes (province 11+, regency and kecamatan 01+), else null. */
export function dottedKecamatanCode(sixDigits: string): string | null {
  if (!/^\d{6}$/.test(sixDigits)) return null;
  const province = sixDigits.slice(0, 2);
  const regency = sixDigits.slice(2, 4);
  const kecamatan = sixDigits.slice(4, 6);
  if (Number(province) < 11 || regency === '00' || kecamatan === '00') return null;
  return `${province}.${regency}.${kecamatan}`;
}

/** '35.07.13' or '350713' → '350713'; throws on anything else (a programming error, not user input). */
export function kecamatanDigits(code: string): string {
  const digits = code.replace(/\./g, '');
  if (dottedKecamatanCode(digits) === null) throw new RangeError(`not a kecamatan code: ${code}`);
  return digits;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Today's date as 'YYYY-MM-DD' in the server's local time zone. */
export function localIsoDate(today: Date): string {
  return isoDate(today.getFullYear(), today.getMonth() + 1, today.getDate());
}

/**
 * Resolves a two-digit year: the 2000s unless that date would lie after today, then the 1900s.
 * Returns null when the day/month is not a real date in the chosen century (29 February outside leap years).
 */
export function resolveTwoDigitYearDate(day: number, month: number, yy: number, today: Date): string | null {
  const recent = 2000 + yy;
  if (isRealDate(recent, month, day) && isoDate(recent, month, day) <= localIsoDate(today)) return isoDate(recent, month, day);
  const older = 1900 + yy;
  return isRealDate(older, month, day) ? isoDate(older, month, day) : null;
}

/** Parses and validates a NIK; the century of the birth year is resolved against `today`. */
export function parseNik(nik: string, today: Date = new Date()): NikResult {
  if (!/^\d*$/.test(nik)) return { ok: false, error: 'nik_digits' };
  if (nik.length !== NIK_LENGTH) return { ok: false, error: 'nik_length' };
  const regionCode = dottedKecamatanCode(nik.slice(0, 6));
  if (regionCode === null) return { ok: false, error: 'nik_region' };
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const serial = Number(nik.slice(12, 16));
  if (month < 1 || month > 12) return { ok: false, error: 'nik_month' };
  const sex: Sex = rawDay > WOMAN_DAY_OFFSET ? 'P' : 'L';
  const day = sex === 'P' ? rawDay - WOMAN_DAY_OFFSET : rawDay;
  if (day < 1 || day > 31) return { ok: false, error: 'nik_date' };
  const birthDate = resolveTwoDigitYearDate(day, month, yy, today);
  if (birthDate === null) return { ok: false, error: 'nik_date' };
  if (serial === 0) return { ok: false, error: 'nik_serial' };
  return { ok: true, nik, regionCode, birthDate, sex, serial };
}

/** Composes a NIK (used by the demo generator); throws RangeError on inputs no real NIK could carry. */
export function buildNik(kecamatanCode: string, birthDate: string, sex: Sex, serial: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) throw new RangeError(`birth date must be YYYY-MM-DD: ${birthDate}`);
  const [, year = '', month = '', day = ''] = match;
  if (!isRealDate(Number(year), Number(month), Number(day))) throw new RangeError(`not a real date: ${birthDate}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > 9999) throw new RangeError(`serial must be 1–9999: ${serial}`);
  const nikDay = Number(day) + (sex === 'P' ? WOMAN_DAY_OFFSET : 0);
  return `${kecamatanDigits(kecamatanCode)}${pad2(nikDay)}${month}${year.slice(2)}${String(serial).padStart(4, '0')}`;
}

export interface NikMismatch {
  field: 'birthDate' | 'sex';
  fromNik: string;
  recorded: string;
}

/**
 * Where a member record disagrees with its NIK. Birth dates are compared on day, month and two-digit year only,
 * because the NIK cannot tell a person born in 1921 from one born in 2021. Missing recorded values are not mismatches.
 */
export function nikMismatches(parsed: ParsedNik, recorded: { birthDate?: string | null; sex?: Sex | null }): NikMismatch[] {
  const mismatches: NikMismatch[] = [];
  if (recorded.birthDate && recorded.birthDate.slice(2) !== parsed.birthDate.slice(2)) {
    mismatches.push({ field: 'birthDate', fromNik: parsed.birthDate, recorded: recorded.birthDate });
  }
  if (recorded.sex && recorded.sex !== parsed.sex) mismatches.push({ field: 'sex', fromNik: parsed.sex, recorded: recorded.sex });
  return mismatches;
}
