import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../../test/db.ts';
import { loadConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { seedDemoPrograms } from '../programs/demo.ts';
import { seedDemoDistribution } from '../programs/distribution/demo.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { seedOrganisations } from '../seed/seed-organisations.ts';
import { pathwayCounts } from './counts.ts';
import { seedDemoPathways } from './demo.ts';

describe.each(testDatabaseKinds)('demo pathways on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await seedDemo(handle, { families: 3000, regionCode: '35.07', seed: 2026 });
    await seedOrganisations(handle.db, '35.07');
    await seedDemoPrograms(handle, undefined, { jurisdiction: '35.07' });
    await seedDemoDistribution(handle);
  });
  afterAll(async () => handle.close());

  it('puts families at every stage from the demo programs’ enrolments, once, and the counts agree', async () => {
    const recipients = await sql<{ n: number }>`
      SELECT count(DISTINCT e.family_id)::int AS n FROM program_enrolment e JOIN program p ON p.id = e.program_id
       WHERE p.kind = 'business_package' AND e.status IN ('in_decree', 'served', 'finished', 'stopped')`.execute(handle.db);
    const businessFamilies = recipients.rows[0]!.n;
    const result = await seedDemoPathways(handle);
    expect(result.byStage.pemberdayaan + result.byStage.pengembangan + result.byStage.mandiri).toBe(businessFamilies);
    const indexes = Array.from({ length: businessFamilies }, (_, index) => index);
    expect(result.byStage.mandiri).toBe(indexes.filter((index) => index % 25 === 1).length);
    expect(result.byStage.pengembangan).toBe(indexes.filter((index) => index % 5 === 3).length);
    for (const stage of ['bantuan', 'pemberdayaan', 'pengembangan', 'mandiri'] as const) expect(result.byStage[stage]).toBeGreaterThan(0);
    expect(await seedDemoPathways(handle)).toEqual({ families: 0, byStage: { bantuan: 0, pemberdayaan: 0, pengembangan: 0, mandiri: 0 } });

    // Every cited enrolment is the family's own; every mandiri step carries its reason.
    const foreign = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pathway_transition t CROSS JOIN jsonb_array_elements(t.evidence) item
       WHERE NOT EXISTS (SELECT 1 FROM program_enrolment e WHERE e.id::text = item->>'id' AND e.family_id = t.family_id)`.execute(handle.db);
    expect(foreign.rows[0]!.n).toBe(0);
    const graduations = await handle.db.selectFrom('pathway_transition').select(['override_reason']).where('to_stage', '=', 'mandiri').execute();
    expect(graduations.every((row) => (row.override_reason ?? '').length > 10)).toBe(true);

    const admin = await handle.db.selectFrom('app_user').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow();
    const user = {
      id: admin.id, username: admin.username, fullName: admin.full_name, role: admin.role, agencyId: admin.agency_id, scopeCodes: [], language: 'id' as const,
      mustChangePassword: false, sessionId: 'test', csrfToken: 'test',
    };
    const context = { db: handle.db, config: loadConfig({}), user, request: null };
    const counts = await pathwayCounts(context, { by: 'kecamatan' });
    expect(counts.totals).toEqual({ ...result.byStage, total: result.families });
    const byAgency = await pathwayCounts(context, { by: 'agency' });
    expect(byAgency.rows.map((row) => row.name)).toContain('Disperindagkop');
    expect(byAgency.rows.find((row) => row.name === 'Disperindagkop')?.pengembangan).toBe(result.byStage.pengembangan);
  });
});
