import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import type { ChunkPlan, Lookups } from './prepare.ts';
import { batchKeysAfter, type EarlierRow } from './queries.ts';

/**
 * The keys (No KK, NIK) this batch has recorded a row for, as a Bloom filter of fixed size: "certainly not seen"
 * lets the checks skip the database look-up for an earlier row with the same key, which in a file without
 * duplicates is every look-up. A "maybe" still asks the database, so a false positive costs a look-up, never a
 * wrong result. 16 MiB whatever the file: at a million families (4 million keys) about one key in 5,000 is asked
 * for nothing; at a province's 50 million keys one in three, which is still correct, only slower.
 */
export class SeenKeys {
  private static readonly LOG2_BITS = 27;
  private static readonly PROBES = 4;
  private readonly words = new Int32Array(2 ** (SeenKeys.LOG2_BITS - 5));
  private readonly mask = 2 ** SeenKeys.LOG2_BITS - 1;

  add(entity: 'family' | 'member', key: string): void {
    const [a, b] = hashes(entity, key);
    for (let i = 0; i < SeenKeys.PROBES; i++) {
      const bit = (a + Math.imul(i, b)) & this.mask;
      const word = bit >>> 5;
      this.words[word] = (this.words[word] ?? 0) | (1 << (bit & 31));
    }
  }

  mightHave(entity: 'family' | 'member', key: string): boolean {
    const [a, b] = hashes(entity, key);
    for (let i = 0; i < SeenKeys.PROBES; i++) {
      const bit = (a + Math.imul(i, b)) & this.mask;
      if (((this.words[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Two independent 32-bit hashes of the entity and key (cyrb53's mixing), for double hashing. */
function hashes(entity: string, key: string): [number, number] {
  let h1 = entity === 'family' ? 0xdeadbeef : 0x41c6ce57;
  let h2 = entity === 'family' ? 0x41c6ce57 : 0xdeadbeef;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // An odd step visits distinct bits on every probe.
  return [h1 >>> 0, (h2 | 1) >>> 0];
}

/** The look-ups with earlier rows asked of the database only for keys the batch may have recorded. */
export function skipUnseen(lookups: Lookups, seen: SeenKeys): Lookups {
  return {
    ...lookups,
    async earlierRows(entity, keys) {
      const maybe = keys.filter((key) => seen.mightHave(entity, key));
      return maybe.length ? lookups.earlierRows(entity, maybe) : new Map<string, EarlierRow>();
    },
  };
}

/** Every key of the chunk's rows: each is recorded with the chunk's row results. */
export function addChunkKeys(seen: SeenKeys, plan: ChunkPlan): void {
  for (const row of plan.rows) {
    if (row.family?.key) seen.add('family', row.family.key);
    if (row.member?.key) seen.add('member', row.member.key);
  }
}

const PAGE = 20_000;

/** A resumed batch: the keys of the rows recorded before, read page by page in key order. */
export async function loadSeenKeys(db: Kysely<DB>, batchId: string, seen: SeenKeys): Promise<void> {
  for (const entity of ['family', 'member'] as const) {
    let after: string | null = null;
    for (;;) {
      const keys = await batchKeysAfter(db, batchId, entity, after, PAGE);
      for (const key of keys) seen.add(entity, key);
      if (keys.length < PAGE) break;
      after = keys[keys.length - 1]!;
    }
  }
}
