import { addDays, type ReferralService, type ReferralSharing } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { notify } from '../notifications/notify.ts';
import { insertEvent } from './queries.ts';

/** Everything a new referral needs once its parts have been checked (by the request or by a program's rule). */
export interface NewReferral {
  familyId: string;
  memberId: string | null;
  kecamatanCode: string;
  villageCode: string;
  fromAgencyId: string;
  toAgencyId: string;
  services: readonly ReferralService[];
  note: string | null;
  answerDays: number;
  dueOn: string | null;
  sharing: ReferralSharing;
  enrolmentId: string | null;
  ruleId: string | null;
  /** The day sent in the jurisdiction ('YYYY-MM-DD'); the answer day counts from it. */
  sentOn: string;
  /** The moment sent; now unless back-dated (demo data). */
  sentAt?: Date;
  createdBy: string | null;
}

/** Stores a referral with its first history row and tells the receiving agency; runs in the caller's transaction. */
export async function insertReferral(trx: Kysely<DB>, referral: NewReferral): Promise<string> {
  const sharing = referral.sharing;
  const row = await trx
    .insertInto('referral')
    .values({
      family_id: referral.familyId, member_id: referral.memberId, kecamatan_code: referral.kecamatanCode, village_code: referral.villageCode,
      from_agency_id: referral.fromAgencyId, to_agency_id: referral.toAgencyId, services: [...referral.services], note: referral.note,
      answer_days: referral.answerDays, answer_by: addDays(referral.sentOn, referral.answerDays), due_on: referral.dueOn,
      sharing_basis: sharing.basis, consent_on: sharing.basis === 'consent' ? sharing.consentOn : null,
      consent_by: sharing.basis === 'consent' ? sharing.consentBy : null, legal_basis: sharing.basis === 'legal_basis' ? sharing.legalBasis : null,
      enrolment_id: referral.enrolmentId, rule_id: referral.ruleId, automatic: referral.ruleId !== null, created_by: referral.createdBy,
      ...(referral.sentAt ? { sent_at: referral.sentAt, updated_at: referral.sentAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertEvent(trx, {
    referral_id: row.id, action: 'send', from_status: null, to_status: 'sent', text: referral.note, user_id: referral.createdBy,
    agency_id: referral.fromAgencyId,
  });
  if (referral.sentAt) await trx.updateTable('referral_event').set({ at: referral.sentAt }).where('referral_id', '=', row.id).execute();
  const from = await trx.selectFrom('agency').select('short_name').where('id', '=', referral.fromAgencyId).executeTakeFirstOrThrow();
  await notify(trx, {
    agencyId: referral.toAgencyId, kind: 'referral.received', link: `/rujukan/${row.id}`,
    params: { from: from.short_name, services: referral.services.join(','), answerBy: addDays(referral.sentOn, referral.answerDays) },
  });
  return row.id;
}
