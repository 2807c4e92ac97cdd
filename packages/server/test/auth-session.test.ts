import type { Me } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/modules/auth/password.ts';
import { startTestApp, TestClient, type TestApp } from './app.ts';
import { testDatabaseKinds } from './db.ts';
import { loginAs, makeUser } from './factories.ts';

describe.each(testDatabaseKinds)('sessions, CSRF, password and preferences on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  /** Logs in without a TestClient, to hold on to the raw cookie (optionally sending an older one along). */
  async function rawLogin(user: { username: string; password: string }, cookie?: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: user.password },
      headers: cookie ? { cookie } : {},
    });
    expect(res.statusCode).toBe(200);
    const value = res.cookies.find((c) => c.name === 'sinergi_session')?.value ?? '';
    return { cookie: `sinergi_session=${value}`, csrfToken: res.json<Me>().csrfToken };
  }
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

  it('answers /me only with a session', async () => {
    const anonymous = await new TestClient(t.app, 'en').get('/api/auth/me');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ code: 'unauthenticated', message: 'Please sign in first.' });

    const user = await makeUser(t.database.db, { role: 'pendamping' });
    const client = await loginAs(t.app, user);
    const profile = await client.get('/api/auth/me');
    expect(profile.statusCode).toBe(200);
    expect(profile.json<Me>()).toMatchObject({ id: user.id, role: 'pendamping', csrfToken: client.csrfToken });
    expect(profile.body).not.toMatch(/password_hash|\$argon2/);
  });

  it('refuses a cookie-authenticated write without or with a wrong CSRF token', async () => {
    const user = await makeUser(t.database.db);
    const client = await loginAs(t.app, user);
    const token = client.csrfToken;

    client.csrfToken = '';
    const missing = await client.patch('/api/auth/preferences', { language: 'en' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toEqual({ code: 'csrf_failed', message: 'Sesi formulir tidak valid. Muat ulang halaman.' });

    const wrong = await client.request({ method: 'PATCH', url: '/api/auth/preferences', payload: { language: 'en' }, headers: { 'x-csrf-token': 'forged' } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'csrf_failed' });
    const stored = await t.database.db.selectFrom('app_user').select('language').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.language).toBe('id');

    client.csrfToken = token;
    expect((await client.patch('/api/auth/preferences', { language: 'en' })).statusCode).toBe(200);
  });

  it('saves the interface language on the account', async () => {
    const user = await makeUser(t.database.db);
    const client = await loginAs(t.app, user);
    const res = await client.patch('/api/auth/preferences', { language: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.json<Me>().language).toBe('en');
    expect((await client.get('/api/auth/me')).json<Me>().language).toBe('en');
    expect((await client.patch('/api/auth/preferences', { language: 'fr' })).statusCode).toBe(400);
  });

  it('logs out: the session is deleted, the cookie cleared, the old cookie is dead, and it is audited', async () => {
    const user = await makeUser(t.database.db);
    const { cookie, csrfToken } = await rawLogin(user);

    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === 'sinergi_session');
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime()).toBeLessThan(Date.now());

    expect((await me(cookie)).statusCode).toBe(401);
    const sessions = await t.database.db.selectFrom('session').select('id').where('user_id', '=', user.id).execute();
    expect(sessions).toHaveLength(0);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('user_id', '=', user.id).where('action', '=', 'logout').execute();
    expect(audit).toHaveLength(1);
  });

  it('replaces an existing session on a new login instead of reusing its cookie', async () => {
    const user = await makeUser(t.database.db);
    const first = await rawLogin(user);
    const second = await rawLogin(user, first.cookie);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await me(first.cookie)).statusCode).toBe(401);
    expect((await me(second.cookie)).statusCode).toBe(200);
  });

  it('ends an expired session', async () => {
    const user = await makeUser(t.database.db);
    const client = await loginAs(t.app, user);
    await t.database.db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', user.id).execute();
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  describe('password change', () => {
    it('refuses a wrong current password, a weak one and the same one, in both languages', async () => {
      const user = await makeUser(t.database.db);
      const client = await loginAs(t.app, user);
      const wrong = await client.post('/api/auth/password', { currentPassword: 'not-mine-at-all', newPassword: 'Baru-sekali-123' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toEqual({ code: 'wrong_password', message: 'Kata sandi lama salah.' });

      const weak = await client.post('/api/auth/password', { currentPassword: user.password, newPassword: 'short' });
      expect(weak.statusCode).toBe(400);
      expect(weak.json()).toEqual({ code: 'weak_password', message: 'Kata sandi minimal 10 karakter dan tidak boleh sama dengan nama pengguna.' });
      const asUsername = await client.post('/api/auth/password', { currentPassword: user.password, newPassword: user.username.toUpperCase() });
      expect(asUsername.json()).toMatchObject({ code: 'weak_password' });

      const same = await client.post('/api/auth/password', { currentPassword: user.password, newPassword: user.password });
      expect(same.statusCode).toBe(400);
      expect(same.json()).toMatchObject({ code: 'same_password' });

      const english = await loginAs(t.app, user, 'en');
      const wrongEn = await english.post('/api/auth/password', { currentPassword: 'not-mine-at-all', newPassword: 'Baru-sekali-123' });
      expect(wrongEn.json()).toEqual({ code: 'wrong_password', message: 'The current password is wrong.' });

      const row = await t.database.db.selectFrom('app_user').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
      expect(await verifyPassword(row.password_hash, user.password)).toBe(true);
    });

    it('changes the password, clears the forced change, keeps this session and ends the others', async () => {
      const user = await makeUser(t.database.db, { mustChangePassword: true });
      const here = await loginAs(t.app, user);
      const elsewhere = await loginAs(t.app, user);
      expect((await here.get('/api/auth/me')).json<Me>().mustChangePassword).toBe(true);

      const newPassword = 'Kata-sandi-baru-2026';
      const res = await here.post('/api/auth/password', { currentPassword: user.password, newPassword });
      expect(res.statusCode).toBe(204);

      const profile = await here.get('/api/auth/me');
      expect(profile.statusCode).toBe(200);
      expect(profile.json<Me>().mustChangePassword).toBe(false);
      expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);

      await expect(loginAs(t.app, user)).rejects.toThrow(/401/);
      expect((await loginAs(t.app, { username: user.username, password: newPassword })).csrfToken).not.toBe('');
      const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', user.id).where('action', '=', 'password_change').execute();
      expect(audit).toHaveLength(1);
    });
  });
});
