import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildKk, buildNik } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../../../test/db.ts';
import type { DatabaseHandle } from '../../../db/database.ts';
import { FAMILY_HEADER, familyRow, MEMBER_HEADER, memberRow, writeCsv, type SyntheticFamily } from '../import/test-files.ts';
import { importFiles, makeImportActor, testConfig } from '../import/test-kit.ts';
import { findScan, startFullScan, THRESHOLD_SETTING_KEY } from './scan.ts';
import { KEMIRI, makePerson, SENGGURUH, TULUNGREJO, type TestPerson } from './test-kit.ts';

const pairKey = (x: string, y: string) => [x, y].sort().join('+');

describe.each(testDatabaseKinds)('probable duplicate detection on %s', (kind) => {
  let handle: DatabaseHandle;
  let siti: TestPerson;
  let sitiTrailingSpace: TestPerson;
  let sity: TestPerson;
  let otherVillage: TestPerson;

  const pairs = async () => {
    const rows = await handle.db.selectFrom('duplicate_candidate').select(['member_a', 'member_b', 'status', 'score', 'reasons']).execute();
    return new Map(rows.map((row) => [pairKey(row.member_a, row.member_b), row]));
  };
  const fullScan = async (threshold?: number) => {
    const started = await startFullScan(handle.db, { userId: null, threshold });
    await started.finished;
    return handle.db.selectFrom('duplicate_scan').selectAll().where('id', '=', started.scan.id).executeTakeFirstOrThrow();
  };

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    const db = handle.db;
    siti = await makePerson(db, { villageCode: KEMIRI, name: 'Siti Aminah', birthDate: '1980-05-05' });
    sitiTrailingSpace = await makePerson(db, { villageCode: KEMIRI, name: 'Siti Aminah ', birthDate: '1980-05-05' });
    sity = await makePerson(db, { villageCode: KEMIRI, name: 'Sity Aminah', birthDate: '1980-05-05' });
    // Each differs in one of the three criteria.
    await makePerson(db, { villageCode: KEMIRI, name: 'Siti Aminah', birthDate: '1980-05-06' });
    otherVillage = await makePerson(db, { villageCode: SENGGURUH, name: 'Siti Aminah', birthDate: '1980-05-05' });
    await makePerson(db, { villageCode: KEMIRI, name: 'Sri Rahayu', birthDate: '1980-05-05' });
    await makePerson(db, { villageCode: TULUNGREJO, name: 'Siti Aminah', birthDate: '1980-05-05' });
  });
  afterAll(async () => handle.close());

  it('finds the near-duplicates born the same day in the same village, and no one else', async () => {
    const scan = await fullScan();
    expect(scan).toMatchObject({ status: 'done', kind: 'full', blocks_total: 2, blocks_done: 2, pairs_found: 3, error: null });
    const found = await pairs();
    expect([...found.keys()].sort()).toEqual(
      [pairKey(siti.memberId, sitiTrailingSpace.memberId), pairKey(siti.memberId, sity.memberId), pairKey(sitiTrailingSpace.memberId, sity.memberId)].sort(),
    );
    const typo = found.get(pairKey(siti.memberId, sity.memberId));
    expect(typo?.status).toBe('open');
    expect(typo?.score).toBeGreaterThanOrEqual(0.55);
    expect(typo?.score).toBeLessThan(1);
    expect(typo?.reasons).toEqual({ nameSimilarity: Number(typo?.score.toFixed(3)), sameBirthDate: true, sameVillage: true });
    expect(found.get(pairKey(siti.memberId, sitiTrailingSpace.memberId))?.score).toBe(1);
  });

  it('proposes nothing new on a second scan and never reopens a pair decided as distinct', async () => {
    const key = pairKey(siti.memberId, sity.memberId);
    await handle.db.updateTable('duplicate_candidate').set({ status: 'distinct' }).where('member_a', '=', [siti.memberId, sity.memberId].sort()[0]!).where('member_b', '=', [siti.memberId, sity.memberId].sort()[1]!).execute();
    const scan = await fullScan();
    expect(scan.pairs_found).toBe(0);
    const found = await pairs();
    expect(found.size).toBe(3);
    expect(found.get(key)?.status).toBe('distinct');
  });

  it('follows the configured threshold and drops open pairs that no longer match', async () => {
    await handle.db.insertInto('app_setting').values({ key: THRESHOLD_SETTING_KEY, value: JSON.stringify(0.9) }).execute();
    const scan = await fullScan();
    expect(scan.threshold).toBeCloseTo(0.9);
    const found = await pairs();
    // "Sity Aminah" (≈0.71) no longer qualifies: its open pair is gone, its distinct decision stays.
    expect(found.has(pairKey(sitiTrailingSpace.memberId, sity.memberId))).toBe(false);
    expect(found.get(pairKey(siti.memberId, sity.memberId))?.status).toBe('distinct');
    expect(found.get(pairKey(siti.memberId, sitiTrailingSpace.memberId))?.status).toBe('open');
    await handle.db.deleteFrom('app_setting').where('key', '=', THRESHOLD_SETTING_KEY).execute();
  });

  it('scans only the villages an import batch touched', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-dup-'));
    try {
      const kecamatan = SENGGURUH.slice(0, 8);
      const family: SyntheticFamily = {
        noKk: buildKk(kecamatan, '2019-03-04', 4321),
        villageCode: SENGGURUH,
        address: 'Dusun Krajan',
        rt: '001',
        rw: '003',
        desil: 2,
        floorType: 8,
        roofType: 3,
        members: [
          { nik: buildNik(kecamatan, '1971-02-02', 'L', 811), name: 'Slamet Riyadi', birthDate: '1971-02-02', sex: 'L', relation: 1 },
          { nik: buildNik(kecamatan, '1980-05-05', 'P', 812), name: 'Siti Aminah', birthDate: '1980-05-05', sex: 'P', relation: 2 },
        ],
      };
      const families = path.join(dir, 'keluarga.csv');
      const members = path.join(dir, 'anggota.csv');
      await writeCsv(families, [FAMILY_HEADER, familyRow(family)]);
      await writeCsv(members, [MEMBER_HEADER, ...family.members.map((m) => memberRow(family, m))]);
      const run = await importFiles(handle, testConfig(dir), await makeImportActor(handle.db), [families, members]);
      expect(run.batch.members_added).toBe(2);

      // The import runner scans the batch's villages as soon as the batch is done.
      const automatic = await handle.db.selectFrom('duplicate_scan').select('id').where('batch_id', '=', run.batchId).executeTakeFirstOrThrow();
      const scan = (await findScan(handle.db, automatic.id))!;
      expect(scan).toMatchObject({ kind: 'batch', batchId: run.batchId, status: 'done', blocksTotal: 1, blocksDone: 1, pairsFound: 1 });
      const imported = await handle.db.selectFrom('member').select('id').where('nik', '=', family.members[1]!.nik).executeTakeFirstOrThrow();
      const found = await pairs();
      expect(found.get(pairKey(imported.id, otherVillage.memberId))?.status).toBe('open');
      const fromBatch = await handle.db.selectFrom('duplicate_candidate').select('village_code').where('scan_id', '=', scan.id).execute();
      expect(fromBatch).toEqual([{ village_code: SENGGURUH }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
