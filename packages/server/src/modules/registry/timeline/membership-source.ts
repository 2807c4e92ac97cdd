import { localIsoDate, maskIdNumber, type TimelineEvent } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import { familyMemberships, type MembershipRow } from '../history/queries.ts';

type Text = { id: string; en: string };

/** Membership dates are calendar dates (the day someone died or moved), not the moment they were recorded. */
const onDate = (date: string) => ({ at: `${date}T00:00:00.000Z`, allDay: true });

function startEvent(row: MembershipRow): TimelineEvent {
  const name = row.name;
  const from = row.from_no_kk ? maskIdNumber(row.from_no_kk) : null;
  const title: Text = from ? { id: `Pindah masuk: ${name}`, en: `Moved in: ${name}` } : { id: `Anggota bergabung: ${name}`, en: `Member joined: ${name}` };
  return {
    ...onDate(row.start_date),
    kind: from ? 'registry.member_moved_in' : 'registry.member_joined',
    source: 'membership',
    title,
    ...(from ? { detail: { id: `Dari KK ${from}`, en: `From family card ${from}` } } : {}),
    memberId: row.member_id,
    ...(row.from_id ? { link: `/keluarga/${row.from_id}` } : {}),
  };
}

function endEvent(row: MembershipRow, date: string): TimelineEvent {
  const name = row.name;
  const to = row.to_no_kk ? maskIdNumber(row.to_no_kk) : null;
  const common = { ...onDate(date), source: 'membership', memberId: row.member_id };
  if (to) {
    return { ...common, kind: 'registry.member_moved_out', title: { id: `Pindah keluar: ${name}`, en: `Moved out: ${name}` }, detail: { id: `Ke KK ${to}`, en: `To family card ${to}` }, ...(row.to_id ? { link: `/keluarga/${row.to_id}` } : {}) };
  }
  if (row.end_reason === 'deceased') return { ...common, kind: 'registry.member_deceased', title: { id: `Meninggal dunia: ${name}`, en: `Deceased: ${name}` } };
  return { ...common, kind: 'registry.member_left', title: { id: `Keluar dari keluarga: ${name}`, en: `Left the family: ${name}` } };
}

/** Joins, moves in and out, deaths and departures; the members the family was first recorded with are no news. */
export async function membershipTimelineEvents(db: Kysely<DB>, familyId: string): Promise<TimelineEvent[]> {
  const family = await db.selectFrom('family').select('created_at').where('id', '=', familyId).executeTakeFirstOrThrow();
  const recordedOn = localIsoDate(family.created_at);
  const events: TimelineEvent[] = [];
  for (const row of await familyMemberships(db, familyId)) {
    if (row.start_date > recordedOn || row.from_id) events.push(startEvent(row));
    if (row.end_date) events.push(endEvent(row, row.end_date));
  }
  return events;
}
