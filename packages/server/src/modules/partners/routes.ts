import { Page, Partner, PartnerInput, PartnerListQuery, Uuid } from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../auth/current-user.ts';
import { listPartners } from './queries.ts';
import { createPartner, editPartner, getPartner } from './service.ts';

const tags = ['partners'];
const IdParams = z.object({ id: Uuid });

export const partnerRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = (request: FastifyRequest) => ({
    db: app.database.db,
    config: app.config,
    request,
    user: currentUser(request),
  });

  app.get(
    '/partners',
    {
      config: { access: 'partners.read' },
      schema: { tags, summary: 'Partner organisations, filtered and paged', querystring: PartnerListQuery, response: { 200: Page(Partner) } },
    },
    async (request) => listPartners(app.database.db, request.query),
  );

  app.get(
    '/partners/:id',
    { config: { access: 'partners.read' }, schema: { tags, summary: 'One partner organisation', params: IdParams, response: { 200: Partner } } },
    async (request) => getPartner(app.database.db, request.params.id),
  );

  app.post(
    '/partners',
    {
      config: { access: 'partners.manage' },
      schema: {
        tags,
        summary: 'Create a partner organisation (operators: for their own agency or unowned)',
        body: PartnerInput,
        response: { 201: Partner },
      },
    },
    async (request, reply) => reply.status(201).send(await createPartner(context(request), request.body)),
  );

  app.put(
    '/partners/:id',
    {
      config: { access: 'partners.manage' },
      schema: {
        tags,
        summary: 'Edit a partner organisation (operators: their own agency’s or unowned ones)',
        params: IdParams,
        body: PartnerInput,
        response: { 200: Partner },
      },
    },
    async (request) => editPartner(context(request), request.params.id, request.body),
  );
};
