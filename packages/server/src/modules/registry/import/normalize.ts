import {
  normalizeCombinedRow,
  normalizeFamilyRow,
  normalizeMemberRow,
  type ColumnMapping,
  type FamilyRecord,
  type MemberRecord,
  type NormalizeContext,
  type NormalizedRow,
  type RawRow,
} from '@sinergi/domain';

/** One source row normalised by the domain rules: its family part, its member part, or both (combined sheet). */
export interface NormalizedParts {
  family?: NormalizedRow<FamilyRecord>;
  member?: NormalizedRow<MemberRecord>;
}

export function normalizeRow(raw: RawRow, mapping: ColumnMapping, context: NormalizeContext): NormalizedParts {
  switch (mapping.sheetKind) {
    case 'family':
      return { family: normalizeFamilyRow(raw, mapping, context) };
    case 'member':
      return { member: normalizeMemberRow(raw, mapping, context) };
    case 'combined': {
      const { family, member } = normalizeCombinedRow(raw, mapping, context);
      return { family, member };
    }
  }
}
