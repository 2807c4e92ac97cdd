import type { CompareCondition, ReceivedProgramCondition } from './ast.ts';
import { isWithin, resolvePeriod } from './dates.ts';
import { familyRuleField, HEAD_OF_FAMILY_RELATION, memberRuleField, type FieldValue } from './fields.ts';
import type { PhraseOptions } from './phrases.ts';
import type { EligibilityFamily, EligibilityMember, ProgramReceipt } from './subject.ts';

// The leaves of evaluation shared by `evaluateRule` (verdict only) and `explainRule` (verdict with reasons).

export interface EvaluationContext extends PhraseOptions {
  /** The day the rule is applied ('YYYY-MM-DD'): ages and 'this year' are counted on it. */
  referenceDate: string;
  /** Receipts of this program are ignored, so "received another business program" does not count the program being targeted. */
  ignoreProgramId?: string;
}

/** The value a comparison looks at: a member's field inside a member condition, the family's otherwise. */
export function readField(node: CompareCondition, family: EligibilityFamily, member: EligibilityMember | undefined, referenceDate: string): FieldValue {
  if (member) {
    const field = memberRuleField(node.field);
    if (!field) throw new RangeError(`Unknown member field "${node.field}"; validate rules before evaluating them`);
    return field.read(member, referenceDate);
  }
  const field = familyRuleField(node.field);
  if (!field) throw new RangeError(`Unknown family field "${node.field}"; validate rules before evaluating them`);
  return field.read(family, referenceDate);
}

export function headsOf(family: EligibilityFamily): EligibilityMember[] {
  return family.members.filter((member) => member.relation === HEAD_OF_FAMILY_RELATION);
}

export function matchingReceipts(node: ReceivedProgramCondition, family: EligibilityFamily, context: Pick<EvaluationContext, 'referenceDate' | 'ignoreProgramId'>): ProgramReceipt[] {
  const range = resolvePeriod(node.period, context.referenceDate);
  const anyProgram = node.programKinds === undefined && node.programIds === undefined;
  return family.programs.filter((receipt) =>
    receipt.programId !== context.ignoreProgramId
    && (anyProgram || (node.programKinds?.includes(receipt.kind) ?? false) || (node.programIds?.includes(receipt.programId) ?? false))
    && isWithin(receipt.date, range));
}
