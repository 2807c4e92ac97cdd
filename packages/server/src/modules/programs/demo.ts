import { ProgramCreate } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { silentProgress, type ProgressReporter } from '../../progress.ts';
import type { ProgramContext } from './context.ts';
import { createDecree } from './decree/service.ts';
import { BUSINESS_PACKAGE_NAME, DEMO_PROGRAMS, proportionalShares } from './demo-programs.ts';
import { replaceEnrolment, verifyEnrolment } from './enrolments/service.ts';
import { changeProgramStatus, createProgram } from './service.ts';
import { TargetingRunner } from './targeting/runner.ts';
import { startRun } from './targeting/service.ts';

export interface DemoProgramsOptions {
  /** The installation's region (e.g. '35.07'); the regency of the registry's first family when absent. */
  jurisdiction?: string;
}

export interface DemoProgramsResult {
  programs: number;
  candidates: number;
  inDecree: number;
}

/** The demo account that sets a program up, or the first admin when that account does not exist. */
async function userContext(db: Kysely<DB>, jurisdiction: string, username: string | null): Promise<ProgramContext | null> {
  const find = (by: 'username' | 'admin') => db
    .selectFrom('app_user')
    .select(['id', 'username', 'full_name', 'role', 'agency_id', 'scope_codes'])
    .where((eb) => (by === 'username' ? eb('username', '=', username ?? '') : eb('role', '=', 'admin')))
    .orderBy('created_at')
    .executeTakeFirst();
  const row = (username ? await find('username') : undefined) ?? (await find('admin'));
  if (!row) return null;
  const user: SessionUser = {
    id: row.id, username: row.username, fullName: row.full_name, role: row.role, agencyId: row.agency_id, scopeCodes: row.scope_codes,
    language: 'id', mustChangePassword: false, sessionId: 'demo-seed', csrfToken: 'demo-seed',
  };
  return { db, config: { ...loadConfig({}), jurisdiction }, user, request: null };
}

/** Families of desil 1–5 per kecamatan: the weights of the business package's quotas. */
async function poorFamiliesByKecamatan(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await sql<{ code: string; n: number }>`
    SELECT kecamatan_code AS code, count(*)::int AS n FROM family WHERE desil_national BETWEEN 1 AND 5 GROUP BY kecamatan_code`.execute(db);
  return new Map(rows.rows.map((row) => [row.code, row.n]));
}

const REJECTIONS = [
  { reason: 'moved', note: 'Keluarga pindah ke Kota Malang sejak Januari.' },
  { reason: 'died', note: 'Kepala keluarga meninggal dunia; ahli waris belum ditetapkan.' },
  { reason: 'not_poor', note: 'Usaha sudah berjalan kembali dengan omzet memadai.' },
  { reason: 'refused', note: 'Keluarga menyatakan tidak bersedia menerima paket.' },
] as const;

/**
 * The business package's field work: a few candidates rejected with reasons and replaced from the waiting list,
 * the rest verified in bulk, then the decree (SK) fixing the verified list. Replacements stay candidates, to show
 * the next step.
 */
