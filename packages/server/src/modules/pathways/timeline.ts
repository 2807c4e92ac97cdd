import { PATHWAY_STAGE_LABELS, type TimelineEvent } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { assessmentsOf, transitionsOf } from './queries.ts';

const onDate = (date: string) => ({ at: `${date}T00:00:00.000Z`, allDay: true });

/** Steps on the way out (on the day they happened) and graduation assessments, for the family's timeline. */
export async function pathwayTimelineEvents(db: Kysely<DB>, familyId: string): Promise<TimelineEvent[]> {
  const steps = (await transitionsOf(db, familyId)).map((step): TimelineEvent => {
    const stage = PATHWAY_STAGE_LABELS[step.toStage];
    const evidence = step.evidence.map((item) => item.label).join('; ');
    const by = step.agency ? ` (${step.agency.shortName})` : '';
    const detail = [evidence, step.overrideReason ? `Pengecualian: ${step.overrideReason}` : '', step.note ?? ''].filter(Boolean);
    const detailEn = [evidence, step.overrideReason ? `Exception: ${step.overrideReason}` : '', step.note ?? ''].filter(Boolean);
    return {
      ...onDate(step.onDate),
      kind: step.toStage === 'mandiri' ? 'pathway.graduated' : 'pathway.stage',
      source: 'pathways',
      title: { id: `Jalan keluar: tahap ${stage.id}${by}`, en: `Way out: ${stage.en} stage${by}` },
      ...(detail.length > 0 ? { detail: { id: detail.join(' | '), en: detailEn.join(' | ') } } : {}),
      ...(step.actor.username ? { actor: { id: step.actor.id, username: step.actor.username } } : {}),
    };
  });
  const assessments = (await assessmentsOf(db, familyId)).map((assessment): TimelineEvent => ({
    at: assessment.at,
    kind: 'pathway.assessment',
    source: 'pathways',
    title: assessment.passed
      ? { id: 'Penilaian graduasi: lulus', en: 'Graduation assessment: passed' }
      : { id: 'Penilaian graduasi: belum lulus', en: 'Graduation assessment: not passed' },
    detail: assessment.tree.text,
    ...(assessment.actor.username ? { actor: { id: assessment.actor.id, username: assessment.actor.username } } : {}),
  }));
  return [...steps, ...assessments];
}
