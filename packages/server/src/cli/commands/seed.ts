import type { Command } from 'commander';
import { AppError } from '../../http/errors.ts';
import { countAgencies } from '../../modules/seed/queries.ts';
import { seedDemo } from '../../modules/seed/seed-demo.ts';
import { seedOrganisations } from '../../modules/seed/seed-organisations.ts';
import { formatCount, integer, wholeNumber } from '../options.ts';
import { print } from '../output.ts';
import { withDatabase } from '../run.ts';

interface SeedOptions {
  families?: number;
  region?: string;
  seed?: number;
  append?: boolean;
}

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .summary('buat data contoh / generate demo data')
    .description('Buat data contoh: keluarga dan anggota sintetis, sama untuk benih yang sama; di instalasi baru juga OPD, mitra dan akun demo\n' +
        'Generate demo data: synthetic families and members, identical for the same seed; on a new installation also agencies, partners and demo accounts')
    .option('--families <n>', 'jumlah keluarga / number of families (bawaan / default: DEMO_FAMILIES)', wholeNumber)
    .option('--region <code>', 'kode wilayah penerima / region code receiving them (bawaan / default: JURISDICTION)')
    .option('--seed <n>', 'benih acak / random seed (bawaan / default: DEMO_SEED)', integer)
    .option('--append', 'tambahkan ke registri yang sudah berisi / add to a registry that already holds families')
    .addHelpText('after', '\nContoh / example:\n  npm run cli -- seed --families 100000 --region 35.07 --seed 2026')
    .action((options: SeedOptions) =>
      withDatabase(async ({ config, database, progress }) => {
        const regionCode = options.region ?? config.jurisdiction;
        if (regionCode !== config.jurisdiction && !regionCode.startsWith(config.jurisdiction + '.')) {
          throw new AppError('outside_jurisdiction', { jurisdiction: config.jurisdiction });
        }
        const result = await seedDemo(
          database,
          { families: options.families ?? config.demoFamilies, regionCode, seed: options.seed ?? config.demoSeed, append: options.append ?? false },
          progress,
        );
        // A fresh installation also gets the demo agencies, partners and one user per role, after the families as at start-up.
        if ((await countAgencies(database.db)) === 0) {
          const organisations = await seedOrganisations(database.db, config.jurisdiction);
          print(`Data contoh / demo: ${organisations.agencies} OPD / agencies, ${organisations.partners} mitra / partners, ${organisations.users} pengguna / users`);
        }
        const rate = result.seconds > 0 ? Math.round(result.families / result.seconds) : result.families;
        print(
          `Selesai / done: ${formatCount(result.families)} keluarga / families, ${formatCount(result.members)} anggota / members ` +
            `di / in ${formatCount(result.villages)} desa / villages, ${result.seconds.toFixed(1)} s (${formatCount(rate)} keluarga/s / families/s).`,
        );
      }),
    );
}
