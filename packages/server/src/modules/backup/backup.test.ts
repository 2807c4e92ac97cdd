import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { AppError } from '../../http/errors.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../test/db.ts';
import { dropDatabase, withDatabase } from '../../../test/global-setup.ts';
import { createBackup } from './backup.ts';
import { BACKUP_TRAILER } from './format.ts';
import { restoreBackup } from './restore.ts';
import { AWKWARD_ADDRESS, fillSampleData, snapshot } from './test-data.ts';

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-backup-test-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

function tempFile(name: string): string {
  return path.join(workDir, `${crypto.randomBytes(4).toString('hex')}-${name}`);
}

async function expectAppError(work: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

/** A database with nothing in it, not even the schema: what an administrator creates for a new installation. */
async function openEmptyDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'embedded') return openDatabase({ kind: 'embedded' });
  const url = process.env.DATABASE_URL!;
  const name = `sinergi_e_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const handle = await openDatabase({ kind: 'postgres', url: withDatabase(url, name) });
  return { ...handle, close: async () => (await handle.close(), await dropDatabase(url, name)) };
}

describe.each(testDatabaseKinds)('backup and restore on %s', (kind) => {
  let source: DatabaseHandle;
  let expected: Record<string, unknown>;
  let backupFile: string;

  beforeAll(async () => {
    source = await openTestDatabase(kind);
    await fillSampleData(source);
    expected = await snapshot(source);
    backupFile = tempFile('sinergi.sql.gz');
    const result = await createBackup(source, backupFile, { appVersion: 'test' });
    expect(result.header.source).toBe(kind);
  });
  afterAll(async () => source.close());

  it('writes one gzip file, readable by its owner only, framed as a complete Sinergi backup', () => {
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
    const text = zlib.gunzipSync(fs.readFileSync(backupFile)).toString('utf8');
    expect(text.startsWith('-- sinergi-backup: {')).toBe(true);
    expect(text.trimEnd().endsWith(BACKUP_TRAILER)).toBe(true);
    expect(text).toMatch(/^COPY public\.(family|"family") /m);
    expect(fs.readdirSync(path.dirname(backupFile)).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('leaves the source database usable for writes and unqualified names', async () => {
    await source.db.insertInto('app_setting').values({ key: 'after-backup', value: JSON.stringify(true) }).execute();
    const deleted = await source.db.deleteFrom('app_setting').where('key', '=', 'after-backup').executeTakeFirst();
    expect(Number(deleted.numDeletedRows)).toBe(1);
  });

  it('restores every row into a fresh database, with identities, generated columns and the audit guard intact', async () => {
    const target = await openEmptyDatabase(kind);
    try {
      const result = await restoreBackup(target, backupFile);
      expect(result.rows.family).toBe(2);
      expect(result.rows.member).toBe(3);
      expect(result.rows.audit_log).toBe(3);
      expect(result.rows.region).toBe(expected.region);
      expect(await snapshot(target)).toEqual(expected);

      const family = await target.db.selectFrom('family').select(['address', 'kecamatan_code', 'assets']).where('no_kk', '=', '3507130101260001').executeTakeFirstOrThrow();
      expect(family).toEqual({ address: AWKWARD_ADDRESS, kecamatan_code: '35.07.13', assets: ['motor', 'kulkas "2 pintu"'] });

      const recorded = await target.db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'database').execute();
      expect(recorded).toEqual([{ action: 'update', details: expect.objectContaining({ operation: 'restore', backupSource: kind }) as unknown }]);
      const exported = await source.db.selectFrom('audit_log').select('details').where('entity', '=', 'database').where('action', '=', 'export').execute();
      expect(exported.length).toBeGreaterThan(0);

      const maxBefore = await sql<{ max: number }>`SELECT max(id)::int AS max FROM audit_log`.execute(target.db);
      const added = await target.db.insertInto('audit_log').values({ action: 'view', entity: 'family' }).returning('id').executeTakeFirstOrThrow();
      expect(added.id).toBe((maxBefore.rows[0]?.max ?? 0) + 1);
      await expect(target.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    } finally {
      await target.close();
    }
  });

  it('refuses to replace a database that holds data unless asked to, then replaces it whole', async () => {
    const target = await openTestDatabase(kind);
    try {
      await target.db.insertInto('agency').values({ name: 'Dinas Lain', short_name: 'Lain', kind: 'other' }).execute();
      await expectAppError(restoreBackup(target, backupFile), 'restore_needs_confirmation');
      await restoreBackup(target, backupFile, { replace: true });
      expect(await snapshot(target)).toEqual(expected);
    } finally {
      await target.close();
    }
  });

  it('leaves the database untouched when the backup is truncated or damaged', async () => {
    // A small backup (schema and one agency, no region tree) keeps the three failing restores quick.
    const bare = await openEmptyDatabase(kind);
    const small = tempFile('small.sql.gz');
    try {
      await migrate(bare);
      await bare.db.insertInto('agency').values({ name: 'Dinas Kecil', short_name: 'Kecil', kind: 'other' }).execute();
      await createBackup(bare, small, { appVersion: 'test' });
    } finally {
      await bare.close();
    }
    const target = await openTestDatabase(kind);
    try {
      await target.db.insertInto('agency').values({ name: 'Dinas Tetap', short_name: 'Tetap', kind: 'other' }).execute();
      const before = await snapshot(target);
      const bytes = fs.readFileSync(small);
      const cut = tempFile('cut.sql.gz');
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      await expectAppError(restoreBackup(target, cut, { replace: true }), 'backup_truncated');

      const plain = zlib.gunzipSync(bytes).toString('utf8');
      const withoutTrailer = tempFile('no-trailer.sql');
      fs.writeFileSync(withoutTrailer, plain.slice(0, plain.lastIndexOf(BACKUP_TRAILER)));
      await expectAppError(restoreBackup(target, withoutTrailer, { replace: true }), 'backup_truncated');

      const broken = tempFile('broken.sql');
      fs.writeFileSync(broken, plain.replace('CREATE TABLE public.agency', 'CREATE TABLE public.agency_oops'));
      await expectAppError(restoreBackup(target, broken, { replace: true }), 'restore_failed');
      expect(await snapshot(target)).toEqual(before);

      await restoreBackup(target, small, { replace: true });
      expect(await target.db.selectFrom('agency').select('short_name').execute()).toEqual([{ short_name: 'Kecil' }]);
    } finally {
      await target.close();
    }
  });

  it('rejects files that are not Sinergi backups, and backups from a newer version', async () => {
    const other = tempFile('other.sql');
    fs.writeFileSync(other, 'SELECT 1;\n');
    await expectAppError(restoreBackup(source, other, { replace: true }), 'backup_not_sinergi');
    await expectAppError(restoreBackup(source, path.join(workDir, 'missing.sql.gz')), 'file_not_found');
    await expectAppError(restoreBackup(source, backupFile, { replace: true, knownMigrations: [] }), 'backup_too_new');
    expect(await snapshot(source)).toEqual(expected);
  });
});

// The documented way from a trial on the embedded database to production on PostgreSQL, and back.
describe.runIf(testDatabaseKinds.includes('postgres'))('moving between embedded and PostgreSQL', () => {
  it.each([
    ['embedded', 'postgres'],
    ['postgres', 'embedded'],
  ] as const)('a backup from %s restores into an empty %s database', async (from, to) => {
    const source = await openTestDatabase(from);
    const target = await openEmptyDatabase(to);
    try {
      await fillSampleData(source);
      const file = tempFile(`${from}.sql.gz`);
      await createBackup(source, file, { appVersion: 'test' });
      await restoreBackup(target, file);
      expect(await snapshot(target)).toEqual(await snapshot(source));
    } finally {
      await source.close();
      await target.close();
    }
  });
});
