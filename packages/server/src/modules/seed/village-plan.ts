import { deriveSeed, Random } from './prng.ts';
import {
  DESIL_FAMILY_SHARES, DISASTER_VILLAGE_SHARE, KECAMATAN_WELFARE_SIGMA, KELURAHAN_SIZE_FACTOR, KELURAHAN_WELFARE_SHIFT, VILLAGE_SIZE_SIGMA,
  VILLAGE_WELFARE_SIGMA,
} from './proportions.ts';
import { villageLayout, type VillageLayout } from './places.ts';

export interface Village {
  code: string;
  name: string;
  kind: 'desa' | 'kelurahan';
}

export interface PlannedVillage extends Village {
  kecamatanCode: string;
  /** Where the village sits on the latent welfare scale; negative = a poverty pocket. */
  welfareShift: number;
  disaster: boolean;
  layout: VillageLayout;
}

/** How families spread over the villages of the region, and the welfare cut-offs that yield the declared desil shares. */
export interface VillagePlan {
  villages: readonly PlannedVillage[];
  /** Cumulative, normalised village weights for a binary-search pick. */
  cumulativeWeights: Float64Array;
  /** Ascending latent-welfare cut-offs between desil k and k+1 (nine values). */
  desilCutoffs: readonly number[];
  kecamatanCodes: readonly string[];
}

export function planVillages(villages: readonly Village[], seed: number): VillagePlan {
  if (villages.length === 0) throw new RangeError('no villages to plan');
  const sorted = [...villages].sort((a, b) => a.code.localeCompare(b.code));
  const kecamatanShift = new Map<string, number>();
  const weights: number[] = [];
  const planned = sorted.map((village): PlannedVillage => {
    const kecamatanCode = village.code.slice(0, 8);
    let kecShift = kecamatanShift.get(kecamatanCode);
    if (kecShift === undefined) {
      kecShift = new Random(deriveSeed(seed, `kecamatan:${kecamatanCode}`)).normal() * KECAMATAN_WELFARE_SIGMA;
      kecamatanShift.set(kecamatanCode, kecShift);
    }
    const rng = new Random(deriveSeed(seed, `village:${village.code}`));
    const urban = village.kind === 'kelurahan';
    weights.push(rng.logNormal(1, VILLAGE_SIZE_SIGMA) * (urban ? KELURAHAN_SIZE_FACTOR : 1));
    return {
      ...village,
      kecamatanCode,
      welfareShift: kecShift + rng.normal() * VILLAGE_WELFARE_SIGMA + (urban ? KELURAHAN_WELFARE_SHIFT : 0),
      disaster: rng.chance(DISASTER_VILLAGE_SHARE),
      layout: villageLayout(seed, village.code, village.name, urban),
    };
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulativeWeights = new Float64Array(weights.length);
  let running = 0;
  weights.forEach((w, i) => {
    running += w / total;
    cumulativeWeights[i] = running;
  });
  cumulativeWeights[weights.length - 1] = 1;
  const shares = weights.map((w) => w / total);
  const desilCutoffs = mixtureQuantiles(planned.map((v) => v.welfareShift), shares, cumulativeDesilShares());
  return { villages: planned, cumulativeWeights, desilCutoffs, kecamatanCodes: [...kecamatanShift.keys()] };
}

export function pickVillage(plan: VillagePlan, u: number): PlannedVillage {
  const weights = plan.cumulativeWeights;
  let lo = 0;
  let hi = weights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((weights[mid] ?? 1) <= u) lo = mid + 1;
    else hi = mid;
  }
  const village = plan.villages[lo];
  if (!village) throw new RangeError('village index out of range');
  return village;
}

/** Desil 1..10 for a family whose latent welfare is `z` (lower = poorer). */
export function desilOf(plan: VillagePlan, z: number): number {
  let desil = 1;
  for (const cutoff of plan.desilCutoffs) if (z > cutoff) desil++;
  return desil;
}

function cumulativeDesilShares(): number[] {
  const cumulative: number[] = [];
  let running = 0;
  for (const share of DESIL_FAMILY_SHARES.slice(0, -1)) cumulative.push((running += share));
  return cumulative;
}

/** Quantiles of a mixture of unit-variance normals centred at `means` with the given weights (bisection). */
function mixtureQuantiles(means: readonly number[], weights: readonly number[], probabilities: readonly number[]): number[] {
  const cdf = (x: number) => {
    let p = 0;
    for (let i = 0; i < means.length; i++) p += (weights[i] ?? 0) * normalCdf(x - (means[i] ?? 0));
    return p;
  };
  return probabilities.map((target) => {
    let lo = -10;
    let hi = 10;
    for (let i = 0; i < 50; i++) {
      const mid = (lo + hi) / 2;
      if (cdf(mid) < target) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  });
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, error below 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
