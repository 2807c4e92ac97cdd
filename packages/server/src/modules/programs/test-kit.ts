import { BUSINESS_PACKAGE_PRIORITY, BUSINESS_PACKAGE_RULE, type Program, type ProgramCreate, type Role, type TargetingRun } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { loginAs, makeAgency, makeUser, type TestAgency } from '../../../test/factories.ts';
import type { DatabaseKind } from '../../db/database.ts';
import type { DB } from '../../db/schema/index.ts';

/** Shared set-up of the program tests: agencies, signed-in users of each kind, and families with chosen attributes. */

export const KEPANJEN = '35.07.13';
export const DONOMULYO = '35.07.01';
export const KEPANJEN_VILLAGES = ['35.07.13.2001', '35.07.13.2002'] as const;
export const DONOMULYO_VILLAGES = ['35.07.01.2001', '35.07.01.2002'] as const;

export interface ProgramsWorld {
  t: TestApp;
  db: Kysely<DB>;
  dinsos: TestAgency;
  disnaker: TestAgency;
  admin: TestClient;
  dinsosOperator: TestClient;
  disnakerOperator: TestClient;
  pimpinan: TestClient;
  /** A pendamping limited to kecamatan Kepanjen. */
  kepanjenPendamping: TestClient;
}

export async function programsWorld(kind: DatabaseKind): Promise<ProgramsWorld> {
  const t = await startTestApp(kind, { uploadDir: `/tmp/sinergi-test-uploads-${process.pid}-${Date.now()}` });
  const db = t.database.db;
  const dinsos = await makeAgency(db, 'dinsos');
  const disnaker = await makeAgency(db, 'disnaker');
  const login = async (role: Role, agencyId: string, scopeCodes: string[] = []) => loginAs(t.app, await makeUser(db, { role, agencyId, scopeCodes }));
  return {
    t, db, dinsos, disnaker,
    admin: await login('admin', dinsos.id),
    dinsosOperator: await login('operator', dinsos.id),
    disnakerOperator: await login('operator', disnaker.id),
    pimpinan: await login('pimpinan', dinsos.id),
    kepanjenPendamping: await login('pendamping', dinsos.id, [KEPANJEN]),
  };
}

/** A valid business-package program body, as the Dinsos head would enter it. */
export function businessPackage(overrides: Partial<ProgramCreate> = {}): ProgramCreate {
  return {
    name: 'Bantuan Paket Usaha 2026',
    kind: 'business_package',
    approach: 'raise_income',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    fundingSource: 'apbd',
    budget: 8_450_000_000,
    unitValue: 5_000_000,
    benefitItems: [
      { name: 'Kompor gas', quantity: 1, unit: 'unit', unitValue: 750_000 },
      { name: 'Bahan baku', quantity: 1, unit: 'paket', unitValue: 4_250_000 },
    ],
    targetFamilies: 1690,
    legalBasis: 'Pasal 20 ayat (2) huruf d UU 27/2022: pelaksanaan tugas pemerintahan (Perda Penanggulangan Kemiskinan).',
    rule: BUSINESS_PACKAGE_RULE,
    priority: BUSINESS_PACKAGE_PRIORITY,
    ...overrides,
  };
}

