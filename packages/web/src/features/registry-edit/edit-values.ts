import { diffFields, SPECIFIC_EDIT_FIELDS, type ChangeValue, type FamilyDetail, type FamilyEditable, type FieldChanges, type Member, type MemberEditable } from '@sinergi/domain';

/** Masked identity numbers (3507********0002) and birth dates (1975-**-**) cannot be edited or compared. */
export function isMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes('*');
}

/** The family's editable fields as the edit form and the server name them. */
export function familyEditValues(family: FamilyDetail): FamilyEditable {
  const { house } = family;
  return {
    noKk: family.noKk,
    villageCode: family.villageCode,
    address: family.address,
    rt: family.rt,
    rw: family.rw,
    dusun: family.dusun,
    desilNational: family.desilNational,
    desilProvince: family.desilProvince,
    desilRegency: family.desilRegency,
    houseOwnership: house.ownership,
    floorType: house.floorType,
    wallType: house.wallType,
    roofType: house.roofType,
    waterSource: house.waterSource,
    lighting: house.lighting,
    powerVa: house.powerVa,
    cookingFuel: house.cookingFuel,
    toilet: house.toilet,
    floorAreaM2: house.floorAreaM2,
    assets: family.assets,
    businessStatus: family.businessStatus,
    businessSector: family.businessSector,
    businessTurnover: family.businessTurnover,
    dataDate: family.dataDate,
  };
}

/** The member fields the profile knows; school participation and work sector are not shown there, so not edited here. */
export type MemberFormValues = Omit<MemberEditable, 'schooling' | 'workSector'>;

export function memberEditValues(member: Member): MemberFormValues {
  return {
    nik: member.nik,
    name: member.name,
    birthDate: member.birthDate,
    sex: member.sex,
    relation: member.relation,
    maritalStatus: member.maritalStatus,
    education: member.education,
    workStatus: member.workStatus,
    // Hidden specific data stays as loaded: the form shows those fields disabled, so they are never sent.
    disabilities: member.disabilities ?? [],
    chronicIllness: member.chronicIllness,
    ppks: member.ppks,
    specialStatus: member.specialStatus ?? [],
  };
}

const SPECIFIC_FIELDS: readonly string[] = SPECIFIC_EDIT_FIELDS;

/** Whether the changes touch specific personal data, which the server takes only from an unmasked view. */
export function touchesSpecificData(changes: object): boolean {
  return Object.keys(changes).some((field) => SPECIFIC_FIELDS.includes(field));
}

/**
 * A conflict's current record comes masked; where it hides specific data, the form keeps the values it was opened
 * with rather than take the blanks for the truth.
 */
export function keepHiddenSpecific(current: MemberFormValues, hidden: boolean, opened: MemberFormValues): MemberFormValues {
  if (!hidden) return current;
  return { ...current, disabilities: opened.disabilities, chronicIllness: opened.chronicIllness, ppks: opened.ppks, specialStatus: opened.specialStatus };
}

type Values = Record<string, ChangeValue>;

/** What the user changed: only those fields are sent, so a field nobody touched is never overwritten. */
export function changedValues<T extends object>(initial: T, values: T): Partial<T> {
  const changes = diffFields(initial as Values, values as Partial<Values>);
  return Object.fromEntries(Object.entries(changes).map(([field, [, next]]) => [field, next])) as Partial<T>;
}

/** What someone else changed since the form was opened, leaving out values the viewer sees masked. */
export function changesSince<T extends object>(start: T, current: T): FieldChanges {
  const changes = diffFields(start as Values, current as Partial<Values>);
  return Object.fromEntries(Object.entries(changes).filter(([, [before, after]]) => !isMasked(before) && !isMasked(after)));
}
