import { ROLE_PERMISSIONS, type Me } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_LOGINS } from '../src/modules/auth/lockout.ts';
import { startTestApp, TestClient, type TestApp } from './app.ts';
import { testDatabaseKinds } from './db.ts';
import { loginAs, makeUser } from './factories.ts';

describe.each(testDatabaseKinds)('login on %s', (kind) => {
  let t: TestApp;
  let addressCounter = 0;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  /** Each test logs in from its own address so that the per-address rate limit only bites where tested. */
  const newAddress = () => `192.0.2.${++addressCounter}`;
  const attempt = (username: string, password: string, options: { address?: string; language?: string } = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      headers: { 'x-forwarded-for': options.address ?? newAddress(), 'accept-language': options.language ?? 'id' },
    });

  it('signs in, answers with the profile and sets an httpOnly SameSite session cookie', async () => {
    const user = await makeUser(t.database.db, { role: 'operator', agencyKind: 'dinsos', scopeCodes: ['35.07.13'] });
    const res = await attempt(user.username, user.password);
    expect(res.statusCode).toBe(200);

    const me = res.json<Me>();
    const jurisdiction = await t.database.db.selectFrom('region').select('name').where('code', '=', t.config.jurisdiction).executeTakeFirstOrThrow();
    expect(me).toMatchObject({ id: user.id, username: user.username, role: 'operator', scopeCodes: ['35.07.13'], language: 'id', mustChangePassword: false });
    expect(me.agency).toMatchObject({ id: user.agencyId, kind: 'dinsos' });
    expect(me.permissions).toEqual([...ROLE_PERMISSIONS.operator]);
    expect(me.jurisdiction).toEqual({ code: t.config.jurisdiction, name: jurisdiction.name });
    expect(me.csrfToken.length).toBeGreaterThanOrEqual(20);

    const cookie = res.cookies.find((c) => c.name === 'sinergi_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const hoursValid = ((cookie?.expires?.getTime() ?? 0) - Date.now()) / 3_600_000;
    expect(hoursValid).toBeGreaterThan(t.config.sessionHours - 0.1);
    expect(hoursValid).toBeLessThanOrEqual(t.config.sessionHours);

    const stored = await t.database.db.selectFrom('app_user').select(['last_login_at', 'failed_logins']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.last_login_at).not.toBeNull();
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'login').where('user_id', '=', user.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.ip).toMatch(/^192\.0\.2\./);
  });

  it('marks the cookie Secure when the installation is served over HTTPS', async () => {
    const secure = await startTestApp(kind, { cookieSecure: true });
    try {
      const user = await makeUser(secure.database.db);
      const res = await secure.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'sinergi_session')?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('treats usernames case-insensitively', async () => {
    const user = await makeUser(t.database.db);
    const res = await attempt(`  ${user.username.toUpperCase()} `, user.password);
    expect(res.statusCode).toBe(200);
    expect(res.json<Me>().username).toBe(user.username);
  });

  it('gives the same answer for a wrong password and an unknown user, and audits both', async () => {
    const user = await makeUser(t.database.db);
    const wrong = await attempt(user.username, 'not-the-password');
    const unknown = await attempt('nobody.here', 'whatever-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ code: 'invalid_credentials', message: 'Nama pengguna atau kata sandi salah.' });
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.cookies.find((c) => c.name === 'sinergi_session')).toBeUndefined();

    const english = await attempt('nobody.here', 'whatever-password', { language: 'en' });
    expect(english.json()).toEqual({ code: 'invalid_credentials', message: 'Wrong username or password.' });

    const failures = await t.database.db.selectFrom('audit_log').select(['user_id', 'details', 'ip']).where('action', '=', 'login_failed').execute();
    expect(failures.map((f) => f.details)).toEqual(
      expect.arrayContaining([
        { username: user.username, reason: 'wrong_password' },
        { username: 'nobody.here', reason: 'unknown_user' },
      ]),
    );
    expect(failures.find((f) => f.user_id === user.id)?.ip).toMatch(/^192\.0\.2\./);
  });

  it(`locks the account for 15 minutes after ${MAX_FAILED_LOGINS} consecutive failures`, async () => {
    const user = await makeUser(t.database.db);
    const address = newAddress();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) expect((await attempt(user.username, 'wrong-password', { address })).statusCode).toBe(401);
    const locking = await attempt(user.username, 'wrong-password', { address });
    expect(locking.statusCode).toBe(423);
    expect(locking.json<{ code: string; message: string }>()).toMatchObject({ code: 'account_locked' });
    expect(locking.json<{ message: string }>().message).toMatch(/^Terlalu banyak percobaan gagal\. Akun dikunci sampai \d{2}:\d{2} WIB\.$/);

    const stored = await t.database.db.selectFrom('app_user').select('locked_until').where('id', '=', user.id).executeTakeFirstOrThrow();
    const minutes = ((stored.locked_until?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    const correctWhileLocked = await attempt(user.username, user.password, { address, language: 'en' });
    expect(correctWhileLocked.statusCode).toBe(423);
    expect(correctWhileLocked.json<{ message: string }>().message).toMatch(/^Too many failed attempts\. The account is locked until \d{2}:\d{2} WIB\.$/);

    // Once the lock has run out, the right password opens the account again.
    await t.database.db.updateTable('app_user').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', user.id).execute();
    expect((await attempt(user.username, user.password, { address })).statusCode).toBe(200);
  });

  it('counts only consecutive failures: a successful login starts the count again', async () => {
    const user = await makeUser(t.database.db);
    const address = newAddress();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) await attempt(user.username, 'wrong-password', { address });
    expect((await attempt(user.username, user.password, { address })).statusCode).toBe(200);
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) expect((await attempt(user.username, 'wrong-password', { address })).statusCode).toBe(401);
  });

  it('refuses a disabled account, ends its open sessions, and reveals the state only to the right password', async () => {
    const admin = await makeUser(t.database.db, { role: 'admin' });
    const user = await makeUser(t.database.db);
    const adminClient = await loginAs(t.app, admin);
    const userClient = await loginAs(t.app, user);
    expect((await userClient.get('/api/auth/me')).statusCode).toBe(200);

    expect((await adminClient.post(`/api/users/${user.id}/disable`)).statusCode).toBe(200);
    const afterDisable = await userClient.get('/api/auth/me');
    expect(afterDisable.statusCode).toBe(401);
    expect(afterDisable.json()).toMatchObject({ code: 'unauthenticated' });

    const right = await attempt(user.username, user.password);
    expect(right.statusCode).toBe(403);
    expect(right.json()).toEqual({ code: 'account_disabled', message: 'Akun ini dinonaktifkan. Hubungi admin.' });
    expect((await attempt(user.username, user.password, { language: 'en' })).json()).toEqual({
      code: 'account_disabled',
      message: 'This account is disabled. Contact the administrator.',
    });
    expect((await attempt(user.username, 'wrong-password')).statusCode).toBe(401);
  });

  it('limits login attempts per address with 429 too_many_requests', async () => {
    const address = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await attempt(`ghost.${i}`, 'whatever-password', { address })).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    const limited = await attempt('ghost.x', 'whatever-password', { address });
    expect(limited.json()).toEqual({ code: 'too_many_requests', message: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.' });
    // Another address is not affected.
    expect((await attempt('ghost.y', 'whatever-password')).statusCode).toBe(401);
  });

  it('rejects a malformed login body with validation_failed', async () => {
    const res = await new TestClient(t.app).post('/api/auth/login', { username: '', password: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
  });
});
