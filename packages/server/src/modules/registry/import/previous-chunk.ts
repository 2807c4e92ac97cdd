import type { ChunkPlan, Lookups } from './prepare.ts';
import type { EarlierRow } from './queries.ts';

type Preferred = Pick<EarlierRow, 'sheet' | 'rowNumber' | 'outcome'>;

/** The row earlierRowsWithKeys would pick: an accepted one before a rejected one, then the first by sheet and row. */
function preferred<T extends Preferred>(a: T | undefined, b: T): T {
  if (!a) return b;
  const rank = (r: Preferred) => [r.outcome === 'rejected' ? 1 : 0, r.sheet, r.rowNumber] as const;
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! < rb[i]! ? a : b;
  return a;
}

/**
 * The checks of a chunk run while the chunk before it is still being written, so that the database never waits for
 * them. Their look-ups then see the registry as it was before that chunk: this adds what the chunk will have written
 * (its plan is final by then: it commits exactly that, or the import stops), so that the checks come out as if they
 * had run after it. Everything before it is committed.
 */
export function afterPreviousChunk(lookups: Lookups, previous: ChunkPlan | null): Lookups {
  if (!previous) return lookups;
  const earlier = { family: new Map<string, EarlierRow>(), member: new Map<string, EarlierRow>() };
  for (const row of previous.rows) {
    for (const entity of ['family', 'member'] as const) {
      const part = row[entity];
      if (!part?.key) continue;
      const mine: EarlierRow = { key: part.key, sheet: previous.sheet, rowNumber: row.rowNumber, outcome: part.rejected ? 'rejected' : 'added' };
      earlier[entity].set(part.key, preferred(earlier[entity].get(part.key), mine));
    }
  }
  const families = new Map(previous.families.map((f) => [f.record.noKk, f]));
  const memberFamilies = new Map(previous.members.flatMap((m) => (m.familyId ? [[m.record.nik, m.familyId] as const] : [])));
  const newFamilyNoKks = new Map(previous.families.flatMap((f) => (f.id ? [[f.id, f.record.noKk] as const] : [])));
  return {
    async earlierRows(entity, keys) {
      const found = await lookups.earlierRows(entity, keys);
      for (const key of keys) {
        const mine = earlier[entity].get(key);
        if (mine) found.set(key, preferred(found.get(key), mine));
      }
      return found;
    },
    async families(noKks) {
      const found = await lookups.families(noKks);
      if (!found) return found;
      for (const noKk of noKks) {
        const staged = families.get(noKk);
        const id = staged?.id ?? found.get(noKk)?.id;
        if (staged && id) found.set(noKk, { id, villageCode: staged.record.villageCode });
      }
      return found;
    },
    async members(niks) {
      const found = await lookups.members(niks);
      for (const nik of niks) {
        const familyId = memberFamilies.get(nik);
        if (familyId) found.set(nik, familyId);
      }
      return found;
    },
    async familyNoKks(ids) {
      const found = await lookups.familyNoKks(ids);
      for (const id of ids) {
        const noKk = newFamilyNoKks.get(id);
        if (noKk) found.set(id, noKk);
      }
      return found;
    },
  };
}
