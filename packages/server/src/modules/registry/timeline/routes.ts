import { FamilyTimeline, TimelineQuery, Uuid } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registryContext } from '../edit/guards.ts';
import './builtin.ts';
import { familyTimeline } from './service.ts';

/** One family's timeline: the registry's events and those of every module that registered a timeline source. */
export const registryTimelineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/families/:id/timeline',
    {
      config: { access: 'registry.read' },
      schema: {
        tags: ['registry'],
        summary: 'Everything that happened to the family, from every module (registry changes, memberships, programs, …), newest first',
        params: z.object({ id: Uuid }),
        querystring: TimelineQuery,
        response: { 200: FamilyTimeline },
      },
    },
    async (request) => familyTimeline(registryContext(app, request), request.params.id, request.query),
  );
};
