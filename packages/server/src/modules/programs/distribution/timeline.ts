import type { TimelineEvent } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import { registerTimelineSource } from '../../registry/timeline/sources.ts';

const rupiah = (value: number) => `Rp${value.toLocaleString('id-ID')}`;

/** Each hand-over the family received: the stage, the program, what it was worth and who handed it over. */
export async function distributionTimelineEvents(db: Kysely<DB>, familyId: string): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom('distribution_handover as h')
    .innerJoin('distribution_stage as s', 's.id', 'h.stage_id')
    .innerJoin('program as p', 'p.id', 'h.program_id')
    .leftJoin('app_user as u', 'u.id', 'h.officer_id')
    .select(['h.program_id', 'h.handed_on', 'h.amount', 'h.revision', 's.name as stage_name', 's.kind', 'p.name as program_name', 'u.id as officer_id', 'u.username'])
    .where('h.family_id', '=', familyId)
    .execute();
  return rows.map((row) => {
    const corrected = row.revision > 1 ? { id: ' (dikoreksi)', en: ' (corrected)' } : { id: '', en: '' };
    return {
      at: `${row.handed_on}T00:00:00.000Z`,
      allDay: true,
      kind: 'distribution.handover',
      source: 'distribution',
      title: { id: `Menerima ${row.stage_name}: ${row.program_name}`, en: `Received ${row.stage_name}: ${row.program_name}` },
      detail: {
        id: `${row.kind === 'cash' ? 'Uang' : 'Barang senilai'} ${rupiah(row.amount)}${corrected.id}`,
        en: `${row.kind === 'cash' ? 'Cash' : 'Goods worth'} ${rupiah(row.amount)}${corrected.en}`,
      },
      ...(row.officer_id && row.username ? { actor: { id: row.officer_id, username: row.username } } : {}),
      link: `/program/${row.program_id}/penyaluran`,
    };
  });
}

registerTimelineSource('distribution', distributionTimelineEvents);
