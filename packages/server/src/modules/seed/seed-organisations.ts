import { inJurisdiction, type AgencyKind } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { hashPassword } from '../auth/password.ts';
import { DEMO_AGENCIES, DEMO_PARTNERS } from './demo-organisations.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';
import { kecamatanUnder, regionName } from './queries.ts';

export interface SeededOrganisations {
  agencies: number;
  partners: number;
  users: number;
}

/** "Kabupaten Malang", "Kota Batu" or "Provinsi Jawa Timur", for agency names. */
async function jurisdictionLabel(db: Kysely<DB>, jurisdiction: string): Promise<string> {
  const region = await regionName(db, jurisdiction);
  if (!region) return jurisdiction;
  return region.kind === 'provinsi' ? `Provinsi ${region.name}` : region.name;
}

/** Demo scopes name a Kabupaten Malang kecamatan; elsewhere the jurisdiction's first kecamatan stands in. */
function scopeInside(scope: readonly string[], jurisdiction: string, fallback: string | undefined): string[] {
  return scope.map((code) => (inJurisdiction(jurisdiction, code) || !fallback ? code : fallback));
}

/** The six agencies, a few partner organisations and one demo user per role, in one transaction. */
export async function seedOrganisations(db: Kysely<DB>, jurisdiction: string): Promise<SeededOrganisations> {
  const label = await jurisdictionLabel(db, jurisdiction);
  const firstKecamatan = (await kecamatanUnder(db, jurisdiction))[0];
  const fieldKecamatan = scopeInside(['35.07.13'], jurisdiction, firstKecamatan)[0] ?? null;
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  return db.transaction().execute(async (trx) => {
    const agencyIds = new Map<AgencyKind, string>();
    for (const agency of DEMO_AGENCIES) {
      const row = await trx
        .insertInto('agency')
        .values({ name: `${agency.name} ${label}`, short_name: agency.shortName, kind: agency.kind })
        .returning('id')
        .executeTakeFirstOrThrow();
      agencyIds.set(agency.kind, row.id);
    }
    for (const partner of DEMO_PARTNERS) {
      await trx
        .insertInto('partner')
        .values({
          name: partner.name, type: partner.type, agency_id: agencyIds.get(partner.agencyKind) ?? null, contact_person: partner.contactPerson,
          phone: partner.phone, email: partner.email, address: partner.address, notes: partner.notes,
          region_code: partner.place === 'kecamatan' ? fieldKecamatan : partner.place === 'jurisdiction' ? jurisdiction : null,
        })
        .execute();
    }
    for (const [index, user] of DEMO_USERS.entries()) {
      const agencyId = agencyIds.get(user.agencyKind);
      if (!agencyId) throw new Error(`demo agency missing: ${user.agencyKind}`);
      await trx
        .insertInto('app_user')
        .values({
          username: user.username, full_name: user.fullName, password_hash: hashes[index] ?? '', role: user.role, agency_id: agencyId,
          scope_codes: scopeInside(user.scope, jurisdiction, firstKecamatan), must_change_password: false,
        })
        .execute();
    }
    return { agencies: DEMO_AGENCIES.length, partners: DEMO_PARTNERS.length, users: DEMO_USERS.length };
  });
}
