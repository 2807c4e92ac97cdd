import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseKind } from '../../../packages/server/src/db/database.ts';
import { FAMILY_COLUMNS, MEMBER_COLUMNS, MEMBERSHIP_COLUMNS } from '../../../packages/server/src/modules/seed/rows.ts';
import { seedDemo, type SeedDemoResult } from '../../../packages/server/src/modules/seed/seed-demo.ts';
import { terminalProgress } from '../../../packages/server/src/progress.ts';
import { BENCH_TMP, scratchDatabase } from '../databases.ts';
import { exportCsv, importCsv, type TableCsv } from '../raw-copy.ts';
import { ratio, round } from '../stats.ts';
import type { Benchmark, BenchOptions, BenchOutcome } from '../types.ts';

const SEED = 2026;
const REFERENCE_DATE = '2026-01-01';

interface SeedRun {
  kind: DatabaseKind;
  families: number;
  members: number;
  seedSeconds: number;
  copySeconds: number;
}

/**
 * Seeds N families, exports exactly the rows the seed wrote as CSV, then times a plain COPY of those files into the
 * same tables of a fresh database: the seed's distance from the physical limit of loading those rows.
 */
async function measure(kind: DatabaseKind, families: number, adminUrl: string | undefined): Promise<SeedRun> {
  const csvDir = fs.mkdtempSync(path.join(BENCH_TMP, `seed-${kind}-`));
  const tables: TableCsv[] = [
    { table: 'family', columns: [...FAMILY_COLUMNS], file: path.join(csvDir, 'family.csv') },
    { table: 'member', columns: [...MEMBER_COLUMNS], file: path.join(csvDir, 'member.csv') },
    { table: 'family_membership', columns: [...MEMBERSHIP_COLUMNS], file: path.join(csvDir, 'family_membership.csv') },
  ];
  try {
    const seeded = await scratchDatabase(kind, adminUrl);
    let result: SeedDemoResult | undefined;
    const started = performance.now();
    try {
      result = await seedDemo(seeded.handle, { families, regionCode: '35.07', seed: SEED, referenceDate: REFERENCE_DATE }, terminalProgress());
      for (const table of tables) await exportCsv(seeded.handle, table);
    } finally {
      await seeded.drop();
    }
    if (!result) throw new Error('seed did not finish');
    const seedSeconds = result.seconds || (performance.now() - started) / 1000;

    const copied = await scratchDatabase(kind, adminUrl);
    let copySeconds = 0;
    try {
      for (const table of tables) copySeconds += await importCsv(copied.handle, table);
    } finally {
      await copied.drop();
    }
    return { kind, families: result.families, members: result.members, seedSeconds, copySeconds };
  } finally {
    fs.rmSync(csvDir, { recursive: true, force: true });
  }
}

export const seedBenchmark: Benchmark = {
  name: 'seed',
  title: 'Demo data seeding throughput',
  async run(options: BenchOptions): Promise<BenchOutcome> {
    fs.mkdirSync(BENCH_TMP, { recursive: true });
    const runs: SeedRun[] = [await measure('embedded', options.families, undefined)];
    if (options.databaseUrl) runs.push(await measure('postgres', options.pgFamilies, options.databaseUrl));

    const measurements: BenchOutcome['measurements'] = {};
    const ratios: BenchOutcome['ratios'] = {};
    const rows: (string | number)[][] = [];
    for (const run of runs) {
      const seedRate = run.families / run.seedSeconds;
      const copyRate = run.families / run.copySeconds;
      measurements[`${run.kind}_families`] = run.families;
      measurements[`${run.kind}_members`] = run.members;
      measurements[`${run.kind}_seed_seconds`] = round(run.seedSeconds, 3);
      measurements[`${run.kind}_seed_families_per_s`] = Math.round(seedRate);
      measurements[`${run.kind}_raw_copy_seconds`] = round(run.copySeconds, 3);
      measurements[`${run.kind}_raw_copy_families_per_s`] = Math.round(copyRate);
      ratios[`${run.kind}_seed_time_vs_raw_copy`] = ratio(run.seedSeconds, run.copySeconds);
      rows.push([
        run.kind,
        run.families.toLocaleString('en'),
        run.members.toLocaleString('en'),
        round(run.seedSeconds, 1),
        Math.round(seedRate).toLocaleString('en'),
        round(run.copySeconds, 1),
        Math.round(copyRate).toLocaleString('en'),
        `${String(ratio(run.seedSeconds, run.copySeconds))}×`,
      ]);
    }
    return {
      parameters: { embeddedFamilies: options.families, postgresFamilies: options.databaseUrl ? options.pgFamilies : 'skipped (no DATABASE_URL)', region: '35.07', seed: SEED },
      measurements,
      ratios,
      table: {
        headers: ['database', 'families', 'members', 'seed s', 'seed families/s', 'raw COPY s', 'raw COPY families/s', 'seed ÷ COPY time'],
        rows,
      },
      notes: [
        'Seed time covers generation (names, NIK, houses, businesses), COPY of families, members and memberships in batches, and ANALYZE.',
        'Raw COPY: the rows the seed wrote, exported as CSV once, then loaded by one plain COPY per table into a fresh database with the same schema and indexes; only the COPY statements are timed.',
        'Target (issue 2): 100,000 families seed in under a minute on the embedded database.',
      ],
    };
  },
};
