import { errorMessage } from '@sinergi/domain';
import { ZodError } from 'zod';
import { AppError } from '../http/errors.ts';

export interface OutputSink {
  out(text: string): void;
  err(text: string): void;
}

const terminal: OutputSink = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
let sink = terminal;

/** Sends the CLI's output to `target` while `work` runs (tests run commands in-process); progress bars stay silent then. */
export async function withOutput<T>(target: OutputSink, work: () => Promise<T>): Promise<T> {
  const before = sink;
  sink = target;
  try {
    return await work();
  } finally {
    sink = before;
  }
}

export function isTerminalOutput(): boolean {
  return sink === terminal;
}

export const writeOut = (text: string): void => sink.out(text);
export const writeErr = (text: string): void => sink.err(text);

/** Results go to standard output, so that they can be piped; progress and notes go to standard error. */
export function print(line = ''): void {
  writeOut(line + '\n');
}

export function note(line: string): void {
  writeErr(line + '\n');
}

/** An expected failure with a message prepared in both languages. */
export class CliError extends Error {
  constructor(
    readonly id: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const CONNECTION_CODES: Record<string, string> = {
  ECONNREFUSED: 'server tidak menjawab / the server does not answer',
  ENOTFOUND: 'nama host tidak dikenal / unknown host name',
  ETIMEDOUT: 'waktu habis / timed out',
  '28P01': 'kata sandi salah / wrong password',
  '28000': 'akses ditolak / access denied',
  '3D000': 'basis data tidak ada / the database does not exist',
};

/** Turns any error into the lines to print; expected errors never show a stack trace. */
export function describeError(error: unknown, verbose: boolean): string[] {
  if (error instanceof CliError) return [`Kesalahan: ${error.id}`, `Error: ${error.en}`];
  if (error instanceof AppError) {
    const lines = [`Kesalahan: ${errorMessage(error.code, 'id', error.params)}`, `Error: ${errorMessage(error.code, 'en', error.params)}`];
    return [...lines, ...detailLines(error.details)];
  }
  if (error instanceof ZodError) {
    return ['Kesalahan: data tidak valid / Error: invalid input', ...error.issues.map((i) => `  ${i.path.join('.') || '-'}: ${i.message}`)];
  }
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  const connection = CONNECTION_CODES[code];
  if (connection) return [`Tidak dapat terhubung ke basis data / cannot connect to the database: ${connection}`, `  ${message}`];
  if (message.startsWith('Konfigurasi tidak valid')) return [message];
  const lines = [`Kesalahan tak terduga / unexpected error: ${message}`];
  if (verbose && error instanceof Error && error.stack) lines.push(error.stack);
  else lines.push('  (jalankan dengan LOG_LEVEL=debug untuk rincian / run with LOG_LEVEL=debug for details)');
  return lines;
}

function detailLines(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.map((d: unknown) => {
    if (typeof d === 'object' && d !== null && 'message' in d) {
      const where = 'path' in d && typeof d.path === 'string' && d.path ? `${d.path}: ` : '';
      return `  ${where}${String(d.message)}`;
    }
    return `  ${JSON.stringify(d)}`;
  });
}
