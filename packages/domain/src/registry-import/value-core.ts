import type { IssueCode, IssueParams } from './issues.ts';
import type { RawValue } from './types.ts';

/** Why a cell could not be read (or, as a warning, what was odd about it); the row reader adds column and severity. */
export interface ValueProblem {
  code: IssueCode;
  params?: IssueParams;
}

/** A parsed cell: `value` null means the cell was blank. Warnings keep the value; a problem means it could not be read. */
export type Parsed<T> = { ok: true; value: T | null; warnings?: ValueProblem[] } | { ok: false; problem: ValueProblem };

export function parsed<T>(value: T | null, warnings: ValueProblem[] = []): Parsed<T> {
  return warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };
}

export function failed<T>(code: IssueCode, params?: IssueParams): Parsed<T> {
  return { ok: false, problem: params ? { code, params } : { code } };
}

// Placeholders people type or spreadsheet programs write into empty cells.
const BLANK_MARKERS = new Set(['', '-', '--', '—', 'null', '#n/a', 'n/a']);

const LONGEST_MARKER = 4;

export function isBlank(raw: RawValue): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'number') return Number.isNaN(raw);
  if (typeof raw !== 'string') return false;
  const trimmed = raw.trim();
  return trimmed.length === 0 || (trimmed.length <= LONGEST_MARKER && BLANK_MARKERS.has(trimmed.toLowerCase()));
}

const MAX_MEMO_ENTRIES = 50_000;

/**
 * Remembers a pure cell parser's answers for text, number and boolean cells: a million-row file repeats a
 * handful of spellings per column. The memory stays bounded; when full, the memory starts over.
 */
export function memoizeCells<T>(parse: (raw: RawValue) => T): (raw: RawValue) => T {
  const memo = new Map<string | number | boolean, T>();
  return (raw) => {
    if (raw === null || raw === undefined || raw instanceof Date) return parse(raw);
    const known = memo.get(raw);
    if (known !== undefined) return known;
    const result = parse(raw);
    if (memo.size >= MAX_MEMO_ENTRIES) memo.clear();
    memo.set(raw, result);
    return result;
  };
}

const DAY_MS = 86_400_000;

/**
 * The calendar day a spreadsheet Date stands for. Readers create it at midnight either in UTC or in the
 * server's zone (Indonesia is UTC+7 to +9), so the nearest UTC midnight is the intended day either way.
 */
export function calendarDayOf(date: Date): string {
  return new Date(Math.round(date.getTime() / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

const MAX_SHOWN_LENGTH = 80;

/** The cell as a person would recognise it in an issue message. */
export function displayValue(raw: RawValue): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? 'Invalid Date' : calendarDayOf(raw);
  const text = typeof raw === 'string' ? raw.trim() : String(raw);
  return text.length > MAX_SHOWN_LENGTH ? `${text.slice(0, MAX_SHOWN_LENGTH)}…` : text;
}

const wordsMemo = new Map<string, string>();

/** Lower case, no accents, punctuation as single spaces: the form labels and words are compared in. */
export function normalizeWords(text: string): string {
  const known = wordsMemo.get(text);
  if (known !== undefined) return known;
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (wordsMemo.size >= MAX_MEMO_ENTRIES) wordsMemo.clear();
  wordsMemo.set(text, words);
  return words;
}

/** The cell as text for word matching; numbers keep their plain form (8, 8.5). */
export function cellText(raw: RawValue): string {
  if (raw instanceof Date) return calendarDayOf(raw);
  return typeof raw === 'string' ? raw.trim() : String(raw);
}
