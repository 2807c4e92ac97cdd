import { sql, type Kysely } from 'kysely';
import { makeFamily } from '../../../../test/family-factories.ts';
import type { DB } from '../../../db/schema/index.ts';

/** Test helpers for duplicate detection and review. */

export const KEMIRI = '35.07.13.2001'; // kecamatan Kepanjen
export const SENGGURUH = '35.07.13.2002'; // kecamatan Kepanjen
export const TULUNGREJO = '35.07.01.2001'; // kecamatan Donomulyo

export interface TestPerson {
  familyId: string;
  memberId: string;
  nik: string;
  name: string;
}

/** A one-member family with the member's membership open since 2020, as an import would leave it. */
export async function makePerson(db: Kysely<DB>, input: { villageCode: string; name: string; birthDate: string; sex?: 'L' | 'P' }): Promise<TestPerson> {
  const sex = input.sex ?? 'P';
  const family = await makeFamily(db, { villageCode: input.villageCode, headName: input.name, members: [{ name: input.name, birthDate: input.birthDate, sex, relation: 1 }] });
  const member = family.members[0];
  if (!member) throw new Error('makeFamily made no member');
  await db.insertInto('family_membership').values({ member_id: member.id, family_id: family.id, relation: 1, start_date: '2020-01-01' }).execute();
  return { familyId: family.id, memberId: member.id, nik: member.nik, name: input.name };
}

/** Recorded pairs as sorted name pairs with their status, for comparing with what a test expects. */
export async function pairsByName(db: Kysely<DB>): Promise<{ names: string; status: string }[]> {
  const result = await sql<{ names: string; status: string }>`
    SELECT concat_ws(' | ', least(a.name, b.name), greatest(a.name, b.name)) AS names, c.status
    FROM duplicate_candidate c JOIN member a ON a.id = c.member_a JOIN member b ON b.id = c.member_b
    ORDER BY 1, 2`.execute(db);
  return result.rows;
}
