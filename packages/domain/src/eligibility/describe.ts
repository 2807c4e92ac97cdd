import type { Language } from '../errors.ts';
import type { Condition, EligibilityRule, LocalText } from './ast.ts';
import { familyRuleField, MEMBER_COUNT_FIELD, memberRuleField, type FieldScope } from './fields.ts';
import { both, formatPeriod, formatPrograms, midSentence, type PhraseOptions } from './phrases.ts';
import { requirementPredicate, requirementSentence } from './sentences.ts';

/** One line of a rule in words; `depth` 0 is the rule itself, deeper lines belong to the line above them. */
export interface DescribedLine {
  depth: number;
  text: LocalText;
}

/** A rule as lines of plain Indonesian and English, for the program page, the editor preview and the decree. */
export function describeConditionLines(condition: Condition, options: PhraseOptions = {}): DescribedLine[] {
  const lines: DescribedLine[] = [];
  describeInto(condition, 'family', 0, lines, options);
  return lines;
}

/** The whole rule as numbered text in one language ("1.", "a.", "i." by depth). */
export function describeRule(rule: EligibilityRule, language: Language, options: PhraseOptions = {}): string {
  const lines = describeConditionLines(rule.condition, options);
  const counters: number[] = [];
  return lines
    .map((line) => {
      counters.length = line.depth + 1;
      counters[line.depth] = (counters[line.depth] ?? 0) + 1;
      if (line.depth === 0) return line.text[language];
      return `${'   '.repeat(line.depth - 1)}${ordinal(line.depth, counters[line.depth] ?? 1)} ${line.text[language]}`;
    })
    .join('\n');
}

/** A condition in one line when it is a single comparison or program condition; groups are summarised. */
export function describeConditionInline(condition: Condition, options: PhraseOptions = {}): LocalText {
  const lines = describeConditionLines(condition, options);
  if (lines.length === 1 && lines[0]) return lines[0].text;
  return both((language) => lines.map((line) => line.text[language].replace(/:$/, '')).join('; '));
}

function ordinal(depth: number, n: number): string {
  if (depth === 1) return `${n}.`;
  if (depth === 2) return `${String.fromCharCode(96 + ((n - 1) % 26) + 1)}.`;
  if (depth === 3) return `${roman(n)}.`;
  return '-';
}

function roman(n: number): string {
  const numerals: [number, string][] = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let rest = n;
  let result = '';
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      result += numeral;
      rest -= value;
    }
  }
  return result;
}

/** The sentence of a condition that fits on one line, or undefined when it needs nested lines. */
function single(node: Condition, scope: FieldScope, options: PhraseOptions): LocalText | undefined {
  if (node.kind === 'compare') {
    const field = scope === 'family' ? familyRuleField(node.field) : memberRuleField(node.field);
    if (!field) return { id: `${node.field} ${node.op}`, en: `${node.field} ${node.op}` };
    return both((language) => requirementSentence(field, node.op, node.value, language, options));
  }
  if (node.kind === 'receivedProgram') {
    return both((language) => {
      const what = formatPrograms(node.programKinds, node.programIds, language, options);
      const when = node.period === 'ever' ? '' : ` ${formatPeriod(node.period, language)}`;
      return `${language === 'id' ? 'Menerima' : 'Received'} ${what}${when}`;
    });
  }
  if (node.kind === 'not' && node.condition.kind === 'receivedProgram') {
    const positive = single(node.condition, scope, options);
    return positive && { id: positive.id.replace(/^Menerima/, 'Belum menerima'), en: positive.en.replace(/^Received/, 'Has not received') };
  }
  if (node.kind === 'not') {
    const positive = single(node.condition, scope, options);
    return positive && { id: `Tidak benar bahwa ${midSentence(positive.id)}`, en: `Not: ${midSentence(positive.en)}` };
  }
  return undefined;
}

const MEMBER_HEADERS: Record<'anyMember' | 'allMembers' | 'head', LocalText> = {
  anyMember: { id: 'Paling sedikit satu anggota keluarga', en: 'At least one family member' },
  allMembers: { id: 'Setiap anggota keluarga', en: 'Every family member' },
  head: { id: 'Kepala keluarga', en: 'Head of family' },
};

function describeInto(node: Condition, scope: FieldScope, depth: number, lines: DescribedLine[], options: PhraseOptions): void {
  const line = single(node, scope, options);
  if (line) {
    lines.push({ depth, text: line });
    return;
  }
  const children = (conditions: Condition[], childScope: FieldScope) =>
    conditions.forEach((child) => describeInto(child, childScope, depth + 1, lines, options));
  switch (node.kind) {
    case 'all':
      lines.push({ depth, text: { id: 'Memenuhi semua syarat berikut:', en: 'Meets all of the following:' } });
      children(node.conditions, scope);
      return;
    case 'any':
      lines.push({ depth, text: { id: 'Memenuhi paling sedikit satu syarat berikut:', en: 'Meets at least one of the following:' } });
      children(node.conditions, scope);
      return;
    case 'not': {
      const inner = node.condition;
      if (inner.kind === 'any' || inner.kind === 'all') {
        lines.push({ depth, text: inner.kind === 'any'
          ? { id: 'Tidak memenuhi satu pun syarat berikut:', en: 'Meets none of the following:' }
          : { id: 'Tidak memenuhi semua syarat berikut sekaligus:', en: 'Does not meet all of the following together:' } });
        children(inner.conditions, scope);
      } else {
        lines.push({ depth, text: { id: 'Tidak benar bahwa:', en: 'It is not the case that:' } });
        children([inner], scope);
      }
      return;
    }
    case 'anyMember':
    case 'allMembers':
    case 'head': {
      const header = MEMBER_HEADERS[node.kind];
      const inner = single(node.where, 'member', options);
      if (inner) {
        lines.push({ depth, text: { id: `${header.id}: ${midSentence(inner.id)}`, en: `${header.en}: ${midSentence(inner.en)}` } });
        return;
      }
      lines.push({ depth, text: { id: `${header.id} memenuhi syarat berikut:`, en: `${header.en} meets the following:` } });
      children([node.where], 'member');
      return;
    }
    case 'countMembers': {
      const required = both((language) => requirementPredicate(MEMBER_COUNT_FIELD, node.op, node.value, language, options).replace(/^is /, ''));
      if (!node.where) {
        lines.push({ depth, text: { id: `Jumlah anggota keluarga ${required.id}`, en: `Number of family members is ${required.en}` } });
        return;
      }
      const inner = single(node.where, 'member', options);
      if (inner) {
        lines.push({ depth, text: {
          id: `Jumlah anggota keluarga dengan ${midSentence(inner.id)}: ${required.id}`,
          en: `Number of family members for whom ${midSentence(inner.en)}: ${required.en}`,
        } });
        return;
      }
      lines.push({ depth, text: {
        id: `Jumlah anggota keluarga yang memenuhi syarat berikut ${required.id}:`,
        en: `Number of family members meeting the following is ${required.en}:`,
      } });
      children([node.where], 'member');
      return;
    }
    case 'compare':
    case 'receivedProgram':
      return;
  }
}
