import { parseNik } from '@sinergi/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../../test/db.ts';
import { loadConfig, type Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { silentProgress } from '../../progress.ts';
import { verifyPassword } from '../auth/password.ts';
import { DEMO_AGENCIES, DEMO_PARTNERS } from './demo-organisations.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';
import { readSeedState, writeSeedState } from './queries.ts';
import { seedDemo } from './seed-demo.ts';
import { seedIfEmpty } from './seed-if-empty.ts';

async function count(handle: DatabaseHandle, table: 'family' | 'member' | 'family_membership' | 'agency' | 'partner' | 'app_user'): Promise<number> {
  const row = await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

function demoConfig(overrides: Partial<Config>): Config {
  return { ...loadConfig({}), demoData: true, ...overrides };
}

describe.each(testDatabaseKinds)('demo seeding on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(async () => handle.close());
  // One database per run keeps cloning cheap; every test starts from an empty registry and no agencies.
  beforeEach(async () => {
    // CASCADE also empties what later modules hang on these tables (programs, enrolments, history).
    await sql`TRUNCATE family_membership, member, family, app_user, partner, agency, program, app_setting CASCADE`.execute(handle.db);
  });

  it('loads families, members and memberships only into villages of the requested region', async () => {
    const result = await seedDemo(handle, { families: 800, regionCode: '35.07.13', seed: 5, referenceDate: '2026-11-23' });
    expect(result.families).toBe(800);
    expect(await count(handle, 'family')).toBe(800);
    expect(await count(handle, 'member')).toBe(result.members);
    expect(await count(handle, 'family_membership')).toBe(result.members);
    const outside = await handle.db.selectFrom('family').select('village_code').where('village_code', 'not like', '35.07.13.%').execute();
    expect(outside).toEqual([]);
    const sizes = await sql<{ mismatched: number }>`
      SELECT count(*)::int AS mismatched FROM family f
      WHERE f.member_count <> (SELECT count(*) FROM member m WHERE m.family_id = f.id)`.execute(handle.db);
    expect(sizes.rows[0]?.mismatched).toBe(0);
    const members = await handle.db.selectFrom('member').select(['nik', 'birth_date', 'sex']).execute();
    const today = new Date(2026, 10, 23);
    const wrong = members.filter((m) => {
      const parsed = parseNik(m.nik, today);
      return !parsed.ok || parsed.birthDate !== m.birth_date || parsed.sex !== m.sex;
    });
    expect(wrong).toEqual([]);
    const sources = await handle.db.selectFrom('family').select('data_source').distinct().execute();
    expect(sources).toEqual([{ data_source: 'seed' }]);
    expect(await readSeedState(handle.db)).toMatchObject({ state: 'done', families: 800, regionCode: '35.07.13', seed: 5 });
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'demo_data').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'create', details: { families: 800, regionCode: '35.07.13', seed: 5 } });
  });

  it('refuses a non-empty registry unless asked to append, and appends without colliding numbers', async () => {
    await seedDemo(handle, { families: 300, regionCode: '35.07.13', seed: 5 });
    await expect(seedDemo(handle, { families: 300, regionCode: '35.07.13', seed: 5 })).rejects.toMatchObject({
      code: 'seed_registry_not_empty',
      params: { families: 300 },
    });
    // The same seed again would draw the same numbers; appending must lift the serials above the existing ones.
    await seedDemo(handle, { families: 300, regionCode: '35.07.13', seed: 5, append: true });
    expect(await count(handle, 'family')).toBe(600);
  });

  it('rejects a region without villages', async () => {
    await expect(seedDemo(handle, { families: 10, regionCode: '99.99', seed: 1 })).rejects.toMatchObject({ code: 'unknown_region' });
    expect(await count(handle, 'family')).toBe(0);
  });

  it('seeds agencies, partners, demo users and families once; a second call does nothing', async () => {
    const config = demoConfig({ jurisdiction: '35.07', demoFamilies: 400, demoSeed: 9 });
    await seedIfEmpty(handle, config, silentProgress);
    const counts = async () => Promise.all((['family', 'member', 'agency', 'partner', 'app_user'] as const).map((t) => count(handle, t)));
    const first = await counts();
    expect(first[0]).toBe(400);
    expect(first.slice(2)).toEqual([DEMO_AGENCIES.length, DEMO_PARTNERS.length, DEMO_USERS.length]);
    await seedIfEmpty(handle, config, silentProgress);
    expect(await counts()).toEqual(first);

    const agencies = await handle.db.selectFrom('agency').select(['name', 'kind']).orderBy('kind').execute();
    expect(agencies.map((a) => a.kind).sort()).toEqual(DEMO_AGENCIES.map((a) => a.kind).sort());
    expect(agencies.every((a) => a.name.endsWith('Kabupaten Malang'))).toBe(true);
    for (const demo of DEMO_USERS) {
      const user = await handle.db
        .selectFrom('app_user')
        .innerJoin('agency', 'agency.id', 'app_user.agency_id')
        .select(['app_user.password_hash', 'app_user.role', 'app_user.scope_codes', 'app_user.must_change_password', 'agency.kind'])
        .where('app_user.username', '=', demo.username)
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({ role: demo.role, scope_codes: demo.scope, must_change_password: false, kind: demo.agencyKind });
      expect(await verifyPassword(user.password_hash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(user.password_hash, 'wrong-password')).toBe(false);
    }
  });

  it('keeps demo users inside another jurisdiction', async () => {
    await seedIfEmpty(handle, demoConfig({ jurisdiction: '64', demoFamilies: 50, demoSeed: 3 }), silentProgress);
    const scoped = await handle.db.selectFrom('app_user').select('scope_codes').where('role', '=', 'pendamping').executeTakeFirstOrThrow();
    const firstKecamatan = await handle.db.selectFrom('region').select('code').where('level', '=', 3).where('code', 'like', '64.%').orderBy('code').executeTakeFirstOrThrow();
    expect(scoped.scope_codes).toEqual([firstKecamatan.code]);
    const outside = await handle.db.selectFrom('family').select('village_code').where('village_code', 'not like', '64.%').execute();
    expect(outside).toEqual([]);
    const agency = await handle.db.selectFrom('agency').select('name').where('kind', '=', 'dinsos').executeTakeFirstOrThrow();
    expect(agency.name).toBe('Dinas Sosial Provinsi Kalimantan Timur');
  });

  it('redoes a demo seed that was interrupted before the agencies were written', async () => {
    await seedDemo(handle, { families: 120, regionCode: '35.07.13', seed: 4 });
    const state = await readSeedState(handle.db);
    if (!state) throw new Error('seed state missing');
    await writeSeedState(handle.db, { ...state, state: 'running' });
    await seedIfEmpty(handle, demoConfig({ jurisdiction: '35.07', demoFamilies: 200, demoSeed: 4 }), silentProgress);
    expect(await count(handle, 'family')).toBe(200);
    expect(await count(handle, 'family_membership')).toBe(await count(handle, 'member'));
    expect(await count(handle, 'agency')).toBe(DEMO_AGENCIES.length);
  });
});
