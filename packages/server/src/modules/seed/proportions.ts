/**
 * Every number the demo population is drawn from, with where it comes from.
 * Headline figures are BPS (see shared/docs/DOMAIN.md); the rest are assumptions chosen to look like a rural Javanese
 * regency (marked "assumed") and are tuned so that the headline figures come out right. Change them here only.
 */

/** Desil 1–2 poor, 3–5 vulnerable (the empowerment programs' target), 6–8 middle, 9–10 well-off. */
export type WelfareGroup = 'poor' | 'low' | 'middle' | 'high';

export function welfareGroupOf(desil: number): WelfareGroup {
  if (desil <= 2) return 'poor';
  if (desil <= 5) return 'low';
  if (desil <= 8) return 'middle';
  return 'high';
}

type ByGroup<T> = Readonly<Record<WelfareGroup, T>>;
type Weights<K extends string | number> = Readonly<Record<K, number>>;

// ---- Headline targets (checked by the tests) -------------------------------------------------------------------

/** BPS, Kabupaten Malang, March 2025: 8.78% of people below the poverty line. We read "poor" as national desil 1. */
export const TARGET_POOR_PERSON_SHARE = 0.0878;

/** BPS: about 2.7 million people in about 0.85 million families in Kabupaten Malang → 3.18 people per family. */
export const TARGET_MEAN_FAMILY_SIZE = 3.18;

/** Assumed, from the brief: about 2–3% of people report at least one functional difficulty. */
export const TARGET_DISABILITY_PERSON_SHARE = 0.025;

/**
 * Share of families per national desil 1..10 across the region. Poor families are larger, so desil 1 holds
 * 7.7% of families but about 8.8% of people; the rest is close to the national 10% per desil.
 */
export const DESIL_FAMILY_SHARES: readonly number[] = [0.077, 0.083, 0.093, 0.099, 0.103, 0.106, 0.109, 0.11, 0.11, 0.11];

// ---- Villages (assumed) -----------------------------------------------------------------------------------------

/** Spread of village size (log-normal sigma); urban kelurahan are on average this many times larger. */
export const VILLAGE_SIZE_SIGMA = 0.45;
export const KELURAHAN_SIZE_FACTOR = 1.6;
/** Welfare shifts on the latent scale (1 = one standard deviation of a family's own luck): poverty pockets by kecamatan and village. */
export const KECAMATAN_WELFARE_SIGMA = 0.25;
export const VILLAGE_WELFARE_SIGMA = 0.4;
export const KELURAHAN_WELFARE_SHIFT = 0.35;
/** Villages hit by a flood or landslide in the data year, and the share of their families affected. */
export const DISASTER_VILLAGE_SHARE = 0.02;
export const DISASTER_FAMILY_SHARE = 0.12;

// ---- Households (assumed, tuned to TARGET_MEAN_FAMILY_SIZE) ----------------------------------------------------

export type HouseholdType = 'single_elderly' | 'single_adult' | 'couple' | 'nuclear' | 'single_parent' | 'extended';

