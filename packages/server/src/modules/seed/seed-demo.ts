import { localIsoDate } from '@sinergi/domain';
import { AppError } from '../../http/errors.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { silentProgress, type ProgressReporter } from '../../progress.ts';
import { generateFamilies } from './generate-population.ts';
import { recordAudit } from '../audit/record.ts';
import { analyzeRegistry, countFamilies, deleteSeedFamilies, highestSerials, readSeedState, villagesUnder, writeSeedState } from './queries.ts';
import { addToBatch, emptyBatch, FAMILY_COLUMNS, MEMBER_COLUMNS, MEMBERSHIP_COLUMNS, SEED_DATA_SOURCE, type CopyBatch } from './rows.ts';
import { planVillages } from './village-plan.ts';

export interface SeedDemoOptions {
  /** How many families to generate (each with its members). */
  families: number;
  /** Province, regency, kecamatan or village code whose villages receive the families, e.g. '35.07'. */
  regionCode: string;
  /** Random seed: the same seed, region and reference date always give the same population. */
  seed: number;
  /** Add to a registry that already holds families (benchmarks); without it a non-empty registry is refused. */
  append?: boolean;
  /** 'YYYY-MM-DD' the ages and data date refer to; today (server time zone) when omitted. */
  referenceDate?: string;
}

export interface SeedDemoResult {
  families: number;
  members: number;
  villages: number;
  seconds: number;
}

// Large enough for efficient COPY, small enough to keep memory flat whatever the family count.
const BATCH_FAMILIES = 5_000;

/**
 * Generates a synthetic, deterministic population into the registry with COPY, in streaming batches.
 * Throws AppError 'seed_registry_not_empty' on a non-empty registry unless `append`, 'unknown_region' when the region has no villages.
 */
export async function seedDemo(handle: DatabaseHandle, options: SeedDemoOptions, progress: ProgressReporter = silentProgress): Promise<SeedDemoResult> {
  if (!Number.isInteger(options.families) || options.families < 0) throw new RangeError(`families must be a whole number ≥ 0: ${options.families}`);
  const started = performance.now();
  const previous = await readSeedState(handle.db);
  if (previous?.state === 'running' && !options.append) {
    progress.log('Data contoh sebelumnya terputus; sisa datanya dihapus / removing the rows of an interrupted demo seed');
    await deleteSeedFamilies(handle.db, SEED_DATA_SOURCE);
  }
  const existing = await countFamilies(handle.db);
  if (existing > 0 && !options.append) throw new AppError('seed_registry_not_empty', { families: existing });
  const villages = await villagesUnder(handle.db, options.regionCode);
  if (villages.length === 0) throw new AppError('unknown_region', { code: options.regionCode });
  const serials = existing > 0 ? await highestSerials(handle.db) : { nik: 0, kk: 0 };
  const plan = planVillages(villages, options.seed);
  const referenceDate = options.referenceDate ?? localIsoDate(new Date());
  const state = { families: options.families, regionCode: options.regionCode, seed: options.seed };
  await writeSeedState(handle.db, { ...state, state: 'running', at: new Date().toISOString() });

  const bar = progress.start('Data contoh / demo data', options.families);
  let families = 0;
  let members = 0;
  let batch = emptyBatch();
  const flush = async (full: CopyBatch) => {
    await handle.copyFrom('family', FAMILY_COLUMNS, full.families);
    await handle.copyFrom('member', MEMBER_COLUMNS, full.members);
    await handle.copyFrom('family_membership', MEMBERSHIP_COLUMNS, full.memberships);
    families += full.families.length;
    members += full.members.length;
    bar.update(families);
  };
  try {
    const generated = generateFamilies(options.families, { plan, seed: options.seed, referenceDate, nikSerialStart: serials.nik, kkSerialStart: serials.kk });
    for (const family of generated) {
      addToBatch(batch, family);
      if (batch.families.length >= BATCH_FAMILIES) {
        await flush(batch);
        batch = emptyBatch();
      }
    }
    await flush(batch);
  } finally {
    bar.stop();
  }
  await analyzeRegistry(handle.db);
  await writeSeedState(handle.db, { ...state, state: 'done', at: new Date().toISOString() });
  await recordAudit(handle.db, null, { action: 'create', entity: 'demo_data', details: { ...state, referenceDate, append: options.append ?? false } });
  return { families, members, villages: villages.length, seconds: (performance.now() - started) / 1000 };
}
