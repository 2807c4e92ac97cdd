import type { ProgramKind } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../../../db/database.ts';
import type { DB } from '../../../db/schema/index.ts';
import { silentProgress, type ProgressReporter } from '../../../progress.ts';

/** Kinds paid out in cash stages; everything else is handed over as a package of items. */
const CASH_KINDS: ReadonlySet<ProgramKind> = new Set(['cash_transfer', 'conditional_cash']);
const QUARTERS = [['01-01', '03-31'], ['04-01', '06-30'], ['07-01', '09-30'], ['10-01', '12-31']] as const;
/** Of every ten decreed families, this many have received the first stage in the demo. */
const SERVED_OF_TEN = 6;

export interface DemoDistributionResult {
  stages: number;
  handovers: number;
}

interface DemoProgramRow {
  id: string;
  kind: ProgramKind;
  agency_id: string;
  period_from: string;
  unit_value: number | null;
  target_money: number | null;
  target_families: number | null;
  benefit_items: unknown;
  decreed: number;
}

async function userId(db: Kysely<DB>, username: string, agencyId: string): Promise<string | null> {
  const row = await db.selectFrom('app_user').select('id').where('username', '=', username).where('agency_id', '=', agencyId).executeTakeFirst();
  return row?.id ?? null;
}

async function officerOf(db: Kysely<DB>, agencyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where((eb) => eb.or([eb.and([eb('agency_id', '=', agencyId), eb('role', '=', 'operator')]), eb('role', '=', 'admin')]))
    .orderBy(sql`role = 'admin'`)
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Cash programs: four quarterly stages; in-kind programs: one package stage with the program's benefit items. */
async function planStages(db: Kysely<DB>, program: DemoProgramRow, createdBy: string): Promise<string[]> {
  const year = program.period_from.slice(0, 4);
  const stages = CASH_KINDS.has(program.kind)
    ? QUARTERS.map(([from, to], index) => ({
      number: index + 1, name: `Tahap ${index + 1}`, kind: 'cash' as const, items: '[]', planned_from: `${year}-${from}`, planned_to: `${year}-${to}`,
      amount_per_family: program.unit_value !== null ? Math.round(program.unit_value / 4)
        : Math.round((program.target_money ?? 0) / Math.max(program.target_families ?? 1, 1) / 4),
    }))
    : [{
      number: 1, name: 'Penyerahan paket', kind: 'in_kind' as const, items: JSON.stringify(program.benefit_items), amount_per_family: null,
      planned_from: `${year}-04-01`, planned_to: `${year}-06-30`,
    }];
  const rows = await db
    .insertInto('distribution_stage')
    .values(stages.map((stage) => ({ ...stage, program_id: program.id, created_by: createdBy })))
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * The first stage handed to six of every ten decreed families (by kecamatan and rank), spread over four weeks from
 * early April, by the Kepanjen pendamping in Kepanjen and the agency's operator elsewhere; each family becomes served.
 */
async function recordFirstStage(db: Kysely<DB>, program: DemoProgramRow, stageId: string, operatorId: string, kepanjenId: string | null): Promise<number> {
  const programId = program.id;
  const firstDay = `${program.period_from.slice(0, 4)}-04-06`;
  return db.transaction().execute(async (trx) => {
    const inserted = await sql<{ id: string }>`
      WITH decreed AS (
        SELECT e.id, e.family_id, e.kecamatan_code, e.village_code, row_number() OVER (ORDER BY e.kecamatan_code, e.rank NULLS LAST, e.id) - 1 AS n
          FROM program_enrolment e WHERE e.program_id = ${programId}::uuid AND e.status = 'in_decree'
      ), stage AS (
        SELECT s.id, s.kind, s.amount_per_family,
               coalesce((SELECT sum((i->>'quantity')::numeric * (i->>'unitValue')::numeric) FROM jsonb_array_elements(s.items) i), 0)::bigint AS worth, s.items
          FROM distribution_stage s WHERE s.id = ${stageId}::uuid
      )
      INSERT INTO distribution_handover (program_id, stage_id, enrolment_id, family_id, kecamatan_code, village_code, client_key, handed_on, officer_id,
                                         amount, items, people, note, recorded_by)
      SELECT ${programId}::uuid, stage.id, d.id, d.family_id, d.kecamatan_code, d.village_code, 'demo-' || d.id || '-1',
             ${firstDay}::date + (d.n % 4)::int * 7 + (d.n % 5)::int,
             CASE WHEN d.kecamatan_code = '35.07.13' AND ${kepanjenId}::uuid IS NOT NULL THEN ${kepanjenId}::uuid ELSE ${operatorId}::uuid END,
             CASE WHEN stage.kind = 'cash' THEN coalesce(stage.amount_per_family, 0) ELSE stage.worth END,
             CASE WHEN stage.kind = 'cash' THEN '[]'::jsonb ELSE stage.items END,
             (SELECT count(*)::int FROM member m WHERE m.family_id = d.family_id AND m.status = 'active'),
             'Diserahkan di balai desa, disaksikan perangkat desa.',
             CASE WHEN d.kecamatan_code = '35.07.13' AND ${kepanjenId}::uuid IS NOT NULL THEN ${kepanjenId}::uuid ELSE ${operatorId}::uuid END
        FROM decreed d CROSS JOIN stage
       WHERE d.n % 10 < ${SERVED_OF_TEN}
      RETURNING id`.execute(trx);
    await sql`
      INSERT INTO distribution_handover_revision (handover_id, revision, handed_on, amount, items, note, user_id)
      SELECT id, 1, handed_on, amount, items, note, recorded_by FROM distribution_handover WHERE stage_id = ${stageId}::uuid`.execute(trx);
    await sql`
      INSERT INTO enrolment_change (enrolment_id, program_id, action, from_status, to_status, note, field_date, user_id)
      SELECT h.enrolment_id, h.program_id, 'serve', 'in_decree', 'served', s.name, h.handed_on, h.officer_id
        FROM distribution_handover h JOIN distribution_stage s ON s.id = h.stage_id WHERE h.stage_id = ${stageId}::uuid`.execute(trx);
    await sql`
      UPDATE program_enrolment e
         SET status = 'served', served_at = h.handed_on + time '12:00' AT TIME ZONE 'UTC', status_changed_at = now(), updated_at = now(), version = e.version + 1
        FROM distribution_handover h
       WHERE h.enrolment_id = e.id AND h.stage_id = ${stageId}::uuid AND e.status = 'in_decree'`.execute(trx);
    return inserted.rows.length;
  });
}

/**
 * Demo distribution: stages for every active demo program, and for programs with a decree the first stage handed to
 * most decreed families, so that the realisation views show numbers. Does nothing once any stage exists.
 */
export async function seedDemoDistribution(handle: DatabaseHandle, progress: ProgressReporter = silentProgress): Promise<DemoDistributionResult> {
  const { db } = handle;
  if ((await db.selectFrom('distribution_stage').select('id').limit(1).execute()).length > 0) return { stages: 0, handovers: 0 };
  const programs = await sql<DemoProgramRow>`
    SELECT p.id, p.kind, p.agency_id, p.period_from, p.unit_value, p.target_money, p.target_families, p.benefit_items,
           (SELECT count(*)::int FROM program_enrolment e WHERE e.program_id = p.id AND e.status = 'in_decree') AS decreed
      FROM program p WHERE p.status = 'active' ORDER BY p.created_at, p.name`.execute(db);
  const bar = progress.start('Penyaluran contoh / demo distribution', programs.rows.length);
  let stages = 0;
  let handovers = 0;
  try {
    for (const [index, program] of programs.rows.entries()) {
      const operatorId = (await userId(db, 'operator.dinsos', program.agency_id)) ?? (await officerOf(db, program.agency_id));
      if (!operatorId) continue;
      const stageIds = await planStages(db, program, operatorId);
      stages += stageIds.length;
      if (program.decreed > 0) {
        handovers += await recordFirstStage(db, program, stageIds[0]!, operatorId, await userId(db, 'pendamping.kepanjen', program.agency_id));
      }
      bar.update(index + 1);
    }
  } finally {
    bar.stop();
  }
  return { stages, handovers };
}
