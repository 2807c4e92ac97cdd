import { Command } from 'commander';
import { APP_VERSION } from '../config.ts';
import { registerAgencies } from './commands/agencies.ts';
import { registerBackup } from './commands/backup.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerSeed } from './commands/seed.ts';
import { registerUsers } from './commands/users.ts';
import { registerImportCommand } from '../modules/registry/import/cli.ts';
import { describeError, note } from './output.ts';

const program = new Command('sinergi')
  .description(
    'Sinergi — alat baris perintah untuk pengelola instalasi\nSinergi — command-line tool for the people who run an installation',
  )
  .version(APP_VERSION, '-V, --version', 'tampilkan versi / show the version')
  .helpOption('-h, --help', 'tampilkan bantuan / show help')
  .helpCommand('help [command]', 'bantuan untuk satu perintah / help for one command')
  .showHelpAfterError('(lihat / see --help)')
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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  for (const line of describeError(error, process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace')) note(line);
  process.exitCode = 1;
}
