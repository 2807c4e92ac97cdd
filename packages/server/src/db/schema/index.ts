import type { CoreTables } from './core.ts';
import type { ProgramsTables } from './programs.ts';
import type { RegistryTables } from './registry.ts';

export * from './core.ts';
export * from './programs.ts';
export * from './registry.ts';

/**
 * Row types of every table the migrations create, one file per feature; a feature adds its file here (an export and an
 * `extends` entry) and keeps it in step with its migration.
 */
export interface DB extends CoreTables, RegistryTables, ProgramsTables {}
