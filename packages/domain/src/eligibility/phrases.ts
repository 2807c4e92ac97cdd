import type { Language } from '../errors.ts';
import { labelOf } from '../reference/index.ts';
import type { LocalText, ReceiptPeriod, RuleScalar } from './ast.ts';
import type { FieldValue, RuleField } from './fields.ts';

/** Names the domain cannot know by itself (they live in the database); without them codes are shown. */
export interface PhraseOptions {
  regionNames?: Readonly<Record<string, string>>;
  programKindLabels?: Readonly<Record<string, LocalText>>;
  programNames?: Readonly<Record<string, string>>;
}

const LIST_SHOWN = 5;

export function both(render: (language: Language) => string): LocalText {
  return { id: render('id'), en: render('en') };
}

const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };
// Building an Intl formatter is far costlier than using one; explanations format many values.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<Language, Intl.DateTimeFormat>();

export function formatNumber(value: number, language: Language, decimals = 2): string {
  const key = `${language}:${decimals}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: decimals })));
  return format.format(value);
}

export function formatDate(date: string, language: Language): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  let format = dateFormats.get(language);
  if (!format) dateFormats.set(language, (format = new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return format.format(parsed);
}

function withUnit(field: RuleField, number: string, language: Language): string {
  if (field.type !== 'number' || !field.unit) return number;
  return field.unit.prefix ? `${field.unit[language]} ${number}` : `${number} ${field.unit[language]}`;
}

function bare(field: RuleField, value: RuleScalar, language: Language, options: PhraseOptions): string {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? formatNumber(value, language, field.decimals) : String(value);
    case 'code':
    case 'codes':
      return labelOf(field.codes, value, language) ?? String(value);
    case 'region': {
      const name = typeof value === 'string' ? options.regionNames?.[value] : undefined;
      return name ? `${name} (${value})` : String(value);
    }
    case 'date':
      return typeof value === 'string' ? formatDate(value, language) : String(value);
  }
}

/** One rule value as people read it: code labels, region names, dates in words, units. */
export function formatValue(field: RuleField, value: RuleScalar, language: Language, options: PhraseOptions): string {
  return withUnit(field, bare(field, value, language, options), language);
}

/** "18–59 tahun", "Rp 1.000.000–Rp 2.500.000". */
export function formatRange(field: RuleField, min: RuleScalar, max: RuleScalar, language: Language, options: PhraseOptions): string {
  if (field.type === 'number' && field.unit && !field.unit.prefix) {
    return withUnit(field, `${bare(field, min, language, options)}–${bare(field, max, language, options)}`, language);
  }
  return `${formatValue(field, min, language, options)}–${formatValue(field, max, language, options)}`;
}

/** A list of values; long lists show the first few and how many more. */
export function formatList(field: RuleField, values: readonly RuleScalar[], language: Language, options: PhraseOptions): string {
  const shown = values.slice(0, LIST_SHOWN).map((value) => formatValue(field, value, language, options));
  const rest = values.length - shown.length;
  if (rest > 0) shown.push(language === 'id' ? `dan ${rest} lainnya` : `and ${rest} more`);
  return shown.join(', ');
}

export function notRecorded(language: Language): string {
  return language === 'id' ? 'tidak diisi' : 'not recorded';
}

/** The value a family or member actually has. */
export function formatActual(field: RuleField, actual: FieldValue, language: Language, options: PhraseOptions): string {
  if (actual === null || actual === '') return notRecorded(language);
  if (typeof actual === 'object') {
    if (actual.length === 0) return language === 'id' ? 'tidak ada' : 'none';
    return actual.map((value) => formatValue(field, value, language, options)).join(', ');
  }
  return formatValue(field, actual, language, options);
}

export function formatPeriod(period: ReceiptPeriod, language: Language): string {
  if (period === 'ever') return language === 'id' ? 'kapan pun' : 'at any time';
  if (period === 'this_year') return language === 'id' ? 'pada tahun berjalan' : 'this year';
  if ('lastMonths' in period) return language === 'id' ? `dalam ${period.lastMonths} bulan terakhir` : `in the last ${period.lastMonths} months`;
  return language === 'id'
    ? `antara ${formatDate(period.from, language)} dan ${formatDate(period.to, language)}`
    : `between ${formatDate(period.from, language)} and ${formatDate(period.to, language)}`;
}

/** "program jenis Paket usaha atau Pelatihan", "program Bantuan X", "program apa pun". */
export function formatPrograms(kinds: readonly string[] | undefined, ids: readonly string[] | undefined, language: Language, options: PhraseOptions): string {
  const or = language === 'id' ? ' atau ' : ' or ';
  const parts: string[] = [];
  if (kinds && kinds.length > 0) {
    const names = kinds.map((kind) => options.programKindLabels?.[kind]?.[language] ?? kind).join(or);
    parts.push(language === 'id' ? `program jenis ${names}` : `a program of kind ${names}`);
  }
  if (ids && ids.length > 0) {
    const names = ids.map((id) => options.programNames?.[id] ?? id).join(or);
    parts.push(language === 'id' ? `program ${names}` : `the program ${names}`);
  }
  if (parts.length === 0) return language === 'id' ? 'program apa pun' : 'any program';
  return parts.join(or);
}

/** Lower-cases the first letter of a label used mid-sentence, but leaves acronyms (PPKS) alone. */
export function midSentence(text: string): string {
  const [first, second] = text;
  if (first === undefined || (second !== undefined && second === second.toUpperCase() && second !== second.toLowerCase())) return text;
  return first.toLowerCase() + text.slice(1);
}
