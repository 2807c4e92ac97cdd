import { readFamily } from './normalize-family.ts';
import { readMember } from './normalize-member.ts';
import { RowReader, blankRowIssue, isBlankRow, rowHeaders } from './row-reader.ts';
import type { ColumnMapping, FamilyRecord, MemberRecord, NormalizeContext, NormalizedRow, RawRow } from './types.ts';

export interface NormalizedCombinedRow {
  family: NormalizedRow<FamilyRecord>;
  member: NormalizedRow<MemberRecord>;
}

/**
 * Normalises one row of a combined sheet (one row per member, family columns repeated) into both records.
 * Each side carries its own issues, so a member row can be judged even when its family columns are faulty;
 * whether a member may be stored without a valid family is the engine's decision.
 */
export function normalizeCombinedRow(raw: RawRow, mapping: ColumnMapping, ctx: NormalizeContext): NormalizedCombinedRow {
  if (isBlankRow(raw, rowHeaders(mapping, 'both'))) {
    return { family: { record: null, issues: [blankRowIssue()] }, member: { record: null, issues: [blankRowIssue()] } };
  }
  const familyReader = new RowReader(raw);
  const family = readFamily(familyReader, mapping, ctx);
  const memberReader = new RowReader(raw);
  const member = readMember(memberReader, mapping, ctx);
  return { family: { record: family, issues: familyReader.issues }, member: { record: member, issues: memberReader.issues } };
}

