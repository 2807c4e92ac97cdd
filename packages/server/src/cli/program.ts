import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../config.ts';
import { registerImportCommand } from '../modules/registry/import/cli.ts';
import { registerAgencies } from './commands/agencies.ts';
import { registerBackup } from './commands/backup.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerSeed } from './commands/seed.ts';
import { registerUsers } from './commands/users.ts';
import { describeError, note, writeErr, writeOut } from './output.ts';

/** The `sinergi` command with every subcommand; settings made here are inherited by the subcommands. */
export function buildProgram(): Command {
  const program = new Command('sinergi')
    .description(
      'Sinergi — alat baris perintah untuk pengelola instalasi\nSinergi — command-line tool for the people who run an installation',
    )
    .version(APP_VERSION, '-V, --version', 'tampilkan versi / show the version')
    .helpOption('-h, --help', 'tampilkan bantuan / show help')
    .helpCommand('help [command]', 'bantuan untuk satu perintah / help for one command')
    .showHelpAfterError('(lihat / see --help)')
    .configureOutput({ writeOut, writeErr })
    .exitOverride()
    .addHelpText(
      'after',
      '\nBasis data dari DATABASE_URL (PostgreSQL) atau DATA_DIR (tertanam, bawaan ./data); lihat README.\n' +
        'The database comes from DATABASE_URL (PostgreSQL) or DATA_DIR (embedded, default ./data); see the README.',
    );
  registerMigrate(program);
  registerSeed(program);
  registerImportCommand(program);
  registerAgencies(program);
  registerUsers(program);
  registerBackup(program);
  return program;
}

/** Runs one invocation (`args` without node and script) and returns its exit code; expected errors never show a stack. */
export async function runCli(args: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    // Commander has already printed its own message (bad option, help, version).
    if (error instanceof CommanderError) return error.exitCode;
    for (const line of describeError(error, process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace')) note(line);
    return 1;
  }
}
