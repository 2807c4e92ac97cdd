import type { PathwayTransitionCreate, Role } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { loginAs, makeAgency, makeUser, type TestAgency } from '../../../test/factories.ts';
import { makeFamily, type TestFamily } from '../../../test/family-factories.ts';
import type { DatabaseKind } from '../../db/database.ts';
import type { DB } from '../../db/schema/index.ts';

/** Shared set-up of the pathway tests: three agencies, signed-in users, families in two kecamatan, programs with receipts. */

export const KEPANJEN_VILLAGE = '35.07.13.2001';
export const DONOMULYO_VILLAGE = '35.07.01.2001';

export interface PathwayWorld {
  t: TestApp;
  db: Kysely<DB>;
  dinsos: TestAgency;
  disperindagkop: TestAgency;
  admin: TestClient;
  dinsosOperator: TestClient;
  koperasiOperator: TestClient;
  pimpinan: TestClient;
  /** An operator limited to kecamatan Kepanjen. */
  kepanjenOperator: TestClient;
  pendamping: TestClient;
}

export async function pathwayWorld(kind: DatabaseKind): Promise<PathwayWorld> {
  const t = await startTestApp(kind);
  const db = t.database.db;
  const dinsos = await makeAgency(db, 'dinsos');
  const disperindagkop = await makeAgency(db, 'disperindagkop');
  const login = async (role: Role, agencyId: string, scopeCodes: string[] = []) => loginAs(t.app, await makeUser(db, { role, agencyId, scopeCodes }));
  return {
    t, db, dinsos, disperindagkop,
    admin: await login('admin', dinsos.id),
    dinsosOperator: await login('operator', dinsos.id),
    koperasiOperator: await login('operator', disperindagkop.id),
    pimpinan: await login('pimpinan', dinsos.id),
    kepanjenOperator: await login('operator', dinsos.id, ['35.07.13']),
    pendamping: await login('pendamping', dinsos.id),
  };
}

let families = 0;

export async function family(db: Kysely<DB>, villageCode = KEPANJEN_VILLAGE, options: { desil?: number; businessStatus?: 'active' | 'stalled' } = {}): Promise<TestFamily> {
  families += 1;
  return makeFamily(db, { villageCode, headName: `Kepala Keluarga ${families}`, desil: options.desil ?? 3, businessStatus: options.businessStatus ?? 'stalled' });
}

/** An active program of the agency, written directly (the program screens are not under test here). */
export async function program(db: Kysely<DB>, agencyId: string, kind: string, approach: string, name: string): Promise<string> {
  const row = await db.insertInto('program').values({
    agency_id: agencyId, name, kind, approach, period_from: '2026-01-01', period_to: '2026-12-31', funding_source: 'apbd', status: 'active',
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The family received the program on `servedOn` (or is only a candidate). */
export async function enrol(db: Kysely<DB>, programId: string, target: TestFamily, servedOn: string | null, status: 'served' | 'candidate' = 'served'): Promise<string> {
  const row = await db.insertInto('program_enrolment').values({
    program_id: programId, family_id: target.id, kecamatan_code: target.villageCode.slice(0, 8), village_code: target.villageCode, status, source: 'targeting',
    served_at: servedOn === null ? null : new Date(`${servedOn}T03:00:00Z`),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function step(client: TestClient, familyId: string, body: PathwayTransitionCreate, expected = 201) {
  const response = await client.post(`/api/families/${familyId}/pathway/transitions`, body);
  expect(response.statusCode, response.body).toBe(expected);
  return response;
}
