import type { Random } from './prng.ts';
import {
  ACTIVE_TURNOVER_MEDIAN, ACTIVE_TURNOVER_SIGMA, ASSET_SHARES, BUSINESS_SECTOR_WEIGHTS, BUSINESS_SHARE, COOKING_FUEL_WEIGHTS, FLOOR_AREA_MEDIAN_M2,
  FLOOR_AREA_SIGMA, FLOOR_WEIGHTS, HOUSE_OWNERSHIP_WEIGHTS, LIGHTING_WEIGHTS, POWER_VA_WEIGHTS, ROOF_WEIGHTS, STALLED_SHARE_DESIL_1_5,
  STALLED_SHARE_DESIL_6_10, STALLED_TURNOVER_MEDIAN, STALLED_TURNOVER_SIGMA, STALLED_ZERO_TURNOVER_SHARE, TOILET_WEIGHTS, WALL_WEIGHTS,
  WATER_WEIGHTS, welfareGroupOf,
} from './proportions.ts';
import type { GeneratedFamily } from './types.ts';

export type HouseAndEconomy = Pick<
  GeneratedFamily,
  | 'houseOwnership' | 'floorType' | 'wallType' | 'roofType' | 'waterSource' | 'lighting' | 'powerVa' | 'cookingFuel' | 'toilet' | 'floorAreaM2'
  | 'assets' | 'businessStatus' | 'businessSector' | 'businessTurnover'
>;

const PLN_METERED = 1;
const ASSET_CODES = Object.keys(ASSET_SHARES);

/** Rupiah rounded to the nearest ten thousand, as people report turnover. */
function rupiah(value: number): number {
  return Math.max(0, Math.round(value / 10_000) * 10_000);
}

/** House condition, assets and family business, drawn for the family's desil. */
export function houseAndEconomy(rng: Random, desil: number): HouseAndEconomy {
  const group = welfareGroupOf(desil);
  const lighting = rng.weightedCode(LIGHTING_WEIGHTS[group]);
  const floorAreaM2 = Math.max(9, Math.round(rng.logNormal(FLOOR_AREA_MEDIAN_M2[group], FLOOR_AREA_SIGMA) * 2) / 2);
  const assets = ASSET_CODES.filter((code) => rng.chance(ASSET_SHARES[code]?.[group] ?? 0));
  let businessStatus: HouseAndEconomy['businessStatus'] = 'none';
  let businessSector: string | null = null;
  let businessTurnover: number | null = null;
  if (rng.chance(BUSINESS_SHARE[group])) {
    businessStatus = rng.chance(desil <= 5 ? STALLED_SHARE_DESIL_1_5 : STALLED_SHARE_DESIL_6_10) ? 'stalled' : 'active';
    businessSector = rng.weighted(BUSINESS_SECTOR_WEIGHTS);
    businessTurnover =
      businessStatus === 'active'
        ? rupiah(rng.logNormal(ACTIVE_TURNOVER_MEDIAN[group], ACTIVE_TURNOVER_SIGMA))
        : rng.chance(STALLED_ZERO_TURNOVER_SHARE)
          ? 0
          : rupiah(rng.logNormal(STALLED_TURNOVER_MEDIAN, STALLED_TURNOVER_SIGMA));
  }
  return {
    houseOwnership: rng.weightedCode(HOUSE_OWNERSHIP_WEIGHTS[group]),
    floorType: rng.weightedCode(FLOOR_WEIGHTS[group]),
    wallType: rng.weightedCode(WALL_WEIGHTS[group]),
    roofType: rng.weightedCode(ROOF_WEIGHTS[group]),
    waterSource: rng.weightedCode(WATER_WEIGHTS[group]),
    lighting,
    powerVa: lighting === PLN_METERED ? rng.weightedCode(POWER_VA_WEIGHTS[group]) : null,
    cookingFuel: rng.weightedCode(COOKING_FUEL_WEIGHTS[group]),
    toilet: rng.weightedCode(TOILET_WEIGHTS[group]),
    floorAreaM2,
    assets,
    businessStatus,
    businessSector,
    businessTurnover,
  };
}
