import type { Command } from 'commander';
import { sql } from 'kysely';
import { formatCount } from '../options.ts';
import { print } from '../output.ts';
import { withDatabase } from '../run.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .summary('terapkan migrasi, muat wilayah / apply migrations, load regions')
    .description('Terapkan migrasi skema dan muat pohon wilayah Kemendagri\nApply schema migrations and load the Kemendagri region tree')
    .action(() =>
      withDatabase(async ({ database }) => {
        const state = await sql<{ migrations: number; regions: number }>`
          SELECT (SELECT count(*)::int FROM schema_migration) AS migrations, (SELECT count(*)::int FROM region) AS regions`.execute(database.db);
        const row = state.rows[0];
        print(`Skema terbaru / schema up to date: ${row?.migrations ?? 0} migrasi / migrations, ${formatCount(row?.regions ?? 0)} wilayah / regions.`);
      }),
    );
}
