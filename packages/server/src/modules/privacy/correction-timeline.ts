import { CORRECTION_CHANNEL_LABELS, type TimelineEvent } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { listCorrections, type CorrectionRow } from './correction-queries.ts';

const MAX_EVENTS = 500;

function subjectOf(row: CorrectionRow): { id: string; en: string } {
  return row.entity === 'member' && row.subject_name ? { id: ` untuk ${row.subject_name}`, en: ` for ${row.subject_name}` } : { id: '', en: '' };
}

function eventsOf(row: CorrectionRow): TimelineEvent[] {
  const subject = subjectOf(row);
  const channel = CORRECTION_CHANNEL_LABELS[row.channel];
  const common = { source: 'corrections', link: `/privasi/perbaikan/${row.id}`, ...(row.member_id ? { memberId: row.member_id } : {}) };
  const events: TimelineEvent[] = [
    {
      ...common,
      at: new Date(row.created_at).toISOString(),
      kind: 'privacy.correction_received',
      title: { id: `Permohonan perbaikan data diterima${subject.id}`, en: `Correction request received${subject.en}` },
      detail: { id: `Melalui: ${channel.id}`, en: `Channel: ${channel.en}` },
      ...(row.created_by_username ? { actor: { id: row.created_by, username: row.created_by_username } } : {}),
    },
  ];
  if (row.decided_at && (row.status === 'accepted' || row.status === 'rejected')) {
    const accepted = row.status === 'accepted';
    events.push({
      ...common,
      at: new Date(row.decided_at).toISOString(),
      kind: accepted ? 'privacy.correction_accepted' : 'privacy.correction_rejected',
      title: accepted
        ? { id: `Permohonan perbaikan data dikabulkan${subject.id}`, en: `Correction request accepted${subject.en}` }
        : { id: `Permohonan perbaikan data ditolak${subject.id}`, en: `Correction request rejected${subject.en}` },
      ...(row.outcome_note ? { detail: { id: row.outcome_note, en: row.outcome_note } } : {}),
      ...(row.decided_by_username ? { actor: { id: row.decided_by, username: row.decided_by_username } } : {}),
    });
  }
  return events;
}

/** A family's correction requests on its timeline: when each was received and how it was decided. */
export async function correctionTimelineEvents(db: Kysely<DB>, familyId: string): Promise<TimelineEvent[]> {
  const rows = await listCorrections(db, { scope: null, familyId }, { limit: MAX_EVENTS, offset: 0 });
  return rows.flatMap(eventsOf);
}
