import type { TimelineEvent } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import type { SessionUser } from '../../../http/context.ts';

/**
 * What a module contributes to a family's timeline: its events for the family, as the user may see them.
 * The family has already been checked to be within the user's reach; a source may narrow further (e.g. by agency).
 */
export type TimelineSource = (db: Kysely<DB>, familyId: string, user: SessionUser) => Promise<TimelineEvent[]>;

const sources = new Map<string, TimelineSource>();

/**
 * Adds (or replaces) the source of one module, e.g. registerTimelineSource('programs', programEvents) at the top of
 * the module's routes file. Returns a function that removes it again (for tests).
 */
export function registerTimelineSource(name: string, source: TimelineSource): () => void {
  sources.set(name, source);
  return () => {
    if (sources.get(name) === source) sources.delete(name);
  };
}

/** The registered sources by name, in the order they were first registered. */
export function timelineSources(): ReadonlyMap<string, TimelineSource> {
  return sources;
}
