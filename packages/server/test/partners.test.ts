import type { Page, Partner } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './app.ts';
import { testDatabaseKinds } from './db.ts';
import { loginAs, makeAgency, makeUser, type TestAgency } from './factories.ts';

describe.each(testDatabaseKinds)('partners on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let operator: TestClient;
  let pimpinan: TestClient;
  let dinsos: TestAgency;
  let disnaker: TestAgency;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    dinsos = await makeAgency(db, 'dinsos');
    disnaker = await makeAgency(db, 'disnaker');
    admin = await loginAs(t.app, await makeUser(db, { role: 'admin', agencyKind: 'bappeda' }));
    operator = await loginAs(t.app, await makeUser(db, { role: 'operator', agencyId: dinsos.id }));
    pimpinan = await loginAs(t.app, await makeUser(db, { role: 'pimpinan', agencyId: dinsos.id }));
  });
  afterAll(async () => t.close());

  const lpk = (overrides: Record<string, unknown> = {}) => ({
    name: 'LPK Terampil Mandiri',
    type: 'lpk',
    agencyId: dinsos.id,
    contactPerson: 'Ibu Ratna',
    phone: '0341 123456',
    email: 'lpk@example.id',
    address: 'Jl. Panji 12, Kepanjen',
    regionCode: '35.07.13',
    notes: '',
    ...overrides,
  });

  it('creates a partner with its agency and region names, blanks stored as null, and audits it', async () => {
    const res = await operator.post('/api/partners', lpk());
    expect(res.statusCode).toBe(201);
    const partner = res.json<Partner>();
    expect(partner).toMatchObject({ name: 'LPK Terampil Mandiri', agencyShortName: dinsos.shortName, regionName: 'Kepanjen', notes: null, active: true });
    expect((await operator.get(`/api/partners/${partner.id}`)).json()).toEqual(partner);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity']).where('entity_id', '=', partner.id).execute();
    expect(audit).toEqual([{ action: 'create', entity: 'partner' }]);
  });

  it('lets an operator create partners for his own agency or unowned ones, never for another agency', async () => {
    expect((await operator.post('/api/partners', lpk({ name: 'Forum Warga Peduli', type: 'community_forum', agencyId: null }))).statusCode).toBe(201);
    const foreign = await operator.post('/api/partners', lpk({ name: 'LPK Milik Disnaker', agencyId: disnaker.id }));
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ code: 'forbidden' });
    expect((await admin.post('/api/partners', lpk({ name: 'LPK Milik Disnaker', agencyId: disnaker.id }))).statusCode).toBe(201);
  });

  it('lets an operator edit only his own agency’s and unowned partners, and not hand them to another agency', async () => {
    const owned = (await admin.post('/api/partners', lpk({ name: 'Koperasi Sejahtera', type: 'bank_cooperative' }))).json<Partner>();
    const foreign = (await admin.post('/api/partners', lpk({ name: 'Lapas Perempuan Malang', type: 'prison', agencyId: disnaker.id }))).json<Partner>();
    const unowned = (await admin.post('/api/partners', lpk({ name: 'PT Peduli Desa', type: 'company_csr', agencyId: null }))).json<Partner>();

    const edited = await operator.put(`/api/partners/${owned.id}`, lpk({ name: 'Koperasi Sejahtera Bersama', type: 'bank_cooperative' }));
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Koperasi Sejahtera Bersama' });
    expect((await operator.put(`/api/partners/${unowned.id}`, lpk({ name: 'PT Peduli Desa', type: 'company_csr', agencyId: dinsos.id }))).statusCode).toBe(200);
    expect((await operator.put(`/api/partners/${foreign.id}`, lpk({ name: 'Lapas Diubah', agencyId: disnaker.id }))).statusCode).toBe(403);
    expect((await operator.put(`/api/partners/${owned.id}`, lpk({ agencyId: disnaker.id }))).statusCode).toBe(403);
    expect((await operator.get(`/api/partners/${foreign.id}`)).json()).toMatchObject({ name: 'Lapas Perempuan Malang' });

    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('entity_id', '=', owned.id).where('action', '=', 'update').execute();
    expect(audit).toEqual([{ action: 'update', details: { name: { from: 'Koperasi Sejahtera', to: 'Koperasi Sejahtera Bersama' } } }]);
  });

  it('refuses a region outside the jurisdiction, an unknown region and an unknown agency', async () => {
    const outside = await admin.post('/api/partners', lpk({ regionCode: '35.73.01' }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ code: 'outside_jurisdiction' });
    expect((await admin.post('/api/partners', lpk({ regionCode: '35.07.99' }))).json()).toMatchObject({ code: 'unknown_region' });
    const agency = await admin.post('/api/partners', lpk({ agencyId: '00000000-0000-4000-8000-000000000000' }));
    expect(agency.statusCode).toBe(400);
    expect(agency.json()).toMatchObject({ code: 'unknown_agency', message: 'Dinas (OPD) tidak dikenal.' });
    expect((await admin.post('/api/partners', lpk({ email: 'bukan-email' }))).json()).toMatchObject({ code: 'validation_failed' });
  });

  it('filters by text, type and agency, and pages', async () => {
    const agency = await makeAgency(t.database.db, 'pupr_perkim');
    for (const name of ['Forum RTLH Sumberpucung', 'Forum RTLH Kepanjen', 'Forum RTLH Dampit']) {
      await admin.post('/api/partners', lpk({ name, type: 'community_forum', agencyId: agency.id }));
    }
    const byAgency = (await pimpinan.get(`/api/partners?agencyId=${agency.id}&pageSize=2`)).json<Page<Partner>>();
    expect(byAgency.total).toBe(3);
    expect(byAgency.items.map((p) => p.name)).toEqual(['Forum RTLH Dampit', 'Forum RTLH Kepanjen']);
    const second = (await pimpinan.get(`/api/partners?agencyId=${agency.id}&pageSize=2&page=2`)).json<Page<Partner>>();
    expect(second.items.map((p) => p.name)).toEqual(['Forum RTLH Sumberpucung']);
    const byText = (await pimpinan.get('/api/partners?q=rtlh%20kepan')).json<Page<Partner>>();
    expect(byText.items.map((p) => p.name)).toEqual(['Forum RTLH Kepanjen']);
    const prisons = (await pimpinan.get('/api/partners?type=prison')).json<Page<Partner>>();
    expect(prisons.items.length).toBeGreaterThan(0);
    expect(prisons.items.every((p) => p.type === 'prison')).toBe(true);
    expect((await pimpinan.get('/api/partners?q=100%25')).json<Page<Partner>>().total).toBe(0);
  });

  it('lets leaders read but not write, and answers 404 for an unknown partner', async () => {
    expect((await pimpinan.post('/api/partners', lpk())).statusCode).toBe(403);
    expect((await pimpinan.get('/api/partners/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
