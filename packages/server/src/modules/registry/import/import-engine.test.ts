import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../../test/db.ts';
import { writeMessyWorkbook, type MessyWorkbook } from './messy-files.ts';
import type { Actor } from './service.ts';
import { familyRow, FAMILY_HEADER, memberRow, MEMBER_HEADER, writeCsv, writeXlsx } from './test-files.ts';
import { importFiles, makeImportActor, outcomeCounts, testConfig, villagesOf } from './test-kit.ts';

describe.each(testDatabaseKinds)('registry import engine on %s', (kind) => {
  let handle: DatabaseHandle;
  let config: Config;
  let actor: Actor;
  let dir: string;
  let workbook: MessyWorkbook;
  let file: string;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-import-'));
    config = testConfig(dir);
    actor = await makeImportActor(handle.db);
    const villages = [...(await villagesOf(handle.db, '35.07.13')).slice(0, 3), ...(await villagesOf(handle.db, '35.07.01')).slice(0, 1)];
    file = path.join(dir, 'dtsen-messy.xlsx');
    workbook = await writeMessyWorkbook(file, villages);
  });
  afterAll(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a messy two-sheet workbook with exact counts per outcome and a reason for every rejected row', async () => {
    const run = await importFiles(handle, config, actor, [file], { engine: { chunkRows: 7 } });
    expect(run.result).toBe('done');
    const { expected } = workbook;
    expect(run.batch).toMatchObject({
      status: 'done',
      families_added: expected.families.added,
      families_rejected: expected.families.rejected,
      families_updated: 0,
      families_unchanged: 0,
      members_added: expected.members.added,
      members_rejected: expected.members.rejected,
      rows_processed: expected.families.rows + expected.members.rows,
    });
    // The invariant, counted from the recorded rows: every row of each sheet has exactly one outcome.
    const counts = await outcomeCounts(handle.db, run.batchId);
    expect(counts).toEqual({
      'family.added': expected.families.added,
      'family.rejected': expected.families.rejected,
      'member.added': expected.members.added,
      'member.rejected': expected.members.rejected,
    });
    const rejected = await handle.db
      .selectFrom('import_row_result')
      .select(['sheet', 'row_number', 'issues'])
      .where('batch_id', '=', run.batchId)
      .where('outcome', '=', 'rejected')
      .orderBy('sheet')
      .orderBy('row_number')
      .execute();
    const reasons = rejected.map((r) => ({ sheet: r.sheet, row: r.row_number, codes: (r.issues as { code: string; severity: string }[]).filter((i) => i.severity === 'error').map((i) => i.code) }));
    for (const want of expected.rejections) {
      expect(reasons.find((r) => r.sheet === want.sheet && r.row === want.row)?.codes, `${want.sheet} row ${String(want.row)}`).toContain(want.code);
    }
    expect(reasons).toHaveLength(expected.rejections.length);
  });

  it('stores NIK typed as numbers exactly, labels as codes, and keeps member count and head name consistent', async () => {
    const family = workbook.families[0]!;
    const stored = await handle.db.selectFrom('family').selectAll().where('no_kk', '=', family.noKk).executeTakeFirstOrThrow();
    expect(stored.member_count).toBe(family.members.length);
    expect(stored.head_name).toBe(family.members[0]!.name);
    const labelled = await handle.db.selectFrom('family').select(['floor_type', 'roof_type']).where('no_kk', '=', workbook.families[1]!.noKk).executeTakeFirstOrThrow();
    expect(labelled).toEqual({ floor_type: 8, roof_type: 2 });
    const niks = await handle.db.selectFrom('member').select('nik').where('family_id', '=', stored.id).execute();
    expect(niks.map((m) => m.nik).sort()).toEqual(family.members.map((m) => m.nik).sort());
    const memberships = await sql<{ n: number }>`SELECT count(*)::int AS n FROM family_membership WHERE end_date IS NULL`.execute(handle.db);
    const members = await sql<{ n: number }>`SELECT count(*)::int AS n FROM member`.execute(handle.db);
    expect(memberships.rows[0]!.n).toBe(members.rows[0]!.n);
  });

  it('changes nothing when the same file is imported again', async () => {
    const changesBefore = await handle.db.selectFrom('registry_change').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const versionsBefore = await sql<{ v: number }>`SELECT sum(version)::int AS v FROM family`.execute(handle.db);
    const run = await importFiles(handle, config, actor, [file]);
    const { expected } = workbook;
    expect(run.batch).toMatchObject({
      status: 'done',
      families_added: 0,
      families_updated: 0,
      families_unchanged: expected.families.added,
      families_rejected: expected.families.rejected,
      members_added: 0,
      members_updated: 0,
      members_unchanged: expected.members.added,
      members_rejected: expected.members.rejected,
    });
    const changesAfter = await handle.db.selectFrom('registry_change').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(changesAfter.n).toBe(changesBefore.n);
    expect((await sql<{ v: number }>`SELECT sum(version)::int AS v FROM family`.execute(handle.db)).rows).toEqual(versionsBefore.rows);
  });

  it('applies next quarter’s file: updates what changed, moves a member, and writes the history', async () => {
    const [a, b, c] = workbook.families as [typeof workbook.families[0], typeof workbook.families[0], typeof workbook.families[0]];
    const next = workbook.families.map((f) => ({ ...f, members: [...f.members] }));
    next[0] = { ...a, desil: a.desil === 10 ? 9 : a.desil + 1, address: 'Jl. Baru No. 1', members: [...a.members] };
    // The last member of family c moves to family b (a new family card after marriage, say).
    const mover = c.members[c.members.length - 1]!;
    next[2] = { ...c, members: c.members.slice(0, -1) };
    next[1] = { ...b, members: [...b.members, { ...mover, relation: 3 }] };
    const countsOf = async () =>
      Object.fromEntries(
        (await handle.db.selectFrom('family').select(['no_kk', 'member_count']).where('no_kk', 'in', [b.noKk, c.noKk]).execute()).map((r) => [r.no_kk, r.member_count]),
      );
    const before = await countsOf();
    const familyFile = path.join(dir, 'keluarga-q2.csv');
    const memberFile = path.join(dir, 'anggota-q2.csv');
    await writeCsv(familyFile, [FAMILY_HEADER, ...next.map(familyRow)], { delimiter: ';', bom: true });
    await writeCsv(memberFile, [MEMBER_HEADER, ...next.flatMap((f) => f.members.map((m) => memberRow(f, m, 'iso')))]);
    const run = await importFiles(handle, config, actor, [familyFile, memberFile]);
    expect(run.batch.status).toBe('done');
    const counts = await outcomeCounts(handle.db, run.batchId);
    // Family b's and c's member count change through the move, not through the file's family sheet.
    expect(counts['family.updated']).toBe(1);
    expect(counts['family.unchanged']).toBe(next.length - 1);
    expect(counts['member.updated']).toBe(1);
    expect(counts['member.unchanged']).toBe(next.reduce((sum, f) => sum + f.members.length, 0) - 1);

    const updated = await handle.db.selectFrom('family').selectAll().where('no_kk', '=', a.noKk).executeTakeFirstOrThrow();
    expect(updated).toMatchObject({ address: 'Jl. Baru No. 1', desil_national: next[0].desil, version: 2 });
    const history = await handle.db.selectFrom('registry_change').selectAll().where('batch_id', '=', run.batchId).execute();
    const familyChange = history.find((h) => h.entity_id === updated.id);
    expect(familyChange?.changes).toEqual({ address: [a.address, 'Jl. Baru No. 1'], desilNational: [a.desil, next[0].desil] });
    const moverChange = history.find((h) => h.entity === 'member');
    expect(moverChange?.changes).toMatchObject({ noKk: [c.noKk, b.noKk] });
    expect(await countsOf()).toEqual({ [b.noKk]: before[b.noKk]! + 1, [c.noKk]: before[c.noKk]! - 1 });
    const memberships = await sql<{ no_kk: string; open: boolean }>`
      SELECT f.no_kk, fm.end_date IS NULL AS open FROM family_membership fm
      JOIN member m ON m.id = fm.member_id JOIN family f ON f.id = fm.family_id WHERE m.nik = ${mover.nik} ORDER BY fm.start_date, open`.execute(handle.db);
    expect(memberships.rows).toEqual([{ no_kk: c.noKk, open: false }, { no_kk: b.noKk, open: true }]);
    const moveRow = await handle.db.selectFrom('import_row_result').select('issues').where('batch_id', '=', run.batchId).where('key', '=', mover.nik).executeTakeFirstOrThrow();
    expect((moveRow.issues as { code: string }[]).map((i) => i.code)).toContain('member_moved');
  });

  it('imports every row before a truncation, then fails with a reason', async () => {
    const family = workbook.families[5]!;
    const full = path.join(dir, 'anggota-full.csv');
    await writeCsv(full, [MEMBER_HEADER, ...family.members.map((m) => memberRow(family, m)), [...memberRow(family, { ...family.members[0]!, nik: '3507130101900099' })]]);
    const text = fs.readFileSync(full, 'utf8').trimEnd();
    const cut = path.join(dir, 'anggota-terpotong.csv');
    fs.writeFileSync(cut, text.slice(0, text.lastIndexOf(',', text.lastIndexOf(',') - 1)));
    const run = await importFiles(handle, config, actor, [cut]);
    expect(run.batch.status).toBe('failed');
    expect((run.batch.error as { id: string }).id).toMatch(/terpotong/);
    const counts = await outcomeCounts(handle.db, run.batchId);
    expect(counts).toEqual({ 'member.unchanged': family.members.length, 'member.rejected': 1 });
  });

  it('reads a combined sheet (one row per member with the family repeated) into families and members', async () => {
    const fresh = workbook.families.slice(6).map((f, i) => ({ ...f, noKk: f.noKk.slice(0, 12) + String(8000 + i), members: f.members.map((m, j) => ({ ...m, nik: m.nik.slice(0, 12) + String(8000 + i * 10 + j) })) }));
    const combined = path.join(dir, 'gabungan.xlsx');
    await writeXlsx(combined, [
      {
        name: 'data',
        rows: [
          [...MEMBER_HEADER, ...FAMILY_HEADER.slice(1), 'kepemilikan_usaha', 'omzet_usaha_utama'],
          // DTSEN asks about a business per person: the first family's head runs one, nobody in the second does.
          ...fresh.flatMap((f, i) => f.members.map((m, j) => [...memberRow(f, m, 'date'), ...familyRow(f).slice(1), i === 0 && j === 0 ? 'Ya' : 'Tidak', i === 0 && j === 0 ? 2_500_000 : null])),
        ],
      },
    ]);
    const run = await importFiles(handle, config, actor, [combined], { engine: { chunkRows: 2 } });
    expect(run.batch).toMatchObject({
      status: 'done',
      families_added: fresh.length,
      members_added: fresh.reduce((sum, f) => sum + f.members.length, 0),
      families_rejected: 0,
      members_rejected: 0,
    });
    const business = await handle.db.selectFrom('family').select(['no_kk', 'business_status', 'business_turnover']).where('no_kk', 'in', fresh.map((f) => f.noKk)).execute();
    expect(business).toHaveLength(2);
    expect(business).toEqual(expect.arrayContaining([
      { no_kk: fresh[0]!.noKk, business_status: 'active', business_turnover: 2_500_000 },
      { no_kk: fresh[1]!.noKk, business_status: 'none', business_turnover: null },
    ]));
  });
});
