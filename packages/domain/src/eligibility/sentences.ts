import type { Language } from '../errors.ts';
import type { RuleValue, RuleOperator, RuleScalar } from './ast.ts';
import type { FieldValue, RuleField } from './fields.ts';
import { RULE_OPERATOR_SYMBOLS } from './operators.ts';
import { formatActual, formatList, formatRange, formatValue, notRecorded, type PhraseOptions } from './phrases.ts';

// One-line sentences about a single comparison: as a requirement (describe) and as a verdict on real values (explain).

interface Parts {
  label: string;
  countable: boolean;
  one: string;
  list: string;
  range: string;
}

function parts(field: RuleField, value: RuleValue | undefined, language: Language, options: PhraseOptions): Parts {
  const values: RuleScalar[] = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const [first, second] = values;
  return {
    label: field.label[language],
    countable: field.type === 'number' && field.countable === true,
    one: first === undefined ? '' : formatValue(field, first, language, options),
    list: formatList(field, values, language, options),
    range: first !== undefined && second !== undefined ? formatRange(field, first, second, language, options) : '',
  };
}

// A list is "empty" when it holds nothing: no disability, no asset; "not recorded" would misread it.
const LIST_EMPTINESS = {
  'is empty': { id: 'tidak memuat apa pun', en: 'include nothing' },
  'is not empty': { id: 'memuat paling sedikit satu', en: 'include at least one' },
} as const;

const REQUIREMENT: Record<RuleOperator, Record<Language, (p: Parts) => string>> = {
  '=': { id: (p) => `adalah ${p.one}`, en: (p) => `is ${p.one}` },
  '!=': { id: (p) => `bukan ${p.one}`, en: (p) => `is not ${p.one}` },
  '<': { id: (p) => `kurang dari ${p.one}`, en: (p) => `is less than ${p.one}` },
  '<=': { id: (p) => `${p.countable ? 'paling banyak' : 'paling tinggi'} ${p.one}`, en: (p) => `is at most ${p.one}` },
  '>': { id: (p) => `lebih dari ${p.one}`, en: (p) => `is more than ${p.one}` },
  '>=': { id: (p) => `${p.countable ? 'paling sedikit' : 'paling rendah'} ${p.one}`, en: (p) => `is at least ${p.one}` },
  between: { id: (p) => `antara ${p.range.replace('–', ' dan ')}`, en: (p) => `is between ${p.range.replace('–', ' and ')}` },
  in: { id: (p) => `salah satu dari: ${p.list}`, en: (p) => `is one of: ${p.list}` },
  'not in': { id: (p) => `bukan salah satu dari: ${p.list}`, en: (p) => `is none of: ${p.list}` },
  'is empty': { id: () => 'tidak diisi', en: () => 'is not recorded' },
  'is not empty': { id: () => 'terisi', en: () => 'is recorded' },
  contains: { id: (p) => `memuat ${p.one}`, en: (p) => `include ${p.one}` },
  'not contains': { id: (p) => `tidak memuat ${p.one}`, en: (p) => `do not include ${p.one}` },
  'contains any': { id: (p) => `memuat salah satu dari: ${p.list}`, en: (p) => `include any of: ${p.list}` },
};

/** What a value must be, without the field's name: "paling tinggi 5", "antara 18 dan 59 tahun". */
export function requirementPredicate(field: RuleField, op: RuleOperator, value: RuleValue | undefined, language: Language, options: PhraseOptions): string {
  if (field.type === 'codes' && (op === 'is empty' || op === 'is not empty')) return LIST_EMPTINESS[op][language];
  return REQUIREMENT[op][language](parts(field, value, language, options));
}

/** "Desil nasional paling tinggi 5", "Umur antara 18 dan 59 tahun". */
export function requirementSentence(field: RuleField, op: RuleOperator, value: RuleValue | undefined, language: Language, options: PhraseOptions): string {
  return `${field.label[language]} ${requirementPredicate(field, op, value, language, options)}`;
}

type VerdictParts = Parts & { actual: string; symbol: string };
type Verdict = Record<Language, (p: VerdictParts) => string>;

const notOrdered: Verdict = {
  id: (p) => `${p.label} ${p.actual}, tidak ${p.symbol} ${p.one}`,
  en: (p) => `${p.label} ${p.actual}, not ${p.symbol} ${p.one}`,
};

