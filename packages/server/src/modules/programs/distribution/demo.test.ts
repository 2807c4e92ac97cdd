import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../../../test/db.ts';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/database.ts';
import { seedDemo } from '../../seed/seed-demo.ts';
import { seedOrganisations } from '../../seed/seed-organisations.ts';
import { seedDemoPrograms } from '../demo.ts';
import { BUSINESS_PACKAGE_NAME } from '../demo-programs.ts';
import { programRealisation } from '../realisation/service.ts';
import { seedDemoDistribution } from './demo.ts';

/** Six of every ten decreed families (by kecamatan and rank) receive the first stage. */
const servedOf = (decreed: number) => 6 * Math.floor(decreed / 10) + Math.min(decreed % 10, 6);

describe.each(testDatabaseKinds)('demo distribution on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await seedDemo(handle, { families: 3000, regionCode: '35.07', seed: 2026 });
    await seedOrganisations(handle.db, '35.07');
    await seedDemoPrograms(handle, undefined, { jurisdiction: '35.07' });
  });
  afterAll(async () => handle.close());

  it('plans stages for the active programs and hands the business package to most decreed families, once', async () => {
    const business = await handle.db.selectFrom('program').select('id').where('name', '=', BUSINESS_PACKAGE_NAME).executeTakeFirstOrThrow();
    const decree = await handle.db.selectFrom('program_decree').select('enrolment_count').where('program_id', '=', business.id).executeTakeFirstOrThrow();
    const result = await seedDemoDistribution(handle);
    expect(result).toEqual({ stages: 7, handovers: servedOf(decree.enrolment_count) });
    const stages = await sql<{ kind: string; stages: number }>`
      SELECT p.kind, count(*)::int AS stages FROM distribution_stage s JOIN program p ON p.id = s.program_id GROUP BY p.kind ORDER BY p.kind`.execute(handle.db);
    expect(stages.rows).toEqual([
      { kind: 'business_package', stages: 1 }, { kind: 'conditional_cash', stages: 4 }, { kind: 'food_aid', stages: 1 }, { kind: 'house_renovation', stages: 1 },
    ]);
    const served = await handle.db.selectFrom('program_enrolment').select(sql<number>`count(*)::int`.as('n')).where('program_id', '=', business.id).where('status', '=', 'served').executeTakeFirstOrThrow();
    expect(served.n).toBe(result.handovers);
    expect(await seedDemoDistribution(handle)).toEqual({ stages: 0, handovers: 0 });

    const admin = await handle.db.selectFrom('app_user').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow();
    const user = {
      id: admin.id, username: admin.username, fullName: admin.full_name, role: admin.role, agencyId: admin.agency_id, scopeCodes: [], language: 'id' as const,
      mustChangePassword: false, sessionId: 'test', csrfToken: 'test',
    };
    const realisation = await programRealisation({ db: handle.db, config: loadConfig({}), user, request: null }, business.id, {});
    // Each package is the program's four items, worth Rp5.000.000 together.
    expect(realisation.realised).toMatchObject({ families: result.handovers, money: result.handovers * 5_000_000, units: result.handovers });
    expect(realisation.byKecamatan.reduce((sum, row) => sum + row.realised.families, 0)).toBe(result.handovers);
    expect(realisation.decreed).toBe(decree.enrolment_count);
  });
});
