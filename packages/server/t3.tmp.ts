import pg from 'pg';
import { openDatabase } from './src/db/database.ts';
import { createBackup } from './src/modules/backup/backup.ts';
import { restoreBackup } from './src/modules/backup/restore.ts';
import { migrate } from './src/db/migrate.ts';
import { loadRegions } from './src/modules/regions/load.ts';
import { fillSampleData } from './src/modules/backup/test-data.ts';
const admin = new pg.Client({ connectionString: 'postgres://postgres:postgres@localhost/postgres' });
await admin.connect();
await admin.query('DROP DATABASE IF EXISTS bk_dbg'); await admin.query('CREATE DATABASE bk_dbg'); await admin.end();
const p = await openDatabase({ kind: 'postgres', url: 'postgres://postgres:postgres@localhost/bk_dbg' });
await migrate(p); await loadRegions(p); await fillSampleData(p);
const t = setTimeout(() => { console.log('TIMEOUT'); process.exit(1); }, 60000);
console.time('backup');
await createBackup(p, '/tmp/bk/pg.sql.gz', { appVersion: 't' });
console.timeEnd('backup');
const h = await openDatabase({ kind: 'embedded' });
console.time('restore');
try { console.log((await restoreBackup(h, '/tmp/bk/pg.sql.gz')).rows); } catch (e) { console.log('threw', e); }
console.timeEnd('restore');
// truncated into pg
const fs = await import('node:fs');
const b = fs.readFileSync('/tmp/bk/pg.sql.gz'); fs.writeFileSync('/tmp/bk/cut.sql.gz', b.subarray(0, Math.floor(b.length*0.6)));
try { await restoreBackup(p, '/tmp/bk/cut.sql.gz', { replace: true }); } catch (e) { console.log('threw', (e as Error).message); }
console.log((await p.db.selectFrom('family').select('no_kk').execute()).length);
clearTimeout(t);
await p.close(); await h.close();
