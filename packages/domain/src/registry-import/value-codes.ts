import { POWER_CLASS_VA, POWER_CLASSES, matchCode } from '../reference/index.ts';
import type { CodeList } from '../reference/index.ts';
import { cellText, failed, isBlank, memoizeCells, normalizeWords, parsed } from './value-core.ts';
import type { Parsed, ValueProblem } from './value-core.ts';
import { readFormattedNumber } from './value-numbers.ts';
import type { RawValue } from './types.ts';

type Code = string | number;

/** Resolves the answers of one code list, as typed in real files, to codes; built once per list. */
export interface CodeMatcher<C extends Code> {
  list: CodeList<C>;
  /** One code, or undefined when nothing (or more than one code) fits. */
  resolve(text: string): C | undefined;
  /** Every code the text names, for cells like "Tuna rungu & wicara" that name several at once. */
  resolveAll(text: string): C[];
  /** The cell parsers of this list, remembering their answers (see parseCode, parseCodeList). */
  readonly cells: {
    one: (raw: RawValue) => Parsed<C>;
    oneOrNone: (raw: RawValue) => Parsed<C>;
    list: (raw: RawValue) => Parsed<C[]>;
    several: (raw: RawValue) => Parsed<C[]>;
  };
}

interface Alternative<C extends Code> {
  code: C;
  words: string;
}

/** "Marmer/granit" also answers to "marmer" and "granit"; "Hipertensi (darah tinggi)" to "hipertensi" and "darah tinggi". */
function alternativesOf(label: string): string[] {
  const parts = [label, label.replace(/\([^)]*\)/g, ' '), ...(label.match(/\(([^)]*)\)/g) ?? [])];
  for (const part of label.replace(/\([^)]*\)/g, ' ').split(/\/|(?<!\d),|,(?!\d)/)) parts.push(part);
  return parts.map(normalizeWords).filter((words) => words.length > 0);
}

function containsWords(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}

const MIN_PARTIAL_LENGTH = 3;
const MAX_CACHED_ANSWERS = 2_000;
// "8 - Tanah", "8. Tanah", "(8) Tanah": code and label together.
const CODE_WITH_LABEL = /^\(?(\d{1,3})\)?\s*(?:[-.):]\s*|\s+)(?=\D)(.+)$/;

export function codeMatcher<C extends Code>(list: CodeList<C>, synonyms: Partial<Record<C, string[]>> = {}): CodeMatcher<C> {
  const alternatives: Alternative<C>[] = [];
  for (const item of list) {
    const words = new Set([...alternativesOf(item.id), ...alternativesOf(item.en)]);
    // Text codes read as words ("sepeda_motor"); number codes only match whole, through matchCode.
    if (typeof item.code === 'string') words.add(normalizeWords(item.code));
    for (const synonym of synonyms[item.code] ?? []) words.add(normalizeWords(synonym));
    for (const w of words) alternatives.push({ code: item.code, words: w });
  }
  const unique = (codes: Iterable<C>): C | undefined => {
    const set = new Set(codes);
    const [only] = set;
    return set.size === 1 ? only : undefined;
  };
  const fromWords = (words: string): C | undefined => {
    const exact = unique(alternatives.filter((a) => a.words === words).map((a) => a.code));
    if (exact !== undefined || words.length < MIN_PARTIAL_LENGTH) return exact;
    return unique(alternatives.filter((a) => containsWords(a.words, words) || containsWords(words, a.words)).map((a) => a.code));
  };
  // Real files repeat a handful of spellings a million times; remember the answers.
  const cache = new Map<string, C | null>();
  const resolve = (input: string): C | undefined => {
    const text = input.trim().replace(/^(\d+),0+$/, '$1');
    const cached = cache.get(text);
    if (cached !== undefined) return cached ?? undefined;
    let code = matchCode(list, text);
    const withLabel = code === undefined ? CODE_WITH_LABEL.exec(text) : null;
    if (withLabel) code = matchCode(list, withLabel[1]) ?? fromWords(normalizeWords(withLabel[2] ?? ''));
    else if (code === undefined) code = fromWords(normalizeWords(text));
    if (cache.size < MAX_CACHED_ANSWERS) cache.set(text, code ?? null);
    return code;
  };
  const resolveAll = (text: string): C[] => {
    const one = resolve(text);
    if (one !== undefined) return [one];
    const words = normalizeWords(text);
    return [...new Set(alternatives.filter((a) => a.words.length >= MIN_PARTIAL_LENGTH && containsWords(words, a.words)).map((a) => a.code))];
  };
  const matcher: CodeMatcher<C> = {
    list,
    resolve,
    resolveAll,
    cells: {
      one: memoizeCells((raw) => readCode(matcher, raw, false)),
      oneOrNone: memoizeCells((raw) => readCode(matcher, raw, true)),
      list: memoizeCells((raw) => readCodeList(matcher, raw, false)),
      several: memoizeCells((raw) => readCodeList(matcher, raw, true)),
    },
  };
  return matcher;
}

// Words that say "none of these": an empty answer, not an unknown one.
const NONE_WORDS = new Set(['0', 'tidak', 'tidak ada', 'tdk ada', 'tidak punya', 'tidak memiliki', 'kosong', 'none', 'no']);

function readCode<C extends Code>(matcher: CodeMatcher<C>, raw: RawValue, noneMeansEmpty: boolean): Parsed<C> {
  if (isBlank(raw)) return parsed<C>(null);
  const text = cellText(raw);
  if (noneMeansEmpty && NONE_WORDS.has(normalizeWords(text))) return parsed<C>(null);
  const code = matcher.resolve(text);
  return code === undefined ? failed('code_unknown') : parsed(code);
}

