import { REFERRAL_SERVICE_LABELS, type ReferralService, type TimelineEvent } from '@sinergi/domain';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB, ReferralEventAction } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { visibleReferrals } from './access.ts';
import { referralEvents, type EventRow } from './queries.ts';

type Text = { id: string; en: string };

interface FamilyReferral {
  id: string;
  from_short: string;
  to_short: string;
  services: string[];
  member_id: string | null;
}

function titleOf(action: ReferralEventAction, r: FamilyReferral, text: string | null): Text {
  const route = `${r.from_short} → ${r.to_short}`;
  switch (action) {
    case 'send': return { id: `Dirujuk ${route}`, en: `Referred ${route}` };
    case 'accept': return { id: `Rujukan diterima oleh ${r.to_short}`, en: `Referral accepted by ${r.to_short}` };
    case 'decline': return { id: `Rujukan ditolak oleh ${r.to_short}`, en: `Referral declined by ${r.to_short}` };
    case 'serve': return { id: `Dilayani oleh ${r.to_short}`, en: `Served by ${r.to_short}` };
    case 'not_serve': return { id: `Tidak terlayani oleh ${r.to_short}`, en: `Not served by ${r.to_short}` };
    case 'withdraw': return { id: `Rujukan ditarik oleh ${r.from_short}`, en: `Referral withdrawn by ${r.from_short}` };
    case 'overdue': return text === 'answer'
      ? { id: `Rujukan ${route} terlambat dijawab`, en: `Referral ${route} not answered in time` }
      : { id: `Rujukan ${route} melewati target layanan`, en: `Referral ${route} past its due date` };
  }
}

function detailOf(event: EventRow, r: FamilyReferral): Text | null {
  if (event.action === 'send') {
    const services = r.services.map((s) => REFERRAL_SERVICE_LABELS[s as ReferralService] ?? { id: s, en: s });
    return { id: services.map((s) => s.id).join(', '), en: services.map((s) => s.en).join(', ') };
  }
  if (event.action === 'overdue' || !event.text) return null;
  return { id: event.text, en: event.text };
}

/** The family's referrals that the user may see, each step as an event linking to the referral. */
export async function referralTimelineEvents(db: Kysely<DB>, familyId: string, user: SessionUser): Promise<TimelineEvent[]> {
  const where = [sql<SqlBool>`r.family_id = ${familyId}::uuid`, ...visibleReferrals(user)];
  const referrals = await sql<FamilyReferral>`
    SELECT r.id, fa.short_name AS from_short, ta.short_name AS to_short, r.services, r.member_id
      FROM referral r JOIN agency fa ON fa.id = r.from_agency_id JOIN agency ta ON ta.id = r.to_agency_id
     WHERE ${sql.join(where, sql` AND `)}`.execute(db);
  const byId = new Map(referrals.rows.map((row) => [row.id, row]));
  const events = await referralEvents(db, [...byId.keys()]);
  return events.map((event) => {
    const referral = byId.get(event.referral_id)!;
    const detail = detailOf(event, referral);
    return {
      at: new Date(event.at).toISOString(), kind: `referral.${event.action}`, source: 'referrals', title: titleOf(event.action, referral, event.text),
      ...(detail ? { detail } : {}), link: `/rujukan/${referral.id}`,
      ...(event.username ? { actor: { id: event.user_id, username: event.username } } : {}),
      ...(referral.member_id ? { memberId: referral.member_id } : {}),
    };
  });
}
