import type { Role, TrainingCohort, TrainingCohortInput, TrainingCourse, TrainingParticipant } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { loginAs, makeAgency, makeUser, type TestAgency } from '../../../test/factories.ts';
import { makeFamily, type TestFamily } from '../../../test/family-factories.ts';
import type { DatabaseKind } from '../../db/database.ts';
import type { DB } from '../../db/schema/index.ts';

/** Shared set-up of the training tests: Disnaker and Dinsos, signed-in users, partners, and people of the registry. */

export const KEPANJEN_VILLAGE = '35.07.13.2001';
export const DONOMULYO_VILLAGE = '35.07.01.2001';

export interface TrainingWorld {
  t: TestApp;
  db: Kysely<DB>;
  disnaker: TestAgency;
  dinsos: TestAgency;
  admin: TestClient;
  disnakerOperator: TestClient;
  dinsosOperator: TestClient;
  pimpinan: TestClient;
  /** A Disnaker operator limited to kecamatan Kepanjen. */
  kepanjenOperator: TestClient;
  lpkId: string;
  prisonId: string;
  employerId: string;
}

async function partner(db: Kysely<DB>, name: string, type: string, agencyId: string | null): Promise<string> {
  const row = await db.insertInto('partner').values({ name, type, agency_id: agencyId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function trainingWorld(kind: DatabaseKind): Promise<TrainingWorld> {
  const t = await startTestApp(kind);
  const db = t.database.db;
  const disnaker = await makeAgency(db, 'disnaker');
  const dinsos = await makeAgency(db, 'dinsos');
  const login = async (role: Role, agencyId: string, scopeCodes: string[] = []) => loginAs(t.app, await makeUser(db, { role, agencyId, scopeCodes }));
  return {
    t, db, disnaker, dinsos,
    admin: await login('admin', dinsos.id),
    disnakerOperator: await login('operator', disnaker.id),
    dinsosOperator: await login('operator', dinsos.id),
    pimpinan: await login('pimpinan', dinsos.id),
    kepanjenOperator: await login('operator', disnaker.id, ['35.07.13']),
    lpkId: await partner(db, 'LPK Terampil Mandiri', 'lpk', disnaker.id),
    prisonId: await partner(db, 'Lapas Perempuan Malang', 'prison', disnaker.id),
    employerId: await partner(db, 'CV Konveksi Sejahtera', 'company_csr', null),
  };
}

export interface PersonFacts {
  inmate?: boolean;
  disability?: boolean;
  businessFamily?: boolean;
}

/** A family of one adult woman in the village, with the registry facts that decide her target group. */
export async function makePerson(world: TrainingWorld, name: string, villageCode: string, facts: PersonFacts = {}): Promise<TestFamily['members'][number] & { familyId: string }> {
  const family = await makeFamily(world.db, { villageCode, headName: name, members: [{ name, sex: 'P', birthDate: '1990-04-12', relation: 1 }] });
  const member = family.members[0]!;
  await world.db
    .updateTable('member')
    .set({ special_status: facts.inmate ? ['warga_binaan'] : [], disabilities: facts.disability ? ['berjalan_atau_naik_tangga'] : [] })
    .where('id', '=', member.id)
    .execute();
  if (facts.businessFamily) await enrolInBusinessPackage(world, family.id, villageCode);
  return { ...member, familyId: family.id };
}

/** The family is in a decreed business package (the registry fact behind the "business-package family" group). */
async function enrolInBusinessPackage(world: TrainingWorld, familyId: string, villageCode: string): Promise<void> {
  let program = await world.db.selectFrom('program').select('id').where('kind', '=', 'business_package').executeTakeFirst();
  program ??= await world.db
    .insertInto('program')
    .values({
      agency_id: world.dinsos.id, name: 'Paket Usaha Uji', kind: 'business_package', approach: 'raise_income', period_from: '2026-01-01', period_to: '2026-12-31',
      funding_source: 'apbd', status: 'active',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await world.db
    .insertInto('program_enrolment')
    .values({ program_id: program.id, family_id: familyId, kecamatan_code: villageCode.slice(0, 8), village_code: villageCode, status: 'in_decree', source: 'targeting' })
    .execute();
}

export async function createCourse(world: TrainingWorld, client: TestClient = world.disnakerOperator): Promise<TrainingCourse> {
  const response = await client.post('/api/training/courses', { name: 'Menjahit Busana Dasar', skill: 'sewing', lpkPartnerId: world.lpkId, hours: 120 });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TrainingCourse>();
}

export async function createCohort(world: TrainingWorld, courseId: string, overrides: Partial<TrainingCohortInput> = {}): Promise<TrainingCohort> {
  const response = await world.disnakerOperator.post('/api/training/cohorts', {
    courseId, name: 'Angkatan I', placeKind: 'lpk', placeName: 'Gedung LPK Terampil Mandiri', startDate: '2025-01-06', endDate: '2025-01-31',
    trainers: ['Sri Rahayu'], seats: 20, ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TrainingCohort>();
}

export async function addParticipant(client: TestClient, cohortId: string, memberId: string, body: object = {}): Promise<TrainingParticipant> {
  const response = await client.post(`/api/training/cohorts/${cohortId}/participants`, { memberId, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TrainingParticipant>();
}
