import os from 'node:os';
import type { Command } from 'commander';
import { createBackup } from '../../modules/backup/backup.ts';
import { restoreBackup } from '../../modules/backup/restore.ts';
import { prepareDatabase } from '../../startup.ts';
import { formatCount } from '../options.ts';
import { print } from '../output.ts';
import { withDatabase } from '../run.ts';

/** The audit trail's "who" for work done at the server's console. */
function cliUser(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function registerBackup(program: Command): void {
  program
    .command('backup <file>')
    .summary('cadangkan ke satu berkas / back up to one file')
    .description(
      'Cadangkan seluruh basis data ke satu berkas SQL ter-gzip (bisa dipulihkan ke tertanam maupun PostgreSQL)\n' +
        'Back up the whole database to one gzip’d SQL file (restorable into embedded or PostgreSQL)',
    )
    .addHelpText(
      'after',
      '\nBerkas berisi data pribadi: simpan dengan aman. / The file holds personal data: keep it safe.\n' +
        'PostgreSQL memerlukan pg_dump (Debian: postgresql-client). / PostgreSQL needs pg_dump (Debian: postgresql-client).\n\n' +
        'Contoh / example:\n  npm run cli -- backup backups/sinergi-2026-01-31.sql.gz',
    )
    .action((file: string) =>
      withDatabase(
        async ({ config, database, progress }) => {
          const result = await createBackup(database, file, { appVersion: config.version, progress, requestedBy: cliUser() });
          print(`Cadangan selesai / backup written: ${result.file} (${megabytes(result.bytes)}, ${result.tables} tabel / tables)`);
        },
        { prepare: false },
      ),
    );

  program
    .command('restore <file>')
    .summary('pulihkan dari berkas, mengganti semua / restore from a file, replacing everything')
    .description(
      'Pulihkan basis data dari berkas cadangan: SELURUH isi basis data diganti\nRestore the database from a backup file: ALL of its content is replaced',
    )
    .option('--yes', 'setuju mengganti basis data yang sudah berisi data / agree to replace a database that holds data')
    .addHelpText(
      'after',
      '\nPemulihan berjalan dalam satu transaksi: bila gagal, basis data tidak berubah. Hentikan server dahulu.\n' +
        'The restore runs in one transaction: if it fails, the database is unchanged. Stop the server first.\n\n' +
        'Contoh / example (tertanam → PostgreSQL / embedded → PostgreSQL):\n' +
        '  DATABASE_URL=postgres://sinergi:…@localhost/sinergi npm run cli -- restore sinergi.sql.gz',
    )
    .action((file: string, options: { yes?: boolean }) =>
      withDatabase(
        async ({ config, database, progress }) => {
          const result = await restoreBackup(database, file, { replace: options.yes ?? false, progress, requestedBy: cliUser() });
          // A backup from an older version gets this version's migrations.
          await prepareDatabase(database, { ...config, demoData: false }, progress);
          const { header, rows } = result;
          print(`Pemulihan selesai / restore complete: cadangan / backup of ${header.createdAt} (${header.source}, Sinergi ${header.appVersion})`);
          for (const [table, count] of Object.entries(rows).filter(([, n]) => n > 0)) print(`  ${table.padEnd(24)} ${formatCount(count).padStart(12)}`);
        },
        { prepare: false },
      ),
    );
}
