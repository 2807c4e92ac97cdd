import { CONTRIBUTION_FORM_LABELS, RENOVATION_FUNDING_SOURCE_LABELS, type TimelineEvent } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { houseInScope } from './queries.ts';

type Text = { id: string; en: string };

/** Pipeline dates are calendar days (the day of the field visit), not the moment they were typed in. */
const onDate = (date: string) => ({ at: `${date}T00:00:00.000Z`, allDay: true });
const rupiah = (value: number) => `Rp${Math.round(value).toLocaleString('id-ID')}`;

interface HouseEvents {
  id: string;
  year: number;
  created_at: Date;
  assessed_on: string | null;
  score: number | null;
  verified_on: string | null;
  planned_start: string | null;
  planned_end: string | null;
  completed_on: string | null;
  handover_on: string | null;
  stage: string;
  rejected_reason: string | null;
  rejected_at: Date | null;
}

function houseEvents(house: HouseEvents): TimelineEvent[] {
  const link = `/rumah/${house.id}`;
  const event = (kind: string, when: { at: string; allDay?: boolean }, title: Text, detail?: Text): TimelineEvent => ({
    ...when, kind: `renovation.${kind}`, source: 'renovation', title, ...(detail ? { detail } : {}), link,
  });
  const events = [event('proposed', { at: house.created_at.toISOString() }, { id: `Rumah diusulkan untuk bedah rumah ${house.year}`, en: `House proposed for renovation in ${house.year}` })];
  if (house.assessed_on) events.push(event('assessed', onDate(house.assessed_on), { id: `Rumah dinilai: skor RTLH ${house.score ?? 0}`, en: `House assessed: RTLH score ${house.score ?? 0}` }));
  if (house.verified_on) events.push(event('verified', onDate(house.verified_on), { id: 'Rumah terverifikasi layak dibedah', en: 'House verified for renovation' }));
  if (house.planned_start) {
    events.push(event('scheduled', onDate(house.planned_start), { id: 'Jadwal mulai bedah rumah', en: 'Renovation scheduled to start' },
      { id: `Rencana ${house.planned_start} s.d. ${house.planned_end ?? '?'}`, en: `Planned ${house.planned_start} to ${house.planned_end ?? '?'}` }));
  }
  if (house.completed_on) {
    events.push(event('completed', onDate(house.completed_on), { id: 'Bedah rumah selesai', en: 'Renovation completed' },
      house.handover_on ? { id: `Serah terima ${house.handover_on}`, en: `Handed over on ${house.handover_on}` } : undefined));
  }
  if (house.stage === 'rejected' && house.rejected_at) {
    events.push(event('rejected', { at: house.rejected_at.toISOString() }, { id: 'Usulan bedah rumah ditolak', en: 'Renovation proposal rejected' },
      { id: house.rejected_reason ?? '', en: house.rejected_reason ?? '' }));
  }
  return events;
}

/** The family's houses in the renovation pipeline: each step, every contribution and every progress report. */
export async function renovationTimelineEvents(db: Kysely<DB>, familyId: string, user: SessionUser): Promise<TimelineEvent[]> {
  const houses = await sql<HouseEvents>`
    SELECT h.id, h.year, h.created_at, h.assessed_on, h.score, h.verified_on, h.planned_start, h.planned_end, h.completed_on, h.handover_on, h.stage,
           h.rejected_reason, (SELECT max(at) FROM renovation_stage_change c WHERE c.house_id = h.id AND c.to_stage = 'rejected') AS rejected_at
      FROM renovation_house h WHERE h.family_id = ${familyId} AND ${houseInScope(user)}`.execute(db);
  if (houses.rows.length === 0) return [];
  const ids = houses.rows.map((house) => house.id);
  const funding = await db
    .selectFrom('renovation_funding as r')
    .leftJoin('partner as p', 'p.id', 'r.partner_id')
    .select(['r.house_id', 'r.source', 'r.form', 'r.value', 'r.contributed_on', 'p.name as partner_name'])
    .where('r.house_id', 'in', ids)
    .execute();
  const progress = await db.selectFrom('renovation_progress').select(['house_id', 'percent', 'recorded_on', 'note']).where('house_id', 'in', ids).execute();
  const events = houses.rows.flatMap(houseEvents);
  for (const entry of funding) {
    const from = entry.partner_name ?? RENOVATION_FUNDING_SOURCE_LABELS[entry.source].id;
    const fromEn = entry.partner_name ?? RENOVATION_FUNDING_SOURCE_LABELS[entry.source].en;
    events.push({
      ...onDate(entry.contributed_on), kind: 'renovation.funding', source: 'renovation', link: `/rumah/${entry.house_id}`,
      title: { id: `Kontribusi bedah rumah dari ${from}`, en: `Renovation contribution from ${fromEn}` },
      detail: { id: `${CONTRIBUTION_FORM_LABELS[entry.form].id}: ${rupiah(Number(entry.value))}`, en: `${CONTRIBUTION_FORM_LABELS[entry.form].en}: ${rupiah(Number(entry.value))}` },
    });
  }
  for (const entry of progress) {
    events.push({
      ...onDate(entry.recorded_on), kind: 'renovation.progress', source: 'renovation', link: `/rumah/${entry.house_id}`,
      title: { id: `Progres bedah rumah ${entry.percent}%`, en: `Renovation progress ${entry.percent}%` },
      ...(entry.note ? { detail: { id: entry.note, en: entry.note } } : {}),
    });
  }
  return events;
}
