import { TimelineEvent, type FamilyTimeline, type TimelineQuery } from '@sinergi/domain';
import { z } from 'zod';
import { recordAudit } from '../../audit/record.ts';
import { reachableFamily } from '../edit/guards.ts';
import type { RegistryContext } from '../service.ts';
import { timelineSources } from './sources.ts';

const Events = z.array(TimelineEvent);

/** Newest first; events at the same moment in a fixed order so that the timeline does not reshuffle between loads. */
function newestFirst(a: TimelineEvent, b: TimelineEvent): number {
  return Date.parse(b.at) - Date.parse(a.at) || a.source.localeCompare(b.source) || a.kind.localeCompare(b.kind) || a.title.en.localeCompare(b.title.en);
}

/**
 * Every registered source's events for the family, merged newest first. A source that fails or answers malformed
 * events is left out and named in `unavailableSources`: one module's fault must not hide the whole timeline.
 */
export async function familyTimeline(context: RegistryContext, familyId: string, query: TimelineQuery): Promise<FamilyTimeline> {
  const { db, user, request } = context;
  await reachableFamily(context, familyId);
  const unavailableSources: string[] = [];
  const answers = await Promise.all(
    [...timelineSources()].map(async ([name, source]) => {
      try {
        return Events.parse(await source(db, familyId, user));
      } catch (error) {
        request.log.error({ err: error, source: name, familyId }, 'timeline source failed');
        unavailableSources.push(name);
        return [];
      }
    }),
  );
  const events = answers.flat().sort(newestFirst);
  await recordAudit(db, request, { action: 'view', entity: 'family', entityId: familyId, details: { section: 'timeline' } });
  return { items: events.slice(0, query.limit), truncated: events.length > query.limit, unavailableSources: unavailableSources.sort() };
}
