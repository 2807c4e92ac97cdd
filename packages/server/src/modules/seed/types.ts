import type { Sex } from '@sinergi/domain';

/** One generated member, shaped like a `member` row plus the date they joined the family card. */
export interface GeneratedMember {
  nik: string;
  name: string;
  birthDate: string;
  sex: Sex;
  relation: number;
  maritalStatus: number;
  schooling: number | null;
  education: number | null;
  workStatus: number | null;
  workSector: string | null;
  disabilities: string[];
  chronicIllness: string | null;
  ppks: string[];
  specialStatus: string[];
  memberSince: string;
}

/** One generated family, shaped like a `family` row with its members. */
export interface GeneratedFamily {
  noKk: string;
  villageCode: string;
  address: string;
  rt: string;
  rw: string;
  dusun: string | null;
  headName: string;
  desilNational: number;
  desilProvince: number;
  desilRegency: number;
  houseOwnership: number;
  floorType: number;
  wallType: number;
  roofType: number;
  waterSource: number;
  lighting: number;
  powerVa: number | null;
  cookingFuel: number;
  toilet: number;
  floorAreaM2: number;
  assets: string[];
  businessStatus: 'none' | 'active' | 'stalled';
  businessSector: string | null;
  businessTurnover: number | null;
  dataDate: string;
  members: GeneratedMember[];
}