export async function createProgram(client: TestClient, body: ProgramCreate): Promise<Program> {
  const response = await client.post('/api/programs', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Program>();
}

export async function activeProgram(client: TestClient, body: ProgramCreate): Promise<Program> {
  const program = await createProgram(client, body);
  const response = await client.post(`/api/programs/${program.id}/activate`, { version: program.version });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Program>();
}

export async function runTargeting(client: TestClient, programId: string): Promise<TargetingRun> {
  const response = await client.post(`/api/programs/${programId}/runs`);
  expect(response.statusCode, response.body).toBe(201);
  const run = response.json<TargetingRun>();
  expect(run.status).toBe('done');
  return run;
}

export interface FamilySpec {
  villageCode: string;
  noKk: string;
  desil: number | null;
  business: 'none' | 'active' | 'stalled';
  headSex: 'L' | 'P';
  headBirthDate: string;
  /** A second member with a disability. */
  disabledMember?: boolean;
  house?: { ownership: number; floorType: number; floorAreaM2: number };
}

let serial = 0;

/** A No KK of the village's kecamatan with a serial, so that the byte order of No KK is the order of `position`. */
export function noKkAt(villageCode: string, position: number): string {
  return villageCode.replace(/\./g, '').slice(0, 6) + String(position).padStart(10, '0');
}

/** Inserts families (head first, then a member with a disability when asked); returns their ids in order. */
export async function insertFamilies(db: Kysely<DB>, specs: readonly FamilySpec[]): Promise<string[]> {
  if (specs.length === 0) return [];
  const rows = await db
    .insertInto('family')
    .values(specs.map((spec) => ({
      no_kk: spec.noKk, village_code: spec.villageCode, head_name: `Kepala ${spec.noKk.slice(-4)}`, address: 'Jl. Melati', rt: '001', rw: '002',
      member_count: spec.disabledMember ? 2 : 1, desil_national: spec.desil, business_status: spec.business, data_source: 'test',
      house_ownership: spec.house?.ownership ?? null, floor_type: spec.house?.floorType ?? null, floor_area_m2: spec.house?.floorAreaM2 ?? null,
    })))
    .returning(['id', 'no_kk'])
    .execute();
  const idOf = new Map(rows.map((row) => [row.no_kk, row.id]));
  const members = specs.flatMap((spec) => {
    const familyId = idOf.get(spec.noKk)!;
    const head = { nik: nikFor(spec.villageCode), family_id: familyId, name: `Kepala ${spec.noKk.slice(-4)}`, birth_date: spec.headBirthDate, sex: spec.headSex, relation: 1 };
    if (!spec.disabledMember) return [head];
    return [head, { nik: nikFor(spec.villageCode), family_id: familyId, name: `Anak ${spec.noKk.slice(-4)}`, birth_date: '2010-05-05', sex: 'L' as const, relation: 3, disabilities: ['berjalan_atau_naik_tangga'] }];
  });
  await db.insertInto('member').values(members).execute();
  return specs.map((spec) => idOf.get(spec.noKk)!);
}

function nikFor(villageCode: string): string {
  serial += 1;
  return villageCode.replace(/\./g, '').slice(0, 6) + '170875' + String(serial).padStart(4, '0');
}

/**
 * The worked quota example: with the business-package rule and priority, Kepanjen quota 3, Donomulyo quota 2 and a
 * target of 4, the ranking is K1 K2 D1 K3 K4 K5 D2 D3; selected K1 K2 D1 K3; waiting K4 K5 D2 D3 (D2 is within its
 * quota but beyond the target). K3/K4 and D2/D3 tie on every key and are inserted in reverse No KK order.
 */
export const QUOTA_SCENARIO = {
  quotas: [{ kecamatanCode: KEPANJEN, families: 3 }, { kecamatanCode: DONOMULYO, families: 2 }],
  targetFamilies: 4,
  ranking: ['K1', 'K2', 'D1', 'K3', 'K4', 'K5', 'D2', 'D3'],
  selected: ['K1', 'K2', 'D1', 'K3'],
  waiting: ['K4', 'K5', 'D2', 'D3'],
} as const;

export async function insertQuotaScenario(db: Kysely<DB>, offset = 0): Promise<Record<string, string>> {
  const [k1, k2] = KEPANJEN_VILLAGES;
  const [d1, d2] = DONOMULYO_VILLAGES;
  const family = (label: string, villageCode: string, position: number, desil: number | null, headSex: 'L' | 'P', disabledMember = false, business: FamilySpec['business'] = 'stalled') =>
    ({ label, spec: { villageCode, noKk: noKkAt(villageCode, offset + position), desil, business, headSex, headBirthDate: '1980-04-01', disabledMember } });
  const families = [
    family('K4', k2, 4, 1, 'L'),
    family('K3', k1, 3, 1, 'L'),
    family('K1', k1, 1, 1, 'P', true),
    family('K2', k2, 2, 1, 'L', true),
    family('K5', k1, 5, 2, 'P'),
    family('D1', d1, 1, 1, 'P'),
    family('D3', d2, 3, 3, 'L'),
    family('D2', d1, 2, 3, 'L'),
    family('X1', k1, 8, 7, 'P'),
    family('X2', d1, 9, 1, 'P', false, 'active'),
  ];
  const ids = await insertFamilies(db, families.map((entry) => entry.spec));
  return Object.fromEntries(families.map((entry, index) => [entry.label, ids[index]!]));
}
