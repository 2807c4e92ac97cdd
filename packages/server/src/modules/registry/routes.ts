import { FamilyDetail, FamilyDetailQuery, FamilyListItem, FamilyListQuery, Page, Uuid } from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../auth/current-user.ts';
import { familyProfile, searchFamilies, type RegistryContext } from './service.ts';

const tags = ['registry'];

export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = (request: FastifyRequest): RegistryContext => ({
    db: app.database.db,
    config: app.config,
    user: currentUser(request),
    request,
  });

  app.get(
    '/families',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        summary: 'Search families in your region scope: NIK or No KK (exact), or name (typo-tolerant); filters; paged',
        querystring: FamilyListQuery,
        response: { 200: Page(FamilyListItem) },
      },
    },
    async (request) => searchFamilies(context(request), request.query),
  );

  app.get(
    '/families/:id',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        summary: 'A family profile with its members; ?unmask=true shows NIK, No KK, birth dates and specific personal data (disabilities, chronic illness, special status, sensitive PPKS) in full (audited)',
        params: z.object({ id: Uuid }),
        querystring: FamilyDetailQuery,
        response: { 200: FamilyDetail },
      },
    },
    async (request) => familyProfile(context(request), request.params.id, request.query.unmask),
  );
};
