import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../../test/db.ts';
import { pauseInterruptedBatches } from './batch-queries.ts';
import { FAMILY_HEADER, familyRow, MEMBER_HEADER, memberRow, syntheticFamilies, writeCsv } from './test-files.ts';
import { importFiles, makeImportActor, outcomeCounts, registrySnapshot, runToEnd, testConfig, villagesOf } from './test-kit.ts';

const FAMILIES = 60;
const CHUNK = 10;

describe.each(testDatabaseKinds)('registry import crash and resume on %s', (kind) => {
  let clean: DatabaseHandle;
  let config: Config;
  let files: string[];
  let cleanCounts: Record<string, number>;
  let cleanSnapshot: Awaited<ReturnType<typeof registrySnapshot>>;

  beforeAll(async () => {
    clean = await openTestDatabase(kind);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-resume-'));
    config = testConfig(dir);
    const families = [...syntheticFamilies(FAMILIES, await villagesOf(clean.db, '35.07.13'), 5)];
    files = [path.join(dir, 'keluarga.csv'), path.join(dir, 'anggota.csv')];
    await writeCsv(files[0]!, [FAMILY_HEADER, ...families.map(familyRow)]);
    await writeCsv(files[1]!, [MEMBER_HEADER, ...families.flatMap((f) => f.members.map((m) => memberRow(f, m)))], { delimiter: ';' });
    const run = await importFiles(clean, config, await makeImportActor(clean.db), files, { engine: { chunkRows: CHUNK } });
    expect(run.batch.status).toBe('done');
    cleanCounts = await outcomeCounts(clean.db, run.batchId);
    cleanSnapshot = await registrySnapshot(clean.db);
  });
  afterAll(async () => {
    await clean.close();
    fs.rmSync(config.dataDir, { recursive: true, force: true });
  });

  it('resumes after a crash mid-chunk and a server restart, ending exactly like a clean import', async () => {
    const handle = await openTestDatabase(kind);
    try {
      const crashAt = 4;
      const crashed = await importFiles(handle, config, await makeImportActor(handle.db), files, {
        engine: {
          chunkRows: CHUNK,
          beforeCommit: (chunkNo) => {
            if (chunkNo === crashAt) throw new Error('simulated crash while committing');
          },
        },
      });
      expect(crashed.result).toBe('error');
      expect(crashed.batch.status).toBe('failed');
      // Only the chunks before the crash are recorded; the one in flight (new families, written by COPY inside its
      // transaction) left nothing.
      expect(crashed.batch.rows_processed).toBe((crashAt - 1) * CHUNK);
      const recorded = await outcomeCounts(handle.db, crashed.batchId);
      expect(Object.values(recorded).reduce((a, b) => a + b, 0)).toBe((crashAt - 1) * CHUNK);
      const families = await sql<{ n: number }>`SELECT count(*)::int AS n FROM family`.execute(handle.db);
      expect(families.rows[0]!.n).toBe((crashAt - 1) * CHUNK);

      // A process killed at this point leaves the batch "running"; the next server start pauses it.
      await handle.db.updateTable('import_batch').set({ status: 'running' }).where('id', '=', crashed.batchId).execute();
      expect(await pauseInterruptedBatches(handle.db)).toBe(1);

      const resumed = await runToEnd(handle, config, crashed.batchId, ['paused'], { chunkRows: CHUNK });
      expect(resumed.batch.status).toBe('done');
      expect(await outcomeCounts(handle.db, crashed.batchId)).toEqual(cleanCounts);
      expect(await registrySnapshot(handle.db)).toEqual(cleanSnapshot);
      const leftovers = await sql<{ n: number }>`
        SELECT (SELECT count(*) FROM import_stage_family) + (SELECT count(*) FROM import_stage_member) AS n`.execute(handle.db);
      expect(Number(leftovers.rows[0]!.n)).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it('pauses on request after the chunk in flight and resumes without recording a row twice', async () => {
    const handle = await openTestDatabase(kind);
    try {
      const actor = await makeImportActor(handle.db);
      const paused = await importFiles(handle, config, actor, files, { engine: { chunkRows: CHUNK, abortAfterChunks: 3 } });
      expect(paused.result).toBe('paused');
      expect(paused.batch.status).toBe('paused');
      expect(paused.batch.rows_processed).toBeGreaterThan(0);
      expect(paused.batch.rows_processed).toBeLessThan(paused.batch.rows_total!);
      const resumed = await runToEnd(handle, config, paused.batchId, ['paused'], { chunkRows: CHUNK });
      expect(resumed.batch).toMatchObject({ status: 'done', rows_processed: paused.batch.rows_total });
      expect(await outcomeCounts(handle.db, paused.batchId)).toEqual(cleanCounts);
      expect(await registrySnapshot(handle.db)).toEqual(cleanSnapshot);
    } finally {
      await handle.close();
    }
  });
});
