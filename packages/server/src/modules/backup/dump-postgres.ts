import { spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import { AppError } from '../../http/errors.ts';

export type WriteChunk = (chunk: string | Uint8Array) => Promise<void>;

/** Streams a plain-SQL pg_dump of the database into `write`; calls `onTable` as each table's data is dumped. */
export async function dumpPostgres(url: string, write: WriteChunk, onTable: (table: string) => void): Promise<void> {
  const { connection, password } = splitPassword(url);
  // The password goes through the environment, never the command line that other users can list.
  const env = password === undefined ? process.env : { ...process.env, PGPASSWORD: password };
  const child = spawn('pg_dump', ['--format=plain', '--no-owner', '--no-privileges', '--verbose', `--dbname=${connection}`], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  closed.catch(() => undefined);
  try {
    await once(child, 'spawn');
  } catch (error) {
    if (isMissingProgram(error)) throw new AppError('backup_tool_missing', { tool: 'pg_dump' });
    throw error;
  }

  const problems: string[] = [];
  const stderrDone = (async () => {
    for await (const line of readline.createInterface({ input: child.stderr, crlfDelay: Infinity })) {
      const table = /dumping contents of table "?([^"]+)"?/.exec(line);
      if (table?.[1]) onTable(table[1]);
      else if (/\b(error|fatal|failed)\b/i.test(line)) problems.push(line.replace(/^pg_dump:\s*/, '').trim());
    }
  })();
  try {
    for await (const chunk of child.stdout) await write(chunk as Buffer);
  } catch (error) {
    child.kill();
    throw error;
  }
  await stderrDone;
  const [code, signal] = await closed;
  if (code !== 0) {
    const reason = problems.join('; ') || `pg_dump ${signal ? `stopped by ${signal}` : `exit code ${String(code)}`}`;
    throw new AppError('backup_failed', { reason });
  }
}

function splitPassword(url: string): { connection: string; password: string | undefined } {
  const parsed = new URL(url);
  if (!parsed.password) return { connection: url, password: undefined };
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { connection: parsed.toString(), password };
}

function isMissingProgram(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
