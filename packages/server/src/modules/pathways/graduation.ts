import {
  DEFAULT_GRADUATION_CRITERIA, describeRule, explainRule, GraduationAssessmentCreate, GraduationCriteriaUpdate, PROGRAM_KINDS,
  type EligibilityRule, type GraduationAssessment, type GraduationCriteria,
} from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { checkRule } from '../eligibility/service.ts';
import { loadEligibilityFamilies } from '../eligibility/queries.ts';
import { jurisdictionToday } from '../programs/context.ts';
import { phraseOptionsFor } from '../programs/phrases.ts';
import { PROGRAM_RECEIPT_TABLES } from '../programs/receipts.ts';
import { assessmentsOf } from './queries.ts';
import { reachableFamily, type PathwayContext } from './service.ts';

/** Graduation criteria are rules of the eligibility language, versioned per installation (= jurisdiction). */

interface CurrentCriteria {
  version: number;
  rule: EligibilityRule;
  note: string | null;
  createdBy: string | null;
  createdAt: string | null;
}

export async function currentCriteria(db: Kysely<DB>): Promise<CurrentCriteria> {
  const row = await db
    .selectFrom('graduation_criteria as c')
    .leftJoin('app_user as u', 'u.id', 'c.created_by')
    .select(['c.version', 'c.rule', 'c.note', 'u.username', 'c.created_at'])
    .orderBy('c.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { version: 0, rule: DEFAULT_GRADUATION_CRITERIA, note: null, createdBy: null, createdAt: null };
  return { version: row.version, rule: row.rule as EligibilityRule, note: row.note, createdBy: row.username, createdAt: row.created_at.toISOString() };
}

async function present(db: Kysely<DB>, criteria: CurrentCriteria): Promise<GraduationCriteria> {
  const phrases = await phraseOptionsFor(db, [criteria.rule.condition]);
  return {
    ...criteria,
    text: { id: describeRule(criteria.rule, 'id', phrases), en: describeRule(criteria.rule, 'en', phrases) },
  };
}

export async function getCriteria(context: PathwayContext): Promise<GraduationCriteria> {
  return present(context.db, await currentCriteria(context.db));
}

/** Checks criteria like an eligibility rule (400 invalid_rule lists every issue); a save and a preview check alike. */
export async function checkCriteriaRule(context: PathwayContext, rule: unknown): Promise<EligibilityRule> {
  return checkRule(context.db, rule, { jurisdiction: context.config.jurisdiction, programKinds: PROGRAM_KINDS });
}

/** Saves new criteria as the next version (checked like an eligibility rule: 400 invalid_rule lists every issue). */
export async function setCriteria(context: PathwayContext, body: GraduationCriteriaUpdate): Promise<GraduationCriteria> {
  const input = GraduationCriteriaUpdate.parse(body);
  const rule = await checkCriteriaRule(context, input.rule);
  await context.db.transaction().execute(async (trx) => {
    // The lock makes two simultaneous saves take turns, so the second sees the first's version and is refused.
    await sql`LOCK TABLE graduation_criteria IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    const last = await trx.selectFrom('graduation_criteria').select((eb) => eb.fn.max('version').as('version')).executeTakeFirst();
    const current = last?.version ?? 0;
    if (input.basedOnVersion !== undefined && input.basedOnVersion !== current) throw new AppError('conflict');
    const version = current + 1;
    await trx.insertInto('graduation_criteria').values({ version, rule: JSON.stringify(rule), note: input.note, created_by: context.user.id }).execute();
    await recordAudit(trx, context.request, { action: 'update', entity: 'graduation_criteria', entityId: String(version), details: { rule } });
  });
  return getCriteria(context);
}

/** Applies the current criteria to one family on a day, keeps the explanation rule by rule, and records the result. */
export async function assessGraduation(context: PathwayContext, familyId: string, body: GraduationAssessmentCreate): Promise<GraduationAssessment> {
  const input = GraduationAssessmentCreate.parse(body);
  await reachableFamily(context, familyId);
  const today = jurisdictionToday(context.config.jurisdiction);
  const referenceDate = input.referenceDate ?? today;
  if (referenceDate > today) throw new AppError('pathway_date_invalid', { date: today });
  const criteria = await currentCriteria(context.db);
  const [family] = await loadEligibilityFamilies(context.db, [familyId], { programTables: PROGRAM_RECEIPT_TABLES });
  if (!family) throw new AppError('not_found');
  const phrases = await phraseOptionsFor(context.db, [criteria.rule.condition]);
  const tree = explainRule(criteria.rule, family, { ...phrases, referenceDate });
  const id = await context.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('graduation_assessment').values({
      family_id: familyId, criteria_version: criteria.version, rule: JSON.stringify(criteria.rule), reference_date: referenceDate, passed: tree.passed,
      explanation: JSON.stringify(tree), note: input.note, user_id: context.user.id,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, context.request, {
      action: 'create', entity: 'graduation_assessment', entityId: row.id, details: { familyId, passed: tree.passed, criteriaVersion: criteria.version },
    }, context.request ? undefined : { id: context.user.id, username: context.user.username });
    return row.id;
  });
  const [assessment] = await assessmentsOf(context.db, familyId, id);
  if (!assessment) throw new AppError('not_found');
  return assessment;
}
