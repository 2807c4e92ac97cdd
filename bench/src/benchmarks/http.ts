import { hashPassword, verifyPassword } from '../../../packages/server/src/modules/auth/password.ts';
import { DEMO_PASSWORD } from '../../../packages/server/src/modules/seed/demo-users.ts';
import { startServer, type RunningServer } from '../../../e2e/src/server.ts';
import { createPostgresDatabase } from '../databases.ts';
import { LoopbackClient, startBareServer, throughput, type TimedResponse } from '../http-client.ts';
import { elapsedMs, ratio, round, summarize, type LatencySummary } from '../stats.ts';
import type { Benchmark, BenchOptions, BenchOutcome } from '../types.ts';

const WARMUP = 100;
const CONNECTIONS = 8;
// The login route allows 20 attempts a minute per address; each batch comes from its own loopback address.
const LOGINS_PER_ADDRESS = 15;

/** Durations (ms) of the requests that answered 200, and how many did not. */
async function timed(count: number, send: (i: number) => Promise<TimedResponse>): Promise<{ durations: number[]; failures: number }> {
  const durations: number[] = [];
  let failures = 0;
  for (let i = 0; i < count; i++) {
    const res = await send(i);
    if (res.status === 200) durations.push(res.ms);
    else failures++;
  }
  return { durations, failures };
}

interface HealthRun {
  latency: LatencySummary;
  requestsPerSecond: number;
  body: string;
}

async function health(address: string, requests: number): Promise<HealthRun> {
  const client = new LoopbackClient(address);
  const first = await client.request('GET', '/api/health');
  await timed(WARMUP, () => client.request('GET', '/api/health'));
  const run = await timed(requests, () => client.request('GET', '/api/health'));
  client.close();
  if (run.failures) throw new Error(`${run.failures} health requests failed`);
  return { latency: summarize(run.durations), requestsPerSecond: await throughput(address, '/api/health', requests, CONNECTIONS), body: first.body };
}

async function logins(address: string, count: number): Promise<{ latency: LatencySummary; failures: number }> {
  const durations: number[] = [];
  let failures = 0;
  for (let batch = 0; batch * LOGINS_PER_ADDRESS < count; batch++) {
    const client = new LoopbackClient(address, `127.0.0.${String(2 + batch)}`);
    const size = Math.min(LOGINS_PER_ADDRESS, count - batch * LOGINS_PER_ADDRESS);
    const run = await timed(size, () => client.request('POST', '/api/auth/login', { username: 'operator.dinsos', password: DEMO_PASSWORD }));
    client.close();
    durations.push(...run.durations);
    failures += run.failures;
  }
  return { latency: summarize(durations), failures };
}

/** argon2id verification alone, in this process: the floor under any login. */
async function argon2(count: number): Promise<LatencySummary> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    if (!(await verifyPassword(hash, DEMO_PASSWORD))) throw new Error('argon2 verify failed');
    durations.push(elapsedMs(started));
  }
  return summarize(durations);
}

interface ServerRun {
  kind: 'embedded' | 'postgres';
  health: HealthRun;
  login: { latency: LatencySummary; failures: number };
}

async function measureServer(kind: ServerRun['kind'], options: BenchOptions): Promise<ServerRun> {
  const scratch = kind === 'postgres' && options.databaseUrl ? await createPostgresDatabase(options.databaseUrl) : null;
  let server: RunningServer | undefined;
  try {
    // LOG_LEVEL=info as in production: every request is logged.
    server = await startServer({ demoFamilies: 1000, env: { LOG_LEVEL: 'info', ...(scratch ? { DATABASE_URL: scratch.url } : {}) } });
    process.stderr.write(`http: ${kind} server at ${server.address}\n`);
    return { kind, health: await health(server.address, options.requests), login: await logins(server.address, options.logins) };
  } finally {
    await server?.stop();
    await scratch?.drop();
  }
}

