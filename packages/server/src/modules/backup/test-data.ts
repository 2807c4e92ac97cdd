import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/database.ts';
import { recordAudit } from '../audit/record.ts';
import { selectDumpableTables } from './queries.ts';

/** Text that trips naive dump formats: tabs, newlines, quotes, backslashes, CSV and COPY markers, non-ASCII. */
export const AWKWARD_ADDRESS = 'Jl. "Mawar"\tNo. 5\nRT 01\\02, Dusun Krajan; \\. \\N é—ñ';

/** A small but varied installation: agencies, users, families with members, settings and an audit trail. */
export async function fillSampleData(handle: DatabaseHandle): Promise<void> {
  const { db } = handle;
  const villages = await db.selectFrom('region').select('code').where('level', '=', 4).where('code', 'like', '35.07.13.%').orderBy('code').limit(2).execute();
  const [v1, v2] = villages.map((v) => v.code);
  if (!v1 || !v2) throw new Error('region tree not loaded');
  const agencies = await db
    .insertInto('agency')
    .values([
      { name: 'Dinas Sosial', short_name: 'Dinsos', kind: 'dinsos' },
      { name: 'Badan Perencanaan Pembangunan Daerah', short_name: 'Bappeda', kind: 'bappeda' },
    ])
    .returning('id')
    .execute();
  const users = await db
    .insertInto('app_user')
    .values([
      { username: 'admin', full_name: 'Admin', password_hash: '$argon2id$placeholder', role: 'admin', agency_id: agencies[1]!.id },
      {
        username: 'pendamping.satu',
        full_name: 'Dewi Lestari',
        password_hash: '$argon2id$placeholder',
        role: 'pendamping',
        agency_id: agencies[0]!.id,
        scope_codes: ['35.07.13'],
        disabled_at: new Date('2026-01-02T03:04:05Z'),
      },
    ])
    .returning(['id', 'username'])
    .execute();
  const families = await db
    .insertInto('family')
    .values([
      { no_kk: '3507130101260001', village_code: v1, address: AWKWARD_ADDRESS, head_name: 'Sutrisno', member_count: 2, desil_national: 1, assets: ['motor', 'kulkas "2 pintu"'], business_status: 'stalled', business_turnover: 1_500_000, floor_area_m2: 36.5, data_date: '2025-08-17' },
      { no_kk: '3507130101260002', village_code: v2, head_name: 'Siti Aminah', member_count: 1, desil_national: 4 },
    ])
    .returning('id')
    .execute();
  const members = await db
    .insertInto('member')
    .values([
      { nik: '3507131708750001', family_id: families[0]!.id, name: 'Sutrisno', birth_date: '1975-08-17', sex: 'L', relation: 1 },
      { nik: '3507135708800002', family_id: families[0]!.id, name: 'Sri Wahyuni', birth_date: '1980-08-17', sex: 'P', relation: 2, disabilities: ['penglihatan'], ppks: ['Penyandang disabilitas'] },
      { nik: '3507134101900003', family_id: families[1]!.id, name: 'Siti Aminah', birth_date: '1990-01-01', sex: 'P', relation: 1, special_status: ['warga_binaan'] },
    ])
    .returning(['id', 'family_id'])
    .execute();
  await db.insertInto('family_membership').values(members.map((m) => ({ member_id: m.id, family_id: m.family_id, relation: 1 }))).execute();
  await db.insertInto('app_setting').values({ key: 'sample', value: JSON.stringify({ nested: { list: [1, 2, 3] }, text: 'é' }) }).execute();
  for (const user of users) {
    await recordAudit(db, null, { action: 'login', entity: 'user', entityId: user.id }, user);
  }
  await recordAudit(db, null, { action: 'view', entity: 'family', entityId: families[0]!.id, details: { fields: ['nik'] } }, users[0]);
}

/** Every stored row of every application table (regions only counted), in a stable order, for comparing two databases. */
export async function snapshot(handle: DatabaseHandle): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const { table, columns } of await selectDumpableTables(handle.db)) {
    if (table === 'region') {
      const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM region`.execute(handle.db);
      result.region = count.rows[0]?.n;
      continue;
    }
    if (table === 'schema_migration') {
      const names = await sql<{ name: string }>`SELECT name FROM schema_migration ORDER BY name`.execute(handle.db);
      result.schema_migration = names.rows.map((r) => r.name);
      continue;
    }
    // Backup and restore record themselves in the audit trail; those rows differ by design between the two databases.
    const own = table === 'audit_log' ? sql`WHERE entity <> 'database'` : sql``;
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ${own} ORDER BY ${sql.raw(columns.map((_, i) => String(i + 1)).join(', '))}`.execute(handle.db);
    result[table] = rows.rows.map(normalise);
  }
  return result;
}

function normalise(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}
