import { NotificationListQuery, NotificationPage, UnreadCount, Uuid } from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { currentUser } from '../auth/current-user.ts';
import { countUnread, isAddressedTo, listNotifications, markRead, type Reader } from './queries.ts';

const tags = ['notifications'];

function readerOf(request: FastifyRequest): Reader {
  const user = currentUser(request);
  return { userId: user.id, agencyId: user.agencyId };
}

/** The signed-in user's in-app notifications (his own and his agency's), each marked read per user. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/notifications',
    { config: { access: 'session' }, schema: { tags, summary: 'Your notifications and your agency’s, newest first', querystring: NotificationListQuery, response: { 200: NotificationPage } } },
    async (request) => {
      const reader = readerOf(request);
      const { items, total } = await listNotifications(db(), reader, request.query);
      return { items, total, unread: await countUnread(db(), reader), page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/notifications/unread-count',
    { config: { access: 'session' }, schema: { tags, summary: 'How many of your notifications you have not read (the badge)', response: { 200: UnreadCount } } },
    async (request) => ({ unread: await countUnread(db(), readerOf(request)) }),
  );

  app.post(
    '/notifications/:id/read',
    { config: { access: 'session' }, schema: { tags, summary: 'Mark one notification read (for you)', params: z.object({ id: Uuid }), response: { 200: UnreadCount } } },
    async (request) => {
      const reader = readerOf(request);
      if (!(await isAddressedTo(db(), reader, request.params.id))) throw new AppError('not_found');
      await markRead(db(), reader, request.params.id);
      return { unread: await countUnread(db(), reader) };
    },
  );

  app.post(
    '/notifications/read-all',
    { config: { access: 'session' }, schema: { tags, summary: 'Mark all your notifications read', response: { 200: UnreadCount } } },
    async (request) => {
      const reader = readerOf(request);
      await markRead(db(), reader, null);
      return { unread: await countUnread(db(), reader) };
    },
  );
};
