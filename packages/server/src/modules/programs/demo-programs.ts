import {
  BUSINESS_PACKAGE_PRIORITY, BUSINESS_PACKAGE_RULE, HOUSE_RENOVATION_PRIORITY, HOUSE_RENOVATION_RULE, type AgencyKind, type EligibilityRule,
  type PriorityOrder, type ProgramCreate,
} from '@sinergi/domain';

/** The demo catalogue: realistic programs of three agencies (amounts from DOMAIN.md; they change yearly). */

export interface DemoProgram {
  agencyKind: AgencyKind;
  /** Demo account that sets it up (its agency must be `agencyKind`), else the admin. */
  username: string | null;
  body: ProgramCreate;
  /** Quotas per kecamatan in proportion to families of desil 1–5. */
  proportionalQuotas: boolean;
  status: 'draft' | 'active';
  run: boolean;
}

const LEGAL_BASIS =
  'Pelaksanaan tugas pemerintahan daerah di bidang penanggulangan kemiskinan (UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 20 ayat (2)); '
  + 'data keluarga dari DTSEN (Inpres 4/2025). Data dipakai hanya untuk penetapan, penyaluran dan pemantauan bantuan.';

const PKH_RULE: EligibilityRule = {
  version: 1,
  condition: {
    kind: 'all',
    conditions: [
      { kind: 'compare', field: 'desilNational', op: 'between', value: [1, 4] },
      {
        kind: 'anyMember',
        where: {
          kind: 'any',
          conditions: [
            { kind: 'compare', field: 'age', op: '<', value: 6 },
            { kind: 'compare', field: 'schooling', op: '=', value: 2 },
            { kind: 'compare', field: 'age', op: '>=', value: 70 },
            { kind: 'compare', field: 'disabilities', op: 'is not empty' },
          ],
        },
      },
    ],
  },
};

const LOWER_DESIL_FIRST: PriorityOrder = { keys: [{ kind: 'field', field: 'desilNational', direction: 'asc' }] };

const SEMBAKO_RULE: EligibilityRule = { version: 1, condition: { kind: 'compare', field: 'desilNational', op: 'between', value: [1, 5] } };

const TRAINING_RULE: EligibilityRule = {
  version: 1,
  condition: {
    kind: 'all',
    conditions: [
      { kind: 'compare', field: 'desilNational', op: '<=', value: 5 },
      {
        kind: 'anyMember',
        where: {
          kind: 'all',
          conditions: [
            { kind: 'compare', field: 'age', op: 'between', value: [18, 45] },
            { kind: 'any', conditions: [{ kind: 'compare', field: 'disabilities', op: 'is not empty' }, { kind: 'compare', field: 'sex', op: '=', value: 'P' }] },
          ],
        },
      },
    ],
  },
};

const year = 2026;
const wholeYear = { periodFrom: `${year}-01-01`, periodTo: `${year}-12-31` };

export const BUSINESS_PACKAGE_NAME = `Bantuan Paket Usaha ${year}`;

