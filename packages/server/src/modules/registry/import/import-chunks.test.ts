import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../../test/db.ts';
import { familyRow, FAMILY_HEADER, memberRow, MEMBER_HEADER, syntheticFamilies, writeCsv, type CellValue } from './test-files.ts';
import { importFiles, makeImportActor, outcomeCounts, registrySnapshot, testConfig, villagesOf } from './test-kit.ts';

/**
 * A chunk is checked while the one before it is still being written (previous-chunk.ts). A combined sheet whose
 * families are spread over the file, with a person listed twice in neighbouring chunks, must come out exactly as
 * when the whole file is one chunk.
 */
describe.each(testDatabaseKinds)('import in small chunks on %s', (kind) => {
  let dir: string;
  let config: Config;
  let file: string;
  const handles: DatabaseHandle[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-chunks-'));
    config = testConfig(dir);
    const probe = await openTestDatabase(kind);
    handles.push(probe);
    const families = [...syntheticFamilies(8, await villagesOf(probe.db, '35.07.13'), 11)];
    const rows: CellValue[][] = [[...MEMBER_HEADER, ...FAMILY_HEADER.slice(1)]];
    // Round robin: every family's first member, then every second member…, so each family spans several chunks.
    const longest = Math.max(...families.map((f) => f.members.length));
    for (let m = 0; m < longest; m++) {
      for (const f of families) {
        const member = f.members[m];
        if (member) rows.push([...memberRow(f, member), ...familyRow(f).slice(1)]);
      }
    }
    // The same person again a few rows later (the next chunk), and a family whose region is wrong.
    rows.splice(5, 0, rows[3]!);
    const broken = families[7]!;
    rows.push([...memberRow(broken, broken.members[0]!), ...familyRow({ ...broken, villageCode: '35.07.99.2001' }).slice(1)]);
    file = path.join(dir, 'gabungan.csv');
    await writeCsv(file, rows);
  });
  afterAll(async () => {
    for (const handle of handles) await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same outcomes and registry with chunks of two rows as with one chunk', async () => {
    const results = [];
    for (const chunkRows of [2, 1_000]) {
      const handle = await openTestDatabase(kind);
      handles.push(handle);
      const run = await importFiles(handle, config, await makeImportActor(handle.db), [file], { engine: { chunkRows } });
      expect(run.batch.status).toBe('done');
      const rejected = await handle.db
        .selectFrom('import_row_result')
        .select(['row_number', 'entity', 'issues'])
        .where('batch_id', '=', run.batchId)
        .where('outcome', '=', 'rejected')
        .orderBy('row_number')
        .orderBy('entity')
        .execute();
      const registry = await registrySnapshot(handle.db);
      results.push({
        counts: await outcomeCounts(handle.db, run.batchId),
        rejected: rejected.map((r) => [r.row_number, r.entity, (r.issues as { code: string; severity: string }[]).filter((i) => i.severity === 'error').map((i) => i.code)]),
        // A family spread over several chunks has its member count settled once per chunk, each a new version.
        registry: { ...registry, families: (registry.families as { version: number }[]).map(({ version: _version, ...family }) => family) },
      });
    }
    const [small, whole] = results;
    expect(small!.counts['member.rejected']).toBeGreaterThanOrEqual(1);
    expect(small!.rejected.map(([, , codes]) => codes).flat()).toContain('duplicate_nik_in_file');
    expect(small).toEqual(whole);
  });
});
