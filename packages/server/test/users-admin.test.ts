import type { Me, Page, UserSummary } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './app.ts';
import { testDatabaseKinds } from './db.ts';
import { loginAs, makeAgency, makeUser, type TestUser } from './factories.ts';

describe.each(testDatabaseKinds)('user administration on %s', (kind) => {
  let t: TestApp;
  let admin: TestUser;
  let adminClient: TestClient;
  let agencyId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await makeUser(t.database.db, { role: 'admin', agencyKind: 'bappeda' });
    adminClient = await loginAs(t.app, admin);
    agencyId = (await makeAgency(t.database.db, 'disnaker')).id;
  });
  afterAll(async () => t.close());

  let counter = 0;
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    username: `petugas.${kind}.${++counter}`,
    fullName: 'Petugas Lapangan',
    role: 'pendamping',
    agencyId,
    scopeCodes: [],
    password: 'Sementara-2026',
    ...overrides,
  });
  const auditOf = (entityId: string) =>
    t.database.db.selectFrom('audit_log').select(['action', 'username', 'details']).where('entity', '=', 'user').where('entity_id', '=', entityId).orderBy('id').execute();

  it('creates a user who must change the password at first login, without exposing the hash', async () => {
    const input = newUser({ scopeCodes: ['35.07.13.2001', '35.07.13', '35.07.13'] });
    const res = await adminClient.post('/api/users', input);
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toMatch(/password|argon2/i);
    const created = res.json<UserSummary>();
    expect(created).toMatchObject({ username: input.username, role: 'pendamping', agencyId, disabled: false, lastLoginAt: null });
    expect(created.scopeCodes).toEqual(['35.07.13', '35.07.13.2001']);
    const names = await t.database.db.selectFrom('region').select(['code', 'name']).where('code', 'in', created.scopeCodes).orderBy('code').execute();
    expect(created.scopeNames).toEqual([names[0]?.name, `${names[1]?.name} (${names[0]?.name})`]);

    const client = await loginAs(t.app, { username: input.username, password: input.password });
    expect((await client.get('/api/auth/me')).json<Me>().mustChangePassword).toBe(true);
    expect((await auditOf(created.id))[0]).toMatchObject({ action: 'create', username: admin.username });
  });

  it('refuses a duplicate username regardless of case', async () => {
    const input = newUser();
    expect((await adminClient.post('/api/users', input)).statusCode).toBe(201);
    const again = await adminClient.post('/api/users', { ...input, username: input.username.toUpperCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ code: 'duplicate', message: 'Data yang sama sudah ada.' });
  });

  it('accepts only existing kecamatan or desa codes inside the jurisdiction', async () => {
    const outside = await adminClient.post('/api/users', newUser({ scopeCodes: ['35.73.01'] }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toEqual({ code: 'outside_jurisdiction', message: 'Kode wilayah berada di luar wilayah instalasi ini (35.07).' });

    const unknown = await adminClient.post('/api/users', newUser({ scopeCodes: ['35.07.99'] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toEqual({ code: 'unknown_region', message: 'Kode wilayah tidak dikenal: 35.07.99.' });

    const regency = await adminClient.post('/api/users', newUser({ scopeCodes: ['35.07'] }));
    expect(regency.statusCode).toBe(400);
    expect(regency.json()).toMatchObject({ code: 'validation_failed' });

    const english = await loginAs(t.app, admin, 'en');
    const unknownEn = await english.post('/api/users', newUser({ scopeCodes: ['35.07.99.9999'] }));
    expect(unknownEn.json()).toEqual({ code: 'unknown_region', message: 'Unknown region code: 35.07.99.9999.' });
  });

  it('refuses a weak first password, a malformed username and an unknown agency', async () => {
    const weak = await adminClient.post('/api/users', newUser({ password: 'pendek' }));
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'weak_password' });
    expect((await adminClient.post('/api/users', newUser({ username: 'bad name!' }))).json()).toMatchObject({ code: 'validation_failed' });
    const agency = await adminClient.post('/api/users', newUser({ agencyId: '00000000-0000-4000-8000-000000000000' }));
    expect(agency.statusCode).toBe(400);
    expect(agency.json()).toMatchObject({ code: 'validation_failed', details: [{ path: '/agencyId' }] });
  });

  it('lists users with text, role and agency filters and pages', async () => {
    const listAgency = await makeAgency(t.database.db, 'pupr_perkim');
    const made = await Promise.all(
      ['Siti Aminah', 'Siti Nurhaliza', 'Budi Santoso'].map((fullName, i) =>
        adminClient.post('/api/users', newUser({ fullName, agencyId: listAgency.id, role: i === 2 ? 'operator' : 'pendamping' })),
      ),
    );
    expect(made.map((r) => r.statusCode)).toEqual([201, 201, 201]);

    const byAgency = (await adminClient.get(`/api/users?agencyId=${listAgency.id}`)).json<Page<UserSummary>>();
    expect(byAgency.total).toBe(3);
    expect(byAgency.items.every((u) => u.agencyShortName === listAgency.shortName)).toBe(true);

    const siti = (await adminClient.get(`/api/users?agencyId=${listAgency.id}&q=siti`)).json<Page<UserSummary>>();
    expect(siti.items.map((u) => u.fullName).sort()).toEqual(['Siti Aminah', 'Siti Nurhaliza']);
    const operators = (await adminClient.get(`/api/users?agencyId=${listAgency.id}&role=operator`)).json<Page<UserSummary>>();
    expect(operators.items.map((u) => u.fullName)).toEqual(['Budi Santoso']);
    const wildcard = (await adminClient.get(`/api/users?q=${encodeURIComponent('%')}`)).json<Page<UserSummary>>();
    expect(wildcard.total).toBe(0);

    const page2 = (await adminClient.get(`/api/users?agencyId=${listAgency.id}&pageSize=2&page=2`)).json<Page<UserSummary>>();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(1);
    expect((await adminClient.get('/api/users?role=chief')).statusCode).toBe(400);
  });

  it('shows one user, and answers not_found for an unknown id', async () => {
    const user = await makeUser(t.database.db);
    const res = await adminClient.get(`/api/users/${user.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<UserSummary>()).toMatchObject({ id: user.id, username: user.username });
    expect((await adminClient.get('/api/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await adminClient.get('/api/users/not-a-uuid')).statusCode).toBe(400);
  });

  it('updates name, role, agency and scope, effective at once for open sessions, and audits before and after', async () => {
    const user = await makeUser(t.database.db, { role: 'pendamping' });
    const client = await loginAs(t.app, user);
    const res = await adminClient.patch(`/api/users/${user.id}`, { fullName: 'Nama Baru', role: 'operator', agencyId, scopeCodes: ['35.07.13'] });
    expect(res.statusCode).toBe(200);
    expect(res.json<UserSummary>()).toMatchObject({ fullName: 'Nama Baru', role: 'operator', agencyId, scopeCodes: ['35.07.13'] });
    expect((await client.get('/api/auth/me')).json<Me>()).toMatchObject({ role: 'operator', scopeCodes: ['35.07.13'] });

    const update = (await auditOf(user.id)).find((a) => a.action === 'update');
    expect(update?.details).toMatchObject({ role: { from: 'pendamping', to: 'operator' }, scopeCodes: { from: [], to: ['35.07.13'] } });
    expect((await adminClient.patch(`/api/users/${user.id}`, { scopeCodes: ['35.08.01'] })).json()).toMatchObject({ code: 'outside_jurisdiction' });
  });

  it('keeps an admin from demoting or disabling himself', async () => {
    const selfDemote = await adminClient.patch(`/api/users/${admin.id}`, { role: 'operator' });
    expect(selfDemote.statusCode).toBe(400);
    expect(selfDemote.json()).toEqual({ code: 'cannot_modify_self', message: 'Anda tidak dapat menonaktifkan akun sendiri atau mengubah peran sendiri.' });
    const selfDisable = await adminClient.post(`/api/users/${admin.id}/disable`);
    expect(selfDisable.json()).toMatchObject({ code: 'cannot_modify_self' });
    expect((await adminClient.patch(`/api/users/${admin.id}`, { fullName: 'Admin Utama' })).statusCode).toBe(200);
    expect((await adminClient.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('disables and enables an account; enabling also lifts a login lock', async () => {
    const user = await makeUser(t.database.db);
    const client = await loginAs(t.app, user);
    const disabled = await adminClient.post(`/api/users/${user.id}/disable`);
    expect(disabled.json<UserSummary>().disabled).toBe(true);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    await expect(loginAs(t.app, user)).rejects.toThrow(/403/);

    await t.database.db.updateTable('app_user').set({ locked_until: new Date(Date.now() + 600_000) }).where('id', '=', user.id).execute();
    const enabled = await adminClient.post(`/api/users/${user.id}/enable`);
    expect(enabled.json<UserSummary>().disabled).toBe(false);
    expect((await (await loginAs(t.app, user)).get('/api/auth/me')).statusCode).toBe(200);
    expect((await auditOf(user.id)).map((a) => a.action)).toEqual(expect.arrayContaining(['disable', 'enable']));
  });

  it('resets a password: sessions end, the old password stops working, the new one must be changed', async () => {
    const user = await makeUser(t.database.db);
    const client = await loginAs(t.app, user);
    const weak = await adminClient.post(`/api/users/${user.id}/reset-password`, { password: 'abc' });
    expect(weak.json()).toMatchObject({ code: 'weak_password' });

    const res = await adminClient.post(`/api/users/${user.id}/reset-password`, { password: 'Sementara-9999' });
    expect(res.statusCode).toBe(204);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    await expect(loginAs(t.app, user)).rejects.toThrow(/401/);
    const fresh = await loginAs(t.app, { username: user.username, password: 'Sementara-9999' });
    expect((await fresh.get('/api/auth/me')).json<Me>().mustChangePassword).toBe(true);
    expect((await auditOf(user.id)).map((a) => a.action)).toContain('password_reset');
    expect((await adminClient.post('/api/users/00000000-0000-4000-8000-000000000000/reset-password', { password: 'Sementara-9999' })).statusCode).toBe(404);
  });

  it('is closed to every role but admin', async () => {
    for (const role of ['operator', 'pimpinan', 'pendamping'] as const) {
      const client = await loginAs(t.app, await makeUser(t.database.db, { role }));
      const res = await client.get('/api/users');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ code: 'forbidden', message: 'Anda tidak berwenang melakukan tindakan ini.' });
    }
  });
});
