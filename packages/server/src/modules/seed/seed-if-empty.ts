import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import type { ProgressReporter } from '../../progress.ts';
import { DEMO_STEPS } from './demo-steps.ts';
import { countAgencies, countFamilies, readSeedState } from './queries.ts';
import { seedDemo } from './seed-demo.ts';
import { seedOrganisations } from './seed-organisations.ts';

/**
 * Seeds demo data when the database holds no agency yet: `config.demoFamilies` families of the jurisdiction, then the six
 * agencies, partner organisations and demo users (agencies last, so an interrupted run is simply redone), then each feature's demo step (demo-steps.ts).
 */
export async function seedIfEmpty(handle: DatabaseHandle, config: Config, progress: ProgressReporter): Promise<void> {
  if ((await countAgencies(handle.db)) > 0) return;
  if (config.demoFamilies > 0) {
    if ((await countFamilies(handle.db)) === 0 || (await readSeedState(handle.db))?.state === 'running') {
      const result = await seedDemo(handle, { families: config.demoFamilies, regionCode: config.jurisdiction, seed: config.demoSeed }, progress);
      progress.log(
        `Data contoh / demo data: ${result.families} keluarga / families, ${result.members} anggota / members, ${result.villages} desa / villages (${result.seconds.toFixed(1)} s)`,
      );
    } else {
      progress.log('Registri sudah berisi data; data contoh keluarga dilewati / the registry already holds families; demo families skipped');
    }
  }
  const organisations = await seedOrganisations(handle.db, config.jurisdiction);
  progress.log(`Data contoh / demo: ${organisations.agencies} OPD / agencies, ${organisations.partners} mitra / partners, ${organisations.users} pengguna / users`);
  for (const step of DEMO_STEPS) await step.run(handle, progress, { jurisdiction: config.jurisdiction, uploadDir: config.uploadDir });
}
