import fs from 'node:fs';
import path from 'node:path';
import type { FamilyListItem, Page } from '@sinergi/domain';
import { sql } from 'kysely';
import { startServer } from '../../../e2e/src/server.ts';
import type { DatabaseKind } from '../../../packages/server/src/db/database.ts';
import { seedDemo } from '../../../packages/server/src/modules/seed/seed-demo.ts';
import { createUser } from '../../../packages/server/src/modules/users/service.ts';
import { BENCH_TMP } from '../databases.ts';
import { withEarlierKinds } from '../results.ts';
import { round, summarize, type LatencySummary } from '../stats.ts';
import type { Benchmark, BenchOptions, BenchOutcome } from '../types.ts';
import { ApiSession } from './api-client.ts';
import { benchDatabase, loadAverage } from './import-run.ts';
import { searchCases, type SearchCases } from './search-cases.ts';

const SEED = 2026;
const USERNAME = 'bench.operator';
const PASSWORD = 'Bench-Search-2026!';
const WARMUP = 40;

type CaseKind = keyof SearchCases;
const KINDS: { kind: CaseKind; label: string; targetP95Ms: number | null }[] = [
  { kind: 'nik', label: 'NIK lookup', targetP95Ms: 20 },
  { kind: 'noKk', label: 'No KK lookup', targetP95Ms: 20 },
  { kind: 'name', label: 'name, misspelt', targetP95Ms: 100 },
  { kind: 'nameInKecamatan', label: 'name, misspelt, in a kecamatan', targetP95Ms: 100 },
  { kind: 'filtered', label: 'kecamatan + desil + business status', targetP95Ms: 100 },
];

interface KindRun {
  latency: LatencySummary;
  /** Answers whose total was capped ("more than"). */
  capped: number;
  /** NIK / No KK lookups that found no family (should be 0; a NIK may equal another family's No KK, so two is fine). */
  misses: number;
}

interface SearchRun {
  kind: DatabaseKind;
  families: number;
  members: number;
  names: number;
  seedSeconds: number;
  health: LatencySummary;
  kinds: Partial<Record<CaseKind, KindRun>>;
  load: { before: number; after: number };
}

