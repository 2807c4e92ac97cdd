import { Page, PasswordReset, UserCreate, UserQuery, UserSummary, UserUpdate, Uuid } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUser, disableUser, enableUser, getUser, listUsers, resetPassword, updateUser } from './service.ts';

const IdParams = z.object({ id: Uuid });
const NoContent = z.null().describe('No content');
const tags = ['users'];
const access = 'users.manage' as const;

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const { jurisdiction } = app.config;

  app.get(
    '/users',
    { config: { access }, schema: { tags, summary: 'List accounts', querystring: UserQuery, response: { 200: Page(UserSummary) } } },
    async (request) => listUsers(db, request.query),
  );

  app.get(
    '/users/:id',
    { config: { access }, schema: { tags, summary: 'One account', params: IdParams, response: { 200: UserSummary } } },
    async (request) => getUser(db, request.params.id),
  );

  app.post(
    '/users',
    {
      config: { access },
      schema: { tags, summary: 'Create an account (must change password at first login)', body: UserCreate, response: { 201: UserSummary } },
    },
    async (request, reply) => {
      const user = await createUser(db, request.body, { jurisdiction, request });
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/users/:id',
    { config: { access }, schema: { tags, summary: 'Change name, role, agency or region scope', params: IdParams, body: UserUpdate, response: { 200: UserSummary } } },
    async (request) => updateUser(db, request.params.id, request.body, { jurisdiction, request }),
  );

  app.post(
    '/users/:id/disable',
    { config: { access }, schema: { tags, summary: 'Disable an account and end its sessions', params: IdParams, response: { 200: UserSummary } } },
    async (request) => disableUser(db, request.params.id, { request }),
  );

  app.post(
    '/users/:id/enable',
    { config: { access }, schema: { tags, summary: 'Enable an account and lift a login lock', params: IdParams, response: { 200: UserSummary } } },
    async (request) => enableUser(db, request.params.id, { request }),
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { access },
      schema: { tags, summary: 'Set a temporary password; ends the sessions', params: IdParams, body: PasswordReset, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await resetPassword(db, request.params.id, request.body.password, { request });
      return reply.status(204).send(null);
    },
  );
};
