import type { Page, Partner, PartnerInput, PartnerListQuery, PartnerType } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { containsPattern } from '../../db/like.ts';
import type { DB } from '../../db/schema/index.ts';

/** A partner as the input schema parsed it (blanks already turned into nulls). */
export type PartnerValues = z.output<typeof PartnerInput>;

function partnerRows(db: Kysely<DB>) {
  return db
    .selectFrom('partner')
    .leftJoin('agency', 'agency.id', 'partner.agency_id')
    .leftJoin('region', 'region.code', 'partner.region_code')
    .select([
      'partner.id',
      'partner.name',
      sql<PartnerType>`partner.type`.as('type'),
      'partner.agency_id as agencyId',
      'agency.short_name as agencyShortName',
      'partner.contact_person as contactPerson',
      'partner.phone',
      'partner.email',
      'partner.address',
      'partner.region_code as regionCode',
      'region.name as regionName',
      'partner.notes',
      'partner.active',
    ]);
}

export async function findPartner(db: Kysely<DB>, id: string): Promise<Partner | undefined> {
  return partnerRows(db).where('partner.id', '=', id).executeTakeFirst();
}

/** Partners matching the filters, active ones first, then by name. */
export async function listPartners(db: Kysely<DB>, query: PartnerListQuery): Promise<Page<Partner>> {
  let filtered = partnerRows(db);
  if (query.q) {
    const pattern = containsPattern(query.q);
    filtered = filtered.where((eb) =>
      eb.or([
        eb('partner.name', 'ilike', pattern),
        eb('partner.contact_person', 'ilike', pattern),
        eb('partner.phone', 'ilike', pattern),
        eb('partner.email', 'ilike', pattern),
      ]),
    );
  }
  if (query.type) filtered = filtered.where('partner.type', '=', query.type);
  if (query.agencyId) filtered = filtered.where('partner.agency_id', '=', query.agencyId);

  const [items, total] = await Promise.all([
    filtered
      .orderBy('partner.active', 'desc')
      .orderBy('partner.name')
      .orderBy('partner.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    filtered.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n, page: query.page, pageSize: query.pageSize };
}

function columns(values: PartnerValues) {
  return {
    name: values.name,
    type: values.type,
    agency_id: values.agencyId,
    contact_person: values.contactPerson,
    phone: values.phone,
    email: values.email,
    address: values.address,
    region_code: values.regionCode,
    notes: values.notes,
    active: values.active,
  };
}

export async function insertPartner(db: Kysely<DB>, values: PartnerValues): Promise<string> {
  const row = await db.insertInto('partner').values(columns(values)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePartner(db: Kysely<DB>, id: string, values: PartnerValues): Promise<void> {
  await db.updateTable('partner').set({ ...columns(values), updated_at: new Date() }).where('id', '=', id).execute();
}
