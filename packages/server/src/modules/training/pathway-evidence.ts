import type { SuggestedEvidence } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

interface CompletedTrainingRow {
  id: string;
  course_name: string;
  cohort_name: string;
  agency_id: string;
  agency_short_name: string;
  end_date: string;
}

/** A member of the family who completed a training puts the family at empowerment (pemberdayaan) from the cohort's last day. */
export async function completedTrainingEvidence(db: Kysely<DB>, familyId: string): Promise<SuggestedEvidence[]> {
  const rows = await sql<CompletedTrainingRow>`
    SELECT p.id, c.name AS course_name, h.name AS cohort_name, a.id AS agency_id, a.short_name AS agency_short_name, h.end_date::text AS end_date
      FROM training_participant p
      JOIN training_cohort h ON h.id = p.cohort_id
      JOIN training_course c ON c.id = h.course_id
      JOIN agency a ON a.id = c.agency_id
     WHERE p.family_id = ${familyId} AND p.outcome = 'completed'`.execute(db);
  return rows.rows.map((row) => ({
    kind: 'training',
    id: row.id,
    label: `Pelatihan ${row.course_name} (${row.cohort_name})`,
    stage: 'pemberdayaan',
    agency: { id: row.agency_id, shortName: row.agency_short_name },
    date: row.end_date,
  }));
}
