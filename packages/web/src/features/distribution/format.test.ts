import { describe, expect, it } from 'vitest';
import { count, percentOf, rupiah } from './format.ts';
import { fitWithin } from './photo.ts';

describe('distribution formatting', () => {
  it('writes rupiah with Indonesian grouping and a dash for nothing', () => {
    expect(rupiah(1_825_000)).toBe('Rp1.825.000');
    expect(rupiah(null)).toBe('–');
    expect(count(12_345, 'en')).toBe('12,345');
    expect(count(12_345, 'id')).toBe('12.345');
  });

  it('gives the share of target only when there is a target', () => {
    expect(percentOf(3, 4)).toBe(75);
    expect(percentOf(5, 0)).toBeNull();
    expect(percentOf(5, null)).toBeNull();
  });

  it('shrinks photos to the longest side without enlarging small ones', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
  });
});
