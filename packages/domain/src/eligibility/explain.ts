import { labelOf, RELATIONS } from '../reference/index.ts';
import type {
  CompareCondition, Condition, ConditionKind, CountMembersCondition, EligibilityRule, LocalText, NodePath, ReceivedProgramCondition,
} from './ast.ts';
import { isIsoDate } from './dates.ts';
import { familyRuleField, MEMBER_COUNT_FIELD, memberRuleField, type FieldValue, type RuleField } from './fields.ts';
import { headsOf, matchingReceipts, readField, type EvaluationContext } from './leaves.ts';
import { applyOperator } from './operators.ts';
import { both, formatDate, formatPeriod, formatPrograms, midSentence } from './phrases.ts';
import { mark, requirementPredicate, verdictSentence } from './sentences.ts';
import type { EligibilityFamily, EligibilityMember, ProgramReceipt } from './subject.ts';

export type { EvaluationContext };

/** The verdict on one node of a rule for one family, with the values seen and a one-line sentence. */
export interface ExplainNode {
  path: NodePath;
  kind: ConditionKind;
  passed: boolean;
  text: LocalText;
  /** What was looked at: the field's value, the number of matching members, or the matching receipts. */
  seen?: FieldValue | ProgramReceipt[];
  /** Set on the root of a subtree that is about one member. */
  member?: { id?: string; name: string; relation: number | null };
  children: ExplainNode[];
}

interface Scope {
  family: EligibilityFamily;
  member?: EligibilityMember;
}

/** Evaluates a rule for one family and says why it passes or fails, condition by condition. */
export function explainRule(rule: EligibilityRule, family: EligibilityFamily, context: EvaluationContext): ExplainNode {
  if (!isIsoDate(context.referenceDate)) throw new RangeError(`referenceDate must be YYYY-MM-DD: ${context.referenceDate}`);
  return explainNode(rule.condition, ['condition'], { family }, context);
}

export function explainCondition(condition: Condition, family: EligibilityFamily, context: EvaluationContext, path: NodePath = []): ExplainNode {
  return explainNode(condition, path, { family }, context);
}

function explainNode(node: Condition, path: NodePath, scope: Scope, context: EvaluationContext): ExplainNode {
  switch (node.kind) {
    case 'all':
    case 'any': {
      const children = node.conditions.map((child, index) => explainNode(child, [...path, 'conditions', index], scope, context));
      const met = children.filter((child) => child.passed).length;
      const total = children.length;
      const passed = node.kind === 'all' ? met === total : met > 0;
      const text = node.kind === 'all'
        ? passed
          ? { id: `Semua ${total} syarat terpenuhi ✓`, en: `All ${total} conditions met ✓` }
          : { id: `${total - met} dari ${total} syarat tidak terpenuhi ✗`, en: `${total - met} of ${total} conditions not met ✗` }
        : passed
          ? { id: `${met} dari ${total} pilihan terpenuhi ✓`, en: `${met} of ${total} alternatives met ✓` }
          : { id: `Tidak satu pun dari ${total} pilihan terpenuhi ✗`, en: `None of the ${total} alternatives is met ✗` };
      return { path, kind: node.kind, passed, text, children };
    }
    case 'not': {
      const child = explainNode(node.condition, [...path, 'condition'], scope, context);
      const passed = !child.passed;
      if (node.condition.kind === 'receivedProgram') {
        // The negated sentence says it all; a nested "did not receive ✗" under a "✓" would only confuse.
        const receipts = child.seen as ProgramReceipt[];
        return { path, kind: 'not', passed, text: programSentence(node.condition, receipts, true, passed, context), seen: receipts, children: [] };
      }
      const text = { id: `Syarat di bawah ini tidak boleh terpenuhi ${mark(passed)}`, en: `The condition below must not hold ${mark(passed)}` };
      return { path, kind: 'not', passed, text, children: [child] };
    }
    case 'compare':
      return explainCompare(node, path, scope, context);
    case 'anyMember':
    case 'allMembers':
    case 'head':
      return explainQuantifier(node.kind, node.where, path, scope.family, context);
    case 'countMembers':
      return explainCount(node, path, scope.family, context);
    case 'receivedProgram': {
      const receipts = matchingReceipts(node, scope.family, context);
      const passed = receipts.length > 0;
      return { path, kind: 'receivedProgram', passed, text: programSentence(node, receipts, false, passed, context), seen: receipts, children: [] };
    }
  }
}

function explainCompare(node: CompareCondition, path: NodePath, scope: Scope, context: EvaluationContext): ExplainNode {
  const actual = readField(node, scope.family, scope.member, context.referenceDate);
  const field: RuleField | undefined = scope.member ? memberRuleField(node.field) : familyRuleField(node.field);
  if (!field) throw new RangeError(`Unknown field "${node.field}"`);
  const passed = applyOperator(node.op, actual, node.value);
  return {
    path, kind: 'compare', passed, seen: actual, children: [],
    text: both((language) => verdictSentence(field, node.op, node.value, actual, passed, language, context)),
  };
}

