import type { AuditEntry, Page } from '@sinergi/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './app.ts';
import { testDatabaseKinds } from './db.ts';
import { loginAs, makeUser, type TestUser } from './factories.ts';

describe.each(testDatabaseKinds)('audit trail on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let operatorUser: TestUser;
  let operator: TestClient;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await loginAs(t.app, await makeUser(t.database.db, { role: 'admin', agencyKind: 'bappeda' }));
    operatorUser = await makeUser(t.database.db, { role: 'operator' });
    operator = await loginAs(t.app, operatorUser);
    // Kabupaten Malang keeps WIB (UTC+7): these instants straddle local midnight of 4→5 and 6→7 March 2026.
    const rows = [
      { at: '2026-03-04T16:30:00Z', username: 'sri.wahyuni', action: 'view', entity: 'uji_family', entity_id: 'f-1' }, // 4 Mar 23:30 WIB
      { at: '2026-03-04T17:30:00Z', username: 'sri.wahyuni', action: 'unmask', entity: 'uji_family', entity_id: 'f-1' }, // 5 Mar 00:30 WIB
      { at: '2026-03-06T16:59:00Z', username: 'dewi.lestari', action: 'view', entity: 'uji_family', entity_id: 'f-2' }, // 6 Mar 23:59 WIB
      { at: '2026-03-06T17:01:00Z', username: 'bambang', action: 'export', entity: 'uji_family', entity_id: null }, // 7 Mar 00:01 WIB
    ];
    for (const row of rows) await t.database.db.insertInto('audit_log').values({ ...row, details: JSON.stringify({ source: 'test' }) }).execute();
  });
  afterAll(async () => t.close());

  const search = async (query: string) => {
    const res = await admin.get(`/api/audit?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<Page<AuditEntry>>();
  };

  it('lists entries newest first with who, what, when and details', async () => {
    const page = await search('entity=uji_family');
    expect(page.total).toBe(4);
    expect(page.items.map((e) => e.at)).toEqual(['2026-03-06T17:01:00.000Z', '2026-03-06T16:59:00.000Z', '2026-03-04T17:30:00.000Z', '2026-03-04T16:30:00.000Z']);
    expect(page.items[1]).toMatchObject({ username: 'dewi.lestari', action: 'view', entity: 'uji_family', entityId: 'f-2', details: { source: 'test' } });
  });

  it('filters by username (part of it, any case), action, entity id, and pages', async () => {
    expect((await search('entity=uji_family&username=WAHYU')).items.map((e) => e.action)).toEqual(['unmask', 'view']);
    expect((await search('entity=uji_family&action=view')).items.map((e) => e.entityId)).toEqual(['f-2', 'f-1']);
    expect((await search('entity=uji_family&entityId=f-1')).total).toBe(2);
    const second = await search('entity=uji_family&pageSize=3&page=2');
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(second.items.map((e) => e.at)).toEqual(['2026-03-04T16:30:00.000Z']);
  });

  it('reads from and to as whole local days, both inclusive', async () => {
    const range = await search('entity=uji_family&from=2026-03-05&to=2026-03-06');
    expect(range.items.map((e) => e.action)).toEqual(['view', 'unmask']);
    expect((await search('entity=uji_family&from=2026-03-07')).items.map((e) => e.action)).toEqual(['export']);
    expect((await search('entity=uji_family&to=2026-03-04')).items.map((e) => e.action)).toEqual(['view']);
    const reversed = await admin.get('/api/audit?from=2026-03-07&to=2026-03-05');
    expect(reversed.statusCode).toBe(400);
    expect((await admin.get('/api/audit?from=5/3/2026')).json()).toMatchObject({ code: 'validation_failed' });
  });

  it('shows the application’s own writes, such as a partner created through the API', async () => {
    const res = await operator.post('/api/partners', { name: 'LPK Audit Uji', type: 'lpk' });
    expect(res.statusCode).toBe(201);
    const page = await search(`entity=partner&username=${operatorUser.username}`);
    expect(page.items[0]).toMatchObject({ action: 'create', entityId: res.json<{ id: string }>().id, userId: operatorUser.id, username: operatorUser.username });
    expect(page.items[0]?.ip).toBeTruthy();
  });

  it('is for admins only', async () => {
    const res = await operator.get('/api/audit');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
  });

  it('has no route that edits or deletes entries', async () => {
    const [entry] = (await search('entity=uji_family')).items;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await admin.request({ method, url: `/api/audit/${entry?.id}`, payload: {} });
      expect(res.statusCode).toBe(404);
    }
    expect((await search('entity=uji_family')).total).toBe(4);
  });

  it('is refused by the database itself on UPDATE, DELETE and TRUNCATE', async () => {
    const db = t.database.db;
    await expect(db.updateTable('audit_log').set({ username: 'penyusup' }).where('entity', '=', 'uji_family').execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('entity', '=', 'uji_family').execute()).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const left = await db.selectFrom('audit_log').select('username').where('entity', '=', 'uji_family').execute();
    expect(left.map((r) => r.username).sort()).toEqual(['bambang', 'dewi.lestari', 'sri.wahyuni', 'sri.wahyuni']);
  });
});
