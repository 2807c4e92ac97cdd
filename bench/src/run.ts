import { parseArgs } from 'node:util';
import { BENCHMARKS } from './benchmarks/index.ts';
import { postgresVersion } from './databases.ts';
import { machineFacts } from './machine.ts';
import { writeResult, writeSummary } from './results.ts';
import type { BenchOptions } from './types.ts';

const USAGE = `npm run bench -- [--only name,name] [--quick] [--families N] [--pg-families N] [--requests N] [--logins N]
                 [--registry-families N] [--registry-pg-families N] [--queries N]

Benchmarks: ${BENCHMARKS.map((b) => `${b.name} (${b.title})`).join('; ')}
PostgreSQL is measured too when DATABASE_URL is set (scratch databases are created and dropped there).
Environment: BENCH_FAMILIES, BENCH_PG_FAMILIES, BENCH_REQUESTS, BENCH_LOGINS, BENCH_REGISTRY_FAMILIES, BENCH_REGISTRY_PG_FAMILIES,
BENCH_QUERIES set the same sizes.
Results: bench/results/<name>.json and bench/results/SUMMARY.md`;

const FULL = { families: 100_000, pgFamilies: 200_000, requests: 2_000, logins: 100, registryFamilies: 100_000, registryPgFamilies: 1_000_000, queries: 300 };
const QUICK = { families: 5_000, pgFamilies: 10_000, requests: 300, logins: 20, registryFamilies: 5_000, registryPgFamilies: 20_000, queries: 60 };

function count(flag: string | undefined, env: string | undefined, fallback: number): number {
  const raw = flag ?? env;
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`not a positive whole number: ${raw}`);
  return n;
}

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    families: { type: 'string' },
    'pg-families': { type: 'string' },
    requests: { type: 'string' },
    logins: { type: 'string' },
    'registry-families': { type: 'string' },
    'registry-pg-families': { type: 'string' },
    queries: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(USAGE + '\n');
  process.exit(0);
}

const sizes = values.quick ? QUICK : FULL;
const options: BenchOptions = {
  families: count(values.families, process.env.BENCH_FAMILIES, sizes.families),
  pgFamilies: count(values['pg-families'], process.env.BENCH_PG_FAMILIES, sizes.pgFamilies),
  requests: count(values.requests, process.env.BENCH_REQUESTS, sizes.requests),
  logins: count(values.logins, process.env.BENCH_LOGINS, sizes.logins),
  registryFamilies: count(values['registry-families'], process.env.BENCH_REGISTRY_FAMILIES, sizes.registryFamilies),
  registryPgFamilies: count(values['registry-pg-families'], process.env.BENCH_REGISTRY_PG_FAMILIES, sizes.registryPgFamilies),
  queries: count(values.queries, process.env.BENCH_QUERIES, sizes.queries),
  databaseUrl: process.env.DATABASE_URL || undefined,
};
const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only?.filter((name) => !BENCHMARKS.some((b) => b.name === name)) ?? [];
if (unknown.length) {
  process.stderr.write(`unknown benchmark: ${unknown.join(', ')}\n\n${USAGE}\n`);
  process.exit(2);
}
const selected = BENCHMARKS.filter((b) => !only || only.includes(b.name));
const machine = machineFacts(await postgresVersion(options.databaseUrl));
process.stderr.write(`Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}\n`);
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