function ms(value: number): number {
  return round(value, 2);
}

export const httpBenchmark: Benchmark = {
  name: 'http',
  title: 'HTTP latency: GET /api/health and login',
  async run(options: BenchOptions): Promise<BenchOutcome> {
    const runs = [await measureServer('embedded', options)];
    if (options.databaseUrl) runs.push(await measureServer('postgres', options));
    const bare = await startBareServer(runs[0]!.health.body);
    let floor: HealthRun;
    try {
      floor = await health(bare.address, options.requests);
    } finally {
      bare.stop();
    }
    const hashing = await argon2(options.logins);

    const measurements: BenchOutcome['measurements'] = {
      bare_http_p50_ms: ms(floor.latency.p50),
      bare_http_p99_ms: ms(floor.latency.p99),
      bare_http_requests_per_s: Math.round(floor.requestsPerSecond),
      argon2_verify_p50_ms: ms(hashing.p50),
      argon2_verify_p99_ms: ms(hashing.p99),
    };
    const ratios: BenchOutcome['ratios'] = {};
    const rows: (string | number)[][] = [
      ['bare node:http (floor)', ms(floor.latency.p50), ms(floor.latency.p95), ms(floor.latency.p99), Math.round(floor.requestsPerSecond), '1×'],
      ['argon2id verify alone (floor)', ms(hashing.p50), ms(hashing.p95), ms(hashing.p99), '', '1×'],
    ];
    for (const run of runs) {
      const h = run.health.latency;
      const l = run.login.latency;
      Object.assign(measurements, {
        [`${run.kind}_health_p50_ms`]: ms(h.p50),
        [`${run.kind}_health_p95_ms`]: ms(h.p95),
        [`${run.kind}_health_p99_ms`]: ms(h.p99),
        [`${run.kind}_health_requests_per_s`]: Math.round(run.health.requestsPerSecond),
        [`${run.kind}_login_p50_ms`]: ms(l.p50),
        [`${run.kind}_login_p95_ms`]: ms(l.p95),
        [`${run.kind}_login_p99_ms`]: ms(l.p99),
        [`${run.kind}_login_failures`]: run.login.failures,
      });
      ratios[`${run.kind}_health_p50_vs_bare_http`] = ratio(h.p50, floor.latency.p50);
      ratios[`${run.kind}_health_throughput_bare_vs_app`] = ratio(floor.requestsPerSecond, run.health.requestsPerSecond);
      ratios[`${run.kind}_login_p50_vs_argon2_verify`] = ratio(l.p50, hashing.p50);
      rows.push(
        [`GET /api/health (${run.kind})`, ms(h.p50), ms(h.p95), ms(h.p99), Math.round(run.health.requestsPerSecond), `${String(ratios[`${run.kind}_health_p50_vs_bare_http`])}× bare p50`],
        [`POST /api/auth/login (${run.kind})`, ms(l.p50), ms(l.p95), ms(l.p99), '', `${String(ratios[`${run.kind}_login_p50_vs_argon2_verify`])}× argon2 p50`],
      );
    }
    return {
      parameters: { healthRequests: options.requests, warmup: WARMUP, throughputConnections: CONNECTIONS, logins: options.logins, serverDemoFamilies: 1000 },
      measurements,
      ratios,
      table: { headers: ['what', 'p50 ms', 'p95 ms', 'p99 ms', `req/s (${CONNECTIONS} connections)`, 'vs floor'], rows },
      notes: [
        'Real server (`packages/server/src/main.ts` in its own process, LOG_LEVEL=info) on loopback; latencies are sequential requests over one keep-alive connection.',
        'Login is dominated by argon2id (memory-hard by design); it also writes the session and audit rows. Logins rotate loopback source addresses to stay under the per-address rate limit.',
        `Login failures: ${runs.map((r) => `${r.kind} ${r.login.failures}`).join(', ')}.`,
      ],
    };
  },
};
