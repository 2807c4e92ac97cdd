import type { ProgramTables } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { COUNTED_STATUSES, PROGRAM_KINDS, type GeneratedFamily, type Regions } from './agreement-arbitraries.ts';

/**
 * Test tables standing in for the programs module's own: the rule compiler is told where they are, as it will be told
 * about the real ones. Names differ from the real tables so that both can live in one database.
 */
export const TEST_PROGRAM_TABLES: ProgramTables = {
  enrolmentTable: 'rule_test_enrolment',
  familyColumn: 'family_id',
  programColumn: 'program_id',
  dateColumn: 'served_at',
  statusColumn: 'status',
  countedStatuses: COUNTED_STATUSES,
  programTable: 'rule_test_program',
  programIdColumn: 'id',
  kindColumn: 'kind',
  nameColumn: 'name',
};

export async function createProgramTables(db: Kysely<DB>): Promise<string[]> {
  await sql`CREATE TABLE rule_test_program (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), kind text NOT NULL, name text NOT NULL)`.execute(db);
  await sql`CREATE TABLE rule_test_enrolment (
    id bigserial PRIMARY KEY,
    program_id uuid NOT NULL REFERENCES rule_test_program (id),
    family_id uuid NOT NULL REFERENCES family (id),
    status text NOT NULL,
    served_at timestamptz
  )`.execute(db);
  const ids: string[] = [];
  for (const kind of PROGRAM_KINDS) {
    const row = await sql<{ id: string }>`INSERT INTO rule_test_program (kind, name) VALUES (${kind}, ${`Program uji ${kind}`}) RETURNING id`.execute(db);
    ids.push(row.rows[0]!.id);
  }
  return ids;
}

/** Two kecamatan of the jurisdiction with two villages each, from the loaded region tree. */
export async function pickRegions(db: Kysely<DB>): Promise<Regions> {
  const villages = await db.selectFrom('region').select('code').where('level', '=', 4).where('code', 'like', '35.07.%')
    .orderBy('code').limit(40).execute();
  const byKecamatan = new Map<string, string[]>();
  for (const { code } of villages) {
    const kecamatan = code.slice(0, 8);
    byKecamatan.set(kecamatan, [...(byKecamatan.get(kecamatan) ?? []), code]);
  }
  const chosen = [...byKecamatan.entries()].slice(0, 2).map(([kecamatan, codes]) => ({ kecamatan, codes: codes.slice(0, 2) }));
  return { kecamatan: chosen.map((entry) => entry.kecamatan), villages: chosen.flatMap((entry) => entry.codes) };
}

let serial = 0;

/** Inserts generated families with their members and receipts; returns their ids in order. */
export async function insertFamilies(db: Kysely<DB>, families: readonly GeneratedFamily[], programIds: readonly string[]): Promise<string[]> {
  if (families.length === 0) return [];
  const rows = families.map((family) => {
    serial += 1;
    const { members: _members, receipts: _receipts, pathway: _pathway, ...columns } = family;
    return {
      no_kk: `${family.villageCode.replaceAll('.', '').slice(0, 6)}${String(serial).padStart(10, '0')}`,
      village_code: columns.villageCode, member_count: columns.memberCount, desil_national: columns.desilNational,
      desil_province: columns.desilProvince, desil_regency: columns.desilRegency, house_ownership: columns.houseOwnership,
      floor_type: columns.floorType, wall_type: columns.wallType, roof_type: columns.roofType, water_source: columns.waterSource,
      lighting: columns.lighting, power_va: columns.powerVa, cooking_fuel: columns.cookingFuel, toilet: columns.toilet,
      floor_area_m2: columns.floorAreaM2, assets: columns.assets, business_status: columns.businessStatus, business_sector: columns.businessSector,
      business_turnover: columns.businessTurnover, data_date: columns.dataDate,
    };
  });
  const inserted = await db.insertInto('family').values(rows).returning('id').execute();
  const ids = inserted.map((row) => row.id);
  const members = families.flatMap((family, index) => family.members.map((member) => {
    serial += 1;
    return {
      nik: `3507${String(serial).padStart(12, '0')}`, family_id: ids[index]!, name: `Anggota ${serial}`, birth_date: member.birthDate,
      sex: member.sex, relation: member.relation, marital_status: member.maritalStatus, schooling: member.schooling, education: member.education,
      work_status: member.workStatus, work_sector: member.workSector, disabilities: member.disabilities, chronic_illness: member.chronicIllness,
      ppks: member.ppks, special_status: member.specialStatus,
    };
  }));
  if (members.length > 0) await db.insertInto('member').values(members).execute();
  const pathways = families.flatMap((family, index) => (family.pathway === null ? [] : [{
    family_id: ids[index]!, stage: 'pemberdayaan' as const, stage_since: '2025-01-01',
    business_started_on: family.pathway.businessStartedOn, baseline_desil: family.pathway.baselineDesil,
  }]));
  if (pathways.length > 0) await db.insertInto('family_pathway').values(pathways).execute();
  for (const [index, family] of families.entries()) {
    for (const receipt of family.receipts) {
      // A mid-day time checks that the compiled rule compares the day, not the instant.
      const servedAt = receipt.date === null ? null : `${receipt.date} 13:30:00`;
      await sql`INSERT INTO rule_test_enrolment (program_id, family_id, status, served_at)
                VALUES (${programIds[receipt.program]}, ${ids[index]}, ${receipt.status}, ${servedAt}::timestamp)`.execute(db);
    }
  }
  return ids;
}

export async function deleteFamilies(db: Kysely<DB>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`DELETE FROM rule_test_enrolment WHERE family_id = ANY(${[...ids]}::uuid[])`.execute(db);
  await db.deleteFrom('member').where('family_id', 'in', [...ids]).execute();
  await db.deleteFrom('family_pathway').where('family_id', 'in', [...ids]).execute();
  await db.deleteFrom('family').where('id', 'in', [...ids]).execute();
}
