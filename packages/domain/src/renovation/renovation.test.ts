import { describe, expect, it } from 'vitest';
import { fundingTotals } from './funding.ts';
import { acceptsFunding, renovationActions, renovationTransition, RENOVATION_STAGES } from './lifecycle.ts';
import { criteriaFromRegistry, isCrowded, isRtlh, rtlhScore, RTLH_CRITERIA, RTLH_WEIGHTS } from './rtlh.ts';

describe('RTLH scoring', () => {
  it('weighs the criteria to 100 in total', () => {
    expect(RTLH_CRITERIA.reduce((sum, c) => sum + RTLH_WEIGHTS[c], 0)).toBe(100);
    expect(rtlhScore(Object.fromEntries(RTLH_CRITERIA.map((c) => [c, true])))).toBe(100);
    expect(rtlhScore({})).toBe(0);
  });

  it('adds the weights of the criteria met and draws the line at 50', () => {
    const roofWallFloor = { roof: true, wall: true, floor: true };
    expect(rtlhScore(roofWallFloor)).toBe(55);
    expect(isRtlh(55)).toBe(true);
    expect(rtlhScore({ roof: true, sanitation: true, water: true, electricity: true })).toBe(45);
    expect(isRtlh(45)).toBe(false);
    expect(isRtlh(50)).toBe(true);
  });

  it('finds crowding under 9 m² per person and not without the numbers', () => {
    expect(isCrowded(35.9, 4)).toBe(true);
    expect(isCrowded(36, 4)).toBe(false);
    expect(isCrowded(null, 4)).toBe(false);
    expect(isCrowded(30, 0)).toBe(false);
  });

  it('reads the registry house codes: earth floor, bamboo walls, leaf roof, no toilet, river water, no electricity', () => {
    const criteria = criteriaFromRegistry({ roofType: 7, wallType: 6, floorType: 8, toilet: 6, waterSource: 9, lighting: 4, floorAreaM2: 24, memberCount: 5 });
    expect(criteria).toEqual({ roof: true, wall: true, floor: true, crowded: true, sanitation: true, water: true, ventilation: false, electricity: true });
    expect(rtlhScore(criteria)).toBe(95);
    const sound = criteriaFromRegistry({ roofType: 2, wallType: 1, floorType: 2, toilet: 1, waterSource: 3, lighting: 1, floorAreaM2: 72, memberCount: 4 });
    expect(rtlhScore(sound)).toBe(0);
    expect(rtlhScore(criteriaFromRegistry({ roofType: null, wallType: null, floorType: null, toilet: null, waterSource: null, lighting: null, floorAreaM2: null, memberCount: null }))).toBe(0);
  });
});

describe('renovation pipeline', () => {
  it('moves forward step by step and refuses skipping or going back', () => {
    expect(renovationTransition('proposed', 'assess')).toBe('assessed');
    expect(renovationTransition('assessed', 'assess')).toBe('assessed');
    expect(renovationTransition('assessed', 'verify')).toBe('verified');
    expect(renovationTransition('verified', 'schedule')).toBe('scheduled');
    expect(renovationTransition('scheduled', 'start')).toBe('in_progress');
    expect(renovationTransition('in_progress', 'start')).toBe('in_progress');
    expect(renovationTransition('in_progress', 'complete')).toBe('completed');
    expect(renovationTransition('proposed', 'verify')).toBeNull();
    expect(renovationTransition('proposed', 'complete')).toBeNull();
    expect(renovationTransition('verified', 'assess')).toBeNull();
    expect(renovationTransition('in_progress', 'reject')).toBeNull();
    expect(renovationTransition('completed', 'start')).toBeNull();
    expect(renovationActions('completed')).toEqual([]);
    expect(renovationActions('rejected')).toEqual([]);
  });

  it('accepts funding from verification on', () => {
    expect(RENOVATION_STAGES.filter(acceptsFunding)).toEqual(['verified', 'scheduled', 'in_progress', 'completed']);
  });

  it('sums funding by source and form', () => {
    const totals = fundingTotals([
      { source: 'apbd', form: 'money', value: 17_500_000 },
      { source: 'community', form: 'labour', value: 2_500_000 },
      { source: 'community', form: 'materials', value: 1_250_000 },
      { source: 'csr', form: 'money', value: 5_000_000 },
    ]);
    expect(totals.total).toBe(26_250_000);
    expect(totals.bySource).toEqual({ apbd: 17_500_000, apbn: 0, dana_desa: 0, csr: 5_000_000, community: 3_750_000, other: 0 });
    expect(totals.byForm).toEqual({ money: 22_500_000, materials: 1_250_000, labour: 2_500_000 });
  });
});
