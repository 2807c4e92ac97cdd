import { ENROLMENT_REASON_LABELS, type EnrolmentReason, type TimelineEvent } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

type Text = { id: string; en: string };

interface EnrolmentRow {
  id: string;
  program_id: string;
  program_name: string;
  agency: string;
  source: 'targeting' | 'replacement';
  rank: number | null;
  created_at: Date;
}

interface ChangeRow {
  enrolment_id: string;
  action: string;
  reason: string | null;
  note: string | null;
  decree_number: string | null;
  user_id: string | null;
  username: string | null;
  at: Date;
}

/** What each recorded change of an enrolment tells, for the program named. */
const ACTION_TITLES: Record<string, (program: string) => Text> = {
  verify: (p) => ({ id: `Terverifikasi di lapangan: ${p}`, en: `Verified in the field: ${p}` }),
  reject: (p) => ({ id: `Ditolak saat verifikasi: ${p}`, en: `Rejected at verification: ${p}` }),
  decree: (p) => ({ id: `Ditetapkan dalam SK: ${p}`, en: `Set in the decree: ${p}` }),
  serve: (p) => ({ id: `Menerima bantuan: ${p}`, en: `Received the benefit: ${p}` }),
  finish: (p) => ({ id: `Selesai mengikuti: ${p}`, en: `Finished: ${p}` }),
  stop: (p) => ({ id: `Dihentikan: ${p}`, en: `Stopped: ${p}` }),
  cancel: (p) => ({ id: `Dibatalkan: ${p}`, en: `Cancelled: ${p}` }),
  replace: (p) => ({ id: `Digantikan keluarga lain: ${p}`, en: `Replaced by another family: ${p}` }),
  replacement: (p) => ({ id: `Masuk sebagai pengganti: ${p}`, en: `Added as a replacement: ${p}` }),
};

function changeDetail(row: ChangeRow): Text | undefined {
  const parts: Text[] = [];
  if (row.decree_number && row.action === 'decree') parts.push({ id: `SK ${row.decree_number}`, en: `Decree ${row.decree_number}` });
  const reason = row.reason ? ENROLMENT_REASON_LABELS[row.reason as EnrolmentReason] : undefined;
  if (reason) parts.push(reason);
  if (row.note) parts.push({ id: row.note, en: row.note });
  if (parts.length === 0) return undefined;
  return { id: parts.map((part) => part.id).join(' · '), en: parts.map((part) => part.en).join(' · ') };
}

/**
 * Every program the family was drawn for and every step since (verification, decree, hand-over, stop, replacement),
 * whatever the agency: the family's whole story across programs.
 */
export async function programTimelineEvents(db: Kysely<DB>, familyId: string): Promise<TimelineEvent[]> {
  const enrolments = await sql<EnrolmentRow>`
    SELECT e.id, e.program_id, p.name AS program_name, a.short_name AS agency, e.source, e.rank, e.created_at
      FROM program_enrolment e JOIN program p ON p.id = e.program_id JOIN agency a ON a.id = p.agency_id
     WHERE e.family_id = ${familyId}::uuid`.execute(db);
  if (enrolments.rows.length === 0) return [];
  const changes = await sql<ChangeRow>`
    SELECT c.enrolment_id, c.action, c.reason, c.note, d.number AS decree_number, c.user_id, u.username, c.at
      FROM enrolment_change c
      LEFT JOIN program_decree d ON d.id = c.decree_id
      LEFT JOIN app_user u ON u.id = c.user_id
     WHERE c.enrolment_id = ANY(${enrolments.rows.map((row) => row.id)}::uuid[])
     ORDER BY c.id`.execute(db);
  const byId = new Map(enrolments.rows.map((row) => [row.id, row]));
  // A replacement's start is told by its 'replacement' change; a drawn candidate's by this event.
  const events: TimelineEvent[] = enrolments.rows.filter((row) => row.source === 'targeting').map((row) => ({
    at: row.created_at.toISOString(),
    kind: 'program.candidate',
    source: 'programs',
    title: { id: `Calon penerima: ${row.program_name}`, en: `Candidate: ${row.program_name}` },
    detail: row.rank === null
      ? { id: row.agency, en: row.agency }
      : { id: `${row.agency} · peringkat ${String(row.rank)}`, en: `${row.agency} · rank ${String(row.rank)}` },
    link: `/program/${row.program_id}`,
  }));
  for (const change of changes.rows) {
    const enrolment = byId.get(change.enrolment_id);
    const title = ACTION_TITLES[change.action];
    if (!enrolment || !title) continue;
    const detail = changeDetail(change);
    events.push({
      at: change.at.toISOString(),
      kind: `program.${change.action}`,
      source: 'programs',
      title: title(enrolment.program_name),
      ...(detail ? { detail } : {}),
      ...(change.username ? { actor: { id: change.user_id, username: change.username } } : {}),
      link: `/program/${enrolment.program_id}`,
    });
  }
  return events;
}
