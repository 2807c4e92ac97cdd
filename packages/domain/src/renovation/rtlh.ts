import type { LocalText } from '../eligibility/ast.ts';

/**
 * RTLH (rumah tidak layak huni) criteria, combining the Kemensos and PUPR lists in DOMAIN.md. Each criterion met adds
 * its weight; structure (roof, walls, floor) and crowding weigh most because BSPS aid rebuilds exactly those.
 */

export const RTLH_CRITERIA = ['roof', 'wall', 'floor', 'crowded', 'sanitation', 'water', 'ventilation', 'electricity'] as const;
export type RtlhCriterion = (typeof RTLH_CRITERIA)[number];
export type RtlhCriteria = Record<RtlhCriterion, boolean>;

export const RTLH_WEIGHTS: Record<RtlhCriterion, number> = {
  roof: 20, wall: 20, floor: 15, crowded: 15, sanitation: 10, water: 10, ventilation: 5, electricity: 5,
};

/** A house scoring at least this much is uninhabitable (RTLH) and may be verified for renovation. */
export const RTLH_THRESHOLD = 50;

/** PUPR: under 9 m² of floor per person is too crowded. */
export const MIN_FLOOR_AREA_PER_PERSON = 9;

export const RTLH_CRITERION_LABELS: Record<RtlhCriterion, LocalText> = {
  roof: { id: 'Atap rusak atau dari daun/rumbia/bambu/genteng rapuh', en: 'Roof damaged or of leaves/thatch/bamboo/brittle tiles' },
  wall: { id: 'Dinding rusak atau dari bambu/kayu/rotan', en: 'Walls damaged or of bamboo/wood/rattan' },
  floor: { id: 'Lantai tanah, papan atau bambu', en: 'Floor of earth, boards or bamboo' },
  crowded: { id: `Luas lantai kurang dari ${MIN_FLOOR_AREA_PER_PERSON} m² per orang`, en: `Less than ${MIN_FLOOR_AREA_PER_PERSON} m² of floor per person` },
  sanitation: { id: 'Tidak ada MCK/jamban sendiri', en: 'No own bathing/toilet facility' },
  water: { id: 'Tidak ada air minum layak', en: 'No safe drinking water' },
  ventilation: { id: 'Pencahayaan dan ventilasi buruk', en: 'Poor light and ventilation' },
  electricity: { id: 'Tidak ada listrik', en: 'No electricity' },
};

/**
 * Registry (DTSEN) codes that meet a criterion. Damage and ventilation are not in the registry: only the field
 * assessment can tell them, so a registry pre-score is a lower bound.
 */
export const RTLH_REGISTRY_CODES = {
  roof: { column: 'roof_type', codes: [5, 6, 7] },
  wall: { column: 'wall_type', codes: [4, 5, 6] },
  floor: { column: 'floor_type', codes: [5, 7, 8] },
  sanitation: { column: 'toilet', codes: [5, 6] },
  water: { column: 'water_source', codes: [6, 8, 9, 10] },
  electricity: { column: 'lighting', codes: [4] },
} as const satisfies Partial<Record<RtlhCriterion, { column: string; codes: readonly number[] }>>;

export function isCrowded(floorAreaM2: number | null | undefined, occupants: number | null | undefined): boolean {
  if (!floorAreaM2 || !occupants || occupants <= 0) return false;
  return floorAreaM2 / occupants < MIN_FLOOR_AREA_PER_PERSON;
}

/** The score 0–100 of the criteria met. */
export function rtlhScore(criteria: Partial<RtlhCriteria>): number {
  return RTLH_CRITERIA.reduce((sum, criterion) => sum + (criteria[criterion] ? RTLH_WEIGHTS[criterion] : 0), 0);
}

export function isRtlh(score: number): boolean {
  return score >= RTLH_THRESHOLD;
}

export interface RegistryHouse {
  roofType: number | null;
  wallType: number | null;
  floorType: number | null;
  toilet: number | null;
  waterSource: number | null;
  lighting: number | null;
  floorAreaM2: number | null;
  memberCount: number | null;
}

const meets = (criterion: keyof typeof RTLH_REGISTRY_CODES, code: number | null) => code !== null && (RTLH_REGISTRY_CODES[criterion].codes as readonly number[]).includes(code);

/** The criteria the registry's house variables already show: the starting point of a field assessment. */
export function criteriaFromRegistry(house: RegistryHouse): RtlhCriteria {
  return {
    roof: meets('roof', house.roofType),
    wall: meets('wall', house.wallType),
    floor: meets('floor', house.floorType),
    crowded: isCrowded(house.floorAreaM2, house.memberCount),
    sanitation: meets('sanitation', house.toilet),
    water: meets('water', house.waterSource),
    ventilation: false,
    electricity: meets('electricity', house.lighting),
  };
}
