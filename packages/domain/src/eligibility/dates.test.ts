import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageAt, ageCutoff, isIsoDate, resolvePeriod, shiftMonths } from './dates.ts';
import { floorAreaPerPerson } from './fields.ts';

const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('calendar arithmetic', () => {
  it('counts completed years, with 29 February birthdays turning on 1 March in common years', () => {
    expect(ageAt('1966-03-01', '2026-03-01')).toBe(60);
    expect(ageAt('1966-03-02', '2026-03-01')).toBe(59);
    expect(ageAt('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageAt('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageAt('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('clamps to the end of shorter months', () => {
    expect(shiftMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(shiftMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(shiftMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(ageCutoff('2024-02-29', 18)).toBe('2006-02-28');
  });

  it('agrees with the birth-date cutoffs the SQL compiler uses, for any dates', () => {
    fc.assert(fc.property(isoDate, isoDate, fc.integer({ min: 0, max: 120 }), (birth, reference, age) => {
      expect(ageAt(birth, reference) >= age).toBe(birth <= ageCutoff(reference, age));
    }), { numRuns: 5000 });
  });

  it('checks real calendar dates', () => {
    expect(['2024-02-29', '2026-12-31'].map(isIsoDate)).toEqual([true, true]);
    expect(['2025-02-29', '2026-13-01', '26-01-01', 20260101].map(isIsoDate)).toEqual([false, false, false, false]);
  });

  it('resolves periods against the reference date', () => {
    expect(resolvePeriod('this_year', '2026-03-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(resolvePeriod({ lastMonths: 12 }, '2026-03-01')).toEqual({ from: '2025-03-01', to: '2026-03-01' });
    expect(resolvePeriod('ever', '2026-03-01')).toEqual({ from: null, to: null });
  });
});

describe('floor area per person', () => {
  it('rounds to 0.01 m² half away from zero, as PostgreSQL round(numeric, 2) does', () => {
    expect(floorAreaPerPerson(36, 5)).toBe(7.2);
    expect(floorAreaPerPerson(10, 3)).toBe(3.33);
    expect(floorAreaPerPerson(0.1, 8)).toBe(0.01);
    expect(floorAreaPerPerson(0.1, 20)).toBe(0.01);
    expect(floorAreaPerPerson(0.1, 21)).toBe(0);
    expect(floorAreaPerPerson(36, 0)).toBeNull();
    expect(floorAreaPerPerson(null, 3)).toBeNull();
  });
});
