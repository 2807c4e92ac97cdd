import type { ColumnMappingInput, ImportCounts } from '@sinergi/domain';
import { describe, expect, it } from 'vitest';
import { outcomeTotal, rowAccounting } from './report.ts';

const counts = (families: number[], members: number[]): ImportCounts => {
  const of = ([added = 0, updated = 0, unchanged = 0, rejected = 0]: number[]) => ({ added, updated, unchanged, rejected });
  return { families: of(families), members: of(members) };
};
const sheet = (kind: ColumnMappingInput['sheetKind'] | null, rowsTotal: number) => ({
  rowsTotal,
  mapping: kind ? { sheetKind: kind, family: {}, member: {} } : null,
});

describe('rowAccounting', () => {
  it('adds family and member results for separate sheets', () => {
    const batch = { counts: counts([8, 1, 0, 2], [20, 0, 3, 1]), rowsTotal: 35, rowsProcessed: 35, sheets: [sheet('family', 11), sheet('member', 24)] };
    expect(outcomeTotal(batch.counts.families)).toBe(11);
    expect(rowAccounting(batch)).toEqual({ inFile: 35, accounted: 35 });
  });

  it('counts one member result per row of a combined sheet, whose families come once each', () => {
    const batch = { counts: counts([3, 0, 0, 0], [9, 0, 0, 1]), rowsTotal: 10, rowsProcessed: 10, sheets: [sheet('combined', 10), sheet(null, 4)] };
    expect(rowAccounting(batch)).toEqual({ inFile: 10, accounted: 10 });
  });

  it('shows a shortfall instead of hiding it', () => {
    const batch = { counts: counts([5, 0, 0, 0], [0, 0, 0, 0]), rowsTotal: 6, rowsProcessed: 6, sheets: [sheet('family', 6)] };
    expect(rowAccounting(batch)).toEqual({ inFile: 6, accounted: 5 });
  });
});
