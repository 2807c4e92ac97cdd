import { z } from 'zod';
import { PageQuery, Uuid } from './common.ts';

/**
 * In-app notifications: addressed to one user or to a whole agency; each user marks them read for himself. `kind`
 * names the text (e.g. 'referral.received') and `params` fill it, so the web shows them in the reader's language.
 */
export const Notification = z.object({
  id: Uuid,
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Path in the web app, e.g. /rujukan/…. */
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = PageQuery.extend({ unread: z.stringbool().optional() });
export type NotificationListQuery = z.input<typeof NotificationListQuery>;

export const NotificationPage = z.object({
  items: z.array(Notification),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const UnreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;
