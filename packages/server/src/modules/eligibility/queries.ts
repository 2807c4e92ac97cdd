import type { EligibilityFamily, EligibilityMember, ProgramReceipt, ProgramTables } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

export interface LoadFamiliesOptions {
  /** Where received programs live; without it families carry no receipts. */
  programTables?: ProgramTables;
}

/** Families as rules see them, with current members and counted program receipts, in the order of `ids`. */
export async function loadEligibilityFamilies(db: Kysely<DB>, ids: readonly string[], options: LoadFamiliesOptions = {}): Promise<EligibilityFamily[]> {
  if (ids.length === 0) return [];
  const families = await db.selectFrom('family').selectAll().where('id', 'in', [...ids]).execute();
  const members = await db.selectFrom('member').selectAll().where('family_id', 'in', [...ids]).orderBy('nik').execute();
  const receipts = options.programTables ? await loadReceipts(db, ids, options.programTables) : [];
  const pathways = await db.selectFrom('family_pathway').select(['family_id', 'business_started_on', 'baseline_desil']).where('family_id', 'in', [...ids]).execute();
  const pathwayOf = new Map(pathways.map((row) => [row.family_id, { businessStartedOn: row.business_started_on, baselineDesil: row.baseline_desil }]));
  const membersOf = groupBy(members, (member) => member.family_id);
  const receiptsOf = groupBy(receipts, (receipt) => receipt.familyId);
  const byId = new Map(families.map((row) => [row.id, row]));
  return ids.flatMap((id): EligibilityFamily[] => {
    const row = byId.get(id);
    if (!row) return [];
    return [{
      id: row.id, noKk: row.no_kk, villageCode: row.village_code, kecamatanCode: row.kecamatan_code, memberCount: row.member_count,
      desilNational: row.desil_national, desilProvince: row.desil_province, desilRegency: row.desil_regency,
      houseOwnership: row.house_ownership, floorType: row.floor_type, wallType: row.wall_type, roofType: row.roof_type,
      waterSource: row.water_source, lighting: row.lighting, powerVa: row.power_va, cookingFuel: row.cooking_fuel, toilet: row.toilet,
      floorAreaM2: row.floor_area_m2, assets: row.assets, businessStatus: row.business_status, businessSector: row.business_sector,
      businessTurnover: row.business_turnover, dataDate: row.data_date,
      members: (membersOf.get(id) ?? []).map((member): EligibilityMember => ({
        id: member.id, name: member.name, birthDate: member.birth_date, sex: member.sex, relation: member.relation,
        maritalStatus: member.marital_status, schooling: member.schooling, education: member.education, workStatus: member.work_status,
        workSector: member.work_sector, disabilities: member.disabilities, chronicIllness: member.chronic_illness, ppks: member.ppks,
        specialStatus: member.special_status,
      })),
      programs: (receiptsOf.get(id) ?? []).map(({ programId, kind, date, name }) => ({ programId, kind, date, ...(name === null ? {} : { name }) })),
      pathway: pathwayOf.get(id) ?? null,
    }];
  });
}

interface ReceiptRow extends Omit<ProgramReceipt, 'name'> {
  familyId: string;
  name: string | null;
}

/** Receipts read with the same tables, status filter and date cast as the compiled rule uses. */
async function loadReceipts(db: Kysely<DB>, ids: readonly string[], tables: ProgramTables): Promise<ReceiptRow[]> {
  const status = tables.statusColumn !== undefined && tables.countedStatuses !== undefined
    ? sql`AND pe.${sql.id(tables.statusColumn)} = ANY(${[...tables.countedStatuses]}::text[])`
    : sql``;
  const name = tables.nameColumn === undefined ? sql`NULL::text` : sql`p.${sql.id(tables.nameColumn)}::text`;
  const result = await sql<ReceiptRow>`
    SELECT pe.${sql.id(tables.familyColumn)}::text AS "familyId", pe.${sql.id(tables.programColumn)}::text AS "programId",
           p.${sql.id(tables.kindColumn)} AS kind, (pe.${sql.id(tables.dateColumn)})::date::text AS date, ${name} AS name
      FROM ${sql.table(tables.enrolmentTable)} pe
      JOIN ${sql.table(tables.programTable)} p ON p.${sql.id(tables.programIdColumn)} = pe.${sql.id(tables.programColumn)}
     WHERE pe.${sql.id(tables.familyColumn)}::text = ANY(${[...ids]}::text[]) ${status}`.execute(db);
  return result.rows;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
