import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_MAIN = path.join(ROOT, 'packages/server/src/main.ts');

export interface RunningServer {
  /** The address the server printed, e.g. http://127.0.0.1:41234 */
  address: string;
  dataDir: string;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  demoFamilies?: number;
  /** Extra environment, e.g. DATABASE_URL to run on PostgreSQL instead of the embedded database. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

/** A free TCP port on loopback; the tiny race until the server binds it is acceptable for tests. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Starts the real server (`packages/server/src/main.ts`, as `npm run serve` does) in a child process on a free
 * loopback port with its own temporary data directory, and waits until it prints its address and answers /api/health.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_DATA: 'true',
    DEMO_FAMILIES: String(options.demoFamilies ?? 300),
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  Object.assign(env, options.env);
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const stop = async () => {
    await terminate(child, exited);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const address = await waitForAddress(() => output, exited, options.startTimeoutMs ?? 240_000);
    await waitForHealth(address, exited);
    return { address, dataDir, output: () => output, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`, { cause: error });
  }
}

async function waitForAddress(output: () => string, exited: Promise<number | null>, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    const match = /is running at: (http:\/\/\S+)/.exec(output());
    if (match?.[1]) return match[1];
    if (exitCode !== undefined) throw new Error(`server exited with code ${String(exitCode)} before it was ready`);
    await sleep(200);
  }
  throw new Error(`server did not print its address within ${timeoutMs / 1000} s`);
}

async function waitForHealth(address: string, exited: Promise<number | null>): Promise<void> {
  let stopped = false;
  void exited.then(() => (stopped = true));
  for (let attempt = 0; attempt < 100 && !stopped; attempt++) {
    try {
      const response = await fetch(`${address}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('server never answered /api/health');
}

async function terminate(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
  if (!killed) {
    child.kill('SIGKILL');
    await exited;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
