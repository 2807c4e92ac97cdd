import type { Condition, EligibilityRule } from './ast.ts';
import { isIsoDate } from './dates.ts';
import { headsOf, matchingReceipts, readField, type EvaluationContext } from './leaves.ts';
import { applyOperator } from './operators.ts';
import type { EligibilityFamily, EligibilityMember } from './subject.ts';

// The verdict alone, without sentences: what bulk checks use. It shares every leaf with `explainRule`
// (field readers, operators, receipts, heads); tests hold the two verdicts equal on generated rules.

/** Whether one family meets the rule on the context's reference date. */
export function evaluateRule(rule: EligibilityRule, family: EligibilityFamily, context: EvaluationContext): boolean {
  if (!isIsoDate(context.referenceDate)) throw new RangeError(`referenceDate must be YYYY-MM-DD: ${context.referenceDate}`);
  return holds(rule.condition, family, undefined, context);
}

/** The families that meet the rule, in the order given. */
export function eligibleFamilies<F extends EligibilityFamily>(rule: EligibilityRule, families: readonly F[], context: EvaluationContext): F[] {
  return families.filter((family) => evaluateRule(rule, family, context));
}

export function conditionHolds(condition: Condition, family: EligibilityFamily, context: EvaluationContext): boolean {
  return holds(condition, family, undefined, context);
}

function holds(node: Condition, family: EligibilityFamily, member: EligibilityMember | undefined, context: EvaluationContext): boolean {
  const forMember = (where: Condition) => (candidate: EligibilityMember) => holds(where, family, candidate, context);
  switch (node.kind) {
    case 'all':
      return node.conditions.every((child) => holds(child, family, member, context));
    case 'any':
      return node.conditions.some((child) => holds(child, family, member, context));
    case 'not':
      return !holds(node.condition, family, member, context);
    case 'compare':
      return applyOperator(node.op, readField(node, family, member, context.referenceDate), node.value);
    case 'anyMember':
      return family.members.some(forMember(node.where));
    case 'allMembers':
      return family.members.every(forMember(node.where));
    case 'head':
      return headsOf(family).some(forMember(node.where));
    case 'countMembers': {
      const count = node.where ? family.members.filter(forMember(node.where)).length : family.members.length;
      return applyOperator(node.op, count, node.value);
    }
    case 'receivedProgram':
      return matchingReceipts(node, family, context).length > 0;
  }
}
