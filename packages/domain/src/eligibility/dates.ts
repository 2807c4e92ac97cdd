import type { ReceiptPeriod } from './ast.ts';

// Calendar arithmetic on 'YYYY-MM-DD' strings, free of time zones, shared by evaluation and SQL compilation.

interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: string): YearMonthDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function format({ year, month, day }: YearMonthDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function partsOrThrow(date: string): YearMonthDay {
  const result = parts(date);
  if (!result) throw new RangeError(`Not a calendar date: ${date}`);
  return result;
}

export function isIsoDate(value: unknown): boolean {
  return typeof value === 'string' && parts(value) !== null;
}

/** The same day `months` months later (earlier when negative), clamped to the month's last day (31 Mar − 1 month = 28/29 Feb). */
export function shiftMonths(date: string, months: number): string {
  const { year, month, day } = partsOrThrow(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return format({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

export function shiftYears(date: string, years: number): string {
  return shiftMonths(date, years * 12);
}

/**
 * Completed years of life on `referenceDate`: one more each birthday; someone born on 29 February
 * turns a year older on 1 March in common years.
 */
export function ageAt(birthDate: string, referenceDate: string): number {
  const birth = partsOrThrow(birthDate);
  const reference = partsOrThrow(referenceDate);
  const beforeBirthday = reference.month < birth.month || (reference.month === birth.month && reference.day < birth.day);
  return reference.year - birth.year - (beforeBirthday ? 1 : 0);
}

/**
 * The latest birth date of someone at least `age` years old on `referenceDate`:
 * ageAt(b, r) >= age  ⇔  b <= ageCutoff(r, age). SQL compares birth dates with these cutoffs,
 * so the compiled query needs no age arithmetic and can use indexes.
 */
export function ageCutoff(referenceDate: string, age: number): string {
  return shiftYears(referenceDate, -age);
}

/**
 * Whole months from `from` to `to`, as PostgreSQL's age(to, from) counts them: a month is complete on the same day of
 * month (31 Jan → 28 Feb is 0 months); negative when `to` is earlier, counted from `to` forward and then negated.
 */
export function monthsBetween(from: string, to: string): number {
  if (to < from) {
    const back = monthsBetween(to, from);
    return back === 0 ? 0 : -back;
  }
  const start = partsOrThrow(from);
  const end = partsOrThrow(to);
  return (end.year - start.year) * 12 + (end.month - start.month) - (end.day < start.day ? 1 : 0);
}

export interface DateRange {
  /** Inclusive bounds; both null for 'ever'. */
  from: string | null;
  to: string | null;
}

/** Resolves a period against the reference date (the day the rule is applied). */
export function resolvePeriod(period: ReceiptPeriod, referenceDate: string): DateRange {
  if (period === 'ever') return { from: null, to: null };
  if (period === 'this_year') {
    const { year } = partsOrThrow(referenceDate);
    return { from: format({ year, month: 1, day: 1 }), to: format({ year, month: 12, day: 31 }) };
  }
  if ('lastMonths' in period) return { from: shiftMonths(referenceDate, -period.lastMonths), to: referenceDate };
  return { from: period.from, to: period.to };
}

export function isWithin(date: string | null, range: DateRange): boolean {
  if (range.from === null && range.to === null) return true;
  if (date === null) return false;
  return (range.from === null || date >= range.from) && (range.to === null || date <= range.to);
}