const PASSED: Record<RuleOperator, Verdict> = {
  '=': { id: (p) => `${p.label}: ${p.actual}`, en: (p) => `${p.label}: ${p.actual}` },
  '!=': { id: (p) => `${p.label}: ${p.actual}, bukan ${p.one}`, en: (p) => `${p.label}: ${p.actual}, not ${p.one}` },
  '<': { id: ordered, en: ordered },
  '<=': { id: ordered, en: ordered },
  '>': { id: ordered, en: ordered },
  '>=': { id: ordered, en: ordered },
  between: { id: (p) => `${p.label} ${p.actual}, dalam ${p.range}`, en: (p) => `${p.label} ${p.actual}, within ${p.range}` },
  in: { id: (p) => `${p.label}: ${p.actual}, termasuk ${p.list}`, en: (p) => `${p.label}: ${p.actual}, one of ${p.list}` },
  'not in': { id: (p) => `${p.label}: ${p.actual}, bukan salah satu dari ${p.list}`, en: (p) => `${p.label}: ${p.actual}, none of ${p.list}` },
  'is empty': { id: (p) => `${p.label} tidak diisi`, en: (p) => `${p.label} is not recorded` },
  'is not empty': { id: (p) => `${p.label}: ${p.actual}`, en: (p) => `${p.label}: ${p.actual}` },
  contains: { id: (p) => `${p.label}: ${p.actual}, memuat ${p.one}`, en: (p) => `${p.label}: ${p.actual}, including ${p.one}` },
  'not contains': { id: (p) => `${p.label}: ${p.actual}, tidak memuat ${p.one}`, en: (p) => `${p.label}: ${p.actual}, not including ${p.one}` },
  'contains any': {
    id: (p) => `${p.label}: ${p.actual}, memuat salah satu dari ${p.list}`,
    en: (p) => `${p.label}: ${p.actual}, including one of ${p.list}`,
  },
};

const FAILED: Record<RuleOperator, Verdict> = {
  '=': { id: (p) => `${p.label}: ${p.actual}, bukan ${p.one}`, en: (p) => `${p.label}: ${p.actual}, not ${p.one}` },
  '!=': { id: (p) => `${p.label}: ${p.actual}, yang dikecualikan`, en: (p) => `${p.label}: ${p.actual}, which is excluded` },
  '<': notOrdered,
  '<=': notOrdered,
  '>': notOrdered,
  '>=': notOrdered,
  between: { id: (p) => `${p.label} ${p.actual}, di luar ${p.range}`, en: (p) => `${p.label} ${p.actual}, outside ${p.range}` },
  in: { id: (p) => `${p.label}: ${p.actual}, bukan salah satu dari ${p.list}`, en: (p) => `${p.label}: ${p.actual}, not one of ${p.list}` },
  'not in': { id: (p) => `${p.label}: ${p.actual}, yang dikecualikan`, en: (p) => `${p.label}: ${p.actual}, which is excluded` },
  'is empty': { id: (p) => `${p.label}: ${p.actual}, tidak kosong`, en: (p) => `${p.label}: ${p.actual}, not empty` },
  'is not empty': { id: (p) => `${p.label} tidak diisi`, en: (p) => `${p.label} is not recorded` },
  contains: { id: (p) => `${p.label}: ${p.actual}, tidak memuat ${p.one}`, en: (p) => `${p.label}: ${p.actual}, not including ${p.one}` },
  'not contains': { id: (p) => `${p.label}: ${p.actual}, memuat ${p.one}`, en: (p) => `${p.label}: ${p.actual}, including ${p.one}` },
  'contains any': {
    id: (p) => `${p.label}: ${p.actual}, tidak memuat satu pun dari ${p.list}`,
    en: (p) => `${p.label}: ${p.actual}, including none of ${p.list}`,
  },
};

function ordered(p: VerdictParts): string {
  return `${p.label} ${p.actual} ${p.symbol} ${p.one}`;
}

export function mark(passed: boolean): string {
  return passed ? '✓' : '✗';
}

/** "Desil nasional 3 ≤ 5 ✓", "Umur 63 tahun, di luar 18–59 tahun ✗", "Desil nasional tidak diisi ✗". */
export function verdictSentence(
  field: RuleField, op: RuleOperator, value: RuleValue | undefined, actual: FieldValue, passed: boolean, language: Language, options: PhraseOptions,
): string {
  const base = parts(field, value, language, options);
  const missing = actual === null || actual === '';
  if (missing && op !== 'is empty' && op !== 'is not empty') return `${base.label} ${notRecorded(language)} ${mark(passed)}`;
  const none = language === 'id' ? 'tidak ada' : 'none';
  if (field.type === 'codes' && ((op === 'is empty' && passed) || (op === 'is not empty' && !passed))) return `${base.label}: ${none} ${mark(passed)}`;
  const symbol = op in RULE_OPERATOR_SYMBOLS ? RULE_OPERATOR_SYMBOLS[op as keyof typeof RULE_OPERATOR_SYMBOLS] : '';
  const sentence = (passed ? PASSED : FAILED)[op][language]({ ...base, actual: formatActual(field, actual, language, options), symbol });
  return `${sentence} ${mark(passed)}`;
}
