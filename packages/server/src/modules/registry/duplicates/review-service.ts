import { can, type DuplicateCandidate, type DuplicateListQuery, type DuplicateStatus, type Page } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import type { SessionUser } from '../../../http/context.ts';
import { AppError, requestLanguage } from '../../../http/errors.ts';
import { scopeCodesByLevel } from '../../../http/scope.ts';
import { recordAudit } from '../../audit/record.ts';
import { familyScopeCondition } from '../scope-filter.ts';
import { regionFilterOf, type RegistryContext } from '../service.ts';
import { toCandidate } from './present.ts';
import { countCandidates, findCandidate, listCandidates, type CandidateFilter } from './review-queries.ts';

/** The pair's recorded village inside the user's scope; null for a jurisdiction-wide user. */
function villageScopeCondition(user: SessionUser): RawBuilder<boolean> | null {
  const scope = scopeCodesByLevel(user);
  if (!scope) return null;
  const conditions: RawBuilder<boolean>[] = [];
  if (scope.kecamatan.length > 0) conditions.push(sql<boolean>`c.kecamatan_code IN (${sql.join(scope.kecamatan)})`);
  if (scope.villages.length > 0) conditions.push(sql<boolean>`c.village_code IN (${sql.join(scope.villages)})`);
  if (conditions.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(conditions, sql` OR `)})`;
}

/** Only pairs whose two members both lie in the user's scope. */
export function scopedFilter(user: SessionUser, rest: Pick<CandidateFilter, 'status' | 'id' | 'region'>): CandidateFilter {
  return { ...rest, villageScope: villageScopeCondition(user), scopeA: familyScopeCondition(user, 'a'), scopeB: familyScopeCondition(user, 'b') };
}

function assertMayUnmask(user: SessionUser, unmask: boolean): void {
  if (unmask && !can(user.role, 'registry.unmask')) throw new AppError('forbidden');
}

/** The review queue: pairs of the given status in the user's scope (both members), masked unless asked; audited. */
export async function listDuplicateCandidates(context: RegistryContext, query: DuplicateListQuery): Promise<Page<DuplicateCandidate>> {
  assertMayUnmask(context.user, query.unmask);
  const filter = scopedFilter(context.user, { status: query.status, region: await regionFilterOf(context, query.region) });
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const [rows, total] = await Promise.all([listCandidates(context.db, filter, page), countCandidates(context.db, filter)]);
  await recordAudit(context.db, context.request, {
    action: query.unmask ? 'unmask' : 'view',
    entity: 'duplicate_list',
    details: { status: query.status, region: query.region ?? null, page: query.page, total },
  });
  return { items: rows.map((row) => toCandidate(row, query.unmask)), total, page: query.page, pageSize: query.pageSize };
}

/**
 * One pair as the user may see it; not_found when it does not exist, out_of_scope when one of its members lies
 * outside the user's scope.
 */
export async function candidateForUser(db: Kysely<DB>, user: SessionUser, id: string, unmask = false): Promise<DuplicateCandidate> {
  assertMayUnmask(user, unmask);
  const visible = await findCandidate(db, scopedFilter(user, { id, region: null }));
  if (visible) return toCandidate(visible, unmask);
  const exists = await db.selectFrom('duplicate_candidate').select('id').where('id', '=', id).executeTakeFirst();
  throw new AppError(exists ? 'out_of_scope' : 'not_found');
}

/** Status words as the error message shows them. */
export const DUPLICATE_STATUS_LABELS: Record<DuplicateStatus, { id: string; en: string }> = {
  open: { id: 'terbuka', en: 'open' },
  merged: { id: 'sudah digabung', en: 'merged' },
  distinct: { id: 'orang berbeda', en: 'distinct people' },
};

export function alreadyDecided(status: DuplicateStatus, language: 'id' | 'en'): AppError {
  return new AppError('duplicate_already_decided', { status: DUPLICATE_STATUS_LABELS[status][language] });
}

/** Records that the two members are different people: the pair stays, so that no later scan proposes it again. */
export async function markDistinct(context: RegistryContext, id: string, note: string | undefined): Promise<DuplicateCandidate> {
  const { db, user, request } = context;
  await db.transaction().execute(async (trx) => {
    const candidate = await trx.selectFrom('duplicate_candidate').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!candidate) throw new AppError('not_found');
    if (!(await findCandidate(trx, scopedFilter(user, { id, region: null })))) throw new AppError('out_of_scope');
    if (candidate.status !== 'open') throw alreadyDecided(candidate.status, requestLanguage(request));
    await trx
      .updateTable('duplicate_candidate')
      .set({ status: 'distinct', decided_by: user.id, decided_at: sql`now()`, note: note || null })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, request, { action: 'update', entity: 'duplicate_candidate', entityId: id, details: { decision: 'distinct', note: note ?? null } });
  });
  return candidateForUser(db, user, id);
}
