import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../packages/server/src/db/schema/index.ts';
import { seededRandom } from '../../../packages/server/src/modules/registry/import/test-files.ts';

/** The query strings of each kind of search, drawn deterministically from the seeded registry. */
export interface SearchCases {
  nik: string[];
  noKk: string[];
  /** Names as an operator types them: misspelt, sometimes one word only, often in lower case. */
  name: string[];
  /** A misspelt name within one kecamatan. */
  nameInKecamatan: string[];
  /** Kecamatan + desil range + business status, the default order, now and then a later page. */
  filtered: string[];
}

// Spelling variants Indonesian names really show (old and new spelling, doubled or dropped letters, vowels heard differently).
const VARIANTS: [RegExp, string][] = [
  [/u/i, 'oe'], [/oe/i, 'u'], [/j/i, 'dj'], [/y/i, 'i'], [/i(?=[aeou])/i, 'y'], [/kh/i, 'h'], [/mm/i, 'm'], [/([aiueo])([lmnrst])([aiueo])/i, '$1$2$2$3'],
  [/o$/i, 'a'], [/a$/i, 'o'], [/i/i, 'e'], [/e/i, 'i'], [/sy/i, 's'], [/ch/i, 'c'], [/dh/i, 'd'], [/th/i, 't'],
];

function misspell(name: string, random: () => number): string {
  const words = name.split(/\s+/).filter((w) => w.length > 2 && !w.endsWith('.'));
  let text = words.length > 1 && random() < 0.3 ? words.reduce((a, b) => (b.length > a.length ? b : a)) : name;
  const order = VARIANTS.map((v, i) => [v, i + random() * VARIANTS.length] as const).sort((a, b) => a[1] - b[1]);
  const variant = order.find(([[pattern]]) => pattern.test(text));
  if (variant) text = text.replace(variant[0][0], variant[0][1]);
  else {
    // A typing slip: one letter left out.
    const at = 1 + Math.floor(random() * Math.max(1, text.length - 2));
    text = text.slice(0, at) + text.slice(at + 1);
  }
  return random() < 0.6 ? text.toLowerCase() : text;
}

/** Up to `count` values of a column from a deterministic sample of the table's rows. */
async function sample(db: Kysely<DB>, table: 'member' | 'family', column: 'nik' | 'name' | 'no_kk', count: number, seed: number): Promise<string[]> {
  const total = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db)).rows[0]?.n ?? 0;
  const percent = Math.min(100, (100 * count * 3) / Math.max(1, total));
  const rows = await sql<{ v: string }>`
    SELECT ${sql.ref(column)} AS v FROM ${sql.table(table)} TABLESAMPLE BERNOULLI (${sql.lit(percent)}) REPEATABLE (${sql.lit(seed)})
    ORDER BY ${sql.ref(column)} LIMIT ${count * 3}`.execute(db);
  const random = seededRandom(seed);
  return rows.rows
    .map((r) => [r.v, random()] as const)
    .sort((a, b) => a[1] - b[1])
    .slice(0, count)
    .map(([v]) => v);
}

export async function searchCases(db: Kysely<DB>, count: number, seed = 7): Promise<SearchCases> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const kecamatan = (await db.selectFrom('region').select('code').where('level', '=', 3).where('code', 'like', '35.07.%').orderBy('code').execute()).map((r) => r.code);
  const q = (params: Record<string, string | number>) =>
    `/api/families?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
  const niks = await sample(db, 'member', 'nik', count, seed);
  const noKks = await sample(db, 'family', 'no_kk', count, seed + 1);
  const names = await sample(db, 'member', 'name', count * 2, seed + 2);
  return {
    nik: niks.map((nik) => q({ q: nik })),
    noKk: noKks.map((noKk) => q({ q: noKk })),
    name: names.slice(0, count).map((name) => q({ q: misspell(name, random) })),
    nameInKecamatan: names.slice(count).map((name) => q({ q: misspell(name, random), region: pick(kecamatan) })),
    filtered: Array.from({ length: count }, () =>
      q({
        region: pick(kecamatan),
        desilMin: 1,
        desilMax: pick([3, 4, 5]),
        businessStatus: pick(['stalled', 'active', 'none']),
        page: random() < 0.8 ? 1 : 2 + Math.floor(random() * 3),
      }),
    ),
  };
}
