import { addDays, type ReferralRule, type ReferralRuleInput, type ReferralService } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.ts';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { jurisdictionToday } from '../programs/context.ts';
import { requireManage } from '../programs/access.ts';
import { audit, requireProgram } from '../programs/service.ts';
import type { ReferralContext } from './service.ts';
import { insertReferral } from './send.ts';

/** A program's rules: "when a family is served, refer it to agency X for these services". */

async function ruleRows(db: Kysely<DB>, programId: string) {
  return db
    .selectFrom('referral_rule as rr')
    .innerJoin('agency as a', 'a.id', 'rr.to_agency_id')
    .select(['rr.id', 'rr.program_id', 'rr.to_agency_id', 'a.name as agency_name', 'a.short_name as agency_short_name', 'rr.services', 'rr.answer_days', 'rr.due_days', 'rr.note', 'rr.active'])
    .where('rr.program_id', '=', programId)
    .orderBy('a.short_name')
    .execute();
}

export async function listReferralRules(context: ReferralContext, programId: string): Promise<ReferralRule[]> {
  await requireProgram(context.db, programId);
  return (await ruleRows(context.db, programId)).map((row) => ({
    id: row.id, programId: row.program_id, toAgency: { id: row.to_agency_id, name: row.agency_name, shortName: row.agency_short_name },
    services: row.services as ReferralService[], answerDays: row.answer_days, dueDays: row.due_days, note: row.note, active: row.active,
  }));
}

/** Adds a rule, or replaces the program's rule for the same agency; only the program's owner agency (or an admin). */
export async function saveReferralRule(context: ReferralContext, programId: string, input: z.output<typeof ReferralRuleInput>): Promise<ReferralRule[]> {
  const program = await requireProgram(context.db, programId);
  requireManage(context.user, program);
  if (input.toAgencyId === program.agency_id) throw new AppError('referral_same_agency');
  if (!(await context.db.selectFrom('agency').select('id').where('id', '=', input.toAgencyId).executeTakeFirst())) throw new AppError('unknown_agency');
  const values = { services: [...input.services], answer_days: input.answerDays, due_days: input.dueDays ?? null, note: input.note || null, active: input.active, updated_at: new Date() };
  try {
    await context.db
      .insertInto('referral_rule')
      .values({ program_id: programId, to_agency_id: input.toAgencyId, created_by: context.user.id, ...values })
      .onConflict((oc) => oc.columns(['program_id', 'to_agency_id']).doUpdateSet(values))
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict');
    throw error;
  }
  await audit(context, { action: 'update', entity: 'referral_rule', entityId: programId, details: { toAgencyId: input.toAgencyId, services: input.services, active: input.active } });
  return listReferralRules(context, programId);
}

export async function deleteReferralRule(context: ReferralContext, programId: string, ruleId: string): Promise<ReferralRule[]> {
  const program = await requireProgram(context.db, programId);
  requireManage(context.user, program);
  // Referrals the rule already sent stay, marked automatic; only their link to the rule is cleared (ON DELETE SET NULL).
  const deleted = await context.db.deleteFrom('referral_rule').where('id', '=', ruleId).where('program_id', '=', programId).executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw new AppError('not_found');
  await audit(context, { action: 'delete', entity: 'referral_rule', entityId: ruleId, details: { programId } });
  return listReferralRules(context, programId);
}

/**
 * Called when an enrolment becomes served (by the enrolment service, whichever path served it): sends the referrals
 * its program's active rules ask for, from the program's agency, on the program's legal basis. A rule refers one
 * enrolment once (unique index), so serving again sends nothing new. Returns the new referrals' ids.
 */
export async function createReferralsForServedEnrolment(
  trx: Kysely<DB>, enrolmentId: string, actor: { id: string } | null, sentAt?: Date,
): Promise<string[]> {
  const enrolment = await trx
    .selectFrom('program_enrolment as e')
    .innerJoin('program as p', 'p.id', 'e.program_id')
    .innerJoin('family as f', 'f.id', 'e.family_id')
    .select(['e.id', 'e.family_id', 'e.program_id', 'p.agency_id', 'p.name', 'p.legal_basis', 'f.kecamatan_code', 'f.village_code'])
    .where('e.id', '=', enrolmentId)
    .executeTakeFirst();
  if (!enrolment) return [];
  const rules = await trx
    .selectFrom('referral_rule')
    .selectAll()
    .where('program_id', '=', enrolment.program_id)
    .where('active', '=', true)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('referral as r').select('r.id').whereRef('r.rule_id', '=', 'referral_rule.id').where('r.enrolment_id', '=', enrolmentId))))
    .orderBy('created_at')
    .execute();
  const sentOn = jurisdictionToday(enrolment.village_code, sentAt);
  const legalBasis = enrolment.legal_basis ?? `Tindak lanjut program "${enrolment.name}" (UU 27/2022 Pasal 20 ayat (2)).`;
  const ids: string[] = [];
  for (const rule of rules) {
    if (rule.to_agency_id === enrolment.agency_id) continue;
    ids.push(await insertReferral(trx, {
      familyId: enrolment.family_id, memberId: null, kecamatanCode: enrolment.kecamatan_code, villageCode: enrolment.village_code,
      fromAgencyId: enrolment.agency_id, toAgencyId: rule.to_agency_id, services: rule.services as ReferralService[], note: rule.note,
      answerDays: rule.answer_days, dueOn: rule.due_days === null ? null : addDays(sentOn, rule.due_days), sharing: { basis: 'legal_basis', legalBasis },
      enrolmentId, ruleId: rule.id, sentOn, ...(sentAt ? { sentAt } : {}), createdBy: actor?.id ?? null,
    }));
  }
  return ids;
}
