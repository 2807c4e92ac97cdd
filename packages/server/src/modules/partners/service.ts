import { mayManageAgencyRecord, type Partner } from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { Config } from '../../config.ts';
import { recordAudit } from '../audit/record.ts';
import { requireRegionInJurisdiction } from '../regions/service.ts';
import { findPartner, insertPartner, updatePartner, type PartnerValues } from './queries.ts';

interface PartnerContext {
  db: Kysely<DB>;
  config: Config;
  request: FastifyRequest;
  user: SessionUser;
}

/** Ownership, agency and region checks every create and edit goes through. */
async function assertValidPartner({ db, config, user }: PartnerContext, values: PartnerValues): Promise<void> {
  if (!mayManageAgencyRecord(user, values.agencyId)) throw new AppError('forbidden');
  if (values.agencyId) {
    const agency = await db.selectFrom('agency').select('id').where('id', '=', values.agencyId).executeTakeFirst();
    if (!agency) throw new AppError('unknown_agency');
  }
  if (values.regionCode) await requireRegionInJurisdiction(db, config, values.regionCode);
}

export async function getPartner(db: Kysely<DB>, id: string): Promise<Partner> {
  const partner = await findPartner(db, id);
  if (!partner) throw new AppError('not_found');
  return partner;
}

export async function createPartner(context: PartnerContext, values: PartnerValues): Promise<Partner> {
  await assertValidPartner(context, values);
  const id = await insertPartner(context.db, values);
  await recordAudit(context.db, context.request, { action: 'create', entity: 'partner', entityId: id, details: { ...values } });
  return getPartner(context.db, id);
}

/** Edits a partner; an operator may neither touch another agency's partner nor hand one over to another agency. */
export async function editPartner(context: PartnerContext, id: string, values: PartnerValues): Promise<Partner> {
  const before = await getPartner(context.db, id);
  if (!mayManageAgencyRecord(context.user, before.agencyId)) throw new AppError('forbidden');
  await assertValidPartner(context, values);
  await updatePartner(context.db, id, values);
  await recordAudit(context.db, context.request, { action: 'update', entity: 'partner', entityId: id, details: changedFields(before, values) });
  return getPartner(context.db, id);
}

/** Only what changed, as { field: { from, to } }, so the audit trail stays readable. */
function changedFields(before: Partner, after: PartnerValues): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof PartnerValues)[]) {
    if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}