export const DEMO_PROGRAMS: readonly DemoProgram[] = [
  {
    agencyKind: 'dinsos', username: 'operator.dinsos', proportionalQuotas: true, status: 'active', run: true,
    body: {
      name: BUSINESS_PACKAGE_NAME, kind: 'business_package', approach: 'raise_income', ...wholeYear, fundingSource: 'apbd',
      description: 'Paket usaha senilai sekitar Rp5 juta untuk keluarga desil 1–5 yang usahanya terhenti, dengan bimbingan teknis dan pemantauan relawan.',
      budget: 8_450_000_000, unitValue: 5_000_000, targetFamilies: 1690, targetMoney: 8_450_000_000,
      benefitItems: [
        { name: 'Kompor gas dan tabung', quantity: 1, unit: 'set', unitValue: 850_000 },
        { name: 'Wajan dan peralatan masak', quantity: 1, unit: 'set', unitValue: 650_000 },
        { name: 'Etalase / gerobak dagang', quantity: 1, unit: 'unit', unitValue: 1_500_000 },
        { name: 'Bahan baku awal', quantity: 1, unit: 'paket', unitValue: 2_000_000 },
      ],
      legalBasis: LEGAL_BASIS, rule: BUSINESS_PACKAGE_RULE, priority: BUSINESS_PACKAGE_PRIORITY,
    },
  },
  {
    agencyKind: 'dinsos', username: 'operator.dinsos', proportionalQuotas: false, status: 'active', run: true,
    body: {
      name: `Program Keluarga Harapan (PKH) ${year}`, kind: 'conditional_cash', approach: 'lower_spending', ...wholeYear, fundingSource: 'apbn',
      description: 'Bantuan tunai bersyarat dalam 4 tahap; pendamping memverifikasi komitmen kesehatan dan pendidikan serta menjalankan P2K2.',
      targetFamilies: 2000, targetMoney: 6_000_000_000,
      benefitItems: [
        { name: 'Ibu hamil/nifas', quantity: 1, unit: 'orang/tahun', unitValue: 3_000_000 },
        { name: 'Anak usia dini (0–6 tahun)', quantity: 1, unit: 'orang/tahun', unitValue: 3_000_000 },
        { name: 'Anak SD', quantity: 1, unit: 'orang/tahun', unitValue: 900_000 },
        { name: 'Anak SMP', quantity: 1, unit: 'orang/tahun', unitValue: 1_500_000 },
        { name: 'Anak SMA', quantity: 1, unit: 'orang/tahun', unitValue: 2_000_000 },
        { name: 'Penyandang disabilitas berat', quantity: 1, unit: 'orang/tahun', unitValue: 2_400_000 },
        { name: 'Lanjut usia 70+', quantity: 1, unit: 'orang/tahun', unitValue: 2_400_000 },
      ],
      legalBasis: LEGAL_BASIS, rule: PKH_RULE, priority: LOWER_DESIL_FIRST,
    },
  },
  {
    agencyKind: 'dinsos', username: 'operator.dinsos', proportionalQuotas: false, status: 'active', run: false,
    body: {
      name: `Bantuan Sembako ${year}`, kind: 'food_aid', approach: 'lower_spending', ...wholeYear, fundingSource: 'apbn',
      description: 'Bantuan pangan bulanan bagi keluarga desil 1–5.', unitValue: 2_400_000, targetFamilies: 6000, targetMoney: 14_400_000_000,
      benefitItems: [{ name: 'Bantuan pangan bulanan', quantity: 12, unit: 'bulan', unitValue: 200_000 }],
      legalBasis: LEGAL_BASIS, rule: SEMBAKO_RULE, priority: LOWER_DESIL_FIRST,
    },
  },
  {
    agencyKind: 'disnaker', username: null, proportionalQuotas: false, status: 'draft', run: false,
    body: {
      name: `Pelatihan Menjahit dan Tata Boga ${year}`, kind: 'training', approach: 'raise_income', periodFrom: `${year}-03-01`, periodTo: `${year}-11-30`,
      fundingSource: 'apbd', description: 'Pelatihan berbasis kompetensi melalui LPK mitra, diutamakan penyandang disabilitas dan perempuan rawan sosial ekonomi.',
      budget: 1_200_000_000, unitValue: 4_000_000, targetPeople: 300, targetMoney: 1_200_000_000,
      benefitItems: [{ name: 'Pelatihan 160 jam dan sertifikasi', quantity: 1, unit: 'peserta', unitValue: 3_200_000 }, { name: 'Alat kerja', quantity: 1, unit: 'set', unitValue: 800_000 }],
      legalBasis: null, rule: TRAINING_RULE, priority: LOWER_DESIL_FIRST,
    },
  },
  {
    agencyKind: 'pupr_perkim', username: null, proportionalQuotas: false, status: 'active', run: true,
    body: {
      name: `Bedah Rumah Tidak Layak Huni (RTLH) ${year}`, kind: 'house_renovation', approach: 'remove_pockets', ...wholeYear, fundingSource: 'apbd',
      description: 'Peningkatan kualitas rumah tidak layak huni bersama CSR dan gotong royong warga.', budget: 30_000_000_000, unitValue: 20_000_000,
      targetFamilies: 1500, targetUnits: 1500, targetMoney: 30_000_000_000,
      benefitItems: [{ name: 'Bahan bangunan', quantity: 1, unit: 'rumah', unitValue: 17_500_000 }, { name: 'Upah tukang', quantity: 1, unit: 'rumah', unitValue: 2_500_000 }],
      legalBasis: LEGAL_BASIS, rule: HOUSE_RENOVATION_RULE, priority: HOUSE_RENOVATION_PRIORITY,
    },
  },
];

/** Largest-remainder shares of `total` in proportion to `weights` (keys with weight 0 get 0). */
export function proportionalShares(total: number, weights: ReadonlyMap<string, number>): Map<string, number> {
  const sum = [...weights.values()].reduce((a, b) => a + b, 0);
  const shares = new Map<string, number>();
  if (sum === 0) return shares;
  const exact = [...weights.entries()].map(([key, weight]) => ({ key, value: (total * weight) / sum }));
  let given = 0;
  for (const { key, value } of exact) {
    shares.set(key, Math.floor(value));
    given += Math.floor(value);
  }
  const byRemainder = [...exact].sort((a, b) => (b.value % 1) - (a.value % 1) || (a.key < b.key ? -1 : 1));
  for (const { key } of byRemainder.slice(0, total - given)) shares.set(key, (shares.get(key) ?? 0) + 1);
  return shares;
}
