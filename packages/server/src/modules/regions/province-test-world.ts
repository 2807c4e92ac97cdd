import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DatabaseKind } from '../../db/database.ts';
import type { DB } from '../../db/schema/index.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { loginAs, makeAgency, makeUser, type TestAgency } from '../../../test/factories.ts';

/** A province installation (Jawa Timur, 35) with a Dinsos and a PUPR/Perkim agency and their users. */
export interface ProvinceWorld {
  t: TestApp;
  db: Kysely<DB>;
  dinsos: TestAgency;
  perkim: TestAgency;
  officerId: string;
  pimpinan: TestClient;
  perkimOperator: TestClient;
  /** A Dinsos operator scoped to one kecamatan of Kabupaten Malang. */
  kepanjenOperator: TestClient;
  /** Two villages of Kabupaten Lumajang (35.08), in two different kecamatan. */
  lumajangVillages: [string, string];
}

export async function provinceWorld(kind: DatabaseKind): Promise<ProvinceWorld> {
  const t = await startTestApp(kind, { jurisdiction: '35' });
  const db = t.database.db;
  const dinsos = await makeAgency(db, 'dinsos');
  const perkim = await makeAgency(db, 'pupr_perkim');
  const officer = await makeUser(db, { role: 'operator', agencyId: dinsos.id });
  const kecamatan = await db.selectFrom('region').select('code').where('level', '=', 3).where('code', 'like', '35.08.%').orderBy('code').limit(2).execute();
  const villages = await Promise.all(kecamatan.map(({ code }) =>
    db.selectFrom('region').select('code').where('parent_code', '=', code).orderBy('code').executeTakeFirstOrThrow()));
  expect(villages).toHaveLength(2);
  return {
    t, db, dinsos, perkim, officerId: officer.id,
    pimpinan: await loginAs(t.app, await makeUser(db, { role: 'pimpinan', agencyId: dinsos.id })),
    perkimOperator: await loginAs(t.app, await makeUser(db, { role: 'operator', agencyId: perkim.id })),
    kepanjenOperator: await loginAs(t.app, await makeUser(db, { role: 'operator', agencyId: dinsos.id, scopeCodes: ['35.07.13'] })),
    lumajangVillages: [villages[0]!.code, villages[1]!.code],
  };
}

/** Sums `value` of rows per region at `level` (by code prefix), for comparing a rolled-up breakdown with its detail. */
export function sumByLevel<R extends { code: string }>(rows: readonly R[], level: number, value: (row: R) => number): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const row of rows) {
    const key = row.code.split('.').slice(0, level).join('.');
    sums[key] = (sums[key] ?? 0) + value(row);
  }
  return sums;
}
