import { Page, RunFamiliesQuery, RunFamily, RunRegionCount, RunRegionCountsQuery, TargetingRun, Uuid } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programContext, ProgramParams, tags } from '../route-context.ts';
import { failInterruptedRuns } from './execute.ts';
import { TargetingRunner } from './runner.ts';
import { getRun, listRuns, runFamilies, runRegionCounts, startRun } from './service.ts';

const RunParams = z.object({ id: Uuid, runId: Uuid });

/** Targeting runs of a program: start, poll, and read their counts, ranked candidates and waiting list. */
export const runRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = programContext.bind(null, app);
  const runner = new TargetingRunner(app.database.db, app.log);
  app.addHook('onReady', async () => {
    const failed = await failInterruptedRuns(app.database.db);
    if (failed) app.log.info({ failed }, 'targeting runs interrupted by a previous stop are marked failed');
  });
  app.addHook('onClose', () => runner.stopAll());

  app.post(
    '/programs/:id/runs',
    {
      config: { access: 'programs.manage' },
      schema: {
        tags, summary: 'Run targeting: qualifying families ranked by priority, cut by quotas and target, the rest on the waiting list. '
          + 'Small programs answer 201 with the finished run; large ones 202 while it runs in the background (poll the run).',
        params: ProgramParams, response: { 201: TargetingRun, 202: TargetingRun },
      },
    },
    async (request, reply) => {
      const run = await startRun(context(request), request.params.id, { runner });
      return reply.status(run.status === 'done' || run.status === 'failed' ? 201 : 202).send(run);
    },
  );

  app.get(
    '/programs/:id/runs',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'Targeting runs of a program, newest first', params: ProgramParams, response: { 200: z.array(TargetingRun) } } },
    async (request) => listRuns(context(request), request.params.id),
  );

  app.get(
    '/programs/:id/runs/:runId',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'A run with its status, progress and counts per kecamatan', params: RunParams, response: { 200: TargetingRun } } },
    async (request) => getRun(context(request), request.params.id, request.params.runId),
  );

  app.get(
    '/programs/:id/runs/:runId/families',
    {
      config: { access: 'programs.read' },
      schema: {
        tags, summary: 'Ranked candidates (outcome=selected) or waiting list (outcome=waiting) in your scope, No KK masked (audited)',
        params: RunParams, querystring: RunFamiliesQuery, response: { 200: Page(RunFamily) },
      },
    },
    async (request) => runFamilies(context(request), request.params.id, request.params.runId, request.query),
  );

  app.get(
    '/programs/:id/runs/:runId/counts',
    {
      config: { access: 'programs.read' },
      schema: { tags, summary: 'Qualified, selected and waiting families per kecamatan or village in your scope', params: RunParams, querystring: RunRegionCountsQuery, response: { 200: z.array(RunRegionCount) } },
    },
    async (request) => runRegionCounts(context(request), request.params.id, request.params.runId, request.query.level),
  );
};