export const HOUSEHOLD_TYPES: ByGroup<Weights<HouseholdType>> = {
  poor: { single_elderly: 0.1, single_adult: 0.03, couple: 0.1, nuclear: 0.47, single_parent: 0.13, extended: 0.17 },
  low: { single_elderly: 0.08, single_adult: 0.06, couple: 0.15, nuclear: 0.49, single_parent: 0.1, extended: 0.12 },
  middle: { single_elderly: 0.08, single_adult: 0.09, couple: 0.2, nuclear: 0.47, single_parent: 0.08, extended: 0.08 },
  high: { single_elderly: 0.06, single_adult: 0.1, couple: 0.22, nuclear: 0.49, single_parent: 0.06, extended: 0.07 },
};
/** Children ever born per mother still to be placed in the household (before those not yet born or moved out). */
export const CHILDREN_WEIGHTS: ByGroup<readonly number[]> = {
  poor: [0, 0.16, 0.3, 0.28, 0.16, 0.07, 0.03],
  low: [0, 0.22, 0.38, 0.25, 0.1, 0.04, 0.01],
  middle: [0, 0.28, 0.42, 0.22, 0.06, 0.02, 0],
  high: [0, 0.3, 0.45, 0.2, 0.05, 0, 0],
};
/** A grown child older than this has usually left to form a family of their own. */
export const CHILD_LEAVES_HOME_AGE = 24;
export const GROWN_CHILD_STAYS_SHARE = 0.1;
export const FEMALE_HEAD_SHARE: Readonly<Record<'single_elderly' | 'single_adult' | 'single_parent', number>> = {
  single_elderly: 0.65,
  single_adult: 0.45,
  single_parent: 0.85,
};
/** Marital status (MARITAL_STATUSES codes: 1 never, 3 divorced, 4 widowed) of heads living without a spouse. */
export const SINGLE_HEAD_MARITAL_WEIGHTS: Readonly<Record<'single_elderly' | 'single_adult' | 'single_parent', Weights<number>>> = {
  single_elderly: { 4: 0.8, 3: 0.12, 1: 0.08 },
  single_adult: { 1: 0.65, 3: 0.3, 4: 0.05 },
  single_parent: { 4: 0.55, 3: 0.45 },
};
/** A spouse whose NIK was first issued in another kecamatan (married in from elsewhere). */
export const SPOUSE_FROM_ELSEWHERE_SHARE = 0.12;
/** Ethnic naming traditions in Malang: mostly Javanese, a sizeable Madurese minority, a small Chinese-Indonesian one. */
export const NAMING_WEIGHTS = { javanese: 0.86, madurese: 0.12, chinese: 0.02 } as const;

// ---- People (assumed) -------------------------------------------------------------------------------------------

/** Highest certificate attainable, by welfare group: index = EDUCATION_LEVELS code 0..6. */
export const EDUCATION_WEIGHTS: ByGroup<readonly number[]> = {
  poor: [0.22, 0.42, 0.2, 0.14, 0.01, 0.01, 0],
  low: [0.12, 0.35, 0.26, 0.22, 0.02, 0.03, 0],
  middle: [0.06, 0.24, 0.25, 0.34, 0.04, 0.07, 0],
  high: [0.02, 0.1, 0.15, 0.41, 0.07, 0.22, 0.03],
};
/** People born before 1965 often did not finish the schooling their household could otherwise afford. */
export const OLDER_COHORT_EDUCATION_DROP = 0.5;

/** Probability of having worked last week, by sex and age band. */
export const WORKING_SHARE = {
  L: { youth: 0.45, adult: 0.93, senior: 0.65, elderly: 0.35 },
  P: { youth: 0.35, adult: 0.56, senior: 0.35, elderly: 0.15 },
} as const;
/** WORK_STATUSES codes 1..8 for those who work. */
export const WORK_STATUS_WEIGHTS: ByGroup<Weights<1 | 2 | 3 | 4 | 5 | 6 | 7 | 8>> = {
  poor: { 1: 0.22, 2: 0.05, 3: 0, 4: 0.12, 5: 0, 6: 0.3, 7: 0.18, 8: 0.13 },
  low: { 1: 0.25, 2: 0.07, 3: 0.01, 4: 0.22, 5: 0.02, 6: 0.16, 7: 0.15, 8: 0.12 },
  middle: { 1: 0.25, 2: 0.08, 3: 0.03, 4: 0.33, 5: 0.07, 6: 0.06, 7: 0.08, 8: 0.1 },
  high: { 1: 0.2, 2: 0.08, 3: 0.08, 4: 0.35, 5: 0.2, 6: 0.01, 7: 0.03, 8: 0.05 },
};
/** WORK_SECTORS of non-farm, non-government jobs; rural villages add farming on top (FARM_SECTOR_WEIGHTS). */
export const WORK_SECTOR_WEIGHTS: Weights<string> = {
  industri_pengolahan: 0.2, perdagangan: 0.27, konstruksi: 0.12, transportasi: 0.07, akomodasi_makan_minum: 0.09,
  informasi_komunikasi: 0.02, keuangan: 0.02, pendidikan: 0.04, kesehatan: 0.03, jasa_lainnya: 0.12, pertambangan: 0.02,
};
export const FARM_SECTOR_WEIGHTS: Weights<string> = {
  pertanian_tanaman_pangan: 0.42, hortikultura: 0.2, perkebunan: 0.18, peternakan: 0.14, perikanan: 0.03, kehutanan: 0.03,
};
/** Share of own-account and family work that is farming: villages (desa) versus towns (kelurahan). */
export const FARM_WORK_SHARE = { desa: 0.45, kelurahan: 0.08 } as const;

