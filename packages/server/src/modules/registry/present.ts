import { maskBirthDate, maskIdNumber, visiblePpksCodes, type FamilyDetail, type FamilyListItem, type Member } from '@sinergi/domain';
import type { FamilyListRow, FamilyRow, MemberRow } from './queries.ts';

/** A list row as the API shows it: the No KK always masked (unmasking is a per-family, audited action). */
export function toListItem(row: FamilyListRow): FamilyListItem {
  return {
    id: row.id,
    noKk: maskIdNumber(row.noKk),
    headName: row.headName,
    address: row.address,
    villageCode: row.villageCode,
    villageName: row.villageName,
    kecamatanName: row.kecamatanName,
    desil: row.desil,
    memberCount: row.memberCount,
    businessStatus: row.businessStatus,
  };
}

/** A member as the API shows it: NIK, birth date and specific personal data (UU PDP) in full only when `unmasked`. */
export function toMember(row: MemberRow, unmasked: boolean): Member {
  return {
    id: row.id,
    nik: unmasked ? row.nik : maskIdNumber(row.nik),
    name: row.name,
    birthDate: unmasked ? row.birth_date : maskBirthDate(row.birth_date),
    sex: row.sex,
    relation: row.relation,
    maritalStatus: row.marital_status,
    education: row.education,
    workStatus: row.work_status,
    disabilities: unmasked ? row.disabilities : null,
    chronicIllness: unmasked ? row.chronic_illness : null,
    ppks: unmasked ? row.ppks : visiblePpksCodes(row.ppks),
    specialStatus: unmasked ? row.special_status : null,
    // Hidden for every member of a masked view, so that the flag itself tells nothing about anyone.
    specificDataHidden: !unmasked,
    version: row.version,
  };
}

/** The family profile; NIK, No KK, birth dates and specific personal data in full only when `unmasked`. */
export function toFamilyDetail(row: FamilyRow, members: MemberRow[], unmasked: boolean): FamilyDetail {
  return {
    id: row.id,
    noKk: unmasked ? row.no_kk : maskIdNumber(row.no_kk),
    headName: row.head_name,
    address: row.address,
    villageCode: row.village_code,
    villageName: row.village_name,
    kecamatanName: row.kecamatan_name,
    kecamatanCode: row.kecamatan_code,
    desil: row.desil_national,
    memberCount: row.member_count,
    businessStatus: row.business_status,
    rt: row.rt,
    rw: row.rw,
    dusun: row.dusun,
    desilNational: row.desil_national,
    desilProvince: row.desil_province,
    desilRegency: row.desil_regency,
    house: {
      ownership: row.house_ownership,
      floorType: row.floor_type,
      wallType: row.wall_type,
      roofType: row.roof_type,
      waterSource: row.water_source,
      lighting: row.lighting,
      powerVa: row.power_va,
      cookingFuel: row.cooking_fuel,
      toilet: row.toilet,
      floorAreaM2: row.floor_area_m2,
    },
    assets: row.assets,
    businessSector: row.business_sector,
    businessTurnover: row.business_turnover,
    dataSource: row.data_source,
    dataDate: row.data_date,
    version: row.version,
    unmasked,
    members: members.map((m) => toMember(m, unmasked)),
  };
}
