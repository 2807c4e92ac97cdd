/** A small, fast, seedable random source so that one seed always yields the same demo population. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** Index chosen with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** A key of `weights` chosen with probability proportional to its value. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const table = tableOf(weights);
    return table.keys[this.tableIndex(table)] as K;
  }

  /** Like `weighted`, for tables keyed by numeric codes. */
  weightedCode(weights: Readonly<Record<number, number>>): number {
    const table = tableOf(weights);
    return Number(table.keys[this.tableIndex(table)]);
  }

  private tableIndex(table: WeightTable): number {
    const r = this.next() * table.total;
    const { cumulative } = table;
    for (let i = 0; i < cumulative.length; i++) if (r < (cumulative[i] ?? 0)) return i;
    return cumulative.length - 1;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given median and log-scale spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
}

interface WeightTable {
  keys: string[];
  cumulative: Float64Array;
  total: number;
}

// Weight tables are constants; caching their cumulative form keeps generation of millions of people fast.
const tables = new WeakMap<object, WeightTable>();

function tableOf(weights: object): WeightTable {
  let table = tables.get(weights);
  if (!table) {
    const entries = Object.entries(weights as Record<string, number>);
    const cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, w], i) => (cumulative[i] = total += w));
    table = { keys: entries.map(([k]) => k), cumulative, total };
    tables.set(weights, table);
  }
  return table;
}

/** A 32-bit seed derived from a seed and a label, so that per-village traits do not depend on the order of generation. */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}
