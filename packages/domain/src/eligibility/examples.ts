import type { EligibilityRule, PriorityOrder } from './ast.ts';

/**
 * Worked rules from the field, for demo programs, the editor's "start from an example" and the documentation.
 * Program kinds are those of the program catalogue ('business_package', 'house_renovation').
 */

/** Bantuan Paket Usaha: desil 1–5, business stalled, head of working age, no other business package this year. */
export const BUSINESS_PACKAGE_RULE: EligibilityRule = {
  version: 1,
  condition: {
    kind: 'all',
    conditions: [
      { kind: 'compare', field: 'desilNational', op: 'between', value: [1, 5] },
      { kind: 'compare', field: 'businessStatus', op: '=', value: 'stalled' },
      { kind: 'head', where: { kind: 'compare', field: 'age', op: 'between', value: [18, 59] } },
      { kind: 'not', condition: { kind: 'receivedProgram', programKinds: ['business_package'], period: 'this_year' } },
    ],
  },
};

/** Lower desil first, then families with a member with a disability, then families headed by a woman. */
export const BUSINESS_PACKAGE_PRIORITY: PriorityOrder = {
  keys: [
    { kind: 'field', field: 'desilNational', direction: 'asc' },
    {
      kind: 'condition', direction: 'desc', label: { id: 'Ada anggota penyandang disabilitas', en: 'A member has a disability' },
      condition: { kind: 'anyMember', where: { kind: 'compare', field: 'disabilities', op: 'is not empty' } },
    },
    {
      kind: 'condition', direction: 'desc', label: { id: 'Kepala keluarga perempuan', en: 'Female head of family' },
      condition: { kind: 'head', where: { kind: 'compare', field: 'sex', op: '=', value: 'P' } },
    },
  ],
};

/** Rumah tidak layak huni (Kemensos criteria): a poor family whose house fails at least one criterion. */
export const HOUSE_RENOVATION_RULE: EligibilityRule = {
  version: 1,
  condition: {
    kind: 'all',
    conditions: [
      { kind: 'compare', field: 'desilNational', op: '<=', value: 5 },
      { kind: 'compare', field: 'houseOwnership', op: '=', value: 1 },
      {
        kind: 'any',
        conditions: [
          { kind: 'compare', field: 'floorType', op: 'in', value: [5, 7, 8] },
          { kind: 'compare', field: 'wallType', op: 'in', value: [4, 5, 6] },
          { kind: 'compare', field: 'roofType', op: 'in', value: [5, 6, 7] },
          { kind: 'compare', field: 'toilet', op: '=', value: 6 },
          { kind: 'compare', field: 'floorAreaPerPerson', op: '<', value: 7.2 },
        ],
      },
      { kind: 'not', condition: { kind: 'receivedProgram', programKinds: ['house_renovation'], period: 'ever' } },
    ],
  },
};

/** Smallest floor area per person first, then lower desil. */
export const HOUSE_RENOVATION_PRIORITY: PriorityOrder = {
  keys: [
    { kind: 'field', field: 'floorAreaPerPerson', direction: 'asc' },
    { kind: 'field', field: 'desilNational', direction: 'asc' },
  ],
};

/** Graduation to "mandiri": the business runs with a turnover of at least Rp1.5 million a month and the family left desil 1–4. */
export const GRADUATION_RULE: EligibilityRule = {
  version: 1,
  condition: {
    kind: 'all',
    conditions: [
      { kind: 'compare', field: 'businessStatus', op: '=', value: 'active' },
      { kind: 'compare', field: 'businessTurnover', op: '>=', value: 1_500_000 },
      { kind: 'compare', field: 'desilNational', op: '>=', value: 5 },
      { kind: 'receivedProgram', programKinds: ['business_package'], period: { lastMonths: 36 } },
    ],
  },
};
