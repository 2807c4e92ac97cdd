import path from 'node:path';
import type { Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from './database.ts';

/** Opens PostgreSQL when DATABASE_URL is set, else the embedded database under DATA_DIR. */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'embedded', dataDir: path.join(config.dataDir, 'pglite') });
}
