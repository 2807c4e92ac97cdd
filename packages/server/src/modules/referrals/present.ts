import {
  maskIdNumber, referralOverdue, type Referral, type ReferralEvent, type ReferralOverdue, type ReferralService, type ReferralSharing,
} from '@sinergi/domain';
import type { SessionUser } from '../../http/context.ts';
import { actionsFor } from './access.ts';
import type { EventRow, ReferralRow } from './queries.ts';

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

function sharingOf(row: ReferralRow): ReferralSharing {
  if (row.sharing_basis === 'consent') return { basis: 'consent', consentOn: row.consent_on ?? '', consentBy: row.consent_by ?? '' };
  return { basis: 'legal_basis', legalBasis: row.legal_basis ?? '' };
}

/** The referral as the API shows it to the user on `today`; No KK and NIK masked unless `unmasked`. */
export function toReferral(row: ReferralRow, user: SessionUser, today: string, unmasked = false): Referral {
  const overdue: ReferralOverdue | null = referralOverdue({ status: row.status, answerBy: row.answer_by, dueOn: row.due_on }, today);
  const mask = (value: string) => (unmasked ? value : maskIdNumber(value));
  return {
    id: row.id, status: row.status, familyId: row.family_id, noKk: mask(row.no_kk), headName: row.head_name, address: row.address,
    villageCode: row.village_code, villageName: row.village_name, kecamatanName: row.kecamatan_name, desil: row.desil,
    member: row.member_id ? { id: row.member_id, name: row.member_name ?? '', nik: mask(row.member_nik ?? '') } : null,
    fromAgency: { id: row.from_agency_id, name: row.from_agency_name, shortName: row.from_agency_short_name },
    toAgency: { id: row.to_agency_id, name: row.to_agency_name, shortName: row.to_agency_short_name },
    services: row.services as ReferralService[], note: row.note, answerDays: row.answer_days, answerBy: row.answer_by, dueOn: row.due_on,
    sharing: sharingOf(row), enrolmentId: row.enrolment_id, programName: row.program_name, automatic: row.automatic,
    createdBy: row.created_by_name, sentAt: iso(row.sent_at), answeredAt: isoOrNull(row.answered_at), closedAt: isoOrNull(row.closed_at),
    reason: row.reason, outcome: row.outcome, overdue, actions: actionsFor(user, row), version: row.version,
  };
}

export function toEvent(row: EventRow): ReferralEvent {
  return {
    id: row.id, action: row.action, fromStatus: row.from_status, toStatus: row.to_status, text: row.text, user: row.user_name,
    agency: row.agency_short_name, at: iso(row.at),
  };
}
