import { DesilHistory, FamilyHistory, FamilyHistoryQuery, MembershipEntry, SPECIFIC_DATA_HIDDEN_VALUE, Uuid } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registryContext } from '../edit/guards.ts';
import { familyDesilHistory, familyHistory, familyMembershipHistory } from './service.ts';

const tags = ['registry'];
const params = z.object({ id: Uuid });

/** A family's change history, desil over time and membership history, for its profile page. */
export const registryHistoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/families/:id/history',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        summary: `Changes of the family and its members (who, when, import file or edit, field old → new), newest first; masked: NIK/No KK/birth dates masked and specific personal data values given as '${SPECIFIC_DATA_HIDDEN_VALUE}'; ?unmask=true audited`,
        params,
        querystring: FamilyHistoryQuery,
        response: { 200: FamilyHistory },
      },
    },
    async (request) => familyHistory(registryContext(app, request), request.params.id, request.query),
  );

  app.get(
    '/families/:id/desil-history',
    {
      config: { access: 'registry.read' },
      schema: { tags, summary: 'The family’s national, provincial and regency desil over time', params, response: { 200: DesilHistory } },
    },
    async (request) => familyDesilHistory(registryContext(app, request), request.params.id),
  );

  app.get(
    '/families/:id/memberships',
    {
      config: { access: 'registry.read' },
      schema: { tags, summary: 'Who belonged to the family card when (current and former members, moves, deaths)', params, response: { 200: z.array(MembershipEntry) } },
    },
    async (request) => familyMembershipHistory(registryContext(app, request), request.params.id),
  );
};
