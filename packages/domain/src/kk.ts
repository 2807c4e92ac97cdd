import { dottedKecamatanCode, isRealDate, kecamatanDigits, resolveTwoDigitYearDate } from './nik.ts';

/**
 * No KK (Nomor Kartu Keluarga): 16 digits = issuing kecamatan code (6) + issue date DDMMYY (6) + serial (4).
 * A No KK changes when a family splits, moves or loses its head, so it is never a permanent key.
 */
export const KK_LENGTH = 16;

export type KkError = 'kk_digits' | 'kk_length' | 'kk_region' | 'kk_serial';

export interface ParsedKk {
  ok: true;
  noKk: string;
  /** Dotted kecamatan code of the issuing office, e.g. '35.07.13'. */
  regionCode: string;
  /** Issue date when digits 7–12 read as one; older cards do not always follow the pattern, so null is not an error. */
  issuedOn: string | null;
  serial: number;
}
export type KkResult = ParsedKk | { ok: false; error: KkError };

export function parseKk(noKk: string, today: Date = new Date()): KkResult {
  if (!/^\d*$/.test(noKk)) return { ok: false, error: 'kk_digits' };
  if (noKk.length !== KK_LENGTH) return { ok: false, error: 'kk_length' };
  const regionCode = dottedKecamatanCode(noKk.slice(0, 6));
  if (regionCode === null) return { ok: false, error: 'kk_region' };
  const serial = Number(noKk.slice(12, 16));
  if (serial === 0) return { ok: false, error: 'kk_serial' };
  const issuedOn = resolveTwoDigitYearDate(Number(noKk.slice(6, 8)), Number(noKk.slice(8, 10)), Number(noKk.slice(10, 12)), today);
  return { ok: true, noKk, regionCode, issuedOn, serial };
}

/** Composes a No KK (used by the demo generator); throws RangeError on impossible inputs. */
export function buildKk(kecamatanCode: string, issuedOn: string, serial: number): string {
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(issuedOn);
  if (!match || !isRealDate(Number(issuedOn.slice(0, 4)), Number(match[2]), Number(match[3]))) {
    throw new RangeError(`not a real date: ${issuedOn}`);
  }
  if (!Number.isInteger(serial) || serial < 1 || serial > 9999) throw new RangeError(`serial must be 1–9999: ${serial}`);
  const [, yy = '', mm = '', dd = ''] = match;
  return `${kecamatanDigits(kecamatanCode)}${dd}${mm}${yy}${String(serial).padStart(4, '0')}`;
}
