import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../../test/db.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { seedDemoPrograms } from '../programs/demo.ts';
import { seedDemoDistribution } from '../programs/distribution/demo.ts';
import { seedDemoReferrals } from '../referrals/demo.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { seedOrganisations } from '../seed/seed-organisations.ts';
import { seedDemoTraining } from './demo.ts';

describe.each(testDatabaseKinds)('demo training on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await seedDemo(handle, { families: 4000, regionCode: '35.07', seed: 2026 });
    await seedOrganisations(handle.db, '35.07');
    await seedDemoPrograms(handle, undefined, { jurisdiction: '35.07' });
    await seedDemoDistribution(handle);
    await seedDemoReferrals(handle, undefined, { jurisdiction: '35.07' });
  });
  afterAll(async () => handle.close());

  it('runs a prison cohort and a cohort for people with disabilities and business-package families, with follow-ups done and open, once', async () => {
    const result = await seedDemoTraining(handle, undefined, { jurisdiction: '35.07' });
    const cohorts = await sql<{ name: string; place_kind: string; status: string; groups: string[]; referred: number; participants: number; completed: number }>`
      SELECT h.name, h.place_kind, h.status, array_agg(DISTINCT p.target_group ORDER BY p.target_group) AS groups,
             count(p.referral_id)::int AS referred, count(p.id)::int AS participants, count(*) FILTER (WHERE p.outcome = 'completed')::int AS completed
        FROM training_cohort h JOIN training_participant p ON p.cohort_id = h.id GROUP BY h.id, h.name, h.place_kind, h.status ORDER BY h.start_date`.execute(handle.db);
    expect(cohorts.rows.map((c) => [c.place_kind, c.status, c.place_kind === 'village_hall' ? [] : c.groups])).toEqual([
      ['prison', 'completed', ['inmate']],
      ['lpk', 'completed', ['business_family', 'disability']],
      ['village_hall', 'open', []],
    ]);
    expect(cohorts.rows[2]?.participants).toBe(8);
    const [prison, mixed] = cohorts.rows;
    const inmates = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM member WHERE 'warga_binaan' = ANY (special_status) AND sex = 'P' AND status = 'active'
         AND birth_date BETWEEN DATE '1971-01-01' AND DATE '2007-12-31'`.execute(handle.db);
    expect(prison?.participants).toBe(Math.min(15, inmates.rows[0]?.n ?? 0));
    expect(prison?.participants).toBeGreaterThan(0);
    expect(mixed?.referred).toBeGreaterThan(0);
    expect(result.participants).toBe(cohorts.rows.reduce((sum, c) => sum + c.participants, 0));
    expect(result.graduates).toBe((prison?.completed ?? 0) + (mixed?.completed ?? 0));
    expect(result.graduates).toBeLessThan((prison?.participants ?? 0) + (mixed?.participants ?? 0));
    const certificates = await sql<{ completed: number; with_number: number }>`
      SELECT count(*) FILTER (WHERE outcome = 'completed')::int AS completed, count(certificate_number)::int AS with_number FROM training_participant`.execute(handle.db);
    expect(certificates.rows[0]?.with_number).toBe(certificates.rows[0]?.completed);
    const followUps = await sql<{ milestone: number; done: number; open: number }>`
      SELECT milestone, count(contacted_on)::int AS done, count(*) FILTER (WHERE contacted_on IS NULL)::int AS open
        FROM training_follow_up GROUP BY milestone ORDER BY milestone`.execute(handle.db);
    const [three, six, twelve] = followUps.rows;
    // 3 months: prison graduates but 2 and mixed graduates but 4; 6 months: prison graduates but 5; 12 months: none yet.
    const open = (graduates: number, left: number) => Math.min(graduates, left);
    expect(three?.open).toBe(open(prison?.completed ?? 0, 2) + open(mixed?.completed ?? 0, 4));
    expect(six?.done).toBe((prison?.completed ?? 0) - open(prison?.completed ?? 0, 5));
    expect(twelve?.done).toBe(0);
    expect(result.followUpsRecorded).toBe((three?.done ?? 0) + (six?.done ?? 0));
    expect(await seedDemoTraining(handle, undefined, { jurisdiction: '35.07' })).toEqual({ cohorts: 0, participants: 0, graduates: 0, followUpsRecorded: 0 });
  });
});
