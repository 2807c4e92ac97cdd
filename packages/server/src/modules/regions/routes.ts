import { Region, RegionChildrenQuery, RegionCode, RegionDetail } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../auth/current-user.ts';
import { jurisdictionRegion, listChildRegions, regionDetail } from './service.ts';

const tags = ['regions'];

export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/regions/jurisdiction',
    {
      config: { access: 'regions.read' },
      schema: { tags, summary: 'The region this installation serves (its root)', response: { 200: Region } },
    },
    async () => jurisdictionRegion(app.database.db, app.config),
  );

  app.get(
    '/regions',
    {
      config: { access: 'regions.read' },
      schema: {
        tags,
        summary: 'Child regions of a region inside the jurisdiction, by name',
        querystring: RegionChildrenQuery,
        response: { 200: z.array(Region) },
      },
    },
    async (request) => listChildRegions(app.database.db, app.config, currentUser(request), request.query),
  );

  app.get(
    '/regions/:code',
    {
      config: { access: 'regions.read' },
      schema: { tags, summary: 'One region with its ancestors', params: z.object({ code: RegionCode }), response: { 200: RegionDetail } },
    },
    async (request) => regionDetail(app.database.db, app.config, request.params.code),
  );
};
