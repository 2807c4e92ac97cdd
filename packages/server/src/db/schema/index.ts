import type { CoreTables } from './core.ts';
import type { CoverageTables } from './coverage.ts';
import type { DistributionTables } from './distribution.ts';
import type { PathwaysTables } from './pathways.ts';
import type { ProgramsTables } from './programs.ts';
import type { ReferralsTables } from './referrals.ts';
import type { RegistryTables } from './registry.ts';
import type { RenovationTables } from './renovation.ts';
import type { TrainingTables } from './training.ts';

export * from './core.ts';
export * from './coverage.ts';
export * from './distribution.ts';
export * from './pathways.ts';
export * from './programs.ts';
export * from './referrals.ts';
export * from './registry.ts';
export * from './renovation.ts';
export * from './training.ts';

/**
 * Row types of every table the migrations create, one file per feature; a feature adds its file here (an export and an
 * `extends` entry) and keeps it in step with its migration.
 */
export interface DB extends CoreTables, CoverageTables, RegistryTables, ProgramsTables, DistributionTables, PathwaysTables, ReferralsTables, RenovationTables, TrainingTables {}
