import { Realisation, RealisationQuery } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { programContext, ProgramParams } from '../route-context.ts';
import { programRealisation } from './service.ts';

/** Targets against realisation of a program. */
export const realisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = programContext.bind(null, app);

  app.get(
    '/programs/:id/realisation',
    {
      config: { access: 'programs.read' },
      schema: {
        tags: ['distribution'],
        summary: 'Target vs realisation in your scope: families, people, money, units; in total, per kecamatan (optionally for one stage) and per stage',
        description: 'byArea holds the kecamatan rows rolled up one level below `area` (default the jurisdiction): kabupaten/kota in a province installation, '
          + 'kecamatan in a regency. With `area` (a regency or kecamatan) totals, targets (the sum of its kecamatan quotas) and kecamatan rows cover that area only.',
        params: ProgramParams, querystring: RealisationQuery, response: { 200: Realisation },
      },
    },
    async (request) => programRealisation(context(request), request.params.id, request.query),
  );
};
