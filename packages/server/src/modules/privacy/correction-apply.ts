import { FamilyCorrection, MemberCorrection, type CorrectionRequest } from '@sinergi/domain';
import { editFamily } from '../registry/edit/family-edit.ts';
import { editMember } from '../registry/edit/member-edit.ts';
import type { RegistryContext } from '../registry/service.ts';

export interface AppliedCorrection {
  applyStatus: 'nothing_to_apply' | 'applied' | 'operator_must_apply' | null;
  /** {field: value} of what the edit really changed. */
  appliedChanges: Record<string, unknown> | null;
}

function picked(changes: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, changes[field]]));
}

/**
 * Applies an accepted request's field changes as an edit by the deciding officer, at the record's current version.
 * An edit that fails (someone saved meanwhile, a NIK already held, a village out of reach) fails the decision too,
 * so that no request is marked accepted with changes silently left out. A record that no longer exists leaves the
 * changes to an operator.
 */
export async function applyCorrection(context: RegistryContext, request: CorrectionRequest): Promise<AppliedCorrection> {
  if (Object.keys(request.requestedChanges).length === 0) return { applyStatus: 'nothing_to_apply', appliedChanges: null };
  const { db } = context;
  if (request.entity === 'member') {
    const changes = MemberCorrection.parse(request.requestedChanges);
    const member = request.memberId ? await db.selectFrom('member').select('version').where('id', '=', request.memberId).executeTakeFirst() : undefined;
    if (!member || !request.memberId) return { applyStatus: 'operator_must_apply', appliedChanges: null };
    const result = await editMember(context, request.memberId, { version: member.version, changes });
    return result.changedFields.length === 0
      ? { applyStatus: 'nothing_to_apply', appliedChanges: null }
      : { applyStatus: 'applied', appliedChanges: picked(changes, result.changedFields) };
  }
  const changes = FamilyCorrection.parse(request.requestedChanges);
  const family = await db.selectFrom('family').select('version').where('id', '=', request.familyId).executeTakeFirst();
  if (!family) return { applyStatus: 'operator_must_apply', appliedChanges: null };
  const result = await editFamily(context, request.familyId, { version: family.version, changes });
  return result.changedFields.length === 0
    ? { applyStatus: 'nothing_to_apply', appliedChanges: null }
    : { applyStatus: 'applied', appliedChanges: picked(changes, result.changedFields) };
}