/** Chance of at least one functional difficulty by age band, times a factor for the household's welfare. */
export const DISABILITY_BY_AGE = { child: 0.01, adult: 0.02, senior: 0.065, elderly: 0.19 } as const;
export const DISABILITY_WELFARE_FACTOR: ByGroup<number> = { poor: 1.5, low: 1.15, middle: 0.85, high: 0.6 };
/** How many of the ten items a person with a difficulty reports (index 0 = one item). */
export const DISABILITY_ITEM_COUNT_WEIGHTS: readonly number[] = [0.6, 0.25, 0.1, 0.05];
export const DISABILITY_ITEM_WEIGHTS: Weights<string> = {
  berjalan_atau_naik_tangga: 0.26, penglihatan: 0.2, pendengaran: 0.15, mengingat_berkonsentrasi: 0.1, menggunakan_tangan_jari: 0.07,
  belajar_kemampuan_intelektual: 0.07, berbicara_komunikasi: 0.05, mengurus_diri: 0.05, pengendalian_perilaku: 0.03, kesedihan_depresi: 0.02,
};

export const CHRONIC_ILLNESS_BY_AGE = { young: 0.03, middle: 0.15, old: 0.35 } as const;
export const CHRONIC_ILLNESS_WEIGHTS: Weights<string> = {
  hipertensi: 0.4, rematik: 0.14, diabetes: 0.15, asma: 0.07, jantung: 0.07, stroke: 0.05, tbc: 0.03, kanker: 0.02, gagal_ginjal: 0.02, lainnya: 0.05,
};

/** Special statuses: women inmates of the women's prison (few), pregnancy, work abroad (East Java sends many migrant workers). */
export const PRISON_INMATE_SHARE_WOMEN_18_50 = 0.0012;
export const PREGNANT_SHARE_MARRIED_WOMEN_18_42 = 0.05;
export const MIGRANT_WORKER_SHARE_ADULTS_20_45 = 0.012;

/** PPKS rates among the people each rule applies to (see generate-ppks.ts); rare, and concentrated in low desil. */
export const PPKS_RATES = {
  fakir_miskin: 0.35, // heads of desil-1 families
  penyandang_disabilitas: 0.6, // adults with a difficulty in desil 1–4
  anak_dengan_kedisabilitasan: 0.7, // children with a difficulty in desil 1–5
  lanjut_usia_terlantar: 0.4, // people 60+ living alone in desil 1–3
  perempuan_rawan_sosial_ekonomi: 0.5, // women heads aged 18–59 in desil 1–3
  anak_terlantar: 0.012, // children 5–17 in desil 1
  anak_balita_terlantar: 0.006, // children under 5 in desil 1
  bekas_warga_binaan_lapas: 0.002, // adults 20–60 in desil 1–5
  pemulung: 0.004, // adults 20–65 in desil 1–2
  pengemis: 0.001, // adults in desil 1
  gelandangan: 0.0005, // adults in desil 1
  pekerja_migran_bermasalah_sosial: 0.1, // migrant workers in desil 1–4
  korban_tindak_kekerasan: 0.001, // women 18–60
  anak_korban_tindak_kekerasan: 0.0005, // children
  anak_berhadapan_dengan_hukum: 0.001, // boys 12–17 in desil 1–3
  korban_penyalahgunaan_napza: 0.001, // men 15–40
  korban_perdagangan_orang: 0.0003, // women 18–35 in desil 1–3
  odha: 0.0003, // adults
  keluarga_bermasalah_sosial_psikologis: 0.002, // heads of desil 1–4 families
} as const;

// ---- Houses, assets and businesses (assumed, by welfare group) --------------------------------------------------

