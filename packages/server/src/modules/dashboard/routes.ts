import { DashboardQuery, DashboardSummary } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser } from '../auth/current-user.ts';
import { dashboardSummary } from './service.ts';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/dashboard/summary',
    {
      config: { access: 'dashboard.read' },
      schema: {
        tags: ['dashboard'],
        summary: 'Families, members and poor families (desil 1–5) in your region scope, by desil, business status and the regions one level below the area',
        description: 'Without `area`, the whole jurisdiction. `area` drills down: a regency of a province installation, or a kecamatan (rows are then villages).',
        querystring: DashboardQuery,
        response: { 200: DashboardSummary },
      },
    },
    async (request) => dashboardSummary(app.database.db, app.config, currentUser(request), request.query.area),
  );
};
