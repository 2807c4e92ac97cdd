import fs from 'node:fs';
import { BENCH_TMP } from '../databases.ts';
import { ratio, round } from '../stats.ts';
import type { Benchmark, BenchOptions, BenchOutcome } from '../types.ts';
import { measureTargeting, type TargetingMeasurement } from './measure.ts';
import { TARGET_FAMILIES } from './setup.ts';

const RUN_TARGET_SECONDS = 5;
const PREVIEW_TARGET_MS = 500;
const HAND_WRITTEN_TARGET_RATIO = 1.5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Sizes: BENCH_TARGETING_FAMILIES / BENCH_TARGETING_PG_FAMILIES, else the registry benchmarks' sizes. */
function sizes(options: BenchOptions): { embedded: number; postgres: number } {
  const parse = (raw: string | undefined, fallback: number) => {
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`not a positive whole number: ${raw}`);
    return n;
  };
  return {
    embedded: parse(process.env.BENCH_TARGETING_FAMILIES, options.registryFamilies),
    postgres: parse(process.env.BENCH_TARGETING_PG_FAMILIES, options.registryPgFamilies),
  };
}

function outcomeOf(runs: TargetingMeasurement[]): BenchOutcome {
  const measurements: BenchOutcome['measurements'] = {};
  const ratios: BenchOutcome['ratios'] = {};
  const rows: (string | number)[][] = [];
  for (const run of runs) {
    const k = run.kind;
    const runSeconds = median(run.runSeconds);
    const handSeconds = median(run.handWrittenSeconds);
    Object.assign(measurements, {
      [`${k}_families`]: run.families,
      [`${k}_members`]: run.members,
      [`${k}_seed_seconds`]: round(run.seedSeconds, 1),
      [`${k}_earlier_recipients`]: run.earlierRecipients,
      [`${k}_qualified`]: run.qualified,
      [`${k}_selected`]: run.selected,
      [`${k}_waiting`]: run.waiting,
      [`${k}_run_seconds`]: round(runSeconds, 3),
      [`${k}_hand_written_seconds`]: round(handSeconds, 3),
      [`${k}_preview_p50_ms`]: round(run.preview.p50, 1),
      [`${k}_preview_p95_ms`]: round(run.preview.p95, 1),
      [`${k}_preview_total`]: run.previewTotal,
    });
    ratios[`${k}_run_vs_hand_written`] = ratio(runSeconds, handSeconds);
    ratios[`${k}_run_vs_${String(RUN_TARGET_SECONDS)}s_target`] = ratio(runSeconds, RUN_TARGET_SECONDS);
    ratios[`${k}_preview_p50_vs_${String(PREVIEW_TARGET_MS)}ms_target`] = ratio(run.preview.p50, PREVIEW_TARGET_MS);
    rows.push([
      k,
      run.families.toLocaleString('en'),
      run.qualified.toLocaleString('en'),
      `${String(run.selected)} / ${String(run.waiting)}`,
      round(runSeconds, 2),
      round(handSeconds, 2),
      `${String(ratio(runSeconds, handSeconds))}×`,
      round(run.preview.p50, 0),
      round(run.preview.p95, 0),
    ]);
  }
  return {
    parameters: {
      embeddedFamilies: runs[0]?.families ?? 0,
      postgresFamilies: runs[1]?.families ?? 'skipped (no DATABASE_URL)',
      targetFamilies: TARGET_FAMILIES,
      rounds: runs[0]?.runSeconds.length ?? 0,
    },
    measurements,
    ratios,
    table: {
      headers: ['database', 'families', 'qualified', 'selected / waiting', 'run s (median)', 'hand-written SQL s (median)', 'run ÷ hand-written', 'preview p50 ms', 'preview p95 ms'],
      rows,
    },
    notes: [
      'Rule (issue 4): desil 1–5, business stopped, head of family aged 18–59, no business-capital program received this year; priority lower desil, then a member with a disability, then a female head; quotas per kecamatan in proportion to desil 1–5 families, target 1,690.',
      'Data: the demo seeder (seed 2026); an earlier business-capital program served every 7th poor family with a stopped business this year.',
      'Run: executeRun of a frozen run row (selection, ranking, quotas, waiting list written to program_run_family, counts per kecamatan, candidates adopted), one repeatable-read transaction. Hand-written SQL: one query for this rule written directly, returning the same ranked list with outcomes to the client, under the same session settings; the two lists are asserted equal.',
      `Targets: run within ${String(HAND_WRITTEN_TARGET_RATIO)}× the hand-written query and under ${String(RUN_TARGET_SECONDS)} s at 1,000,000 families; preview count (POST /programs/preview-count service call, whole jurisdiction) under ${String(PREVIEW_TARGET_MS)} ms at 1,000,000 families.`,
      'Full size: DATABASE_URL=postgres://… BENCH_TARGETING_FAMILIES=100000 BENCH_TARGETING_PG_FAMILIES=1000000 npm run bench -- --only targeting (the default sizes follow --registry-families / --registry-pg-families).',
    ],
  };
}

export const targetingBenchmark: Benchmark = {
  name: 'targeting',
  title: 'Targeting run and live preview count against a hand-written SQL query',
  async run(options: BenchOptions): Promise<BenchOutcome> {
    fs.mkdirSync(BENCH_TMP, { recursive: true });
    const size = sizes(options);
    const runs = [await measureTargeting('embedded', size.embedded, undefined)];
    if (options.databaseUrl) runs.push(await measureTargeting('postgres', size.postgres, options.databaseUrl));
    return outcomeOf(runs);
  },
};
