import type { CodeList } from './code-list.ts';

// House variables as coded in the Regsosek 2022 / DTSEN family form (block III). Real files mix codes and labels.

export const HOUSE_OWNERSHIP: CodeList = [
  { code: 1, id: 'Milik sendiri', en: 'Owned' },
  { code: 2, id: 'Kontrak/sewa', en: 'Rented/leased' },
  { code: 3, id: 'Bebas sewa', en: 'Rent-free' },
  { code: 4, id: 'Dinas', en: 'Official housing' },
  { code: 5, id: 'Lainnya', en: 'Other' },
];

export const FLOOR_TYPES: CodeList = [
  { code: 1, id: 'Marmer/granit', en: 'Marble/granite' },
  { code: 2, id: 'Keramik', en: 'Ceramic tiles' },
  { code: 3, id: 'Parket/vinil/karpet', en: 'Parquet/vinyl/carpet' },
  { code: 4, id: 'Ubin/tegel/teraso', en: 'Cement tiles/terrazzo' },
  { code: 5, id: 'Kayu/papan', en: 'Wood/boards' },
  { code: 6, id: 'Semen/bata merah', en: 'Cement/red brick' },
  { code: 7, id: 'Bambu', en: 'Bamboo' },
  { code: 8, id: 'Tanah', en: 'Earth' },
  { code: 9, id: 'Lainnya', en: 'Other' },
];

export const WALL_TYPES: CodeList = [
  { code: 1, id: 'Tembok', en: 'Masonry' },
  { code: 2, id: 'Plesteran anyaman bambu/kawat', en: 'Plastered woven bamboo/wire' },
  { code: 3, id: 'Kayu/papan/gipsum/GRC/kalsiboard', en: 'Wood/boards/gypsum/fibre cement' },
  { code: 4, id: 'Anyaman bambu', en: 'Woven bamboo' },
  { code: 5, id: 'Batang kayu', en: 'Logs' },
  { code: 6, id: 'Bambu', en: 'Bamboo' },
  { code: 7, id: 'Lainnya', en: 'Other' },
];

export const ROOF_TYPES: CodeList = [
  { code: 1, id: 'Beton', en: 'Concrete' },
  { code: 2, id: 'Genteng', en: 'Clay tiles' },
  { code: 3, id: 'Seng', en: 'Corrugated zinc' },
  { code: 4, id: 'Asbes', en: 'Asbestos' },
  { code: 5, id: 'Bambu', en: 'Bamboo' },
  { code: 6, id: 'Kayu/sirap', en: 'Wood/shingles' },
  { code: 7, id: 'Jerami/ijuk/daun-daunan/rumbia', en: 'Straw/palm fibre/leaves' },
  { code: 8, id: 'Lainnya', en: 'Other' },
];

export const WATER_SOURCES: CodeList = [
  { code: 1, id: 'Air kemasan bermerk', en: 'Bottled water' },
  { code: 2, id: 'Air isi ulang', en: 'Refilled water' },
  { code: 3, id: 'Leding', en: 'Piped water' },
  { code: 4, id: 'Sumur bor/pompa', en: 'Borehole/pump' },
  { code: 5, id: 'Sumur terlindung', en: 'Protected well' },
  { code: 6, id: 'Sumur tak terlindung', en: 'Unprotected well' },
  { code: 7, id: 'Mata air terlindung', en: 'Protected spring' },
  { code: 8, id: 'Mata air tak terlindung', en: 'Unprotected spring' },
  { code: 9, id: 'Air permukaan (sungai/danau/waduk/kolam/irigasi)', en: 'Surface water (river/lake/reservoir/pond/irrigation)' },
  { code: 10, id: 'Air hujan', en: 'Rainwater' },
  { code: 11, id: 'Lainnya', en: 'Other' },
];

export const LIGHTING_SOURCES: CodeList = [
  { code: 1, id: 'Listrik PLN dengan meteran', en: 'PLN electricity with meter' },
  { code: 2, id: 'Listrik PLN tanpa meteran', en: 'PLN electricity without meter' },
  { code: 3, id: 'Listrik non-PLN', en: 'Non-PLN electricity' },
  { code: 4, id: 'Bukan listrik', en: 'No electricity' },
];

/** Installed PLN power classes; the `family.power_va` column stores volt-amperes, see `powerClassOfVa`. */
export const POWER_CLASSES: CodeList = [
  { code: 1, id: '450 VA', en: '450 VA' },
  { code: 2, id: '900 VA', en: '900 VA' },
  { code: 3, id: '1.300 VA', en: '1,300 VA' },
  { code: 4, id: '2.200 VA', en: '2,200 VA' },
  { code: 5, id: 'Lebih dari 2.200 VA', en: 'More than 2,200 VA' },
];

/** VA stored for a class code; class 5 maps to 3,500 VA, the smallest household tariff above 2,200 VA. */
export const POWER_CLASS_VA: Readonly<Record<number, number>> = { 1: 450, 2: 900, 3: 1300, 4: 2200, 5: 3500 };

export function powerClassOfVa(va: number): number {
  if (va <= 450) return 1;
  if (va <= 900) return 2;
  if (va <= 1300) return 3;
  if (va <= 2200) return 4;
  return 5;
}

export const COOKING_FUELS: CodeList = [
  { code: 0, id: 'Tidak memasak di rumah', en: 'No cooking at home' },
  { code: 1, id: 'Listrik', en: 'Electricity' },
  { code: 2, id: 'Elpiji 5,5 kg/blue gaz', en: 'LPG 5.5 kg/Blue Gaz' },
  { code: 3, id: 'Elpiji 12 kg', en: 'LPG 12 kg' },
  { code: 4, id: 'Elpiji 3 kg', en: 'LPG 3 kg' },
  { code: 5, id: 'Gas kota/meteran PGN', en: 'Piped city gas' },
  { code: 6, id: 'Biogas', en: 'Biogas' },
  { code: 7, id: 'Minyak tanah', en: 'Kerosene' },
  { code: 8, id: 'Briket', en: 'Briquettes' },
  { code: 9, id: 'Arang', en: 'Charcoal' },
  { code: 10, id: 'Kayu bakar', en: 'Firewood' },
  { code: 11, id: 'Lainnya', en: 'Other' },
];

/** Fasilitas BAB: whether the family has and uses a toilet. */
export const TOILET_FACILITIES: CodeList = [
  { code: 1, id: 'Ada, digunakan hanya anggota keluarga sendiri', en: 'Own toilet, used by this family only' },
  { code: 2, id: 'Ada, digunakan bersama anggota keluarga tertentu', en: 'Toilet shared with certain other families' },
  { code: 3, id: 'Ada, di MCK komunal', en: 'Communal toilet block' },
  { code: 4, id: 'Ada, di MCK umum/siapapun menggunakan', en: 'Public toilet open to anyone' },
  { code: 5, id: 'Ada, anggota keluarga tidak menggunakan', en: 'Toilet exists but the family does not use it' },
  { code: 6, id: 'Tidak ada fasilitas', en: 'No toilet facility' },
];

export const CLOSET_TYPES: CodeList = [
  { code: 1, id: 'Leher angsa', en: 'Gooseneck (water seal)' },
  { code: 2, id: 'Plengsengan dengan tutup', en: 'Slab with cover' },
  { code: 3, id: 'Plengsengan tanpa tutup', en: 'Slab without cover' },
  { code: 4, id: 'Cemplung/cubluk', en: 'Pit latrine' },
];
