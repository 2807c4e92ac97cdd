import type { Page, RenovationListItem } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { DONOMULYO_VILLAGE, KEPANJEN_VILLAGE, ok, poorHouseFamily, renovationWorld, type RenovationWorld } from './test-kit.ts';

describe.each(testDatabaseKinds)('renovation access on %s', (kind) => {
  let w: RenovationWorld;
  let kepanjenHouse: string;
  let donomulyoHouse: string;
  let kepanjenFamily: string;

  beforeAll(async () => {
    w = await renovationWorld(kind);
    kepanjenFamily = await poorHouseFamily(w.db, KEPANJEN_VILLAGE, 'Ngatini');
    kepanjenHouse = (await ok(await w.perkimOperator.post('/api/renovations', { familyId: kepanjenFamily, year: 2026, source: 'registry' }), 201)).id;
    donomulyoHouse = (await ok(await w.perkimOperator.post('/api/renovations', { familyId: await poorHouseFamily(w.db, DONOMULYO_VILLAGE, 'Jumiati'), year: 2026, source: 'registry' }), 201)).id;
  });
  afterAll(async () => w.t.close());

  const assess = (client: RenovationWorld['admin'], id: string, version: number) =>
    client.post(`/api/renovations/${id}/assessment`, { version, criteria: { roof: true, wall: true, floor: true, crowded: false, sanitation: false, water: false, ventilation: false, electricity: false }, assessedOn: '2026-02-01' });

  it('lets only PUPR/Perkim and Dinsos operators propose, each for their own agency', async () => {
    const disnaker = await w.disnakerOperator.post('/api/renovations', { familyId: await poorHouseFamily(w.db, KEPANJEN_VILLAGE, 'Sukarti'), year: 2026, source: 'registry' });
    expect(disnaker.statusCode).toBe(403);
    expect(disnaker.json()).toMatchObject({ code: 'renovation_agency_only' });
    const byDinsos = await ok(await w.dinsosOperator.post('/api/renovations', { familyId: await poorHouseFamily(w.db, KEPANJEN_VILLAGE, 'Warsini'), year: 2026, source: 'village', agencyId: w.perkim.id }), 201);
    expect(byDinsos.agencyId).toBe(w.dinsos.id);
    const byAdmin = await ok(await w.admin.post('/api/renovations', { familyId: await poorHouseFamily(w.db, KEPANJEN_VILLAGE, 'Juminten'), year: 2026, source: 'village', agencyId: w.perkim.id }), 201);
    expect(byAdmin.agencyId).toBe(w.perkim.id);
    const forbidden = await w.pimpinan.post('/api/renovations', { familyId: kepanjenFamily, year: 2026, source: 'registry' });
    expect(forbidden.json()).toMatchObject({ code: 'forbidden' });
  });

  it('lets only the owner agency change a house', async () => {
    const house = await ok(await w.dinsosOperator.get(`/api/renovations/${kepanjenHouse}`));
    expect(house.actions).toEqual([]);
    const refused = await assess(w.dinsosOperator, kepanjenHouse, house.version);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ code: string; message: string }>().code).toBe('renovation_other_agency');
    expect(refused.json<{ message: string }>().message).toContain(house.agencyShortName);
    expect((await w.pimpinan.post(`/api/renovations/${kepanjenHouse}/reject`, { version: house.version, reason: 'Tidak layak', rejectedOn: '2026-02-01' })).json()).toMatchObject({ code: 'forbidden' });
    expect((await ok(await assess(w.kepanjenOperator, kepanjenHouse, house.version))).score).toBe(55);
  });

  it('keeps kecamatan-scoped users to their region, in lists, details and changes', async () => {
    const list = (await w.kepanjenPendamping.get('/api/renovations?pageSize=100')).json<Page<RenovationListItem>>();
    expect(list.items.every((item) => item.kecamatanCode === '35.07.13')).toBe(true);
    expect(list.items.map((item) => item.id)).toContain(kepanjenHouse);
    expect(list.items.map((item) => item.id)).not.toContain(donomulyoHouse);
    const all = (await w.pimpinan.get('/api/renovations?pageSize=100')).json<Page<RenovationListItem>>();
    expect(all.total).toBe(list.total + 1);
    expect((await w.kepanjenPendamping.get(`/api/renovations/${donomulyoHouse}`)).json()).toMatchObject({ code: 'out_of_scope' });
    const house = await ok(await w.perkimOperator.get(`/api/renovations/${donomulyoHouse}`));
    const outside = await assess(w.kepanjenOperator, donomulyoHouse, house.version);
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'out_of_scope' });
    const propose = await w.kepanjenOperator.post('/api/renovations', { familyId: await poorHouseFamily(w.db, DONOMULYO_VILLAGE, 'Sulastri'), year: 2026, source: 'registry' });
    expect(propose.json()).toMatchObject({ code: 'out_of_scope' });
    expect((await w.kepanjenOperator.put('/api/renovations/targets/2026', { units: 10 })).json()).toMatchObject({ code: 'out_of_scope' });
  });

  it('records views of a house and every change in the audit trail', async () => {
    await w.pimpinan.get(`/api/renovations/${donomulyoHouse}`);
    const rows = await w.db.selectFrom('audit_log').select(['action', 'entity', 'username']).where('entity_id', '=', donomulyoHouse).orderBy('id').execute();
    expect(rows.map((row) => row.action)).toEqual(['create', 'view', 'view']);
  });
});
