import { timeOrderedUuid } from './ids.ts';
import { csvLine } from '../../db/database.ts';
import type { GeneratedFamily } from './types.ts';

export const FAMILY_COLUMNS = [
  'id', 'no_kk', 'village_code', 'address', 'rt', 'rw', 'dusun', 'head_name', 'member_count', 'desil_national', 'desil_province', 'desil_regency',
  'house_ownership', 'floor_type', 'wall_type', 'roof_type', 'water_source', 'lighting', 'power_va', 'cooking_fuel', 'toilet', 'floor_area_m2',
  'assets', 'business_status', 'business_sector', 'business_turnover', 'data_source', 'data_date',
] as const;

export const MEMBER_COLUMNS = [
  'id', 'nik', 'family_id', 'name', 'birth_date', 'sex', 'relation', 'marital_status', 'schooling', 'education', 'work_status', 'work_sector',
  'disabilities', 'chronic_illness', 'ppks', 'special_status',
] as const;

export const MEMBERSHIP_COLUMNS = ['id', 'member_id', 'family_id', 'relation', 'start_date'] as const;

export const SEED_DATA_SOURCE = 'seed';

/** COPY lines for a batch of families, their members and membership history rows. */
export interface CopyBatch {
  families: string[];
  members: string[];
  memberships: string[];
}

export function emptyBatch(): CopyBatch {
  return { families: [], members: [], memberships: [] };
}

export function addToBatch(batch: CopyBatch, family: GeneratedFamily): void {
  const familyId = timeOrderedUuid();
  batch.families.push(
    csvLine([
      familyId, family.noKk, family.villageCode, family.address, family.rt, family.rw, family.dusun, family.headName, family.members.length,
      family.desilNational, family.desilProvince, family.desilRegency, family.houseOwnership, family.floorType, family.wallType, family.roofType,
      family.waterSource, family.lighting, family.powerVa, family.cookingFuel, family.toilet, family.floorAreaM2, family.assets,
      family.businessStatus, family.businessSector, family.businessTurnover, SEED_DATA_SOURCE, family.dataDate,
    ]),
  );
  for (const m of family.members) {
    const memberId = timeOrderedUuid();
    batch.members.push(
      csvLine([
        memberId, m.nik, familyId, m.name, m.birthDate, m.sex, m.relation, m.maritalStatus, m.schooling, m.education, m.workStatus, m.workSector,
        m.disabilities, m.chronicIllness, m.ppks, m.specialStatus,
      ]),
    );
    batch.memberships.push(csvLine([timeOrderedUuid(), memberId, familyId, m.relation, m.memberSince]));
  }
}
