import { describe, expect, it } from 'vitest';
import { describeFieldChanges, diffFields, type ChangeValue, formatChangeValue, maskFieldChanges, orderedFieldChanges } from './changes.ts';

describe('diffFields', () => {
  it('keeps only the fields sent whose value differs, with old and new', () => {
    const current = { desilNational: 3, address: 'Jl. Mawar 1', assets: ['sepeda'], rt: '001' };
    expect(diffFields(current, { desilNational: 2, address: 'Jl. Mawar 1', rt: undefined })).toEqual({ desilNational: [3, 2] });
  });

  it('reads lists of codes as sets and treats a missing value like an empty one', () => {
    const current: Record<string, string[] | string | null> = { assets: ['sepeda', 'lemari_es'], dusun: null };
    expect(diffFields(current, { assets: ['lemari_es', 'sepeda'], dusun: null })).toEqual({});
    expect(diffFields(current, { assets: ['lemari_es'] })).toEqual({ assets: [['sepeda', 'lemari_es'], ['lemari_es']] });
    expect(diffFields<Record<string, ChangeValue>>({ name: 'Siti' }, { floorType: 8 })).toEqual({ floorType: [null, 8] });
  });
});

describe('showing recorded changes', () => {
  it('masks identity numbers and birth dates and leaves everything else', () => {
    expect(maskFieldChanges({ nik: ['3507134211790002', '3507134211790003'], birthDate: ['1979-11-02', null], name: ['Siti', 'Sity'] })).toEqual({
      nik: ['3507********0002', '3507********0003'],
      birthDate: ['1979-**-**', null],
      name: ['Siti', 'Sity'],
    });
  });

  it('puts fields in the form’s order whatever order the database returns', () => {
    expect(orderedFieldChanges('family', { floorType: [null, 8], zzz: [1, 2], desilNational: [3, 2] }).map(([field]) => field)).toEqual(['desilNational', 'floorType', 'zzz']);
    expect(orderedFieldChanges('member', { status: ['active', 'deceased'], nik: ['a', 'b'] }).map(([field]) => field)).toEqual(['nik', 'status']);
  });

  it('labels coded values, lists and units in both languages', () => {
    expect(formatChangeValue('family', 'floorType', 8, 'id')).toBe('Tanah');
    expect(formatChangeValue('family', 'floorType', 8, 'en')).toBe('Earth');
    expect(formatChangeValue('family', 'assets', ['sepeda', 'unknown_code'], 'en')).toBe('Bicycle, unknown_code');
    expect(formatChangeValue('family', 'assets', [], 'id')).toBe('—');
    expect(formatChangeValue('family', 'powerVa', 1300, 'id')).toBe('1.300 VA');
    expect(formatChangeValue('member', 'status', 'deceased', 'id')).toBe('Meninggal dunia');
    expect(formatChangeValue('member', 'relation', null, 'en')).toBe('—');
  });

  it('describes a change in one line, masked unless asked', () => {
    const changes = { nik: ['3507134211790002', '3507134211790003'] as [string, string], education: [2, 3] as [number, number] };
    expect(describeFieldChanges('member', changes, 'id')).toBe('Nomor Induk Kependudukan (NIK): 3507********0002 → 3507********0003; Ijazah tertinggi: SMP/sederajat → SMA/SMK/sederajat');
    expect(describeFieldChanges('member', changes, 'en', true)).toContain('3507134211790002 → 3507134211790003');
  });
});
