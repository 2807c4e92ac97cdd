import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../../test/db.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { seedOrganisations } from '../seed/seed-organisations.ts';
import { seedDemoPrograms } from './demo.ts';
import { BUSINESS_PACKAGE_NAME, proportionalShares } from './demo-programs.ts';

describe('proportional quotas', () => {
  it('shares a total by largest remainder, exactly', () => {
    const shares = proportionalShares(10, new Map([['a', 1], ['b', 1], ['c', 1]]));
    expect([...shares.values()].reduce((a, b) => a + b, 0)).toBe(10);
    expect(shares).toEqual(new Map([['a', 4], ['b', 3], ['c', 3]]));
    expect(proportionalShares(1690, new Map([['x', 300], ['y', 100], ['z', 0]]))).toEqual(new Map([['x', 1268], ['y', 422], ['z', 0]]));
  });
});

describe.each(testDatabaseKinds)('demo programs on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await seedDemo(handle, { families: 4000, regionCode: '35.07', seed: 2026 });
    await seedOrganisations(handle.db, '35.07');
  });
  afterAll(async () => handle.close());

  it('sets up the agencies’ programs with a run and a decree for the business package, once', async () => {
    const result = await seedDemoPrograms(handle, undefined, { jurisdiction: '35.07' });
    expect(result.programs).toBe(5);
    const programs = await handle.db.selectFrom('program as p').innerJoin('agency as a', 'a.id', 'p.agency_id')
      .select(['p.name', 'p.kind', 'p.status', 'a.kind as agency', 'p.target_families', 'p.target_units', 'p.current_run_id']).orderBy('p.name').execute();
    expect(programs.map((p) => [p.kind, p.agency, p.status])).toEqual([
      ['business_package', 'dinsos', 'active'],
      ['food_aid', 'dinsos', 'active'],
      ['house_renovation', 'pupr_perkim', 'active'],
      ['training', 'disnaker', 'draft'],
      ['conditional_cash', 'dinsos', 'active'],
    ]);
    const business = programs.find((p) => p.name === BUSINESS_PACKAGE_NAME)!;
    expect(business.target_families).toBe(1690);
    expect(programs.find((p) => p.kind === 'house_renovation')?.target_units).toBe(1500);
    const quotas = await sql<{ total: number }>`SELECT sum(families)::int AS total FROM program_quota`.execute(handle.db);
    expect(quotas.rows[0]?.total).toBe(1690);
    const decree = await handle.db.selectFrom('program_decree').selectAll().executeTakeFirstOrThrow();
    expect(decree.kind).toBe('initial');
    const statuses = await sql<{ status: string; n: number }>`
      SELECT e.status, count(*)::int AS n FROM program_enrolment e JOIN program p ON p.id = e.program_id
       WHERE p.name = ${BUSINESS_PACKAGE_NAME} GROUP BY e.status ORDER BY e.status`.execute(handle.db);
    const byStatus = Object.fromEntries(statuses.rows.map((row) => [row.status, row.n]));
    expect(byStatus.in_decree).toBe(decree.enrolment_count);
    expect(byStatus.in_decree).toBeGreaterThan(50);
    expect(byStatus.rejected).toBeGreaterThan(0);
    expect(result.inDecree).toBe(decree.enrolment_count);
    expect(await seedDemoPrograms(handle, undefined, { jurisdiction: '35.07' })).toEqual({ programs: 0, candidates: 0, inDecree: 0 });
  });
});
