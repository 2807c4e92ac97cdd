import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ColumnMapping } from '@sinergi/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../config.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../../test/db.ts';
import { findBatch } from './batch-queries.ts';
import type { BatchMapping, SheetInfo } from './batch-state.ts';
import { openChunkConnection } from './chunk-connection.ts';
import { commitChunk } from './commit.ts';
import { batchLookups, prepareChunk } from './prepare.ts';
import { villageCodesUnder } from './queries.ts';
import { readSheets } from './read-file.ts';
import type { SourceRow, StoredFile } from './read-types.ts';
import { createBatch, setMapping } from './service.ts';
import { familyRow, FAMILY_HEADER, memberRow, MEMBER_HEADER, syntheticFamilies, writeCsv, type SyntheticFamily } from './test-files.ts';
import { makeImportActor, outcomeCounts, testConfig, villagesOf } from './test-kit.ts';

/**
 * New families and members go into the registry by COPY. When another import or an edit adds one of their keys
 * between the chunk's checks and its commit, the COPY fails on the unique index: the chunk must then be written
 * through the merge, updating that family instead of failing the import or duplicating it.
 */
describe.each(testDatabaseKinds)('a new key added by someone else meanwhile, on %s', (kind) => {
  let dir: string;
  let config: Config;
  let file: string;
  let families: SyntheticFamily[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-conflict-'));
    config = testConfig(dir);
    const probe = await openTestDatabase(kind);
    try {
      families = [...syntheticFamilies(3, await villagesOf(probe.db, '35.07.13'), 21)];
    } finally {
      await probe.close();
    }
    // One combined sheet: each member row carries its family, so the chunk creates families and their members.
    file = path.join(dir, 'gabungan.csv');
    await writeCsv(file, [
      [...MEMBER_HEADER, ...FAMILY_HEADER.slice(1)],
      ...families.flatMap((f) => f.members.map((m) => [...memberRow(f, m), ...familyRow(f).slice(1)])),
    ]);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the chunk through the merge and updates the family that appeared', async () => {
    const handle = await openTestDatabase(kind);
    const connection = await openChunkConnection(handle);
    try {
      const actor = await makeImportActor(handle.db);
      const uploads = (async function* () {
        yield { fileName: path.basename(file), stream: fs.createReadStream(file) };
      })();
      const created = await createBatch(handle.db, config, actor, uploads);
      await setMapping(handle.db, actor, created.id, { sheets: Object.fromEntries(created.sheets.map((s) => [s.name, s.suggestion.mapping])) });
      const batch = (await findBatch(handle.db, created.id))!;
      const sheet = (batch.sheets as SheetInfo[])[0]!;
      const mapping = (batch.mapping as BatchMapping)[sheet.name] as ColumnMapping;
      const rows: SourceRow[] = [];
      for await (const reading of readSheets(config.dataDir, (batch.files as StoredFile[])[0]!)) {
        for await (const row of reading.rows) rows.push({ ...row, sheet: sheet.name });
      }
      const plan = await prepareChunk(
        {
          lookups: batchLookups(handle.db, batch.id),
          mapping,
          normalize: { jurisdiction: '35.07', today: new Date() },
          villages: await villageCodesUnder(handle.db, '35.07'),
          scopeCodes: [],
          headerCount: sheet.headers.length,
        },
        sheet.name,
        rows,
      );
      expect(plan.families.every((f) => f.direct)).toBe(true);
      expect(plan.members.every((m) => m.direct)).toBe(true);

      // Someone else registers the second family, with another address, before the chunk commits.
      const taken = families[1]!;
      await handle.db
        .insertInto('family')
        .values({ no_kk: taken.noKk, village_code: taken.villageCode, address: 'Jl. Lain No. 1', data_source: 'manual' })
        .execute();

      const counts = await commitChunk(
        { handle, connection, batchId: batch.id, userId: actor.id, mapping, batchHasMembers: true },
        1,
        plan,
        [{ ...sheet, rowsProcessed: rows.length, lastRowNumber: rows[rows.length - 1]!.rowNumber }],
      );
      const people = families.reduce((n, f) => n + f.members.length, 0);
      expect(counts).toMatchObject({ families_added: 2, families_updated: 1, families_rejected: 0, members_added: people, members_rejected: 0 });
      expect(await outcomeCounts(handle.db, batch.id)).toEqual({ 'family.added': 2, 'family.updated': 1, 'member.added': people });
      const registry = await sql<{ no_kk: string; address: string; members: number; member_count: number }>`
        SELECT f.no_kk, f.address, f.member_count, (SELECT count(*)::int FROM member m WHERE m.family_id = f.id) AS members
        FROM family f ORDER BY f.no_kk`.execute(handle.db);
      expect(registry.rows).toEqual(
        [...families]
          .sort((a, b) => a.noKk.localeCompare(b.noKk))
          .map((f) => ({ no_kk: f.noKk, address: f.address, members: f.members.length, member_count: f.members.length })),
      );
      const staged = await sql<{ n: number }>`
        SELECT (SELECT count(*) FROM import_stage_family) + (SELECT count(*) FROM import_stage_member) AS n`.execute(handle.db);
      expect(Number(staged.rows[0]!.n)).toBe(0);
    } finally {
      await connection.close();
      await handle.close();
    }
  });
});
