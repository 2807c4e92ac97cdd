import { TRAINING_FOLLOW_UP_STATUS_LABELS, type TimelineEvent, type TrainingFollowUpStatus } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { mayManageTraining } from './context.ts';

const onDate = (date: string) => ({ at: `${date}T00:00:00.000Z`, allDay: true });
const rupiah = (value: number) => `Rp${value.toLocaleString('id-ID')}`;

/**
 * A family's training: enrolment, completion (with the certificate) and each recorded follow-up. A cohort inside a
 * prison reveals a criminal record (specific personal data), so other agencies see only that a training took place.
 */
export async function trainingTimelineEvents(db: Kysely<DB>, familyId: string, user: SessionUser): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom('training_participant as p')
    .innerJoin('member as m', 'm.id', 'p.member_id')
    .innerJoin('training_cohort as h', 'h.id', 'p.cohort_id')
    .innerJoin('training_course as c', 'c.id', 'h.course_id')
    .innerJoin('agency as a', 'a.id', 'c.agency_id')
    .select([
      'p.id', 'p.member_id', 'm.name', 'p.created_at', 'p.outcome', 'p.certificate_number', 'p.withdrawn', 'h.id as cohort_id', 'h.name as cohort_name',
      'h.place_kind', 'h.end_date', 'c.name as course_name', 'c.agency_id', 'a.short_name as agency',
    ])
    .where('p.family_id', '=', familyId)
    .execute();
  if (rows.length === 0) return [];
  const followUps = await db
    .selectFrom('training_follow_up')
    .select(['participant_id', 'milestone', 'contacted_on', 'status', 'monthly_turnover'])
    .where('participant_id', 'in', rows.map((row) => row.id))
    .where('contacted_on', 'is not', null)
    .execute();
  const events: TimelineEvent[] = [];
  for (const row of rows) {
    const discreet = row.place_kind === 'prison' && !mayManageTraining(user, row.agency_id);
    const common = { source: 'training', memberId: row.member_id, ...(discreet ? {} : { link: `/pelatihan/angkatan/${row.cohort_id}` }) };
    const where = discreet ? { id: row.agency, en: row.agency } : { id: `${row.cohort_name} (${row.agency})`, en: `${row.cohort_name} (${row.agency})` };
    events.push({
      ...common, at: new Date(row.created_at).toISOString(), kind: 'training.enrolled',
      title: { id: `Peserta pelatihan ${row.course_name}: ${row.name}`, en: `Training participant, ${row.course_name}: ${row.name}` }, detail: where,
    });
    if (row.outcome === 'completed') {
      events.push({
        ...common, ...onDate(row.end_date), kind: 'training.completed',
        title: { id: `Lulus pelatihan ${row.course_name}: ${row.name}`, en: `Completed training, ${row.course_name}: ${row.name}` },
        detail: { id: `Sertifikat ${row.certificate_number ?? ''}`, en: `Certificate ${row.certificate_number ?? ''}` },
      });
    } else if (row.outcome === 'not_completed') {
      events.push({
        ...common, ...onDate(row.end_date), kind: 'training.not_completed',
        title: { id: `Tidak lulus pelatihan ${row.course_name}: ${row.name}`, en: `Did not complete training, ${row.course_name}: ${row.name}` },
      });
    }
    for (const followUp of followUps.filter((f) => f.participant_id === row.id)) {
      const status = TRAINING_FOLLOW_UP_STATUS_LABELS[followUp.status as TrainingFollowUpStatus];
      const turnover = followUp.monthly_turnover !== null ? `, ${rupiah(followUp.monthly_turnover)}/bulan` : '';
      events.push({
        ...common, ...onDate(followUp.contacted_on ?? row.end_date), kind: 'training.follow_up',
        title: { id: `Tindak lanjut ${followUp.milestone} bulan pelatihan: ${row.name}`, en: `${followUp.milestone}-month training follow-up: ${row.name}` },
        detail: { id: `${status.id}${turnover}`, en: `${status.en}${turnover.replace('/bulan', '/month')}` },
      });
    }
  }
  return events;
}
