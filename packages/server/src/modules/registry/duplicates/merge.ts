import { inJurisdiction, inScope, type DuplicateCandidate, type DuplicateMergeBody } from '@sinergi/domain';
import { sql } from 'kysely';
import { AppError, requestLanguage } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/record.ts';
import type { RegistryContext } from '../service.ts';
import { moveMemberReferences } from './member-references.ts';
import {
  carryOverPairs,
  fillKeptMember,
  lockMembers,
  moveMemberships,
  recordMergeChange,
  recountFamilies,
  removedSnapshot,
} from './merge-steps.ts';
import { alreadyDecided, candidateForUser } from './review-service.ts';

/**
 * Merges the pair's other member into the kept one, in one transaction: memberships and every reference move to the
 * kept member, the kept member's empty fields are filled, and the removed member's row is deleted after its whole
 * content is written to registry_change (source 'merge'). Deleting rather than keeping a tombstone means no search,
 * count, dashboard or eligibility rule can ever see the person twice; the removed NIK stays findable through the
 * pair (removed_nik), for access requests and for imports that bring the old NIK again.
 */
export async function mergeCandidate(context: RegistryContext, id: string, body: DuplicateMergeBody): Promise<DuplicateCandidate> {
  const { db, config, user, request } = context;
  await db.transaction().execute(async (trx) => {
    const candidate = await trx.selectFrom('duplicate_candidate').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!candidate) throw new AppError('not_found');
    const members = await lockMembers(trx, [candidate.member_a, candidate.member_b]);
    for (const member of members) {
      if (!inJurisdiction(config.jurisdiction, member.village_code) || !inScope(user.scopeCodes, member.village_code)) throw new AppError('out_of_scope');
    }
    if (candidate.status !== 'open') throw alreadyDecided(candidate.status, requestLanguage(request));
    const a = members.find((m) => m.id === candidate.member_a);
    const b = members.find((m) => m.id === candidate.member_b);
    if (!a || !b) throw new AppError('duplicate_member_missing');
    const [kept, removed] = body.keep === 'a' ? [a, b] : [b, a];

    await moveMemberships(trx, removed, kept);
    const movedTables = await moveMemberReferences(trx, removed.id, kept.id);
    const filled = await fillKeptMember(trx, removed, kept);
    await recordMergeChange(trx, { entity: 'member', entityId: removed.id, familyId: removed.family_id, changes: removedSnapshot(removed, kept.id), userId: user.id });
    await recordMergeChange(trx, { entity: 'member', entityId: kept.id, familyId: kept.family_id, changes: { ...filled, mergedFrom: [null, removed.nik] }, userId: user.id });
    await carryOverPairs(trx, id, removed.id, kept.id);
    await trx.deleteFrom('member').where('id', '=', removed.id).execute();
    await recountFamilies(trx, [removed.family_id, kept.family_id], user.id);
    await trx
      .updateTable('duplicate_candidate')
      .set({
        status: 'merged',
        kept_member_id: kept.id,
        removed_member_id: removed.id,
        removed_nik: removed.nik,
        decided_by: user.id,
        decided_at: sql`now()`,
        note: body.note || null,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, request, {
      action: 'update',
      entity: 'duplicate_candidate',
      entityId: id,
      details: { decision: 'merge', keptMemberId: kept.id, removedMemberId: removed.id, movedTables, filled: Object.keys(filled), note: body.note ?? null },
    });
    await recordAudit(trx, request, { action: 'delete', entity: 'member', entityId: removed.id, details: { mergedInto: kept.id, candidateId: id } });
  });
  return candidateForUser(db, user, id);
}