/** "Siti (istri/suami)", or "Kepala keluarga (Suparman)" when the condition is about the head. */
function memberSubject(member: EligibilityMember, asHead: boolean): LocalText {
  if (asHead) return { id: `Kepala keluarga (${member.name})`, en: `Head of family (${member.name})` };
  const relation = (language: 'id' | 'en') => labelOf(RELATIONS, member.relation, language);
  return both((language) => (relation(language) ? `${member.name} (${midSentence(relation(language) ?? '')})` : member.name));
}

/** Evaluates a member condition for one member; the subtree's root sentence names the member. */
function explainMember(
  where: Condition, path: NodePath, family: EligibilityFamily, member: EligibilityMember, context: EvaluationContext, asHead = false,
): ExplainNode {
  const node = explainNode(where, path, { family, member }, context);
  const subject = memberSubject(member, asHead);
  return {
    ...node,
    member: { ...(member.id === undefined ? {} : { id: member.id }), name: member.name, relation: member.relation },
    text: { id: `${subject.id}: ${midSentence(node.text.id)}`, en: `${subject.en}: ${midSentence(node.text.en)}` },
  };
}


function names(members: readonly ExplainNode[]): string {
  return members.map((node) => node.member?.name ?? '').join(', ');
}

function explainQuantifier(kind: 'anyMember' | 'allMembers' | 'head', where: Condition, path: NodePath, family: EligibilityFamily, context: EvaluationContext): ExplainNode {
  const members = kind === 'head' ? headsOf(family) : family.members;
  const children = members.map((member) => explainMember(where, [...path, 'where'], family, member, context, kind === 'head'));
  const passing = children.filter((child) => child.passed);
  const failing = children.filter((child) => !child.passed);
  if (kind === 'allMembers') {
    const passed = failing.length === 0;
    const text = passed
      ? { id: `Semua ${children.length} anggota keluarga memenuhi ✓`, en: `All ${children.length} family members meet it ✓` }
      : { id: `${failing.length} anggota tidak memenuhi: ${names(failing)} ✗`, en: `${failing.length} members do not meet it: ${names(failing)} ✗` };
    return { path, kind, passed, text, seen: passing.length, children };
  }
  const passed = passing.length > 0;
  if (kind === 'head') {
    const [only] = children;
    // One head and one comparison: the head's own sentence is the whole explanation.
    if (children.length === 1 && only && where.kind === 'compare') return { ...only, path, kind, children: [] };
    const text = children.length === 0
      ? { id: 'Tidak ada kepala keluarga yang tercatat ✗', en: 'No head of family is recorded ✗' }
      : passed
          ? { id: `Kepala keluarga (${names(passing)}) memenuhi syarat ✓`, en: `Head of family (${names(passing)}) meets the condition ✓` }
          : { id: `Kepala keluarga (${names(children)}) tidak memenuhi syarat ✗`, en: `Head of family (${names(children)}) does not meet the condition ✗` };
    return { path, kind, passed, text, children };
  }
  const text = passed
    ? { id: `Anggota keluarga yang memenuhi: ${names(passing)} ✓`, en: `Family members who meet it: ${names(passing)} ✓` }
    : children.length === 0
      ? { id: 'Tidak ada anggota keluarga yang tercatat ✗', en: 'No family members are recorded ✗' }
      : { id: 'Tidak ada anggota keluarga yang memenuhi ✗', en: 'No family member meets it ✗' };
  return { path, kind, passed, text, seen: passing.length, children };
}

function explainCount(node: CountMembersCondition, path: NodePath, family: EligibilityFamily, context: EvaluationContext): ExplainNode {
  const where = node.where;
  const children = where ? family.members.map((member) => explainMember(where, [...path, 'where'], family, member, context)) : [];
  const count = where ? children.filter((child) => child.passed).length : family.members.length;
  const passed = applyOperator(node.op, count, node.value);
  const required = both((language) => requirementPredicate(MEMBER_COUNT_FIELD, node.op, node.value, language, {}).replace(/^is /, ''));
  const text = where
    ? { id: `Anggota yang memenuhi: ${count} (syarat: ${required.id}) ${mark(passed)}`, en: `Members who meet it: ${count} (required: ${required.en}) ${mark(passed)}` }
    : { id: `Anggota keluarga tercatat: ${count} (syarat: ${required.id}) ${mark(passed)}`, en: `Family members recorded: ${count} (required: ${required.en}) ${mark(passed)}` };
  return { path, kind: 'countMembers', passed, text, seen: count, children };
}


function programSentence(node: ReceivedProgramCondition, receipts: ProgramReceipt[], negated: boolean, passed: boolean, context: EvaluationContext): LocalText {
  return both((language) => {
    const what = formatPrograms(node.programKinds, node.programIds, language, context);
    const when = node.period === 'ever' ? '' : ` ${formatPeriod(node.period, language)}`;
    const found = receipts
      .map((receipt) => `${receipt.name ?? context.programNames?.[receipt.programId] ?? receipt.programId}${receipt.date ? `, ${formatDate(receipt.date, language)}` : ''}`)
      .join('; ');
    const received = receipts.length > 0;
    const verb = language === 'id'
      ? received ? (negated ? 'Sudah menerima' : 'Menerima') : negated ? 'Belum menerima' : 'Tidak menerima'
      : received ? 'Received' : negated ? 'Has not received' : 'Did not receive';
    return `${verb} ${what}${when}${received ? ` (${found})` : ''} ${mark(passed)}`;
  });
}
