import {
  COOKING_FUELS,
  EDUCATION_LEVELS,
  FLOOR_TYPES,
  HOUSE_OWNERSHIP,
  LIGHTING_SOURCES,
  MARITAL_STATUSES,
  RELATIONS,
  ROOF_TYPES,
  SEXES,
  TOILET_FACILITIES,
  WALL_TYPES,
  WATER_SOURCES,
  WORK_STATUSES,
  type CodeList,
} from '@sinergi/domain';

/** How a requested new value is entered: free text, a date, digits (NIK, No KK, RT), or one coded answer. */
export type CorrectionFieldKind = { type: 'text' } | { type: 'date' } | { type: 'digits'; length: number } | { type: 'code'; list: CodeList<string | number> };

export interface CorrectionField {
  field: string;
  kind: CorrectionFieldKind;
}

const code = (list: CodeList<string> | CodeList): CorrectionFieldKind => ({ type: 'code', list: list });

/** What a person commonly asks to correct about themselves (MemberCorrection keys). */
export const MEMBER_CORRECTION_FIELDS: readonly CorrectionField[] = [
  { field: 'name', kind: { type: 'text' } },
  { field: 'nik', kind: { type: 'digits', length: 16 } },
  { field: 'birthDate', kind: { type: 'date' } },
  { field: 'sex', kind: code(SEXES) },
  { field: 'relation', kind: code(RELATIONS) },
  { field: 'maritalStatus', kind: code(MARITAL_STATUSES) },
  { field: 'education', kind: code(EDUCATION_LEVELS) },
  { field: 'workStatus', kind: code(WORK_STATUSES) },
];

/** What a household commonly asks to correct (FamilyCorrection keys; desil is disputed through DTSEN, not here). */
export const FAMILY_CORRECTION_FIELDS: readonly CorrectionField[] = [
  { field: 'address', kind: { type: 'text' } },
  { field: 'rt', kind: { type: 'digits', length: 3 } },
  { field: 'rw', kind: { type: 'digits', length: 3 } },
  { field: 'dusun', kind: { type: 'text' } },
  { field: 'houseOwnership', kind: code(HOUSE_OWNERSHIP) },
  { field: 'floorType', kind: code(FLOOR_TYPES) },
  { field: 'wallType', kind: code(WALL_TYPES) },
  { field: 'roofType', kind: code(ROOF_TYPES) },
  { field: 'waterSource', kind: code(WATER_SOURCES) },
  { field: 'lighting', kind: code(LIGHTING_SOURCES) },
  { field: 'cookingFuel', kind: code(COOKING_FUELS) },
  { field: 'toilet', kind: code(TOILET_FACILITIES) },
];

export interface RequestedChange {
  field: string;
  /** As typed or chosen; coded answers as their code's text. */
  value: string;
}

/** The requested changes as the API takes them: codes back to their own type, blanks left out. */
export function requestedChangesOf(rows: readonly RequestedChange[], fields: readonly CorrectionField[]): Record<string, string | number> {
  const changes: Record<string, string | number> = {};
  for (const row of rows) {
    const definition = fields.find((f) => f.field === row.field);
    const value = row.value.trim();
    if (!definition || value === '') continue;
    if (definition.kind.type === 'code') {
      const item = definition.kind.list.find((entry) => String(entry.code) === value);
      if (item) changes[row.field] = item.code;
    } else {
      changes[row.field] = value;
    }
  }
  return changes;
}
