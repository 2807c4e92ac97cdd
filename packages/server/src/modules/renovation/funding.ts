import { acceptsFunding, type RenovationFundingInput } from '@sinergi/domain';
import type { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { audit, type RenovationContext } from './context.ts';
import { answering, requireWritableHouse } from './service.ts';

/**
 * Records one contribution to a house: APBD or APBN money, a company's CSR, a community forum's money, materials or
 * labour (at its estimated value), each with its partner and date.
 */
export async function recordFunding(context: RenovationContext, houseId: string, input: z.output<typeof RenovationFundingInput>): Promise<void> {
  const house = await requireWritableHouse(context, houseId);
  if (!acceptsFunding(house.stage)) throw new AppError('renovation_funding_closed', { stage: house.stage });
  if (input.partnerId) {
    const partner = await context.db.selectFrom('partner').select('id').where('id', '=', input.partnerId).executeTakeFirst();
    if (!partner) throw new AppError('validation_failed', {}, [{ path: '/partnerId', message: 'mitra tidak dikenal / unknown partner' }]);
  }
  const entry = await context.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('renovation_funding')
      .values({
        house_id: houseId, source: input.source, partner_id: input.partnerId, form: input.form, value: input.value, description: input.description,
        contributed_on: input.contributedOn, created_by: context.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('renovation_house').set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() })).where('id', '=', houseId).execute();
    return row;
  });
  await audit(context, { action: 'create', entity: 'renovation_funding', entityId: entry.id, details: { houseId, ...input } });
}

/** Removes a contribution entered by mistake (the audit trail keeps what it was). */
export async function deleteFunding(context: RenovationContext, houseId: string, fundingId: string): Promise<void> {
  await requireWritableHouse(context, houseId);
  const removed = await context.db.deleteFrom('renovation_funding').where('id', '=', fundingId).where('house_id', '=', houseId).returningAll().executeTakeFirst();
  if (!removed) throw new AppError('not_found');
  await context.db.updateTable('renovation_house').set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() })).where('id', '=', houseId).execute();
  await audit(context, {
    action: 'delete', entity: 'renovation_funding', entityId: fundingId,
    details: { houseId, source: removed.source, partnerId: removed.partner_id, form: removed.form, value: removed.value, contributedOn: removed.contributed_on },
  });
}

export const addFunding = answering(recordFunding);

export const removeFunding = answering(deleteFunding);
