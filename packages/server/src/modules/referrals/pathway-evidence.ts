import type { SuggestedEvidence } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { jurisdictionTimeZone } from '../auth/lockout.ts';

interface ServedReferralRow {
  id: string;
  agency_id: string;
  agency_short_name: string;
  agency_kind: string;
  closed_at: Date | string | null;
  village_code: string;
}

/** The day in the family's own time zone (WIB, WITA or WIT), as the other evidence dates are. */
function localDay(at: Date | string | null, villageCode: string): string | null {
  return at ? new Intl.DateTimeFormat('en-CA', { timeZone: jurisdictionTimeZone(villageCode).zone }).format(new Date(at)) : null;
}

/**
 * Referrals the receiving agency closed as served back a step on the family's way out: capital and markets from
 * Disperindagkop mean growth (pengembangan); any other agency's service (training, mentoring) means empowerment.
 */
export async function servedReferralEvidence(db: Kysely<DB>, familyId: string): Promise<SuggestedEvidence[]> {
  const rows = await sql<ServedReferralRow>`
    SELECT r.id, a.id AS agency_id, a.short_name AS agency_short_name, a.kind AS agency_kind, r.closed_at, f.village_code
      FROM referral r
      JOIN agency a ON a.id = r.to_agency_id
      JOIN family f ON f.id = r.family_id
     WHERE r.family_id = ${familyId} AND r.status = 'served'`.execute(db);
  return rows.rows.map((row) => ({
    kind: 'referral',
    id: row.id,
    label: `Rujukan ke ${row.agency_short_name}`,
    stage: row.agency_kind === 'disperindagkop' ? 'pengembangan' : 'pemberdayaan',
    agency: { id: row.agency_id, shortName: row.agency_short_name },
    date: localDay(row.closed_at, row.village_code),
  }));
}
