import { z } from 'zod';
import { LocalizedText } from './imports.ts';

/**
 * One event on a family's timeline. Every module that does something with a family (registry, programs,
 * referrals, visits) contributes its own events through a timeline source on the server.
 */
export const TimelineEvent = z.object({
  /** ISO 8601 date-time; for events known only by their date, midnight UTC of that date with `allDay`. */
  at: z.string(),
  allDay: z.boolean().optional(),
  /** Module-qualified kind, e.g. 'registry.edit', 'registry.member_moved', 'program.enrolled'. */
  kind: z.string(),
  /** The module that contributed the event: 'registry', 'membership', 'programs', … */
  source: z.string(),
  title: LocalizedText,
  detail: LocalizedText.optional(),
  actor: z.object({ id: z.string().nullable(), username: z.string() }).optional(),
  /** Path in the web app that shows more (e.g. /programs/…); relative to the app root. */
  link: z.string().optional(),
  memberId: z.string().optional(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const TimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const FamilyTimeline = z.object({
  /** Newest first. */
  items: z.array(TimelineEvent),
  /** More events exist than `limit`. */
  truncated: z.boolean(),
  /** Sources that failed this time; the timeline shows the rest rather than nothing. */
  unavailableSources: z.array(z.string()),
});
export type FamilyTimeline = z.infer<typeof FamilyTimeline>;
