import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema/index.ts';

/** Builders for registry rows with valid-looking, unique 16-digit No KK and NIK. */

let serial = 0;
const next = () => ++serial + Math.floor(Math.random() * 1000) * 10_000;

function digitsOf(kecamatanCode: string): string {
  return kecamatanCode.replace(/\./g, '').slice(0, 6);
}

/** A No KK: the issuing kecamatan's six digits and a ten-digit serial. */
export function testNoKk(villageCode: string): string {
  return digitsOf(villageCode) + String(next()).padStart(10, '0');
}

/** A NIK: kecamatan digits, DDMMYY of birth (day + 40 for women), four-digit serial. */
export function testNik(villageCode: string, birthDate: string, sex: 'L' | 'P'): string {
  const [year = '1980', month = '01', day = '01'] = birthDate.split('-');
  const dd = String(Number(day) + (sex === 'P' ? 40 : 0)).padStart(2, '0');
  return digitsOf(villageCode) + dd + month + year.slice(2) + String(next() % 10_000).padStart(4, '0');
}

export interface TestMemberInput {
  name: string;
  sex?: 'L' | 'P';
  birthDate?: string;
  relation?: number;
  nik?: string;
}

export interface TestFamilyInput {
  villageCode: string;
  headName: string;
  noKk?: string;
  desil?: number | null;
  businessStatus?: 'none' | 'active' | 'stalled';
  address?: string;
  /** The head is added as the first member (relation 1) unless members are given. */
  members?: TestMemberInput[];
}

export interface TestFamily {
  id: string;
  noKk: string;
  villageCode: string;
  members: { id: string; nik: string; name: string; birthDate: string }[];
}

/** Inserts a family and its members directly (the import engine is not under test here). */
export async function makeFamily(db: Kysely<DB>, input: TestFamilyInput): Promise<TestFamily> {
  const noKk = input.noKk ?? testNoKk(input.villageCode);
  const members = input.members ?? [{ name: input.headName, sex: 'L', relation: 1 }];
  const family = await db
    .insertInto('family')
    .values({
      no_kk: noKk,
      village_code: input.villageCode,
      head_name: input.headName,
      address: input.address ?? 'Jl. Mawar No. 1',
      rt: '001',
      rw: '002',
      member_count: members.length,
      desil_national: input.desil === undefined ? 3 : input.desil,
      business_status: input.businessStatus ?? 'none',
      data_source: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const created: TestFamily['members'] = [];
  for (const [index, m] of members.entries()) {
    const sex = m.sex ?? 'L';
    const birthDate = m.birthDate ?? `19${70 + index}-08-17`;
    const nik = m.nik ?? testNik(input.villageCode, birthDate, sex);
    const row = await db
      .insertInto('member')
      .values({ nik, family_id: family.id, name: m.name, sex, birth_date: birthDate, relation: m.relation ?? (index === 0 ? 1 : 3) })
      .returning('id')
      .executeTakeFirstOrThrow();
    created.push({ id: row.id, nik, name: m.name, birthDate });
  }
  return { id: family.id, noKk, villageCode: input.villageCode, members: created };
}
