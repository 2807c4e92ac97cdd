import type { EligibilityFamily, EligibilityMember } from './subject.ts';

// Factories for tests: a plain poor family and its members, changed only where a test says so.

export function member(overrides: Partial<EligibilityMember> = {}): EligibilityMember {
  return {
    name: 'Anggota', birthDate: '1985-06-15', sex: 'L', relation: 3, maritalStatus: 1, schooling: 3, education: 2, workStatus: 0, workSector: null,
    disabilities: [], chronicIllness: null, ppks: [], specialStatus: [], ...overrides,
  };
}

export function head(overrides: Partial<EligibilityMember> = {}): EligibilityMember {
  return member({ name: 'Suparman', relation: 1, maritalStatus: 2, workStatus: 1, ...overrides });
}

export function family(overrides: Partial<EligibilityFamily> = {}): EligibilityFamily {
  const members = overrides.members ?? [head(), member({ name: 'Siti', sex: 'P', relation: 2, birthDate: '1988-02-10', maritalStatus: 2 })];
  return {
    noKk: '3507011203150001', villageCode: '35.07.01.2001', kecamatanCode: '35.07.01', memberCount: members.length, desilNational: 3,
    desilProvince: 3, desilRegency: 2, houseOwnership: 1, floorType: 8, wallType: 4, roofType: 2, waterSource: 6, lighting: 1, powerVa: 450,
    cookingFuel: 10, toilet: 6, floorAreaM2: 18, assets: ['sepeda'], businessStatus: 'stalled', businessSector: 'warung_kelontong',
    businessTurnover: 300_000, dataDate: '2025-10-01', programs: [], ...overrides, members,
  };
}