/** Keys are the DTSEN codes of reference/house.ts. */
export const HOUSE_OWNERSHIP_WEIGHTS: ByGroup<Weights<number>> = {
  poor: { 1: 0.8, 2: 0.04, 3: 0.14, 5: 0.02 },
  low: { 1: 0.84, 2: 0.06, 3: 0.09, 5: 0.01 },
  middle: { 1: 0.86, 2: 0.08, 3: 0.05, 4: 0.005, 5: 0.005 },
  high: { 1: 0.88, 2: 0.08, 3: 0.02, 4: 0.02 },
};
export const FLOOR_WEIGHTS: ByGroup<Weights<number>> = {
  poor: { 2: 0.25, 4: 0.1, 5: 0.03, 6: 0.37, 7: 0.02, 8: 0.23 },
  low: { 2: 0.45, 4: 0.12, 5: 0.02, 6: 0.31, 7: 0.01, 8: 0.09 },
  middle: { 1: 0.01, 2: 0.68, 3: 0.01, 4: 0.1, 5: 0.01, 6: 0.17, 8: 0.02 },
  high: { 1: 0.08, 2: 0.8, 3: 0.02, 4: 0.05, 5: 0.01, 6: 0.04 },
};
export const WALL_WEIGHTS: ByGroup<Weights<number>> = {
  poor: { 1: 0.6, 2: 0.06, 3: 0.12, 4: 0.12, 5: 0.02, 6: 0.08 },
  low: { 1: 0.8, 2: 0.04, 3: 0.08, 4: 0.05, 5: 0.01, 6: 0.02 },
  middle: { 1: 0.93, 2: 0.02, 3: 0.03, 4: 0.015, 6: 0.005 },
  high: { 1: 0.99, 2: 0.005, 3: 0.005 },
};
export const ROOF_WEIGHTS: ByGroup<Weights<number>> = {
  poor: { 1: 0.01, 2: 0.75, 3: 0.08, 4: 0.1, 5: 0.01, 6: 0.01, 7: 0.04 },
  low: { 1: 0.02, 2: 0.82, 3: 0.05, 4: 0.1, 7: 0.01 },
  middle: { 1: 0.05, 2: 0.86, 3: 0.03, 4: 0.06 },
  high: { 1: 0.15, 2: 0.8, 3: 0.01, 4: 0.04 },
};
export const WATER_WEIGHTS: ByGroup<Weights<number>> = {
  poor: { 1: 0.01, 2: 0.1, 3: 0.15, 4: 0.22, 5: 0.3, 6: 0.08, 7: 0.08, 8: 0.04, 9: 0.02 },
  low: { 1: 0.02, 2: 0.2, 3: 0.18, 4: 0.24, 5: 0.25, 6: 0.04, 7: 0.05, 8: 0.015, 9: 0.005 },
  middle: { 1: 0.05, 2: 0.33, 3: 0.2, 4: 0.22, 5: 0.16, 6: 0.01, 7: 0.03 },
  high: { 1: 0.12, 2: 0.45, 3: 0.2, 4: 0.15, 5: 0.08 },
};
export const LIGHTING_WEIGHTS: ByGroup<Weights<number>> = {
  poor: { 1: 0.84, 2: 0.13, 3: 0.01, 4: 0.02 },
  low: { 1: 0.95, 2: 0.045, 3: 0.003, 4: 0.002 },
  middle: { 1: 0.99, 2: 0.01 },
  high: { 1: 1 },
};
/** Installed VA of a metered PLN connection. */
export const POWER_VA_WEIGHTS: ByGroup<Weights<number>> = {
  poor: { 450: 0.7, 900: 0.28, 1300: 0.02 },
  low: { 450: 0.4, 900: 0.52, 1300: 0.07, 2200: 0.01 },
  middle: { 450: 0.1, 900: 0.55, 1300: 0.28, 2200: 0.06, 3500: 0.01 },
  high: { 900: 0.15, 1300: 0.4, 2200: 0.3, 3500: 0.1, 4400: 0.03, 5500: 0.02 },
};
export const COOKING_FUEL_WEIGHTS: ByGroup<Weights<number>> = {
  poor: { 0: 0.01, 1: 0.005, 4: 0.72, 7: 0.01, 10: 0.245, 11: 0.01 },
  low: { 0: 0.01, 1: 0.01, 2: 0.005, 4: 0.85, 7: 0.005, 10: 0.12 },
  middle: { 0: 0.01, 1: 0.02, 2: 0.04, 3: 0.05, 4: 0.84, 10: 0.04 },
  high: { 0: 0.01, 1: 0.1, 2: 0.15, 3: 0.25, 4: 0.44, 5: 0.03, 10: 0.02 },
};
export const TOILET_WEIGHTS: ByGroup<Weights<number>> = {
  poor: { 1: 0.62, 2: 0.12, 3: 0.06, 4: 0.03, 5: 0.02, 6: 0.15 },
  low: { 1: 0.8, 2: 0.08, 3: 0.03, 4: 0.02, 5: 0.01, 6: 0.06 },
  middle: { 1: 0.93, 2: 0.04, 3: 0.01, 4: 0.005, 5: 0.005, 6: 0.01 },
  high: { 1: 0.99, 2: 0.01 },
};
/** Median total floor area of the house in m² (log-normal); with household size this gives m² per person. */
export const FLOOR_AREA_MEDIAN_M2: ByGroup<number> = { poor: 36, low: 45, middle: 60, high: 90 };
export const FLOOR_AREA_SIGMA = 0.35;

