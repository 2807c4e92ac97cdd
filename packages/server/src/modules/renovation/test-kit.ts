import { criteriaFromRegistry, rtlhScore, type RegistryHouse, type Renovation, type Role } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import sharp from 'sharp';
import { expect } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { loginAs, makeAgency, makeUser, type TestAgency } from '../../../test/factories.ts';
import { makeFamily } from '../../../test/family-factories.ts';
import type { DatabaseKind } from '../../db/database.ts';
import type { DB } from '../../db/schema/index.ts';

/** Shared set-up of the renovation tests: agencies, signed-in users of each kind, partners and families with poor houses. */

export const KEPANJEN = '35.07.13';
export const KEPANJEN_VILLAGE = '35.07.13.2001';
export const DONOMULYO_VILLAGE = '35.07.01.2001';

export interface RenovationWorld {
  t: TestApp;
  db: Kysely<DB>;
  perkim: TestAgency;
  dinsos: TestAgency;
  admin: TestClient;
  perkimOperator: TestClient;
  dinsosOperator: TestClient;
  disnakerOperator: TestClient;
  pimpinan: TestClient;
  /** A Perkim operator limited to kecamatan Kepanjen. */
  kepanjenOperator: TestClient;
  kepanjenPendamping: TestClient;
  forumId: string;
  csrId: string;
}

export async function renovationWorld(kind: DatabaseKind): Promise<RenovationWorld> {
  const t = await startTestApp(kind, { uploadDir: `/tmp/sinergi-test-renovation-${process.pid}-${Date.now()}` });
  const db = t.database.db;
  const perkim = await makeAgency(db, 'pupr_perkim');
  const dinsos = await makeAgency(db, 'dinsos');
  const disnaker = await makeAgency(db, 'disnaker');
  const login = async (role: Role, agencyId: string, scopeCodes: string[] = []) => loginAs(t.app, await makeUser(db, { role, agencyId, scopeCodes }));
  const partner = async (name: string, type: 'community_forum' | 'company_csr') =>
    (await db.insertInto('partner').values({ name, type }).returning('id').executeTakeFirstOrThrow()).id;
  return {
    t, db, perkim, dinsos,
    admin: await login('admin', dinsos.id),
    perkimOperator: await login('operator', perkim.id),
    dinsosOperator: await login('operator', dinsos.id),
    disnakerOperator: await login('operator', disnaker.id),
    pimpinan: await login('pimpinan', dinsos.id),
    kepanjenOperator: await login('operator', perkim.id, [KEPANJEN]),
    kepanjenPendamping: await login('pendamping', dinsos.id, [KEPANJEN]),
    forumId: await partner('Paguyuban Sosial Marga Tionghoa Indonesia (PSMTI) Malang', 'community_forum'),
    csrId: await partner('PT Sinar Tani Nusantara (CSR)', 'company_csr'),
  };
}

/** A family whose registry record shows a poor house: earth floor, bamboo walls, leaf roof, 24 m² for 4 people. */
export async function poorHouseFamily(db: Kysely<DB>, villageCode: string, headName: string): Promise<string> {
  const family = await makeFamily(db, { villageCode, headName });
  await db.updateTable('family').set({ floor_type: 8, wall_type: 6, roof_type: 7, toilet: 1, water_source: 3, lighting: 1, floor_area_m2: 24, member_count: 4 }).where('id', '=', family.id).execute();
  return family.id;
}

export async function ok(response: { statusCode: number; body: string; json: <T>() => T }, status = 200): Promise<Renovation> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<Renovation>();
}

export const ALL_CRITERIA_OFF = { roof: false, wall: false, floor: false, crowded: false, sanitation: false, water: false, ventilation: false, electricity: false };

/** Proposes, assesses (score 80), verifies and schedules a house: ready for construction. */
export async function scheduledHouse(client: TestClient, familyId: string, year = 2026): Promise<Renovation> {
  let house = await ok(await client.post('/api/renovations', { familyId, year, source: 'registry' }), 201);
  house = await ok(await client.post(`/api/renovations/${house.id}/assessment`, {
    version: house.version, criteria: { ...ALL_CRITERIA_OFF, roof: true, wall: true, floor: true, sanitation: true }, floorAreaM2: 24, occupants: 4, assessedOn: '2026-02-10',
  }));
  house = await ok(await client.post(`/api/renovations/${house.id}/verify`, { version: house.version, verifiedOn: '2026-02-20' }));
  return ok(await client.post(`/api/renovations/${house.id}/schedule`, { version: house.version, plannedStart: '2026-04-01', plannedEnd: '2026-05-31', budget: 20_000_000 }));
}

/** A small JPEG as a phone would send it (deterministic: a flat colour). */
export async function testJpeg(width = 2400, height = 1800, colour = '#8a6d3b'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).jpeg({ quality: 70 }).toBuffer();
}

/** A multipart body with text fields and files (field "file"). */
export function multipart(fields: Record<string, string>, files: { name: string; content: Buffer }[]) {
  const boundary = '----sinergi-renovation-boundary';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface ScoredHouse {
  id: string;
  house: RegistryHouse;
  /** `family.rtlh_score`, as PostgreSQL stored it. */
  stored: number;
  /** The domain's score of the same row: the source of truth. */
  domain: number;
}

/** Every family's (or the given families') stored RTLH pre-score next to the domain's score of the row as stored. */
export async function storedAndDomainScores(db: Kysely<DB>, ids?: readonly string[]): Promise<ScoredHouse[]> {
  let query = db.selectFrom('family')
    .select(['id', 'roof_type', 'wall_type', 'floor_type', 'toilet', 'water_source', 'lighting', 'floor_area_m2', 'member_count', sql<number>`rtlh_score`.as('stored')])
    .orderBy('id');
  if (ids) query = query.where('id', 'in', ids.length > 0 ? [...ids] : ['00000000-0000-0000-0000-000000000000']);
  const rows = await query.execute();
  return rows.map((row) => {
    const house: RegistryHouse = {
      roofType: row.roof_type, wallType: row.wall_type, floorType: row.floor_type, toilet: row.toilet, waterSource: row.water_source, lighting: row.lighting,
      floorAreaM2: row.floor_area_m2 === null ? null : Number(row.floor_area_m2), memberCount: row.member_count,
    };
    return { id: row.id, house, stored: row.stored, domain: rtlhScore(criteriaFromRegistry(house)) };
  });
}

/** The houses whose stored score differs from the domain's: empty when SQL and TypeScript agree. */
export const disagreeing = (scored: readonly ScoredHouse[]) => scored.filter((row) => row.stored !== row.domain);
