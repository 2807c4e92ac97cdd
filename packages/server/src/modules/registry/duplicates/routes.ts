import {
  DuplicateCandidate,
  DuplicateDistinctBody,
  DuplicateListQuery,
  DuplicateMergeBody,
  DuplicateScan,
  DuplicateScanBody,
  Page,
  Uuid,
} from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/record.ts';
import { currentUser } from '../../auth/current-user.ts';
import type { RegistryContext } from '../service.ts';
import { mergeCandidate } from './merge.ts';
import { listDuplicateCandidates, markDistinct } from './review-service.ts';
import { findScan, latestFullScan, startFullScan } from './scan.ts';

const tags = ['registry duplicates'];
const IdParams = z.object({ id: Uuid });

/** Probable duplicates under /api/registry/duplicates: scan, review queue, merge, mark distinct. */
export const duplicateRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = (request: FastifyRequest): RegistryContext => ({ db: app.database.db, config: app.config, user: currentUser(request), request });
  const stop = new AbortController();
  const running = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    stop.abort();
    await Promise.all(running);
  });

  app.get(
    '/registry/duplicates',
    {
      config: { access: 'registry.read' },
      schema: {
        tags,
        summary: 'Pairs of probable duplicates whose two members are in your scope; ?unmask=true shows NIK and birth dates (audited)',
        querystring: DuplicateListQuery,
        response: { 200: Page(DuplicateCandidate) },
      },
    },
    async (request) => listDuplicateCandidates(context(request), request.query),
  );

  app.post(
    '/registry/duplicates/scan',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        summary: 'Scan the whole registry for probable duplicates in the background (one scan at a time); poll the returned scan',
        body: DuplicateScanBody.optional(),
        response: { 202: DuplicateScan },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { scan, started, finished } = await startFullScan(
        app.database.db,
        { userId: user.id, threshold: request.body?.threshold },
        { signal: stop.signal, onError: (error) => app.log.error({ err: error }, 'duplicate scan failed') },
      );
      if (started) {
        running.add(finished);
        void finished.finally(() => running.delete(finished));
        await recordAudit(app.database.db, request, { action: 'create', entity: 'duplicate_scan', entityId: scan.id, details: { threshold: scan.threshold } });
      }
      return reply.status(202).send(scan);
    },
  );

  app.get(
    '/registry/duplicates/scans/latest',
    {
      config: { access: 'registry.read' },
      schema: { tags, summary: 'The newest whole-registry scan (404 when none has run)', response: { 200: DuplicateScan } },
    },
    async () => {
      const scan = await latestFullScan(app.database.db);
      if (!scan) throw new AppError('not_found');
      return scan;
    },
  );

  app.get(
    '/registry/duplicates/scans/:id',
    {
      config: { access: 'registry.read' },
      schema: { tags, summary: 'Progress of a scan: blocks (kecamatan) done of total, pairs found', params: IdParams, response: { 200: DuplicateScan } },
    },
    async (request) => {
      const scan = await findScan(app.database.db, request.params.id);
      if (!scan) throw new AppError('not_found');
      return scan;
    },
  );

  app.post(
    '/registry/duplicates/:id/merge',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        summary: 'Merge the pair: the other member moves into the kept one (memberships, references, history) and its row is removed',
        params: IdParams,
        body: DuplicateMergeBody,
        response: { 200: DuplicateCandidate },
      },
    },
    async (request) => mergeCandidate(context(request), request.params.id, request.body),
  );

  app.post(
    '/registry/duplicates/:id/distinct',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        summary: 'Record that the two members are different people; the pair is never proposed again',
        params: IdParams,
        body: DuplicateDistinctBody,
        response: { 200: DuplicateCandidate },
      },
    },
    async (request) => markDistinct(context(request), request.params.id, request.body.note),
  );
};
