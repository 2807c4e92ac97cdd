import type { DatabaseHandle } from '../../db/database.ts';
import type { ProgressReporter } from '../../progress.ts';
import { seedDemoPrograms } from '../programs/demo.ts';

export interface DemoStepOptions {
  jurisdiction: string;
}

/** One feature's demo data, seeded on the first start after the families, agencies, partners and users exist. */
export interface DemoStep {
  name: string;
  run(handle: DatabaseHandle, progress: ProgressReporter, options: DemoStepOptions): Promise<unknown>;
}

/**
 * In this order because later steps build on earlier ones: programs → distribution → referrals → training → house
 * renovation → pathways (which reads what the others recorded). Each step is deterministic.
 */
export const DEMO_STEPS: DemoStep[] = [
  { name: 'programs', run: (handle, progress, options) => seedDemoPrograms(handle, progress, options) },
];
