import { BUSINESS_PACKAGE_PRIORITY, BUSINESS_PACKAGE_RULE } from '@sinergi/domain';
import { sql } from 'kysely';
import type { DatabaseHandle, DatabaseKind } from '../../../packages/server/src/db/database.ts';
import { proportionalShares } from '../../../packages/server/src/modules/programs/demo-programs.ts';
import { seedDemo } from '../../../packages/server/src/modules/seed/seed-demo.ts';
import { terminalProgress } from '../../../packages/server/src/progress.ts';
import { scratchDatabase, type ScratchDatabase } from '../databases.ts';

export const SEED = 2026;
/** The day the run is made: ages and "this year" are counted on it. */
export const REFERENCE_DATE = '2026-06-30';
export const TARGET_FAMILIES = 1690;
/** One family in this many of the earlier business-capital program's reach received it this year. */
const EARLIER_RECIPIENT_EVERY = 7;

export interface TargetingWorld {
  scratch: ScratchDatabase;
  families: number;
  members: number;
  seedSeconds: number;
  /** The program being targeted (business package, quotas per kecamatan, target 1,690). */
  programId: string;
  quotas: { kecamatanCode: string; families: number }[];
  /** Families that received the earlier business-capital program this year (excluded by the rule). */
  earlierRecipients: number;
}

/**
 * A registry seeded by the demo seeder, an earlier business-capital program that some poor families with a stalled
 * business received this year (so that "not already a recipient" has work to do), and the business package to target
 * with the rule and priority of issue 4, quotas in proportion to desil 1–5 families per kecamatan.
 */
export async function targetingWorld(kind: DatabaseKind, families: number, adminUrl: string | undefined): Promise<TargetingWorld> {
  const scratch = await scratchDatabase(kind, adminUrl);
  try {
    const started = performance.now();
    const seeded = await seedDemo(scratch.handle, { families, regionCode: '35.07', seed: SEED, referenceDate: '2026-01-01' }, terminalProgress());
    const seedSeconds = (performance.now() - started) / 1000;
    const { db } = scratch.handle;
    const agency = await db.insertInto('agency').values({ name: 'Dinas Sosial (uji beban)', short_name: 'dinsos-bench', kind: 'dinsos' }).returning('id').executeTakeFirstOrThrow();
    const program = (name: string, status: 'active' | 'closed') => ({
      agency_id: agency.id, name, kind: 'business_package', approach: 'raise_income', period_from: '2026-01-01', period_to: '2026-12-31',
      funding_source: 'apbd', status, legal_basis: 'UU 27/2022 Pasal 20 ayat (2)', rule: JSON.stringify(BUSINESS_PACKAGE_RULE),
      priority: JSON.stringify(BUSINESS_PACKAGE_PRIORITY), rule_version: 1,
    });
    const earlier = await db.insertInto('program').values(program('Bantuan Modal Usaha Mikro 2026', 'closed')).returning('id').executeTakeFirstOrThrow();
    const target = await db.insertInto('program').values({ ...program('Bantuan Paket Usaha 2026 (uji beban)', 'active'), target_families: TARGET_FAMILIES })
      .returning('id').executeTakeFirstOrThrow();
    const earlierRecipients = await enrolEarlierRecipients(scratch.handle, earlier.id);
    const weights = await sql<{ code: string; n: number }>`
      SELECT kecamatan_code AS code, count(*)::int AS n FROM family WHERE desil_national BETWEEN 1 AND 5 GROUP BY kecamatan_code`.execute(db);
    const quotas = [...proportionalShares(TARGET_FAMILIES, new Map(weights.rows.map((row) => [row.code, row.n]))).entries()]
      .map(([kecamatanCode, quota]) => ({ kecamatanCode, families: quota }));
    await db.insertInto('program_quota').values(quotas.map((quota) => ({ program_id: target.id, kecamatan_code: quota.kecamatanCode, families: quota.families }))).execute();
    // What autovacuum does on a live installation: statistics and visibility maps of freshly loaded tables.
    for (const table of ['family', 'member', 'program_enrolment', 'program']) await scratch.handle.exec(`VACUUM ANALYZE ${table}`);
    return { scratch, families: seeded.families, members: seeded.members, seedSeconds, programId: target.id, quotas, earlierRecipients };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

/** Every 7th poor family with a stalled business (by No KK) was served by the earlier program in May. */
async function enrolEarlierRecipients(handle: DatabaseHandle, programId: string): Promise<number> {
  const result = await sql`
    INSERT INTO program_enrolment (program_id, family_id, kecamatan_code, village_code, status, source, served_at)
    SELECT ${programId}::uuid, f.id, f.kecamatan_code, f.village_code, 'served', 'targeting', TIMESTAMPTZ '2026-05-12 10:00:00+07'
      FROM (SELECT f.*, row_number() OVER (ORDER BY f.no_kk) AS n
              FROM family f WHERE f.desil_national BETWEEN 1 AND 5 AND f.business_status = 'stalled') f
     WHERE f.n % ${EARLIER_RECIPIENT_EVERY} = 0`.execute(handle.db);
  return Number(result.numAffectedRows ?? 0n);
}
