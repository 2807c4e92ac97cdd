import { parseArgs } from 'node:util';
import type { DatabaseKind } from '../../packages/server/src/db/database.ts';
import { BENCHMARKS } from './benchmarks/index.ts';
import { postgresVersion } from './databases.ts';
import { machineFacts } from './machine.ts';
import { writeResult, writeSummary } from './results.ts';
import type { BenchOptions } from './types.ts';

const USAGE = `npm run bench -- [--only name,name] [--scale quick|default|full] [--quick] [--families N] [--pg-families N] [--requests N] [--logins N]
                 [--registry-families N] [--registry-pg-families N] [--queries N] [--kinds embedded,postgres]

Benchmarks: ${BENCHMARKS.map((b) => `${b.name} (${b.title})`).join('; ')}
PostgreSQL is measured too when DATABASE_URL is set (scratch databases are created and dropped there).
Scales: quick = a smoke run; default = minutes; full = the sizes of the issues' targets (registry: 100,000 families embedded,
1,000,000 on PostgreSQL; takes an hour or more on 2 cores). --quick is --scale quick.
--kinds: the databases the registry benchmarks measure (default both; PostgreSQL needs DATABASE_URL); the results of
the other database from an earlier run are kept in the results file.
Environment: BENCH_SCALE sets the scale, BENCH_KINDS the databases; BENCH_FAMILIES, BENCH_PG_FAMILIES, BENCH_REQUESTS, BENCH_LOGINS, BENCH_REGISTRY_FAMILIES, BENCH_REGISTRY_PG_FAMILIES,
BENCH_QUERIES set the same sizes.
Results: bench/results/<name>.json and bench/results/SUMMARY.md`;

const SCALES = {
  quick: { families: 5_000, pgFamilies: 10_000, requests: 300, logins: 20, registryFamilies: 5_000, registryPgFamilies: 20_000, queries: 60 },
  default: { families: 100_000, pgFamilies: 200_000, requests: 2_000, logins: 100, registryFamilies: 30_000, registryPgFamilies: 100_000, queries: 100 },
  full: { families: 100_000, pgFamilies: 200_000, requests: 2_000, logins: 100, registryFamilies: 100_000, registryPgFamilies: 1_000_000, queries: 300 },
};

function scaleName(flag: string | undefined, env: string | undefined, quick: boolean): keyof typeof SCALES {
  const raw = quick ? 'quick' : (flag ?? env ?? 'default');
  if (raw in SCALES) return raw as keyof typeof SCALES;
  throw new Error(`unknown scale: ${raw} (quick, default or full)`);
}

function count(flag: string | undefined, env: string | undefined, fallback: number): number {
  const raw = flag ?? env;
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`not a positive whole number: ${raw}`);
  return n;
}

function databaseKinds(raw: string | undefined, postgres: boolean): DatabaseKind[] {
  const asked = (raw ?? 'embedded,postgres').split(',').map((k) => k.trim());
  const unknown = asked.filter((k) => k !== 'embedded' && k !== 'postgres');
  if (unknown.length) throw new Error(`unknown database kind: ${unknown.join(', ')} (embedded or postgres)`);
  return (['embedded', 'postgres'] as const).filter((k) => asked.includes(k) && (k === 'embedded' || postgres));
}

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    scale: { type: 'string' },
    quick: { type: 'boolean', default: false },
    families: { type: 'string' },
    'pg-families': { type: 'string' },
    requests: { type: 'string' },
    logins: { type: 'string' },
    'registry-families': { type: 'string' },
    'registry-pg-families': { type: 'string' },
    queries: { type: 'string' },
    kinds: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(USAGE + '\n');
  process.exit(0);
}

const scale = scaleName(values.scale, process.env.BENCH_SCALE || undefined, values.quick);
const sizes = SCALES[scale];
const options: BenchOptions = {
  families: count(values.families, process.env.BENCH_FAMILIES, sizes.families),
  pgFamilies: count(values['pg-families'], process.env.BENCH_PG_FAMILIES, sizes.pgFamilies),
  requests: count(values.requests, process.env.BENCH_REQUESTS, sizes.requests),
  logins: count(values.logins, process.env.BENCH_LOGINS, sizes.logins),
  registryFamilies: count(values['registry-families'], process.env.BENCH_REGISTRY_FAMILIES, sizes.registryFamilies),
  registryPgFamilies: count(values['registry-pg-families'], process.env.BENCH_REGISTRY_PG_FAMILIES, sizes.registryPgFamilies),
  queries: count(values.queries, process.env.BENCH_QUERIES, sizes.queries),
  databaseUrl: process.env.DATABASE_URL || undefined,
  kinds: databaseKinds(values.kinds ?? process.env.BENCH_KINDS, Boolean(process.env.DATABASE_URL)),
};
const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only?.filter((name) => !BENCHMARKS.some((b) => b.name === name)) ?? [];
if (unknown.length) {
  process.stderr.write(`unknown benchmark: ${unknown.join(', ')}\n\n${USAGE}\n`);
  process.exit(2);
}
const selected = BENCHMARKS.filter((b) => !only || only.includes(b.name));
const machine = machineFacts(await postgresVersion(options.databaseUrl));
process.stderr.write(`Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; scale ${scale}\n`);
if (!options.databaseUrl) process.stderr.write('DATABASE_URL not set: PostgreSQL measurements are skipped.\n');

let failed = false;
for (const benchmark of selected) {
  process.stderr.write(`\n== ${benchmark.name}: ${benchmark.title}\n`);
  try {
    const outcome = await benchmark.run(options);
    const file = writeResult({ name: benchmark.name, title: benchmark.title, date: new Date().toISOString(), machine, ...outcome });
    process.stderr.write(`${JSON.stringify(outcome.measurements)}\nratios ${JSON.stringify(outcome.ratios)}\n→ ${file}\n`);
  } catch (error) {
    failed = true;
    process.stderr.write(`benchmark ${benchmark.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
}
process.stderr.write(`\nSummary → ${writeSummary()}\n`);
process.exitCode = failed ? 1 : 0;
