import type { AgencyKind, Referral, ReferralCreate, Role } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { loginAs, makeAgency, makeUser, type TestAgency, type TestUser } from '../../../test/factories.ts';
import { makeFamily, type TestFamily } from '../../../test/family-factories.ts';
import type { DatabaseKind } from '../../db/database.ts';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';

/** Shared set-up of the referral tests: the six agencies, a signed-in operator of four of them, leaders, and families. */

export const KEPANJEN = '35.07.13';
export const KEPANJEN_VILLAGE = '35.07.13.2001';
export const DONOMULYO_VILLAGE = '35.07.01.2001';

export interface Person {
  user: TestUser;
  client: TestClient;
}

export interface ReferralsWorld {
  t: TestApp;
  db: Kysely<DB>;
  agencies: Record<'dinsos' | 'disnaker' | 'disperindagkop' | 'dpmd' | 'bappeda', TestAgency>;
  dinsos: Person;
  disnaker: Person;
  disperindagkop: Person;
  dpmd: Person;
  pimpinan: Person;
  admin: Person;
  /** A Dinsos pendamping limited to kecamatan Kepanjen. */
  pendamping: Person;
  kepanjenFamily: TestFamily;
  donomulyoFamily: TestFamily;
}

export async function referralsWorld(kind: DatabaseKind): Promise<ReferralsWorld> {
  const t = await startTestApp(kind);
  const db = t.database.db;
  const agency = (agencyKind: AgencyKind) => makeAgency(db, agencyKind);
  const agencies = {
    dinsos: await agency('dinsos'), disnaker: await agency('disnaker'), disperindagkop: await agency('disperindagkop'), dpmd: await agency('dpmd'),
    bappeda: await agency('bappeda'),
  };
  const person = async (role: Role, agencyId: string, scopeCodes: string[] = []): Promise<Person> => {
    const user = await makeUser(db, { role, agencyId, scopeCodes });
    return { user, client: await loginAs(t.app, user) };
  };
  return {
    t, db, agencies,
    dinsos: await person('operator', agencies.dinsos.id),
    disnaker: await person('operator', agencies.disnaker.id),
    disperindagkop: await person('operator', agencies.disperindagkop.id),
    dpmd: await person('operator', agencies.dpmd.id),
    pimpinan: await person('pimpinan', agencies.bappeda.id),
    admin: await person('admin', agencies.bappeda.id),
    pendamping: await person('pendamping', agencies.dinsos.id, [KEPANJEN]),
    kepanjenFamily: await makeFamily(db, {
      villageCode: KEPANJEN_VILLAGE, headName: 'Sumarni', desil: 2, businessStatus: 'stalled',
      members: [{ name: 'Sumarni', sex: 'P', relation: 1 }, { name: 'Agus Salim', sex: 'L', relation: 3, birthDate: '2001-02-03' }],
    }),
    donomulyoFamily: await makeFamily(db, { villageCode: DONOMULYO_VILLAGE, headName: 'Paidi', desil: 3 }),
  };
}

export const LEGAL_BASIS = { basis: 'legal_basis', legalBasis: 'UU 27/2022 Pasal 20 ayat (2): pelaksanaan tugas pemerintahan daerah' } as const;

export async function sendReferral(client: TestClient, body: ReferralCreate): Promise<Referral> {
  const response = await client.post('/api/referrals', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Referral>();
}

/** The session user of a test user, for calling services directly (with explicit dates). */
export function sessionUserOf(user: TestUser): SessionUser {
  return {
    id: user.id, username: user.username, fullName: user.username, role: user.role, agencyId: user.agencyId, scopeCodes: user.scopeCodes,
    language: 'id', mustChangePassword: false, sessionId: 'test', csrfToken: 'test',
  };
}
