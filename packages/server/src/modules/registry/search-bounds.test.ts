import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../test/db.ts';
import { makeFamily, type TestFamily } from '../../../test/family-factories.ts';
import { familyPage, SEARCH_LIMITS, type FamilyFilter, type SearchLimits } from './queries.ts';

const KEMIRI = '35.07.13.2001'; // Kepanjen
const TULUNGREJO = '35.07.01.2001'; // Donomulyo

const everywhere: FamilyFilter = { scope: null, region: null, search: null };
const byName = (text: string, extra: Partial<FamilyFilter> = {}): FamilyFilter => ({ ...everywhere, search: { kind: 'name', text }, ...extra });
const small: SearchLimits = { count: 5, nameCandidates: 4, names: 10 };

describe.each(testDatabaseKinds)('bounded family search on %s', (kind) => {
  let handle: DatabaseHandle;
  let sutrisnos: TestFamily[];
  let headOnly: TestFamily;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    sutrisnos = [];
    for (let i = 0; i < 8; i++) {
      const village = i < 5 ? KEMIRI : TULUNGREJO;
      sutrisnos.push(await makeFamily(handle.db, { villageCode: village, headName: `Sutrisno ${String.fromCharCode(65 + i)}`, desil: 1 + (i % 3) }));
    }
    for (let i = 0; i < 4; i++) await makeFamily(handle.db, { villageCode: KEMIRI, headName: `Budi Santoso ${String(i)}` });
    // Imported from a family sheet alone: the head is named, no member is listed.
    headOnly = await makeFamily(handle.db, { villageCode: TULUNGREJO, headName: 'Wagiman Hadi', members: [] });
  });
  afterAll(async () => handle.close());

  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

  it('counts exactly under the bound and says "more than" above it', async () => {
    const all = await familyPage(handle.db, everywhere, 'head_name', { limit: 3, offset: 0 }, small);
    expect(all).toMatchObject({ total: 5, capped: true });
    expect(all.rows).toHaveLength(3);
    const few = await familyPage(handle.db, { ...everywhere, region: { kind: 'village', code: TULUNGREJO } }, 'head_name', { limit: 10, offset: 0 }, small);
    expect(few).toMatchObject({ total: 4, capped: false });
    expect(await familyPage(handle.db, everywhere, 'head_name', { limit: 10, offset: 0 })).toMatchObject({ total: 13, capped: false });
  });

  it('finds a misspelled name within the candidate bound, and flags the bound', async () => {
    const exact = await familyPage(handle.db, byName('Sutrisna'), 'relevance', { limit: 25, offset: 0 });
    expect(exact).toMatchObject({ total: 8, capped: false });
    expect(new Set(ids(exact.rows))).toEqual(new Set(ids(sutrisnos)));
    const bounded = await familyPage(handle.db, byName('Sutrisna'), 'relevance', { limit: 25, offset: 0 }, small);
    expect(bounded.capped).toBe(true);
    expect(bounded.total).toBeGreaterThanOrEqual(small.nameCandidates);
    expect(bounded.total).toBeLessThanOrEqual(2 * small.nameCandidates);
  });

  it('looks at the best names only, and says so', async () => {
    const page = await familyPage(handle.db, byName('Sutrisno'), 'relevance', { limit: 25, offset: 0 }, { ...small, names: 3 });
    expect(page).toMatchObject({ total: 3, capped: true });
  });

  it('applies filters before the bound, so that a filtered name search is complete', async () => {
    const page = await familyPage(handle.db, byName('sutrisno', { region: { kind: 'kecamatan', code: '35.07.01' } }), 'relevance', { limit: 25, offset: 0 }, small);
    expect(page).toMatchObject({ total: 3, capped: false });
    expect(new Set(ids(page.rows))).toEqual(new Set(ids(sutrisnos.slice(5))));
  });

  it('pages a bounded result stably: the same rows each time, page after page', async () => {
    const pages = async () => {
      const seen: string[] = [];
      for (let offset = 0; offset < 8; offset += 3) seen.push(...ids((await familyPage(handle.db, byName('sutrisno'), 'relevance', { limit: 3, offset }, small)).rows));
      return seen;
    };
    const first = await pages();
    expect(new Set(first).size).toBe(first.length);
    expect(await pages()).toEqual(first);
  });

  it('finds a head listed without members, and a member under a name given later', async () => {
    expect(ids((await familyPage(handle.db, byName('Wagimen'), 'relevance', { limit: 25, offset: 0 })).rows)).toEqual([headOnly.id]);
    const renamed = sutrisnos[0]!;
    await handle.db.updateTable('member').set({ name: 'Kasiyem Rahayu' }).where('id', '=', renamed.members[0]!.id).execute();
    expect(ids((await familyPage(handle.db, byName('Kasiyem'), 'relevance', { limit: 25, offset: 0 })).rows)).toEqual([renamed.id]);
  });

  it('keeps the production bounds generous enough for a desk operator', () => {
    expect(SEARCH_LIMITS.count).toBe(10_000);
    expect(SEARCH_LIMITS.nameCandidates).toBeGreaterThanOrEqual(1_000);
  });
});
