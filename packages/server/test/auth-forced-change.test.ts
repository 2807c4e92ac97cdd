import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './app.ts';
import { testDatabaseKinds } from './db.ts';
import { loginAs, makeUser } from './factories.ts';

describe.each(testDatabaseKinds)('temporary passwords on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  it('opens only the account routes until the temporary password is changed', async () => {
    const user = await makeUser(t.database.db, { role: 'operator', mustChangePassword: true });
    const client = await loginAs(t.app, user);

    const blocked = await client.get('/api/families');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'password_change_required' });
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);

    const newPassword = 'Kata-sandi-baru-2026';
    const changed = await client.post('/api/auth/password', { currentPassword: user.password, newPassword });
    expect(changed.statusCode).toBe(204);
    expect((await client.get('/api/families')).statusCode).toBe(200);
  });
});
