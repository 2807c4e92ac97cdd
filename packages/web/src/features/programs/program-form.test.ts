import type { Program } from '@sinergi/domain';
import { describe, expect, it } from 'vitest';
import { itemsValue, programFormValues, programInput, quotaTotal } from './program-form.ts';

describe('program form values', () => {
  it('starts a new program as a calendar-year draft with empty numbers', () => {
    const values = programFormValues(null, '2026-03-14');
    expect(values).toMatchObject({ periodFrom: '2026-01-01', periodTo: '2026-12-31', budget: '', quotas: {}, benefitItems: [] });
    expect(programInput({ ...values, name: 'Bantuan Paket Usaha 2026' })).toMatchObject({
      name: 'Bantuan Paket Usaha 2026', budget: null, unitValue: null, targetFamilies: null, quotas: [], benefitItems: [], legalBasis: null, description: null,
    });
  });

  it('sends quotas above zero in code order, items with a name, and blank numbers as null', () => {
    const values = {
      ...programFormValues(null, '2026-01-01'),
      name: 'Paket',
      budget: 8_450_000_000,
      targetFamilies: 1690,
      quotas: { '35.07.13': 120, '35.07.01': 80, '35.07.02': 0, '35.07.03': '' as const },
      benefitItems: [
        { name: ' Kompor gas ', quantity: 1, unit: 'unit', unitValue: 350_000 },
        { name: 'Wajan', quantity: 2, unit: 'buah', unitValue: 75_000 },
        { name: '', quantity: 1, unit: 'unit', unitValue: '' as const },
      ],
    };
    const input = programInput(values);
    expect(input.quotas).toEqual([{ kecamatanCode: '35.07.01', families: 80 }, { kecamatanCode: '35.07.13', families: 120 }]);
    expect(input.benefitItems).toEqual([
      { name: 'Kompor gas', quantity: 1, unit: 'unit', unitValue: 350_000 },
      { name: 'Wajan', quantity: 2, unit: 'buah', unitValue: 75_000 },
    ]);
    expect(input).toMatchObject({ budget: 8_450_000_000, targetFamilies: 1690, targetPeople: null });
    expect(quotaTotal(values.quotas)).toBe(200);
    expect(itemsValue(values.benefitItems)).toBe(350_000 + 2 * 75_000);
    expect(itemsValue([])).toBeNull();
  });

  it('loads a saved program back into the same values', () => {
    const program = {
      agency: { id: 'a', name: 'Dinas Sosial', shortName: 'Dinsos' }, name: 'PKH Daerah', kind: 'conditional_cash', approach: 'lower_spending', description: null,
      periodFrom: '2026-02-01', periodTo: '2026-11-30', fundingSource: 'apbd', budget: 1_000_000, unitValue: 250_000, benefitItems: [], targetFamilies: 4,
      targetPeople: null, targetUnits: null, targetMoney: null, regionCodes: ['35.07.13'], legalBasis: 'UU 27/2022',
      quotas: [{ kecamatanCode: '35.07.13', kecamatanName: 'Kepanjen', families: 4, units: null, money: null }],
    } as unknown as Program;
    const values = programFormValues(program, '2026-05-01');
    expect(values).toMatchObject({ agencyId: 'a', budget: 1_000_000, targetPeople: '', quotas: { '35.07.13': 4 }, regionCodes: ['35.07.13'] });
    expect(programInput(values)).toMatchObject({ regionCodes: ['35.07.13'], quotas: [{ kecamatanCode: '35.07.13', families: 4 }], legalBasis: 'UU 27/2022' });
  });
});
