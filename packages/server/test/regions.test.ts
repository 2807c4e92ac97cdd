import type { Region, RegionDetail } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './app.ts';
import { testDatabaseKinds } from './db.ts';
import { loginAs, makeUser } from './factories.ts';

const KEPANJEN = '35.07.13';
const DONOMULYO = '35.07.01';
const KEMIRI = '35.07.13.2001'; // a desa in Kepanjen
const PENARUKAN = '35.07.13.1007'; // a kelurahan in Kepanjen

const codes = (regions: Region[]) => regions.map((r) => r.code);

describe.each(testDatabaseKinds)('regions on %s', (kind) => {
  let t: TestApp;
  let wide: TestClient;
  let kepanjenOnly: TestClient;
  let villagesOnly: TestClient;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    wide = await loginAs(t.app, await makeUser(db, { role: 'pimpinan' }));
    kepanjenOnly = await loginAs(t.app, await makeUser(db, { role: 'pendamping', scopeCodes: [KEPANJEN] }));
    villagesOnly = await loginAs(t.app, await makeUser(db, { role: 'pendamping', scopeCodes: [KEMIRI, PENARUKAN] }));
  });
  afterAll(async () => t.close());

  it('names the jurisdiction as the root of the installation', async () => {
    const res = await wide.get('/api/regions/jurisdiction');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: '35.07', name: 'Kabupaten Malang', kind: 'kabupaten', level: 2 });
  });

  it('lists the 33 kecamatan of the jurisdiction by name when no parent is given', async () => {
    const res = await wide.get('/api/regions');
    expect(res.statusCode).toBe(200);
    const kecamatan = res.json<Region[]>();
    expect(kecamatan).toHaveLength(33);
    expect(kecamatan.every((r) => r.kind === 'kecamatan' && r.level === 3 && r.code.startsWith('35.07.'))).toBe(true);
    const names = kecamatan.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : 1)));
    expect(kecamatan).toContainEqual({ code: KEPANJEN, name: 'Kepanjen', kind: 'kecamatan', level: 3 });
  });

  it('lists the desa and kelurahan of a kecamatan', async () => {
    const villages = (await wide.get(`/api/regions?parent=${KEPANJEN}`)).json<Region[]>();
    expect(villages.length).toBeGreaterThan(10);
    expect(villages.every((r) => r.code.startsWith(`${KEPANJEN}.`))).toBe(true);
    expect(villages.find((r) => r.code === KEMIRI)).toMatchObject({ kind: 'desa', level: 4 });
    expect(villages.find((r) => r.code === PENARUKAN)).toMatchObject({ kind: 'kelurahan', level: 4 });
  });

  it('rejects a parent outside the jurisdiction with a clear message, and unknown or malformed codes', async () => {
    const outside = await wide.get('/api/regions?parent=35.73');
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toEqual({ code: 'outside_jurisdiction', message: 'Kode wilayah berada di luar wilayah instalasi ini (35.07).' });
    const unknown = await wide.get('/api/regions?parent=35.07.99');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'unknown_region' });
    expect((await wide.get('/api/regions?parent=35-07')).json()).toMatchObject({ code: 'validation_failed' });
  });

  it('gives a region with its ancestors, root first, and refuses one outside the jurisdiction', async () => {
    const res = await wide.get(`/api/regions/${KEMIRI}`);
    expect(res.statusCode).toBe(200);
    const detail = res.json<RegionDetail>();
    expect(detail).toMatchObject({ code: KEMIRI, name: 'Kemiri', kind: 'desa', level: 4 });
    expect(detail.ancestors.map((a) => [a.code, a.name])).toEqual([
      ['35', 'Jawa Timur'],
      ['35.07', 'Kabupaten Malang'],
      [KEPANJEN, 'Kepanjen'],
    ]);
    expect((await wide.get('/api/regions/35.73.01')).statusCode).toBe(400);
    expect((await wide.get('/api/regions/35.07.13.9999')).json()).toMatchObject({ code: 'unknown_region' });
  });

  it('limits scoped lists to the kecamatan of a kecamatan-scoped user', async () => {
    expect(codes((await kepanjenOnly.get('/api/regions?scoped=true')).json())).toEqual([KEPANJEN]);
    const villages = (await kepanjenOnly.get(`/api/regions?parent=${KEPANJEN}&scoped=true`)).json<Region[]>();
    expect(villages).toEqual((await wide.get(`/api/regions?parent=${KEPANJEN}`)).json());
    const other = await kepanjenOnly.get(`/api/regions?parent=${DONOMULYO}&scoped=true`);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'out_of_scope' });
  });

  it('shows a village-scoped user the kecamatan holding the villages, then only those villages', async () => {
    expect(codes((await villagesOnly.get('/api/regions?scoped=true')).json())).toEqual([KEPANJEN]);
    const villages = codes((await villagesOnly.get(`/api/regions?parent=${KEPANJEN}&scoped=true`)).json());
    expect(villages.sort()).toEqual([PENARUKAN, KEMIRI].sort());
  });

  it('lists everything without scoped=true, for any signed-in user, and nothing for anonymous callers', async () => {
    expect((await kepanjenOnly.get('/api/regions')).json()).toHaveLength(33);
    expect((await t.app.inject({ method: 'GET', url: '/api/regions' })).statusCode).toBe(401);
  });
});
