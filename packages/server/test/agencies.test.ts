import type { Agency } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './app.ts';
import { testDatabaseKinds } from './db.ts';
import { loginAs, makeAgency, makeUser } from './factories.ts';

describe.each(testDatabaseKinds)('agencies on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let operator: TestClient;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await loginAs(t.app, await makeUser(t.database.db, { role: 'admin', agencyKind: 'bappeda' }));
    operator = await loginAs(t.app, await makeUser(t.database.db, { role: 'operator' }));
  });
  afterAll(async () => t.close());

  const auditOf = (entityId: string) =>
    t.database.db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'agency').where('entity_id', '=', entityId).orderBy('id').execute();

  it('lists agencies by name with how many users each has', async () => {
    const empty = await makeAgency(t.database.db, 'dpmd');
    const staffed = await makeAgency(t.database.db, 'disnaker');
    await makeUser(t.database.db, { agencyId: staffed.id });
    await makeUser(t.database.db, { agencyId: staffed.id, role: 'pendamping' });
    const res = await operator.get('/api/agencies');
    expect(res.statusCode).toBe(200);
    const agencies = res.json<Agency[]>();
    expect(agencies.find((a) => a.id === empty.id)).toEqual({ ...empty, userCount: 0 });
    expect(agencies.find((a) => a.id === staffed.id)).toEqual({ ...staffed, userCount: 2 });
    const names = agencies.map((a) => a.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('creates an agency (201) and records it in the audit trail', async () => {
    const input = { name: 'Dinas Perumahan dan Kawasan Permukiman', shortName: `Perkim-${kind}`, kind: 'pupr_perkim' };
    const res = await admin.post('/api/agencies', input);
    expect(res.statusCode).toBe(201);
    const created = res.json<Agency>();
    expect(created).toMatchObject({ ...input, userCount: 0 });
    expect(await auditOf(created.id)).toEqual([{ action: 'create', details: input }]);
  });

  it('refuses a short name already in use, whatever its case, with 409 duplicate', async () => {
    const existing = await makeAgency(t.database.db, 'dinsos');
    const res = await admin.post('/api/agencies', { name: 'Dinas Sosial Kedua', shortName: existing.shortName.toUpperCase(), kind: 'dinsos' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'duplicate', message: 'Data yang sama sudah ada.' });
    const other = await makeAgency(t.database.db, 'bappeda');
    const rename = await admin.put(`/api/agencies/${other.id}`, { name: other.name, shortName: existing.shortName, kind: 'bappeda' });
    expect(rename.statusCode).toBe(409);
  });

  it('edits an agency, keeps its own short name allowed, and audits before and after', async () => {
    const agency = await makeAgency(t.database.db, 'disperindagkop');
    const input = { name: 'Dinas Koperasi dan Usaha Mikro', shortName: agency.shortName, kind: 'disperindagkop' };
    const res = await admin.put(`/api/agencies/${agency.id}`, input);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: agency.id, ...input, userCount: 0 });
    const [entry] = await auditOf(agency.id);
    expect(entry).toEqual({ action: 'update', details: { before: { name: agency.name, shortName: agency.shortName, kind: agency.kind }, after: input } });
  });

  it('answers 404 for an unknown agency and 400 for invalid input', async () => {
    const input = { name: 'Dinas Apa Saja', shortName: 'DAS', kind: 'other' };
    expect((await admin.put('/api/agencies/00000000-0000-4000-8000-000000000000', input)).statusCode).toBe(404);
    const invalid = await admin.post('/api/agencies', { name: 'X', shortName: '', kind: 'polisi' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('lets only admins create or edit agencies', async () => {
    const res = await operator.post('/api/agencies', { name: 'Dinas Baru', shortName: 'Baru', kind: 'other' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
    const count = await t.database.db.selectFrom('agency').select((eb) => eb.fn.countAll<number>().as('n')).where('short_name', '=', 'Baru').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
