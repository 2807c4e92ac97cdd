import { describe, expect, it } from 'vitest';
import { codesOf, PPKS_CATEGORIES, SPECIAL_STATUSES, SPECIFIC_PPKS_CODES, visiblePpksCodes } from './index.ts';

describe('specific personal data (UU PDP)', () => {
  it('names only real PPKS codes, among them HIV, drug use and former inmates', () => {
    expect(codesOf(PPKS_CATEGORIES)).toEqual(expect.arrayContaining([...SPECIFIC_PPKS_CODES]));
    expect(SPECIFIC_PPKS_CODES).toEqual(expect.arrayContaining(['odha', 'korban_penyalahgunaan_napza', 'bekas_warga_binaan_lapas', 'anak_berhadapan_dengan_hukum']));
    expect(codesOf(SPECIAL_STATUSES)).toContain('warga_binaan');
  });

  it('keeps for a masked view only the PPKS categories that reveal neither health nor a criminal record', () => {
    expect(visiblePpksCodes(['fakir_miskin', 'odha', 'lanjut_usia_terlantar', 'bekas_warga_binaan_lapas'])).toEqual(['fakir_miskin', 'lanjut_usia_terlantar']);
    expect(visiblePpksCodes([])).toEqual([]);
  });
});
