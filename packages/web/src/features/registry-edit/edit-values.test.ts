import { describe, expect, it } from 'vitest';
import type { Member } from '@sinergi/domain';
import { changedValues, changesSince, isMasked, keepHiddenSpecific, memberEditValues, touchesSpecificData } from './edit-values.ts';

const member = (overrides: Partial<Member>): Member => ({
  id: '7d8298ed-d344-4866-b310-a9cdc3f466e3', nik: '3507********0002', name: 'Siti', birthDate: '1975-**-**', sex: 'P', relation: 2, maritalStatus: 2,
  education: 3, workStatus: 1, disabilities: null, chronicIllness: null, ppks: ['fakir_miskin'], specialStatus: null, specificDataHidden: true, version: 4,
  ...overrides,
});

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

  it('never sends hidden specific data: a masked form leaves those fields as loaded, so they are no change', () => {
    const opened = memberEditValues(member({}));
    expect(changedValues(opened, { ...opened, education: 4 })).toEqual({ education: 4 });
    expect(touchesSpecificData({ education: 4 })).toBe(false);
    expect(touchesSpecificData({ ppks: ['fakir_miskin'] })).toBe(true);
    expect(touchesSpecificData({ chronicIllness: null })).toBe(true);
  });

  it('keeps the unmasked values it opened with when a conflict answers with specific data hidden', () => {
    const opened = memberEditValues(member({ disabilities: ['penglihatan'], chronicIllness: 'hipertensi', ppks: ['odha'], specialStatus: ['hamil'], specificDataHidden: false }));
    const current = memberEditValues(member({ name: 'Siti Aminah', version: 5 }));
    const rebased = keepHiddenSpecific(current, true, opened);
    expect(rebased).toMatchObject({ name: 'Siti Aminah', disabilities: ['penglihatan'], chronicIllness: 'hipertensi', ppks: ['odha'], specialStatus: ['hamil'] });
    expect(changesSince(opened, rebased)).toEqual({ name: ['Siti', 'Siti Aminah'] });
    expect(keepHiddenSpecific(current, false, opened)).toBe(current);
  });
});
