import { can, explainRule, priorityScore, type EligibilityRule, type PriorityOrder, type ProgramExplanation } from '@sinergi/domain';
import { AppError } from '../../http/errors.ts';
import { assertInScope } from '../../http/scope.ts';
import { loadEligibilityFamilies } from '../eligibility/queries.ts';
import { maskSpecificExplanation } from './explain-mask.ts';
import { jurisdictionToday, type ProgramContext } from './context.ts';
import { phraseOptionsFor, ruleConditions } from './phrases.ts';
import { storedRule } from './present.ts';
import { PROGRAM_RECEIPT_TABLES } from './receipts.ts';
import { audit, requireProgram } from './service.ts';

interface AppliedRule {
  rule: EligibilityRule;
  priority: PriorityOrder | null;
  ruleVersion: number;
  referenceDate: string;
}

/** The program's current rule on today's date, or the rule and date a run used (to show why a listed family was drawn). */
async function appliedRule(context: ProgramContext, programId: string, runId: string | undefined): Promise<AppliedRule> {
  const program = await requireProgram(context.db, programId);
  if (runId) {
    const run = await context.db
      .selectFrom('program_run')
      .select(['rule', 'priority', 'rule_version', 'reference_date'])
      .where('id', '=', runId)
      .where('program_id', '=', programId)
      .executeTakeFirst();
    if (!run) throw new AppError('not_found');
    return { rule: run.rule as EligibilityRule, priority: run.priority as PriorityOrder, ruleVersion: run.rule_version, referenceDate: run.reference_date };
  }
  const { rule, priority } = storedRule(program);
  if (!rule) throw new AppError('program_rule_required');
  return { rule, priority, ruleVersion: program.rule_version, referenceDate: jurisdictionToday(context.config.jurisdiction) };
}

/**
 * Why one family qualifies for a program or not, condition by condition, with its priority points: what an officer
 * shows a family that asks (UU PDP: a decision by rule must be explainable). Recorded as a view of the family.
 */
export async function explainFamily(context: ProgramContext, programId: string, familyId: string, runId?: string): Promise<ProgramExplanation> {
  const applied = await appliedRule(context, programId, runId);
  const place = await context.db.selectFrom('family').select(['village_code', 'head_name']).where('id', '=', familyId).executeTakeFirst();
  if (!place) throw new AppError('not_found');
  assertInScope(context.user, place.village_code);
  const [family] = await loadEligibilityFamilies(context.db, [familyId], { programTables: PROGRAM_RECEIPT_TABLES });
  if (!family) throw new AppError('not_found');
  const phrases = await phraseOptionsFor(context.db, ruleConditions(applied.rule, applied.priority));
  const evaluation = { ...phrases, referenceDate: applied.referenceDate, ignoreProgramId: programId };
  const tree = explainRule(applied.rule, family, evaluation);
  const score = applied.priority ? priorityScore(applied.priority, family, evaluation) : null;
  // Specific personal data per member (UU PDP) only for those who may unmask it.
  const specificDataShown = can(context.user.role, 'registry.unmask');
  await audit(context, { action: 'view', entity: 'family', entityId: familyId, details: { programId, explanation: true, runId: runId ?? null, specificDataShown } });
  return {
    programId,
    familyId,
    headName: place.head_name,
    ruleVersion: applied.ruleVersion,
    referenceDate: applied.referenceDate,
    eligible: tree.passed,
    tree: specificDataShown ? tree : maskSpecificExplanation(tree, applied.rule),
    priority: score && {
      score: score.score,
      maxScore: score.maxScore,
      parts: score.parts.map((part) => ({ text: part.text, points: part.points, maxPoints: part.maxPoints })),
    },
  };
}
