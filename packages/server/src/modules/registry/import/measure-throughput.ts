import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { csvLine, openDatabase, type DatabaseHandle } from '../../../db/database.ts';
import { migrate } from '../../../db/migrate.ts';
import { loadRegions } from '../../regions/load.ts';
import { FAMILY_HEADER, familyRow, MEMBER_HEADER, memberRow, syntheticFamilies, writeCsv } from './test-files.ts';
import { importFiles, makeImportActor, testConfig } from './test-kit.ts';

/**
 * Measures import throughput on a generated DTSEN-style pair of CSV files (not a test; the bench harness owns the
 * formal benchmark): `tsx measure-throughput.ts [families] [embedded|postgres-url]`. Prints rows/s, the ratio to a
 * raw COPY of the same rows into the same tables, and the peak resident memory of the process.
 */
const families = Number(process.argv[2] ?? 100_000);
const target = process.argv[3] ?? 'embedded';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-throughput-'));

async function open(name: string): Promise<DatabaseHandle> {
  const handle = target === 'embedded' ? await openDatabase({ kind: 'embedded', dataDir: path.join(dir, name) }) : await openDatabase({ kind: 'postgres', url: target });
  await migrate(handle);
  await loadRegions(handle);
  if (target !== 'embedded') await handle.exec('TRUNCATE family_membership, member, family, import_row_result, registry_change CASCADE');
  return handle;
}

let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
}, 200);

const probe = await open('villages');
const villages = (await probe.db.selectFrom('region').select('code').where('level', '=', 4).where('code', 'like', '35.07.%').execute()).map((r) => r.code);
await probe.close();

const familyFile = path.join(dir, 'keluarga.csv');
const memberFile = path.join(dir, 'anggota.csv');
await writeCsv(familyFile, (function* () {
  yield FAMILY_HEADER;
  for (const f of syntheticFamilies(families, villages, 42)) yield familyRow(f);
})());
await writeCsv(memberFile, (function* () {
  yield MEMBER_HEADER;
  for (const f of syntheticFamilies(families, villages, 42)) for (const m of f.members) yield memberRow(f, m);
})());
const memberRows = fs.readFileSync(memberFile, 'utf8').split('\n').length - 2;

// Raw COPY of the same rows into the same tables: the physical limit the import is compared with.
const raw = await open('raw');
const rawStart = performance.now();
const ids = new Map<string, string>();
await raw.copyFrom('family', ['id', 'no_kk', 'village_code', 'address', 'rt', 'rw', 'head_name', 'member_count', 'desil_national', 'floor_type', 'roof_type'], (function* () {
  for (const f of syntheticFamilies(families, villages, 42)) {
    const id = crypto.randomUUID();
    ids.set(f.noKk, id);
    yield csvLine([id, f.noKk, f.villageCode, f.address, f.rt, f.rw, f.members[0]?.name ?? null, f.members.length, f.desil, f.floorType, f.roofType]);
  }
})());
await raw.copyFrom('member', ['nik', 'family_id', 'name', 'birth_date', 'sex', 'relation'], (function* () {
  for (const f of syntheticFamilies(families, villages, 42)) for (const m of f.members) yield csvLine([m.nik, ids.get(f.noKk)!, m.name, m.birthDate, m.sex, m.relation]);
})());
const rawSeconds = (performance.now() - rawStart) / 1000;
await raw.close();
ids.clear();

const handle = await open('import');
const config = testConfig(dir);
const actor = await makeImportActor(handle.db);
const start = performance.now();
const run = await importFiles(handle, config, actor, [familyFile, memberFile]);
const seconds = (performance.now() - start) / 1000;
const again = performance.now();
const second = await importFiles(handle, config, actor, [familyFile, memberFile]);
const secondSeconds = (performance.now() - again) / 1000;
await handle.close();
clearInterval(sampler);

const rows = families + memberRows;
const result = {
  database: target === 'embedded' ? 'embedded' : 'postgres',
  families,
  members: memberRows,
  rows,
  status: run.batch.status,
  importSeconds: Number(seconds.toFixed(1)),
  rowsPerSecond: Math.round(rows / seconds),
  rawCopySeconds: Number(rawSeconds.toFixed(1)),
  ratioToRawCopy: Number((seconds / rawSeconds).toFixed(2)),
  reimportSeconds: Number(secondSeconds.toFixed(1)),
  reimportUnchanged: second.batch.families_unchanged + second.batch.members_unchanged,
  // On the embedded database the process also holds PostgreSQL itself (its WebAssembly memory); the heap is ours.
  peakRssMb: Math.round(peakRss / 1024 / 1024),
  peakJsHeapMb: Math.round(peakHeap / 1024 / 1024),
};
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
fs.rmSync(dir, { recursive: true, force: true });
