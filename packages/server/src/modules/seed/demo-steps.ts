import type { DatabaseHandle } from '../../db/database.ts';
import type { ProgressReporter } from '../../progress.ts';
import { seedDemoPrograms } from '../programs/demo.ts';
import { seedDemoPathways } from '../pathways/demo.ts';
import { seedDemoDistribution } from '../programs/distribution/demo.ts';
import { seedDemoReferrals } from '../referrals/demo.ts';
import { seedDemoRenovation } from '../renovation/demo.ts';
import { seedDemoTraining } from '../training/demo.ts';

export interface DemoStepOptions {
  jurisdiction: string;
  /** Where uploaded files live (demo photos); the configured UPLOAD_DIR. */
  uploadDir?: string;
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
  { name: 'distribution', run: (handle, progress) => seedDemoDistribution(handle, progress) },
  { name: 'referrals', run: (handle, progress, options) => seedDemoReferrals(handle, progress, options) },
  { name: 'training', run: (handle, progress, options) => seedDemoTraining(handle, progress, options) },
  { name: 'renovation', run: (handle, progress, options) => seedDemoRenovation(handle, progress, options) },
  // Keep last: pathways are derived from what every step before recorded.
  { name: 'pathways', run: (handle, progress) => seedDemoPathways(handle, progress) },
];
