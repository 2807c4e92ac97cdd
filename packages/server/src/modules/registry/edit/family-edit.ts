import { diffFields, type FamilyDetail, type FamilyEditBody, type FamilyEditResult } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { DB } from '../../../db/schema/index.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/record.ts';
import { toFamilyDetail } from '../present.ts';
import { familyMembers, findFamily } from '../queries.ts';
import type { RegistryContext } from '../service.ts';
import { assertFamilyInReach, assertVillageAllowed } from './guards.ts';
import { familyWithNoKk, lockFamily, recordChange, updateFamilyAtVersion } from './queries.ts';
import { FAMILY_EDIT_COLUMNS, blanksToNull, columnValues, familyFields } from './records.ts';

/** The family as its profile shows it (masked); also what a 409 conflict carries as the current record. */
export async function maskedFamilyDetail(db: Kysely<DB>, id: string): Promise<FamilyDetail> {
  const family = await findFamily(db, id);
  if (!family) throw new AppError('not_found');
  return toFamilyDetail(family, await familyMembers(db, id), false);
}

export async function familyConflict(db: Kysely<DB>, id: string): Promise<AppError> {
  return new AppError('conflict', {}, { current: await maskedFamilyDetail(db, id) });
}

/** Runs a write and turns a unique-key race (same NIK or No KK saved twice at once) into 409 duplicate. */
export async function refusingDuplicates<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('duplicate');
    throw error;
  }
}

/**
 * Changes a family's fields if nobody saved it since `version` (else 409 conflict with the current record).
 * Only the fields whose value really changes are written, recorded in the change history and audited.
 */
export async function editFamily(context: RegistryContext, familyId: string, body: FamilyEditBody): Promise<FamilyEditResult> {
  const { db, config, user, request } = context;
  const next = blanksToNull(body.changes);
  if (next.villageCode !== undefined) await assertVillageAllowed(db, config, user, next.villageCode);
  const changedFields = await refusingDuplicates(() =>
    db.transaction().execute(async (trx) => {
      const current = await lockFamily(trx, familyId);
      if (!current) throw new AppError('not_found');
      assertFamilyInReach(config, user, current.village_code);
      if (current.version !== body.version) throw await familyConflict(trx, familyId);
      const changes = diffFields(familyFields(current), next);
      const fields = Object.keys(changes);
      if (fields.length === 0) return fields;
      const newNoKk = changes.noKk?.[1];
      if (typeof newNoKk === 'string' && (await familyWithNoKk(trx, newNoKk))) throw new AppError('duplicate');
      const updated = await updateFamilyAtVersion(trx, familyId, body.version, columnValues(changes, FAMILY_EDIT_COLUMNS));
      if (!updated) throw await familyConflict(trx, familyId);
      await recordChange(trx, { entity: 'family', entityId: familyId, familyId, changes, userId: user.id });
      await recordAudit(trx, request, { action: 'update', entity: 'family', entityId: familyId, details: { fields, version: updated.version } });
      return fields;
    }),
  );
  return { family: await maskedFamilyDetail(db, familyId), changedFields, warnings: [] };
}
