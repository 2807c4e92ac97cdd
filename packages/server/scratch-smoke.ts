import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from './src/db/database.ts';
import { migrate } from './src/db/migrate.ts';
import { loadRegions } from './src/modules/regions/load.ts';
import { loadConfig } from './src/config.ts';
import { createBatch, setMapping } from './src/modules/registry/import/service.ts';
import { ImportRunner } from './src/modules/registry/import/runner.ts';
import { syntheticFamilies, familyRow, memberRow, writeCsv, FAMILY_HEADER, MEMBER_HEADER } from './src/modules/registry/import/test-files.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imp-'));
const h = await openDatabase({ kind: 'embedded' });
await migrate(h); await loadRegions(h);
const agency = await h.db.insertInto('agency').values({ name: 'Dinsos', short_name: 'dinsos', kind: 'dinsos' }).returning('id').executeTakeFirstOrThrow();
const user = await h.db.insertInto('app_user').values({ username: 'op', full_name: 'Op', password_hash: 'x', role: 'operator', agency_id: agency.id }).returning('id').executeTakeFirstOrThrow();
const villages = (await h.db.selectFrom('region').select('code').where('code', 'like', '35.07.13.%').execute()).map((r) => r.code);
const N = Number(process.argv[2] ?? 1000);
const fams = [...syntheticFamilies(N, villages, 7)];
await writeCsv(path.join(dir, 'kel.csv'), [FAMILY_HEADER, ...fams.map(familyRow)]);
await writeCsv(path.join(dir, 'ang.csv'), [MEMBER_HEADER, ...fams.flatMap((f) => f.members.map((m) => memberRow(f, m)))], { delimiter: ';' });
const config = { ...loadConfig({}), dataDir: dir };
const actor = { id: user.id, username: 'op', agencyId: agency.id, scopeCodes: [] as string[] };
async function* ups() { for (const n of ['kel.csv', 'ang.csv']) yield { fileName: n, stream: fs.createReadStream(path.join(dir, n)) }; }
let t = Date.now();
const batch = await createBatch(h.db, config, actor, ups());
console.log('upload+inspect ms', Date.now() - t, batch.sheets.map((s) => [s.name, s.rowsTotal, s.suggestion.templateId, s.suggestion.missingRequired]));
await setMapping(h.db, actor, batch.id, { sheets: Object.fromEntries(batch.sheets.map((s) => [s.name, s.suggestion.mapping])) });
const runner = new ImportRunner({ handle: h, dataDir: dir, jurisdiction: '35.07' });
for (let round = 0; round < 2; round++) {
  t = Date.now();
  const id = round === 0 ? batch.id : (await createBatch(h.db, config, actor, ups())).id;
  if (round) await setMapping(h.db, actor, id, { sheets: Object.fromEntries(batch.sheets.map((s) => [s.name, s.suggestion.mapping])) });
  await runner.launch(id, ['mapped']);
  console.log('result', await runner.wait(id), 'ms', Date.now() - t);
  const b = await h.db.selectFrom('import_batch').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  console.log(b.status, b.error, b.rows_processed, b.families_added, b.families_updated, b.families_unchanged, b.families_rejected, b.members_added, b.members_updated, b.members_unchanged, b.members_rejected);
  const issues = await sql<{ code: string; n: number }>`SELECT i->>'code' AS code, count(*)::int AS n FROM import_row_result, jsonb_array_elements(issues) i WHERE batch_id = ${id} GROUP BY 1`.execute(h.db);
  console.log(issues.rows);
}
console.log((globalThis as any).__T); console.log(await sql`SELECT changes FROM registry_change`.execute(h.db).then((r) => r.rows));
await h.close();
