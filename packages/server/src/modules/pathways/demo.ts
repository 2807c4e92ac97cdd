import { RECEIVED_STATUSES, type PathwayEvidence, type PathwayStage } from '@sinergi/domain';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.ts';
import type { DB, FamilyPathwayTable, PathwayTransitionTable } from '../../db/schema/index.ts';
import { silentProgress, type ProgressReporter } from '../../progress.ts';

/**
 * Demo pathways derived from the demo programs' enrolments, in no_kk order (deterministic): families registered for an
 * aid program that lowers spending stand at bantuan; every business-package recipient reached pemberdayaan on the day
 * it received the package; one in five was handed over to Disperindagkop (pengembangan) three months later; one in
 * twenty-five was declared mandiri in a coordination meeting, with the reason recorded as an override.
 */

export interface DemoPathwaysResult {
  families: number;
  byStage: Record<PathwayStage, number>;
}

const GROWTH_EVERY = 5;
const GRADUATE_EVERY = 25;
const AID_EVERY = 3;
const GRADUATED_ON = '2026-10-15';
const GRADUATION_REASON = 'Ditetapkan mandiri dalam rakor kecamatan 15 Oktober 2026: usaha berjalan stabil dengan omzet di atas Rp1,5 juta per bulan; '
  + 'menunggu pembaruan desil pada DTSEN berikutnya.';

interface EnrolmentRow {
  enrolment_id: string;
  family_id: string;
  program_name: string;
  agency_id: string;
  status: string;
  received_on: string | null;
  desil_national: number | null;
}

function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + month - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(Math.min(day, 28)).padStart(2, '0')}`;
}

async function enrolments(db: Kysely<DB>, where: 'business' | 'aid'): Promise<EnrolmentRow[]> {
  const filter = where === 'business'
    ? sql`p.kind = 'business_package' AND e.status = ANY(${[...RECEIVED_STATUSES]}::text[]) AND e.received_on IS NOT NULL`
    : sql`p.approach = 'lower_spending' AND e.status NOT IN ('rejected', 'cancelled')`;
  const rows = await sql<EnrolmentRow>`
    SELECT DISTINCT ON (f.no_kk) e.id AS enrolment_id, e.family_id, p.name AS program_name, p.agency_id, e.status, e.received_on::text AS received_on, f.desil_national
      FROM program_enrolment e JOIN program p ON p.id = e.program_id JOIN family f ON f.id = e.family_id
     WHERE ${filter}
     ORDER BY f.no_kk, p.created_at, p.name`.execute(db);
  return rows.rows;
}

async function demoUser(db: Kysely<DB>, username: string): Promise<string | null> {
  const row = await db.selectFrom('app_user').select('id').where((eb) => eb.or([eb('username', '=', username), eb('role', '=', 'admin')]))
    .orderBy(sql`username = ${username}`, 'desc').orderBy('created_at').executeTakeFirst();
  return row?.id ?? null;
}

const evidenceOf = (row: EnrolmentRow): PathwayEvidence[] => [{ kind: 'enrolment', id: row.enrolment_id, label: row.program_name }];

export async function seedDemoPathways(handle: DatabaseHandle, progress: ProgressReporter = silentProgress): Promise<DemoPathwaysResult> {
  const { db } = handle;
  const byStage: Record<PathwayStage, number> = { bantuan: 0, pemberdayaan: 0, pengembangan: 0, mandiri: 0 };
  if ((await db.selectFrom('family_pathway').select('family_id').limit(1).execute()).length > 0) return { families: 0, byStage };
  const userId = await demoUser(db, 'operator.dinsos');
  const koperasi = await db.selectFrom('agency').select('id').where('kind', '=', 'disperindagkop').orderBy('created_at').executeTakeFirst();
  const business = await enrolments(db, 'business');
  const inBusiness = new Set(business.map((row) => row.family_id));
  const aid = (await enrolments(db, 'aid')).filter((row, index) => !inBusiness.has(row.family_id) && index % AID_EVERY === 0);

  const pathways: Insertable<FamilyPathwayTable>[] = [];
  const transitions: Insertable<PathwayTransitionTable>[] = [];
  const add = (row: EnrolmentRow, steps: Omit<Insertable<PathwayTransitionTable>, 'family_id' | 'user_id'>[], businessStartedOn: string | null) => {
    let from: PathwayStage | null = null;
    for (const step of steps) {
      transitions.push({ ...step, family_id: row.family_id, from_stage: from, user_id: userId });
      from = step.to_stage;
    }
    const last = steps.at(-1)!;
    pathways.push({
      family_id: row.family_id, stage: last.to_stage, stage_since: last.on_date, agency_id: last.agency_id ?? null, baseline_desil: row.desil_national,
      business_started_on: businessStartedOn, version: steps.length,
    });
    byStage[last.to_stage] += 1;
  };
  for (const row of aid) {
    const note = row.status === 'served' || row.status === 'finished' ? null : `Terdaftar sebagai penerima ${row.program_name}.`;
    add(row, [{ to_stage: 'bantuan', on_date: row.received_on ?? '2026-01-15', agency_id: row.agency_id, evidence: JSON.stringify(evidenceOf(row)), note }], null);
  }
  for (const [index, row] of business.entries()) {
    const receivedOn = row.received_on!;
    const steps: Omit<Insertable<PathwayTransitionTable>, 'family_id' | 'user_id'>[] = [
      { to_stage: 'pemberdayaan', on_date: receivedOn, agency_id: row.agency_id, evidence: JSON.stringify(evidenceOf(row)) },
    ];
    // Offsets so that even a small demo registry has a family at every stage.
    const graduates = index % GRADUATE_EVERY === 1;
    if (graduates || index % GROWTH_EVERY === 3) {
      steps.push({
        to_stage: 'pengembangan', on_date: addMonths(receivedOn, 3), agency_id: koperasi?.id ?? row.agency_id,
        note: 'Usaha berkembang; diserahkan ke Disperindagkop untuk akses modal dan pemasaran.',
      });
    }
    if (graduates) steps.push({ to_stage: 'mandiri', on_date: GRADUATED_ON, agency_id: row.agency_id, override_reason: GRADUATION_REASON });
    add(row, steps, receivedOn);
  }
  const bar = progress.start('Jalan keluar contoh / demo pathways', pathways.length);
  try {
    await db.transaction().execute(async (trx) => {
      for (let start = 0; start < pathways.length; start += 500) {
        await trx.insertInto('family_pathway').values(pathways.slice(start, start + 500)).execute();
        bar.update(Math.min(start + 500, pathways.length));
      }
      for (let start = 0; start < transitions.length; start += 500) await trx.insertInto('pathway_transition').values(transitions.slice(start, start + 500)).execute();
    });
  } finally {
    bar.stop();
  }
  return { families: pathways.length, byStage };
}
