import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from './headers.ts';
import { normalizeFamilyRow } from './normalize-family.ts';
import { normalizeMemberRow } from './normalize-member.ts';
import { familyCaseArb, memberCaseArb } from './spreadsheet-arbitraries.test-support.ts';
import { SHIPPED_TEMPLATES } from './templates.ts';

const ctx = { jurisdiction: '35.07', today: new Date(2025, 5, 1) };

describe('normalising what a spreadsheet made of a valid record gives the record back', () => {
  it('for families', () => {
    fc.assert(
      fc.property(familyCaseArb, ({ record, row }) => {
        const suggestion = suggestMapping(Object.keys(row), SHIPPED_TEMPLATES);
        expect(suggestion.template?.id).toBe('dtsen-family');
        const result = normalizeFamilyRow(row, suggestion.mapping, ctx);
        expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
        expect(result.record).toEqual(record);
      }),
      { numRuns: 300 },
    );
  });

  it('for members', () => {
    fc.assert(
      fc.property(memberCaseArb, ({ record, row }) => {
        const suggestion = suggestMapping(Object.keys(row), SHIPPED_TEMPLATES);
        expect(suggestion.template?.id).toBe('dtsen-member');
        const result = normalizeMemberRow(row, suggestion.mapping, ctx);
        // The only warning a valid record may draw: an identity number stored as a number that ends in 0.
        expect(result.issues.filter((issue) => issue.code !== 'id_numeric_maybe_rounded')).toEqual([]);
        expect(result.record).toEqual(record);
      }),
      { numRuns: 300 },
    );
  });
});
