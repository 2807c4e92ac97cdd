import { isoDate, isRealDate, localIsoDate, resolveTwoDigitYearDate } from '../nik.ts';
import { calendarDayOf, cellText, failed, isBlank, normalizeWords, parsed } from './value-core.ts';
import type { Parsed, ValueProblem } from './value-core.ts';
import type { RawValue } from './types.ts';

export interface DateOptions {
  today: Date;
  /** Earlier years are refused as typos; birth dates start well after 1880. */
  minYear?: number;
  allowFuture?: boolean;
}

const DEFAULT_MIN_YEAR = 1880;

const MONTH_NAMES: readonly (readonly [string, number])[] = [
  ['januari', 1], ['january', 1], ['februari', 2], ['february', 2], ['pebruari', 2], ['maret', 3], ['march', 3],
  ['april', 4], ['mei', 5], ['may', 5], ['juni', 6], ['june', 6], ['juli', 7], ['july', 7], ['agustus', 8], ['august', 8],
  ['agt', 8], ['ags', 8], ['september', 9], ['oktober', 10], ['october', 10], ['november', 11], ['nopember', 11],
  ['desember', 12], ['december', 12],
];

const WEEKDAYS = new Set([
  'senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu', 'ahad',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
]);

/** A month from its Indonesian or English name or an abbreviation of three letters or more (Agu, Agt, Okt, Des, Aug). */
function monthFromName(token: string): number | null {
  if (token.length < 3) return null;
  const months = new Set(MONTH_NAMES.filter(([name]) => name.startsWith(token)).map(([, month]) => month));
  const [month] = months;
  return months.size === 1 && month !== undefined ? month : null;
}

// 1900-02-29 exists in Excel's calendar (a Lotus bug it kept), so serials before it count from one day later.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_FAKE_LEAP_DAY = 60;
const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

function fromExcelSerial(serial: number): string | null {
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_EXCEL_SERIAL || day === EXCEL_FAKE_LEAP_DAY) return null;
  const shifted = day < EXCEL_FAKE_LEAP_DAY ? day + 1 : day;
  return new Date(EXCEL_EPOCH_MS + shifted * 86_400_000).toISOString().slice(0, 10);
}

function realDate(year: number, month: number, day: number): string | null {
  return isRealDate(year, month, day) ? isoDate(year, month, day) : null;
}

/** Year, month and day with the year possibly in two digits, resolved against today like a NIK. */
function assemble(day: number, month: number, year: string, today: Date): string | null {
  if (year.length === 2) return resolveTwoDigitYearDate(day, month, Number(year), today);
  return year.length === 4 ? realDate(Number(year), month, day) : null;
}

interface Reading {
  date: string | null;
  warning?: ValueProblem;
}

/** 17081975 or 19750817 typed without separators; day first, as Indonesians write dates. */
function fromCompactDigits(digits: string, today: Date): string | null {
  return assemble(Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), digits.slice(4), today)
    ?? realDate(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6)));
}

function fromNumericParts(parts: readonly string[], today: Date): Reading {
  const [first = '', second = '', third = ''] = parts;
  if (first.length === 4) return { date: realDate(Number(first), Number(second), Number(third)) };
  if (third.length !== 2 && third.length !== 4) return { date: null };
  const dayFirst = assemble(Number(first), Number(second), third, today);
  if (dayFirst !== null || Number(second) <= 12) return { date: dayFirst };
  // 08/17/1975 cannot be day-first; read it month-first but say so, since the whole column may be American.
  const monthFirst = assemble(Number(second), Number(first), third, today);
  return monthFirst === null ? { date: null } : { date: monthFirst, warning: { code: 'date_month_first', params: { date: monthFirst } } };
}

function fromWordedDate(tokens: readonly string[], today: Date): string | null {
  let month: number | null = null;
  const numbers: string[] = [];
  for (const token of tokens) {
    const named: number | null = month === null ? monthFromName(token) : null;
    if (/^\d+$/.test(token)) numbers.push(token);
    else if (named !== null) month = named;
    else if (!WEEKDAYS.has(token)) return null;
  }
  if (month === null || numbers.length !== 2) return null;
  const [a = '', b = ''] = numbers;
  // "17 Agustus 1975" and "August 17, 1975" alike: a four-digit number is the year, otherwise the last one is.
  const [day, year] = a.length === 4 ? [b, a] : [a, b];
  return day.length <= 2 ? assemble(Number(day), month, year, today) : null;
}

function readText(text: string, today: Date): Reading {
  // A full ISO timestamp is a serialised Date: take its calendar day the same way as for Date cells.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const date = new Date(text);
    return { date: Number.isNaN(date.getTime()) ? null : calendarDayOf(date) };
  }
  const withoutTime = text.replace(/[T\s]+\d{1,2}[:.]\d{2}([:.]\d{2}(\.\d+)?)?\s*(am|pm)?$/i, '').trim();
  if (/^\d{8}$/.test(withoutTime)) return { date: fromCompactDigits(withoutTime, today) };
  // A CSV written from a date-formatted cell without its format carries the Excel serial.
  if (/^\d{5}(\.\d+)?$/.test(withoutTime)) return { date: fromExcelSerial(Number(withoutTime)) };
  const numericParts = withoutTime.split(/\s*[/.-]\s*|\s+/);
  if (numericParts.length === 3 && numericParts.every((part) => /^\d{1,4}$/.test(part))) return fromNumericParts(numericParts, today);
  const tokens = normalizeWords(withoutTime).split(' ').filter(Boolean);
  return { date: fromWordedDate(tokens, today) };
}

function readNumber(value: number, today: Date): string | null {
  // A bare year (1975) is not a date; it would otherwise read as the Excel serial of a day in 1905.
  if (Number.isInteger(value) && value >= DEFAULT_MIN_YEAR && value <= today.getFullYear()) return null;
  if (Number.isInteger(value) && String(value).length === 8) return fromCompactDigits(String(value), today);
  return fromExcelSerial(value);
}

/**
 * A date as 'YYYY-MM-DD' from a Date cell, an Excel serial number or text: 17/08/1975, 17-08-75, 1975-08-17,
 * 17 Agustus 1975, 17 Agu 1975, Aug 17, 1975. Day-first wins whenever both readings are possible.
 */
export function parseDate(raw: RawValue, options: DateOptions): Parsed<string> {
  if (isBlank(raw)) return parsed<string>(null);
  const { today, minYear = DEFAULT_MIN_YEAR, allowFuture = false } = options;
  let reading: Reading;
  if (raw instanceof Date) reading = { date: Number.isNaN(raw.getTime()) ? null : calendarDayOf(raw) };
  else if (typeof raw === 'number') reading = { date: readNumber(raw, today) };
  else if (typeof raw === 'string') reading = readText(cellText(raw), today);
  else reading = { date: null };
  const { date, warning } = reading;
  if (date === null) return failed('date_invalid');
  if (Number(date.slice(0, 4)) < minYear) return failed('date_too_old', { minYear });
  if (!allowFuture && date > localIsoDate(today)) return failed('date_in_future');
  return parsed(date, warning ? [warning] : []);
}
