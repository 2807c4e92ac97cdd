import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import type { ProgressReporter } from '../../progress.ts';

/** Seeds demo data when the database holds no agency yet. (Placeholder: the seed module fills this in.) */
export async function seedIfEmpty(_handle: DatabaseHandle, _config: Config, _progress: ProgressReporter): Promise<void> {}
