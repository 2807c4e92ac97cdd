import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { loadRegions } from './modules/regions/load.ts';
import { seedIfEmpty } from './modules/seed/seed-if-empty.ts';
import type { ProgressBar, ProgressReporter } from './progress.ts';

/** Brings a database to a usable state: schema, region tree, and (when enabled and empty) demo data. */
export async function prepareDatabase(handle: DatabaseHandle, config: Config, progress: ProgressReporter): Promise<void> {
  const applied = await migrate(handle);
  if (applied.length) progress.log(`Migrasi diterapkan / migrations applied: ${applied.join(', ')}`);
  // The bar appears only when the tree is actually loaded, not on every start.
  let regionBar: ProgressBar | undefined;
  const loaded = await loadRegions(handle, (done, total) => (regionBar ??= progress.start('Wilayah / regions', total)).update(done, total));
  regionBar?.stop();
  if (loaded) progress.log(`Wilayah Kemendagri dimuat / regions loaded: ${loaded}`);
  if (config.demoData) await seedIfEmpty(handle, config, progress);
}
