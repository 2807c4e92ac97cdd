import type { Me, Page, RenovationCandidate } from '@sinergi/domain';
import type { Updateable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { makeFamily } from '../../../test/family-factories.ts';
import type { FamilyTable } from '../../db/schema/index.ts';
import type { TestClient } from '../../../test/app.ts';
import { DONOMULYO_VILLAGE, KEPANJEN, KEPANJEN_VILLAGE, ok, poorHouseFamily, renovationWorld, type RenovationWorld } from './test-kit.ts';

/** Earth floor, bamboo walls, leaf roof on 24 m² for 4 people: 70 points (see poorHouseFamily). */
const POOR = { floor_type: 8, wall_type: 6, roof_type: 7, toilet: 1, water_source: 3, lighting: 1, floor_area_m2: 24, member_count: 4 };

describe.each(testDatabaseKinds)('renovation candidates from the stored score on %s', (kind) => {
  let w: RenovationWorld;
  const ids: Record<string, string> = {};

  async function family(name: string, house: Updateable<FamilyTable>, options: { desil?: number; villageCode?: string } = {}): Promise<void> {
    const made = await makeFamily(w.db, { villageCode: options.villageCode ?? KEPANJEN_VILLAGE, headName: name, desil: options.desil ?? 3 });
    await w.db.updateTable('family').set(house).where('id', '=', made.id).execute();
    ids[name] = made.id;
  }

  const list = async (client: TestClient, query = '') => {
    const response = await client.get(`/api/renovations/candidates?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page<RenovationCandidate>>();
  };
  const scores = (page: Page<RenovationCandidate>) => page.items.map((item) => [item.headName, item.registryScore]);

  beforeAll(async () => {
    w = await renovationWorld(kind);
    await family('Paling Rusak', { ...POOR, toilet: 6, lighting: 4 });
    await family('Rusak Miskin', POOR, { desil: 1 });
    await family('Rusak', POOR, { desil: 3 });
    await family('Lapang', { ...POOR, floor_area_m2: 90, member_count: 1 });
    await family('Atap Saja', { roof_type: 5, toilet: 5 });
    await family('Layak', { floor_type: 2, wall_type: 1, roof_type: 2, floor_area_m2: 90, member_count: 3 });
    ids.Donomulyo = await poorHouseFamily(w.db, DONOMULYO_VILLAGE, 'Donomulyo');
  });
  afterAll(async () => w.t.close());

  it('pages through the stored scores, worst house first, then the poorest, with the total', async () => {
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(await list(w.kepanjenOperator, `pageSize=2&page=${page}`));
    expect(pages.map(scores)).toEqual([
      [['Paling Rusak', 85], ['Rusak Miskin', 70]],
      [['Rusak', 70], ['Lapang', 55]],
      [],
    ]);
    expect(pages.map((page) => [page.total, page.totalCapped])).toEqual([[4, false], [4, false], [4, false]]);
    expect(pages[0]!.items[0]).toMatchObject({ familyId: ids['Paling Rusak'], desil: 3, criteria: { roof: true, wall: true, floor: true, crowded: true, sanitation: true, electricity: true, water: false, ventilation: false } });
    const low = await list(w.kepanjenOperator, 'minScore=25&pageSize=10');
    expect(scores(low).at(-1)).toEqual(['Atap Saja', 30]);
    // A house meeting no criterion is nobody's candidate, whatever the minimum asked.
    const all = await list(w.perkimOperator, 'minScore=0&pageSize=200');
    expect(all.items.map((item) => item.headName)).not.toContain('Layak');
    expect(all.items.every((item) => item.registryScore > 0)).toBe(true);
  });

  it('limits the list to the user’s scope and to the place asked for', async () => {
    expect((await list(w.kepanjenOperator)).items.map((item) => item.headName)).not.toContain('Donomulyo');
    expect(scores(await list(w.perkimOperator, `villageCode=${DONOMULYO_VILLAGE}`))).toEqual([['Donomulyo', 70]]);
    expect((await list(w.perkimOperator, `kecamatanCode=${KEPANJEN}`)).total).toBe(4);
    expect((await list(w.perkimOperator, 'kecamatanCode=35.07.02')).items).toEqual([]);
    expect((await list(w.perkimOperator, 'kecamatanCode=35.07')).total).toBe(5);
    expect((await list(w.kepanjenOperator, 'kecamatanCode=35.07.01')).items).toEqual([]);
  });

  it('follows a registry edit of the house at once', async () => {
    const edit = async (name: string, changes: object) => {
      const { version } = await w.db.selectFrom('family').select('version').where('id', '=', ids[name]!).executeTakeFirstOrThrow();
      const response = await w.dinsosOperator.patch(`/api/families/${ids[name]!}`, { version, changes });
      expect(response.statusCode, response.body).toBe(200);
    };
    await edit('Lapang', { roofType: 1 });
    await edit('Layak', { roofType: 6, wallType: 4, floorType: 5 });
    expect(scores(await list(w.kepanjenOperator))).toEqual([['Paling Rusak', 85], ['Rusak Miskin', 70], ['Rusak', 70], ['Layak', 55]]);
  });

  it('leaves out a house in the pipeline and takes it back once rejected', async () => {
    const house = await ok(await w.perkimOperator.post('/api/renovations', { familyId: ids['Rusak Miskin'], year: 2026, source: 'registry' }), 201);
    expect((await list(w.kepanjenOperator)).items.map((item) => item.headName)).not.toContain('Rusak Miskin');
    await ok(await w.perkimOperator.post(`/api/renovations/${house.id}/reject`, { version: house.version, reason: 'Rumah milik orang lain', rejectedOn: '2026-02-01' }));
    expect((await list(w.kepanjenOperator)).items.map((item) => item.headName)).toContain('Rusak Miskin');
  });

  it('records who viewed the candidate list in the audit trail', async () => {
    const viewer = (await w.kepanjenPendamping.get('/api/auth/me')).json<Me>();
    await list(w.kepanjenPendamping, 'minScore=60');
    const rows = await w.db.selectFrom('audit_log').select(['action', 'entity', 'username', 'details']).where('user_id', '=', viewer.id).where('entity', '=', 'renovation_candidates').execute();
    expect(rows).toEqual([{ action: 'view', entity: 'renovation_candidates', username: viewer.username, details: { page: 1, pageSize: 25, minScore: 60, total: 3, totalCapped: false } }]);
  });
});
