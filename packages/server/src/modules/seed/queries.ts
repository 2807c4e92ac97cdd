import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import type { Village } from './village-plan.ts';

export async function countFamilies(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('family').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countAgencies(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('agency').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Villages (desa and kelurahan) at or below a region code, in code order. */
export async function villagesUnder(db: Kysely<DB>, regionCode: string): Promise<Village[]> {
  const rows = await db
    .selectFrom('region')
    .select(['code', 'name', 'kind'])
    .where('level', '=', 4)
    .where((eb) => eb.or([eb('code', '=', regionCode), eb('code', 'like', `${regionCode}.%`)]))
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind === 'kelurahan' ? 'kelurahan' : 'desa' }));
}

/** Kecamatan below a region code, in code order (the region itself when it is one). */
export async function kecamatanUnder(db: Kysely<DB>, regionCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('region')
    .select('code')
    .where('level', '=', 3)
    .where((eb) => eb.or([eb('code', '=', regionCode), eb('code', 'like', `${regionCode}.%`)]))
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

export async function regionName(db: Kysely<DB>, code: string): Promise<{ name: string; kind: string } | undefined> {
  return db.selectFrom('region').select(['name', 'kind']).where('code', '=', code).executeTakeFirst();
}

/** Highest serial (last four digits) among the NIKs and No KKs already stored, so that appended demo data never collides. */
export async function highestSerials(db: Kysely<DB>): Promise<{ nik: number; kk: number }> {
  const nik = await sql<{ n: number | null }>`SELECT max(right(nik, 4)::int) AS n FROM member WHERE nik ~ '^[0-9]{16}$'`.execute(db);
  const kk = await sql<{ n: number | null }>`SELECT max(right(no_kk, 4)::int) AS n FROM family WHERE no_kk ~ '^[0-9]{16}$'`.execute(db);
  return { nik: Number(nik.rows[0]?.n ?? 0), kk: Number(kk.rows[0]?.n ?? 0) };
}

/** Removes demo families left by a seed that was interrupted before it finished (no agency was written yet). */
export async function deleteSeedFamilies(db: Kysely<DB>, dataSource: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const seeded = trx.selectFrom('family').select('id').where('data_source', '=', dataSource);
    await trx.deleteFrom('family_membership').where('family_id', 'in', seeded).execute();
    await trx.deleteFrom('member').where('family_id', 'in', seeded).execute();
    await trx.deleteFrom('family').where('data_source', '=', dataSource).execute();
  });
}

export async function analyzeRegistry(db: Kysely<DB>): Promise<void> {
  await sql`ANALYZE family, member, family_membership`.execute(db);
}

const SEED_STATE_KEY = 'demo_seed';

/** What the last demo seed did; 'running' left behind means it was interrupted. */
export interface SeedState {
  state: 'running' | 'done';
  families: number;
  regionCode: string;
  seed: number;
  at: string;
}

export async function readSeedState(db: Kysely<DB>): Promise<SeedState | undefined> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', SEED_STATE_KEY).executeTakeFirst();
  return row ? (row.value as SeedState) : undefined;
}

export async function writeSeedState(db: Kysely<DB>, state: SeedState): Promise<void> {
  const value = JSON.stringify(state);
  await db
    .insertInto('app_setting')
    .values({ key: SEED_STATE_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
