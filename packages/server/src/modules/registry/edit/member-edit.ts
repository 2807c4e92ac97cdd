import {
  can, diffFields, editWarning, nikWarnings, parseNik, SPECIFIC_EDIT_FIELDS, type EditWarningItem, type MemberEditBody, type MemberEditResult,
} from '@sinergi/domain';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, MemberTable } from '../../../db/schema/index.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/record.ts';
import { findRegion } from '../../regions/queries.ts';
import { toMember } from '../present.ts';
import { UNMASK_DETAILS, type RegistryContext } from '../service.ts';
import { refusingDuplicates } from './family-edit.ts';
import { assertFamilyInReach } from './guards.ts';
import { lockFamily, lockMember, memberWithNik, recordChange, refreshFamilySummary, updateMemberAtVersion, type LockedFamily } from './queries.ts';
import { MEMBER_EDIT_COLUMNS, blanksToNull, columnValues, memberFields } from './records.ts';

/** Fields whose change can change who heads the family or what the card calls them. */
const SUMMARY_FIELDS = ['relation', 'name'];
const IDENTITY_FIELDS = ['nik', 'birthDate', 'sex'];

/** The member after a write, masked (specific personal data hidden) unless the edit was made from an unmasked view. */
export function memberResult(
  member: Selectable<MemberTable>, familyVersion: number, changedFields: string[], warnings: EditWarningItem[], unmasked = false,
): MemberEditResult {
  return { member: toMember(member, unmasked), status: member.status, familyId: member.family_id, familyVersion, changedFields, warnings };
}

/**
 * What to double-check about a member's identity after a change: birth date or sex that disagree with the NIK,
 * and a NIK issued under a kecamatan code that is no longer current (accepted: regions split over time).
 */
export async function identityWarnings(db: Kysely<DB>, member: Pick<Selectable<MemberTable>, 'nik' | 'birth_date' | 'sex'>): Promise<EditWarningItem[]> {
  const warnings: EditWarningItem[] = nikWarnings({ nik: member.nik, birthDate: member.birth_date, sex: member.sex });
  const parsed = parseNik(member.nik);
  if (parsed.ok && !(await findRegion(db, parsed.regionCode))) warnings.push(editWarning('nik', 'nik_region_unknown', { code: parsed.regionCode }));
  return warnings;
}

/** A NIK already held by another member is refused; the existing member is named only when it is in the user's reach. */
export async function assertNikFree(trx: Transaction<DB>, context: RegistryContext, nik: string): Promise<void> {
  const holder = await memberWithNik(trx, nik);
  if (!holder) return;
  let reachable = true;
  try {
    assertFamilyInReach(context.config, context.user, holder.village_code);
  } catch {
    reachable = false;
  }
  throw new AppError('duplicate', {}, reachable ? { memberId: holder.id, familyId: holder.family_id } : undefined);
}

/** The member and their family, both locked; 404 when either is gone, 403 when the family is out of the user's reach. */
export async function lockMemberAndFamily(trx: Transaction<DB>, context: RegistryContext, memberId: string) {
  const member = await lockMember(trx, memberId);
  if (!member) throw new AppError('not_found');
  const family: LockedFamily | undefined = await lockFamily(trx, member.family_id);
  if (!family) throw new AppError('not_found');
  assertFamilyInReach(context.config, context.user, family.village_code);
  return { member, family };
}

export function memberConflict(member: Selectable<MemberTable>): AppError {
  return new AppError('conflict', {}, { current: toMember(member, false) });
}

/**
 * Changes a member's fields if nobody saved the member since `version` (else 409 conflict with the current record).
 * Only real changes are written and recorded; the family's head name follows a change of relation or name.
 */
export async function editMember(context: RegistryContext, memberId: string, body: MemberEditBody, unmasked = false): Promise<MemberEditResult> {
  const { db, user, request } = context;
  const next = blanksToNull(body.changes);
  const outcome = await refusingDuplicates(() =>
    db.transaction().execute(async (trx) => {
      const { member, family } = await lockMemberAndFamily(trx, context, memberId);
      if (member.version !== body.version) throw memberConflict(member);
      const changes = diffFields(memberFields(member), next);
      const fields = Object.keys(changes);
      if (fields.length === 0) return { member, familyVersion: family.version, fields, warnings: [] };
      if (typeof changes.nik?.[1] === 'string') await assertNikFree(trx, context, changes.nik[1]);
      const updated = await updateMemberAtVersion(trx, memberId, body.version, columnValues(changes, MEMBER_EDIT_COLUMNS));
      if (!updated) throw memberConflict(member);
      await recordChange(trx, { entity: 'member', entityId: memberId, familyId: family.id, changes, userId: user.id });
      const summary = fields.some((f) => SUMMARY_FIELDS.includes(f)) ? await refreshFamilySummary(trx, family.id, user.id) : { version: family.version, warnings: [] };
      await recordAudit(trx, request, { action: 'update', entity: 'member', entityId: memberId, details: { fields, familyId: family.id, version: updated.version } });
      return { member: updated, familyVersion: summary.version, fields, warnings: fields.includes('relation') ? summary.warnings : [] };
    }),
  );
  const identity = outcome.fields.some((f) => IDENTITY_FIELDS.includes(f)) ? await identityWarnings(db, outcome.member) : [];
  return memberResult(outcome.member, outcome.familyVersion, outcome.fields, [...identity, ...outcome.warnings], unmasked);
}

const SPECIFIC_FIELDS: readonly string[] = SPECIFIC_EDIT_FIELDS;

/**
 * An edit from the family page. Specific personal data is changed only from an unmasked view (400
 * specific_data_masked otherwise), so that nobody overwrites values they were not shown; the answer follows the
 * view's masking, and an unmasked answer is audited as an unmask.
 */
export async function editMemberFromView(context: RegistryContext, memberId: string, body: MemberEditBody, unmask: boolean): Promise<MemberEditResult> {
  if (unmask && !can(context.user.role, 'registry.unmask')) throw new AppError('forbidden');
  const specific = Object.keys(body.changes).filter((field) => SPECIFIC_FIELDS.includes(field));
  if (specific.length > 0 && !unmask) throw new AppError('specific_data_masked', {}, specific.map((field) => ({ path: `/changes/${field}` })));
  const result = await editMember(context, memberId, body, unmask);
  if (unmask) await recordAudit(context.db, context.request, { action: 'unmask', entity: 'member', entityId: memberId, details: { ...UNMASK_DETAILS, familyId: result.familyId } });
  return result;
}
