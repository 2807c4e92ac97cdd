import type { CorrectionRequest, CorrectionStatus } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

/** Correction requests joined to their subject (member or family head) and the users who handled them. */
function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('correction_request as r')
    .innerJoin('family as f', 'f.id', 'r.family_id')
    .leftJoin('member as m', 'm.id', 'r.member_id')
    .leftJoin('app_user as cu', 'cu.id', 'r.created_by')
    .leftJoin('app_user as ru', 'ru.id', 'r.reviewed_by')
    .leftJoin('app_user as du', 'du.id', 'r.decided_by')
    .selectAll('r')
    .select([
      'f.village_code',
      sql<string | null>`CASE WHEN r.entity = 'member' THEN m.name ELSE f.head_name END`.as('subject_name'),
      'cu.username as created_by_username',
      'cu.full_name as created_by_name',
      'ru.username as reviewed_by_username',
      'ru.full_name as reviewed_by_name',
      'du.username as decided_by_username',
      'du.full_name as decided_by_name',
    ]);
}

export type CorrectionRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

export interface CorrectionFilter {
  /** From familyScopeCondition on alias `f` (the subject's family); null = whole jurisdiction. */
  scope: RawBuilder<boolean> | null;
  status?: CorrectionStatus | undefined;
  id?: string;
  /** Requests filed under this family (a member's request names the member's family at the time). */
  familyId?: string;
  /** The requests about these members, these NIKs or these families (for an access request). */
  about?: { memberIds: string[]; niks: string[]; familyIds: string[] };
}

function filtered(db: Kysely<DB>, filter: CorrectionFilter) {
  let query = baseQuery(db);
  if (filter.scope) query = query.where(filter.scope);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.id) query = query.where('r.id', '=', filter.id);
  if (filter.familyId) query = query.where('r.family_id', '=', filter.familyId);
  const about = filter.about;
  if (about) {
    query = query.where((eb) =>
      eb.or([
        ...(about.memberIds.length ? [eb('r.member_id', 'in', about.memberIds)] : []),
        ...(about.niks.length ? [eb('r.subject_nik', 'in', about.niks)] : []),
        ...(about.familyIds.length ? [eb.and([eb('r.entity', '=', 'family'), eb('r.family_id', 'in', about.familyIds)])] : []),
        eb.val(false),
      ]),
    );
  }
  return query;
}

export async function listCorrections(db: Kysely<DB>, filter: CorrectionFilter, page: { limit: number; offset: number }): Promise<CorrectionRow[]> {
  return filtered(db, filter).orderBy('r.created_at', 'desc').orderBy('r.id').limit(page.limit).offset(page.offset).execute();
}

export async function countCorrections(db: Kysely<DB>, filter: CorrectionFilter): Promise<number> {
  const row = await filtered(db, filter).clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export async function findCorrection(db: Kysely<DB>, filter: CorrectionFilter): Promise<CorrectionRow | undefined> {
  return filtered(db, filter).executeTakeFirst();
}

const actor = (id: string | null, username: string | null, fullName: string | null) => (id && username ? { id, username, fullName: fullName ?? username } : null);
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function toCorrection(row: CorrectionRow): CorrectionRequest {
  return {
    id: row.id,
    entity: row.entity,
    memberId: row.member_id,
    familyId: row.family_id,
    subjectName: row.subject_name,
    subjectNik: row.subject_nik,
    villageCode: row.village_code,
    requestedChanges: (row.requested_changes ?? {}) as Record<string, unknown>,
    reason: row.reason,
    channel: row.channel,
    requesterName: row.requester_name,
    requesterContact: row.requester_contact,
    status: row.status,
    outcomeNote: row.outcome_note,
    applyStatus: row.apply_status,
    appliedChanges: (row.applied_changes ?? null) as Record<string, unknown> | null,
    createdBy: actor(row.created_by, row.created_by_username, row.created_by_name),
    createdAt: new Date(row.created_at).toISOString(),
    reviewedBy: actor(row.reviewed_by, row.reviewed_by_username, row.reviewed_by_name),
    reviewedAt: iso(row.reviewed_at),
    decidedBy: actor(row.decided_by, row.decided_by_username, row.decided_by_name),
    decidedAt: iso(row.decided_at),
  };
}