async function completeBusinessPackage(context: ProgramContext, programId: string): Promise<void> {
  const candidates = await context.db.selectFrom('program_enrolment').select(['id']).where('program_id', '=', programId).orderBy('rank').execute();
  const rejected = candidates.filter((_, index) => index % 97 === 41).slice(0, 12);
  for (const [index, candidate] of rejected.entries()) {
    const rejection = REJECTIONS[index % REJECTIONS.length]!;
    await verifyEnrolment(context, programId, candidate.id, { result: 'rejected', reason: rejection.reason, note: rejection.note, fieldDate: '2026-03-02' });
    await replaceEnrolment(context, programId, candidate.id, 'Pengganti dari daftar tunggu sesuai peringkat.').catch(() => undefined);
  }
  const skip = new Set(rejected.map((candidate) => candidate.id));
  const toVerify = candidates.filter((candidate) => !skip.has(candidate.id)).map((candidate) => candidate.id);
  if (toVerify.length === 0) return;
  await context.db.transaction().execute(async (trx) => {
    await sql`
      INSERT INTO enrolment_change (enrolment_id, program_id, action, from_status, to_status, note, field_date, user_id)
      SELECT id, program_id, 'verify', 'candidate', 'verified', 'Verifikasi lapangan oleh pendamping', DATE '2026-03-02', ${context.user.id}::uuid
        FROM program_enrolment WHERE id = ANY(${toVerify}::uuid[])`.execute(trx);
    await sql`
      UPDATE program_enrolment SET status = 'verified', verified_on = DATE '2026-03-02', verified_by = ${context.user.id}::uuid, version = version + 1,
             status_changed_at = now(), updated_at = now()
       WHERE id = ANY(${toVerify}::uuid[])`.execute(trx);
  });
  await createDecree(context, programId, {
    number: '188.45/214/KEP/35.07.013/2026', decreeDate: '2026-03-16', signedBy: 'Bupati Malang',
    title: 'Penetapan Penerima Bantuan Paket Usaha Tahun Anggaran 2026',
  });
}

/**
 * Seeds the demo programs (business package with quotas, a targeting run and a decree; PKH; sembako; a Disnaker
 * training draft; a house renovation program with a run) once the demo agencies and users exist. Does nothing when
 * programs exist already or the demo agencies are missing.
 */
export async function seedDemoPrograms(handle: DatabaseHandle, progress: ProgressReporter = silentProgress, options: DemoProgramsOptions = {}): Promise<DemoProgramsResult> {
  const { db } = handle;
  const empty = { programs: 0, candidates: 0, inDecree: 0 };
  if ((await db.selectFrom('program').select('id').limit(1).execute()).length > 0) return empty;
  const first = await db.selectFrom('family').select('kecamatan_code').limit(1).executeTakeFirst();
  const jurisdiction = options.jurisdiction ?? first?.kecamatan_code.slice(0, 5);
  if (!jurisdiction) return empty;
  const agencies = new Map<string, string>();
  for (const row of await db.selectFrom('agency').select(['id', 'kind']).orderBy('created_at').execute()) if (!agencies.has(row.kind)) agencies.set(row.kind, row.id);
  const runner = new TargetingRunner(db);
  const bar = progress.start('Program contoh / demo programs', DEMO_PROGRAMS.length);
  let programs = 0;
  try {
    for (const demo of DEMO_PROGRAMS) {
      const agencyId = agencies.get(demo.agencyKind);
      const context = agencyId ? await userContext(db, jurisdiction, demo.username) : null;
      if (!agencyId || !context) continue;
      const quotas = demo.proportionalQuotas
        ? [...proportionalShares(demo.body.targetFamilies ?? 0, await poorFamiliesByKecamatan(db)).entries()].map(([kecamatanCode, families]) => ({ kecamatanCode, families }))
        : [];
      let program = await createProgram(context, ProgramCreate.parse({ ...demo.body, agencyId, quotas }));
      if (demo.status === 'active') program = await changeProgramStatus(context, program.id, 'active', program.version);
      if (demo.run) await startRun(context, program.id, { runner, inlineFamilies: Number.MAX_SAFE_INTEGER });
      if (demo.body.name === BUSINESS_PACKAGE_NAME) await completeBusinessPackage(context, program.id);
      programs += 1;
      bar.update(programs);
    }
  } finally {
    bar.stop();
  }
  const counts = await sql<{ candidates: number; decreed: number }>`
    SELECT count(*) FILTER (WHERE status IN ('candidate', 'verified'))::int AS candidates, count(*) FILTER (WHERE status = 'in_decree')::int AS decreed
      FROM program_enrolment`.execute(db);
  return { programs, candidates: counts.rows[0]?.candidates ?? 0, inDecree: counts.rows[0]?.decreed ?? 0 };
}
