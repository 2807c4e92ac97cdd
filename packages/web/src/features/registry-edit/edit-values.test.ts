import { describe, expect, it } from 'vitest';
import { changedValues, changesSince, isMasked } from './edit-values.ts';

describe('edit values', () => {
  it('sends only the fields the user changed, treating code lists as sets', () => {
    const initial: { address: string; rt: string; assets: string[]; powerVa: number | null } = { address: 'Jl. Mawar 1', rt: '001', assets: ['tv', 'motor'], powerVa: 900 };
    expect(changedValues(initial, { ...initial, assets: ['motor', 'tv'] })).toEqual({});
    expect(changedValues(initial, { ...initial, address: 'Jl. Mawar 2', powerVa: null })).toEqual({ address: 'Jl. Mawar 2', powerVa: null });
  });

  it('reports what changed meanwhile but never compares masked identity numbers', () => {
    const start = { nik: '3507131708750002', name: 'Siti', birthDate: '1975-08-17' };
    const current = { nik: '3507********0002', name: 'Siti Aminah', birthDate: '1975-**-**' };
    expect(changesSince(start, current)).toEqual({ name: ['Siti', 'Siti Aminah'] });
    expect(isMasked('3507********0002')).toBe(true);
    expect(isMasked('3507131708750002')).toBe(false);
  });
});
