import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../db/database.ts';
import { verifyPassword } from '../modules/auth/password.ts';
import { withOutput } from './output.ts';
import { runCli } from './program.ts';
import { openTestDatabase, testDatabaseKinds } from '../../test/db.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const MAIN = path.join(ROOT, 'packages/server/src/cli/main.ts');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as an administrator runs it: a separate process, configured through the environment. */
function spawnCli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(TSX, [MAIN, ...args], { env, cwd: ROOT, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The same commands in this process (a process start costs seconds): environment swapped in, output captured. */
async function cli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  const saved = { ...process.env };
  const run: CliRun = { code: 0, stdout: '', stderr: '' };
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
  try {
    run.code = await withOutput({ out: (text) => (run.stdout += text), err: (text) => (run.stderr += text) }, () => runCli(args));
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
  return run;
}

function expectCleanFailure(run: CliRun, id: RegExp, en: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(id);
  expect(run.stderr).toMatch(en);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

it('runs as its own process: help in Indonesian and English, exit code 1 and no stack trace on an expected error', async () => {
  const help = await spawnCli(process.env, '--help');
  expect(help.code).toBe(0);
  for (const command of ['migrate', 'seed', 'import', 'agencies', 'users', 'backup', 'restore']) expect(help.stdout).toContain(command);
  expect(help.stdout).toMatch(/tampilkan bantuan \/ show help/);
  const env = { ...process.env, DATA_DIR: path.join(os.tmpdir(), 'sinergi-cli-missing'), DATABASE_URL: 'postgres://nobody:wrong@127.0.0.1:1/none' };
  expectCleanFailure(await spawnCli(env, 'users', 'list'), /Tidak dapat terhubung ke basis data/, /cannot connect to the database/);
});

it('lists every users subcommand', async () => {
  const users = await cli(process.env, 'users', '--help');
  expect(users.code).toBe(0);
  for (const command of ['create', 'disable', 'enable', 'reset', 'list']) expect(users.stdout).toContain(command);
});

describe.each(testDatabaseKinds)('the CLI on %s', (kind: DatabaseKind) => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-cli-test-'));
  let env: NodeJS.ProcessEnv;
  let postgres: DatabaseHandle | undefined;

  /** Runs `check` on the CLI's database; the embedded one is opened only between commands, as PGlite allows one process. */
  async function inDatabase<T>(check: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
    if (postgres) return check(postgres);
    const handle = await openDatabase({ kind: 'embedded', dataDir: path.join(workDir, 'pglite') });
    try {
      return await check(handle);
    } finally {
      await handle.close();
    }
  }

  beforeAll(async () => {
    env = { ...process.env, DATA_DIR: workDir, LOG_LEVEL: 'warn', DEMO_DATA: 'false' };
    delete env.DATABASE_URL;
    if (kind === 'postgres') {
      postgres = await openTestDatabase('postgres');
      env.DATABASE_URL = postgres.url;
    }
  });
  afterAll(async () => {
    await postgres?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('migrates, seeds demo data and reports both', async () => {
    const migrated = await cli(env, 'migrate');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/schema up to date: \d+ migrasi/);
    const seeded = await cli(env, 'seed', '--families', '40', '--seed', '7');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/40 keluarga \/ families/);
    const counts = await inDatabase(async ({ db }) => ({
      families: (await db.selectFrom('family').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      agencies: (await db.selectFrom('agency').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    }));
    expect(Number(counts.families)).toBe(40);
    expect(Number(counts.agencies)).toBeGreaterThan(0);
    expectCleanFailure(await cli(env, 'seed', '--families', '5'), /Registri sudah berisi 40 keluarga/, /already holds 40 families/);
  });

  it('creates an account with a generated password, disables, enables and resets it', async () => {
    const created = await cli(env, 'users', 'create', '--username', 'budi.cli', '--name', 'Budi Santoso', '--role', 'operator', '--agency', 'dinsos');
    expect(created.code).toBe(0);
    const password = /temporary password: (\S+)/.exec(created.stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);
    const stored = await inDatabase(({ db }) =>
      db.selectFrom('app_user').select(['password_hash', 'must_change_password']).where('username', '=', 'budi.cli').executeTakeFirstOrThrow(),
    );
    expect(await verifyPassword(stored.password_hash, password)).toBe(true);
    expect(stored.must_change_password).toBe(true);

    expect((await cli(env, 'users', 'disable', 'budi.cli')).code).toBe(0);
    expect((await cli(env, 'users', 'list')).stdout).toMatch(/budi\.cli\s+Budi Santoso\s+operator\s+Dinsos\s+nonaktif\/disabled/);
    expect((await cli(env, 'users', 'enable', 'budi.cli')).code).toBe(0);
    const reset = await cli(env, 'users', 'reset', 'budi.cli', '--password', 'sebuah-sandi-baru');
    expect(reset.code).toBe(0);
    const after = await inDatabase(({ db }) =>
      db.selectFrom('app_user').select(['password_hash', 'disabled_at']).where('username', '=', 'budi.cli').executeTakeFirstOrThrow(),
    );
    expect(after.disabled_at).toBeNull();
    expect(await verifyPassword(after.password_hash, 'sebuah-sandi-baru')).toBe(true);
  });

  it('refuses bad input with a message in both languages and no stack trace', async () => {
    expectCleanFailure(
      await cli(env, 'users', 'create', '--username', 'x.y', '--name', 'X Y', '--role', 'operator', '--agency', 'nope'),
      /Dinas \(OPD\) "nope" tidak dikenal/,
      /Unknown agency "nope"/,
    );
    expectCleanFailure(
      await cli(env, 'users', 'create', '--username', 'x.y', '--name', 'X Y', '--role', 'operator', '--agency', 'Dinsos', '--password', 'pendek'),
      /Kata sandi minimal 10 karakter/,
      /at least 10 characters/,
    );
    expectCleanFailure(await cli(env, 'users', 'reset', 'tidak.ada'), /tidak ditemukan/, /not found/);
    expectCleanFailure(await cli(env, 'seed', '--families', '1', '--region', '36.01'), /di luar wilayah instalasi/, /outside this installation/);
    const badRole = await cli(env, 'users', 'create', '--username', 'x.y', '--name', 'X Y', '--role', 'raja', '--agency', 'Dinsos');
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/raja/);
  });

  it('backs up and restores only with confirmation', async () => {
    const file = path.join(workDir, 'backups', 'sinergi.sql.gz');
    const backup = await cli(env, 'backup', file);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(file);
    const later = await cli(env, 'users', 'create', '--username', 'sesudah.cadangan', '--name', 'Dibuat Sesudah', '--role', 'pimpinan', '--agency', 'Bappeda');
    expect(later.code).toBe(0);
    expectCleanFailure(await cli(env, 'restore', file), /MENGGANTI SELURUH/, /REPLACES ALL/);
    const restored = await cli(env, 'restore', file, '--yes');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/family\s+40/);
    const users = await inDatabase(({ db }) => db.selectFrom('app_user').select('username').where('username', 'in', ['admin', 'sesudah.cadangan']).execute());
    expect(users).toEqual([{ username: 'admin' }]);
  });
});
