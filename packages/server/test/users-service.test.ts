import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { DatabaseHandle } from '../src/db/database.ts';
import { verifyPassword } from '../src/modules/auth/password.ts';
import { createUser, disableUser, enableUser, findUserByUsername, resetPassword } from '../src/modules/users/service.ts';
import { testDatabaseKinds, openTestDatabase } from './db.ts';
import { makeAgency } from './factories.ts';

/** The service functions as the CLI and the seed call them: no HTTP request, the audit row has no actor. */
describe.each(testDatabaseKinds)('user service without HTTP on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(async () => handle.close());

  it('creates, finds, disables, enables and resets a user, auditing each step', async () => {
    const { db } = handle;
    const agency = await makeAgency(db, 'dinsos');
    const created = await createUser(db, { username: 'Kader.Desa', fullName: 'Kader Desa', role: 'pendamping', agencyId: agency.id, password: 'Pertama-12345' });
    expect(created).toMatchObject({ username: 'Kader.Desa', scopeCodes: [], disabled: false });

    const found = await findUserByUsername(db, 'kader.desa');
    expect(found?.id).toBe(created.id);
    expect(await findUserByUsername(db, 'tidak.ada')).toBeUndefined();

    expect((await disableUser(db, created.id)).disabled).toBe(true);
    expect((await enableUser(db, created.id)).disabled).toBe(false);
    await resetPassword(db, created.id, 'Kedua-1234567');
    const row = await db.selectFrom('app_user').select(['password_hash', 'must_change_password']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(true);
    expect(await verifyPassword(row.password_hash, 'Kedua-1234567')).toBe(true);

    const audit = await db.selectFrom('audit_log').select(['action', 'user_id', 'ip']).where('entity_id', '=', created.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'disable', 'enable', 'password_reset']);
    expect(audit.every((a) => a.user_id === null && a.ip === null)).toBe(true);
  });

  it('validates input like the API does, also checking the jurisdiction when given', async () => {
    const { db } = handle;
    const agency = await makeAgency(db, 'disnaker');
    const base = { fullName: 'Operator Uji', role: 'operator' as const, agencyId: agency.id, password: 'Pertama-12345' };
    await expect(createUser(db, { ...base, username: 'x' })).rejects.toBeInstanceOf(ZodError);
    await expect(createUser(db, { ...base, username: 'op.luar', scopeCodes: ['35.73.01'] }, { jurisdiction: '35.07' })).rejects.toMatchObject({
      code: 'outside_jurisdiction',
    });
    await expect(createUser(db, { ...base, username: 'op.lemah', password: 'op.lemah' })).rejects.toMatchObject({ code: 'weak_password' });
    await createUser(db, { ...base, username: 'op.satu' });
    await expect(createUser(db, { ...base, username: 'OP.SATU' })).rejects.toMatchObject({ code: 'duplicate' });
  });
});