/** One coded answer; with `noneMeansEmpty` (chronic illness) "Tidak ada" leaves the field empty instead of failing. */
export function parseCode<C extends Code>(matcher: CodeMatcher<C>, raw: RawValue, options: { noneMeansEmpty?: boolean } = {}): Parsed<C> {
  return options.noneMeansEmpty ? matcher.cells.oneOrNone(raw) : matcher.cells.one(raw);
}

/** A cell holding several answers separated by , ; | or line breaks ("5,5 kg" keeps its decimal comma). */
export function splitListCell(text: string): string[] {
  return text.split(/[;|\n]|(?<!\d),|,(?!\d)/).map((item) => item.trim()).filter((item) => !isBlank(item));
}

function readCodeList<C extends Code>(matcher: CodeMatcher<C>, raw: RawValue, several: boolean): Parsed<C[]> {
  if (isBlank(raw)) return parsed<C[]>(null);
  const codes = new Set<C>();
  const warnings: ValueProblem[] = [];
  for (const item of splitListCell(cellText(raw))) {
    if (NONE_WORDS.has(normalizeWords(item))) continue;
    const found = several ? matcher.resolveAll(item) : [matcher.resolve(item)].filter((c): c is C => c !== undefined);
    if (found.length === 0) warnings.push({ code: 'list_item_unknown', params: { value: item } });
    for (const code of found) codes.add(code);
  }
  return parsed([...codes], warnings);
}

/** Unknown items are dropped with a warning each; the known ones are kept in their first-seen order. */
export function parseCodeList<C extends Code>(matcher: CodeMatcher<C>, raw: RawValue, options: { several?: boolean } = {}): Parsed<C[]> {
  const result = options.several ? matcher.cells.several(raw) : matcher.cells.list(raw);
  // Remembered answers are shared, so every record gets its own array.
  return result.ok && result.value ? { ...result, value: [...result.value] } : result;
}

const POWER_CLASS_MATCHER = codeMatcher(POWER_CLASSES);
const MAX_HOUSEHOLD_VA = 200_000;
const NO_POWER_WORDS = new Set(['0', 'tidak ada', 'tanpa meteran', 'tidak punya', 'bukan listrik', 'tidak ada listrik']);

/**
 * Installed power in volt-amperes, stored as VA: "900", "900 VA", "1.300", a DTSEN class code 1–5,
 * or "lebih dari 2.200 VA" (stored as the class's VA). "Tidak ada" means no connection and is left empty.
 */
export const parsePowerVa = memoizeCells(function parsePowerVa(raw: RawValue): Parsed<number> {
  if (isBlank(raw)) return parsed<number>(null);
  const text = cellText(raw);
  const words = normalizeWords(text);
  if (NO_POWER_WORDS.has(words)) return parsed<number>(null);
  if (/^(>|lebih dari|di ?atas|more than|above)/.test(text.trim().toLowerCase())) {
    const above = readFormattedNumber(text.replace(/^\D+/, ''));
    if (above === 2200) return parsed(POWER_CLASS_VA[5] ?? null);
  }
  const number = typeof raw === 'number' ? raw : readFormattedNumber(text);
  if (number !== null && Number.isInteger(number)) {
    const classVa = POWER_CLASS_VA[number];
    if (classVa !== undefined) return parsed(classVa);
    if (number >= 100 && number <= MAX_HOUSEHOLD_VA) return parsed(number);
  }
  const powerClass = POWER_CLASS_MATCHER.resolve(text);
  const va = powerClass === undefined ? undefined : POWER_CLASS_VA[powerClass];
  return va === undefined ? failed('code_unknown') : parsed(va);
});

/**
 * A DTSEN functional-difficulty answer as a level on the Washington Group scale BPS uses:
 * 1 no difficulty, 2 some, 3 a lot, 4 cannot do at all. "Ya" counts as 3, "Tidak" as 1.
 */
export const parseDifficulty = memoizeCells(function parseDifficulty(raw: RawValue): Parsed<number> {
  if (isBlank(raw)) return parsed<number>(null);
  if (typeof raw === 'boolean') return parsed(raw ? 3 : 1);
  const words = normalizeWords(cellText(raw)).replace(/^(\d) 0+$/, '$1');
  if (/^[1-4]$/.test(words)) return parsed(Number(words));
  if (words === '0') return parsed(1);
  if (/sama sekali|tidak (bisa|dapat|mampu)|cannot/.test(words)) return parsed(4);
  if (/banyak|berat|parah|a lot/.test(words)) return parsed(3);
  if (/sedikit|ringan|sedang|some/.test(words)) return parsed(2);
  if (/^(tidak|tdk|no|none|normal)\b/.test(words)) return parsed(1);
  if (/^(ya|iya|ada|yes)$/.test(words)) return parsed(3);
  return failed('code_unknown');
});

export type BusinessStatusCode = 'none' | 'active' | 'stalled';

/** Family business status: none, active (berjalan) or stalled (macet), from codes, labels or common words. */
export const parseBusinessStatus = memoizeCells(function parseBusinessStatus(raw: RawValue): Parsed<BusinessStatusCode> {
  if (isBlank(raw)) return parsed<BusinessStatusCode>(null);
  const words = normalizeWords(cellText(raw));
  // "tidak aktif" holds "aktif", so the stalled words are tried first.
  if (/macet|berhenti|tidak (aktif|berjalan|jalan)|mati|vakum|mangkrak|stalled|bangkrut/.test(words)) return parsed('stalled');
  if (/^(tidak|tdk|belum|none|no)\b|^0$/.test(words)) return parsed('none');
  if (/aktif|berjalan|jalan|lancar|active|running|^ya$|^ada$|^1$/.test(words)) return parsed('active');
  return failed('business_status_invalid');
});
