import { Agency, AgencyInput, Uuid } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAgencies } from './queries.ts';
import { createAgency, editAgency } from './service.ts';

const tags = ['agencies'];

export const agencyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/agencies',
    { config: { access: 'agencies.read' }, schema: { tags, summary: 'All agencies (OPD) with their number of users', response: { 200: z.array(Agency) } } },
    async () => listAgencies(app.database.db),
  );

  app.post(
    '/agencies',
    {
      config: { access: 'agencies.manage' },
      schema: { tags, summary: 'Create an agency', body: AgencyInput, response: { 201: Agency } },
    },
    async (request, reply) => reply.status(201).send(await createAgency(app.database.db, request, request.body)),
  );

  app.put(
    '/agencies/:id',
    {
      config: { access: 'agencies.manage' },
      schema: { tags, summary: 'Edit an agency', params: z.object({ id: Uuid }), body: AgencyInput, response: { 200: Agency } },
    },
    async (request) => editAgency(app.database.db, request, request.params.id, request.body),
  );
};