async function prepare(kind: DatabaseKind, families: number, adminUrl: string | undefined, dir: string, queries: number) {
  const database = await benchDatabase(kind, adminUrl, path.join(dir, 'pglite'));
  const handle = await database.open();
  let prepared = false;
  try {
    const seeded = await seedDemo(handle, { families, regionCode: '35.07', seed: SEED, referenceDate: '2026-01-01' });
    // What autovacuum does on a live installation: the statistics and visibility map of freshly loaded tables.
    for (const table of ['family', 'member', 'registry_name', 'family_membership']) await handle.exec(`VACUUM ANALYZE ${table}`);
    const agency = await handle.db.insertInto('agency').values({ name: 'Dinas Sosial (uji beban)', short_name: 'dinsos-bench', kind: 'dinsos' }).returning('id').executeTakeFirstOrThrow();
    await createUser(handle.db, { username: USERNAME, fullName: 'Operator Uji Beban', role: 'operator', agencyId: agency.id, password: PASSWORD }, { mustChangePassword: false });
    const names = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry_name`.execute(handle.db)).rows[0]?.n ?? 0;
    const cases = await searchCases(handle.db, queries, SEED);
    prepared = true;
    return { database, seeded, names, cases };
  } finally {
    await handle.close();
    if (!prepared) await database.drop();
  }
}

async function timeAll(session: ApiSession, paths: string[], mustFind: boolean): Promise<KindRun> {
  const durations: number[] = [];
  let capped = 0;
  let misses = 0;
  for (const p of paths) {
    const res = await session.get(p);
    if (res.status !== 200) throw new Error(`${p} answered ${String(res.status)}: ${res.body.slice(0, 300)}`);
    durations.push(res.ms);
    const page = JSON.parse(res.body) as Page<FamilyListItem>;
    if (page.totalCapped) capped++;
    if (mustFind && page.total < 1) misses++;
  }
  return { latency: summarize(durations), capped, misses };
}

async function measure(kind: DatabaseKind, families: number, adminUrl: string | undefined, queries: number): Promise<SearchRun> {
  const dir = fs.mkdtempSync(path.join(BENCH_TMP, `registry-search-${kind}-`));
  const started = performance.now();
  const { database, seeded, names, cases } = await prepare(kind, families, adminUrl, dir, queries);
  const seedSeconds = (performance.now() - started) / 1000;
  try {
    const env: Record<string, string> = { DEMO_DATA: 'false', LOG_LEVEL: 'warn', DATA_DIR: dir, ...(database.url ? { DATABASE_URL: database.url } : {}) };
    const server = await startServer({ env, startTimeoutMs: 900_000 });
    const session = new ApiSession(server.address);
    try {
      await session.login(USERNAME, PASSWORD);
      const all = KINDS.flatMap(({ kind: k }) => cases[k]);
      for (let i = 0; i < WARMUP; i++) await session.get(all[(i * 7) % all.length]!);
      const before = loadAverage();
      const health = await timeAll(session, Array.from({ length: 100 }, () => '/api/health'), false);
      const kinds: SearchRun['kinds'] = {};
      for (const { kind: k } of KINDS) kinds[k] = await timeAll(session, cases[k], k === 'nik' || k === 'noKk');
      return { kind, families: seeded.families, members: seeded.members, names, seedSeconds, health: health.latency, kinds, load: { before, after: loadAverage() } };
    } finally {
      session.close();
      await server.stop();
    }
  } finally {
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const registrySearchBenchmark: Benchmark = {
  name: 'registry-search',
  title: 'Registry search latency over HTTP: NIK, No KK, misspelt names, filtered lists',
  async run(options: BenchOptions): Promise<BenchOutcome> {
    fs.mkdirSync(BENCH_TMP, { recursive: true });
    const runs: SearchRun[] = [];
    if (options.kinds.includes('embedded')) runs.push(await measure('embedded', options.registryFamilies, undefined, options.queries));
    if (options.kinds.includes('postgres')) runs.push(await measure('postgres', options.registryPgFamilies, options.databaseUrl, options.queries));
    const measurements: BenchOutcome['measurements'] = {};
    const ratios: BenchOutcome['ratios'] = {};
    const rows: (string | number)[][] = [];
    for (const run of runs) {
      const k = run.kind;
      Object.assign(measurements, {
        [`${k}_families`]: run.families,
        [`${k}_members`]: run.members,
        [`${k}_distinct_names`]: run.names,
        [`${k}_seed_seconds`]: round(run.seedSeconds, 1),
        [`${k}_health_p50_ms`]: round(run.health.p50, 2),
        [`${k}_load_average_before`]: run.load.before,
        [`${k}_load_average_after`]: run.load.after,
      });
      rows.push([k, 'GET /api/health (floor)', run.families.toLocaleString('en'), round(run.health.p50, 1), round(run.health.p95, 1), round(run.health.p99, 1), '', '']);
      for (const { kind: c, label, targetP95Ms } of KINDS) {
        const r = run.kinds[c];
        if (!r) continue;
        measurements[`${k}_${c}_p50_ms`] = round(r.latency.p50, 2);
        measurements[`${k}_${c}_p95_ms`] = round(r.latency.p95, 2);
        measurements[`${k}_${c}_p99_ms`] = round(r.latency.p99, 2);
        measurements[`${k}_${c}_capped`] = r.capped;
        if (c === 'nik' || c === 'noKk') measurements[`${k}_${c}_misses`] = r.misses;
        if (targetP95Ms) ratios[`${k}_${c}_p95_vs_target`] = round(r.latency.p95 / targetP95Ms, 2);
        rows.push([
          k,
          label,
          run.families.toLocaleString('en'),
          round(r.latency.p50, 1),
          round(r.latency.p95, 1),
          round(r.latency.p99, 1),
          targetP95Ms ? `< ${String(targetP95Ms)}` : '',
          `${String(r.capped)}/${String(r.latency.count)}`,
        ]);
      }
    }
    return withEarlierKinds('registry-search', {
      parameters: {
        ...(options.kinds.includes('embedded') ? { embeddedFamilies: options.registryFamilies } : {}),
        ...(options.kinds.includes('postgres') ? { postgresFamilies: options.registryPgFamilies } : {}),
        queriesPerKind: options.queries,
        warmup: WARMUP,
        seed: SEED,
      },
      measurements,
      ratios,
      table: { headers: ['database', 'query', 'families', 'p50 ms', 'p95 ms', 'p99 ms', 'target p95 ms', 'capped ("more than")'], rows },
      notes: [
        'Real server (packages/server/src/main.ts in its own process) on loopback, one signed-in operator (whole jurisdiction), sequential requests over one keep-alive connection: routing, session and permission check, the query, the audit row every search writes, JSON.',
        'Registry seeded with the demo generator (seedDemo), then VACUUM ANALYZE as autovacuum would do; queries drawn deterministically from it: NIK and No KK of sampled people and families, sampled names misspelt the way Indonesian names are (oe/u, dj/j, y/i, doubled or dropped letters, one word only, lower case), kecamatan + desil 1–3/4/5 + business status with now and then page 2–4.',
        'A name search looks at the best-matching distinct names (registry_name) and takes at most 2,000 families through heads and 2,000 through members; lists count up to 10,000. Past that the answer says totalCapped ("more than"), counted in the last column. The demo generator draws names from a small pool, so every name is very common here: the capped share is far higher than with real names.',
        'The machine is shared with other work while benchmarks run: the 1-minute load average before and after is recorded.',
      ],
    }, options.kinds);
  },
};