/** Chance of owning each asset (codes of reference/economy.ts ASSETS). */
export const ASSET_SHARES: Readonly<Record<string, ByGroup<number>>> = {
  tabung_gas_5kg: { poor: 0.02, low: 0.08, middle: 0.25, high: 0.5 },
  lemari_es: { poor: 0.25, low: 0.5, middle: 0.75, high: 0.95 },
  ac: { poor: 0, low: 0, middle: 0.03, high: 0.25 },
  pemanas_air: { poor: 0, low: 0, middle: 0.02, high: 0.15 },
  telepon_rumah: { poor: 0, low: 0, middle: 0.01, high: 0.05 },
  televisi: { poor: 0.25, low: 0.45, middle: 0.65, high: 0.85 },
  emas: { poor: 0.02, low: 0.08, middle: 0.2, high: 0.5 },
  komputer: { poor: 0.01, low: 0.05, middle: 0.2, high: 0.6 },
  smartphone: { poor: 0.75, low: 0.88, middle: 0.95, high: 0.99 },
  sepeda: { poor: 0.35, low: 0.35, middle: 0.3, high: 0.3 },
  sepeda_motor: { poor: 0.55, low: 0.8, middle: 0.92, high: 0.96 },
  mobil: { poor: 0, low: 0.02, middle: 0.1, high: 0.45 },
  perahu: { poor: 0.005, low: 0.005, middle: 0.003, high: 0.002 },
  lahan: { poor: 0.1, low: 0.2, middle: 0.3, high: 0.45 },
  rumah_lain: { poor: 0, low: 0.01, middle: 0.04, high: 0.15 },
  sapi: { poor: 0.08, low: 0.1, middle: 0.08, high: 0.05 },
  kambing_domba: { poor: 0.12, low: 0.12, middle: 0.08, high: 0.03 },
  unggas: { poor: 0.3, low: 0.28, middle: 0.2, high: 0.1 },
};

/** Small family businesses: how many have one, and how many of those stalled (more often in desil 1–5). */
export const BUSINESS_SHARE: ByGroup<number> = { poor: 0.22, low: 0.28, middle: 0.3, high: 0.3 };
export const STALLED_SHARE_DESIL_1_5 = 0.4;
export const STALLED_SHARE_DESIL_6_10 = 0.15;
/** Monthly turnover in Rupiah (log-normal median): running businesses by welfare group; stalled ones barely sell. */
export const ACTIVE_TURNOVER_MEDIAN: ByGroup<number> = { poor: 1_500_000, low: 2_500_000, middle: 5_000_000, high: 15_000_000 };
export const ACTIVE_TURNOVER_SIGMA = 0.6;
export const STALLED_TURNOVER_MEDIAN = 300_000;
export const STALLED_TURNOVER_SIGMA = 0.8;
export const STALLED_ZERO_TURNOVER_SHARE = 0.2;
export const BUSINESS_SECTOR_WEIGHTS: Weights<string> = {
  warung_kelontong: 0.2, makanan_minuman: 0.18, olahan_pangan: 0.1, pertanian: 0.1, peternakan: 0.08, perikanan: 0.02, jahit_konveksi: 0.06,
  kerajinan: 0.05, bengkel_servis: 0.05, jasa_transportasi: 0.05, jasa_lainnya: 0.06, perdagangan_keliling: 0.05,
};
