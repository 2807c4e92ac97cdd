import {
  CorrectionCreate,
  CorrectionDecideBody,
  CorrectionListQuery,
  CorrectionRequest,
  CorrectionReviewBody,
  NikParam,
  Page,
  PersonExportQuery,
  Uuid,
} from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { currentUser } from '../auth/current-user.ts';
import type { RegistryContext } from '../registry/service.ts';
import { registerTimelineSource } from '../registry/timeline/sources.ts';
import { correctionFor, createCorrection, decideCorrection, listCorrectionRequests, startReview } from './correction-service.ts';
import { correctionTimelineEvents } from './correction-timeline.ts';
import { collectPersonData } from './person-data.ts';
import { renderPersonPdf } from './person-pdf.ts';

const tags = ['privacy (UU PDP)'];
const IdParams = z.object({ id: Uuid });

registerTimelineSource('corrections', correctionTimelineEvents);

/** Data-subject rights under /api/privacy: a copy of everything held on a person, and correction requests. */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = (request: FastifyRequest): RegistryContext => ({ db: app.database.db, config: app.config, user: currentUser(request), request });

  app.get(
    '/privacy/people/:nik/export',
    {
      config: { access: 'registry.unmask' },
      schema: {
        tags,
        summary: 'Everything held on one person (access request): JSON, or a PDF in Bahasa Indonesia; audited as an export',
        params: z.object({ nik: NikParam }),
        querystring: PersonExportQuery,
        description: 'format=json answers with the PersonDataExport schema of @sinergi/domain; format=pdf with an A4 PDF.',
        produces: ['application/json', 'application/pdf'],
      },
    },
    async (request, reply) => {
      const { nik } = request.params;
      const data = await collectPersonData(context(request), nik);
      await recordAudit(app.database.db, request, {
        action: 'export',
        entity: 'person',
        entityId: nik,
        details: { format: request.query.format, memberId: data.person?.id ?? null },
      });
      const fileName = `data-pribadi-${nik}-${data.generatedAt.slice(0, 10)}`;
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'json') {
        reply.header('content-disposition', `attachment; filename="${fileName}.json"`);
        return data;
      }
      const pdf = await renderPersonPdf(data);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}.pdf"`).send(pdf);
    },
  );

  app.post(
    '/privacy/corrections',
    {
      config: { access: 'registry.write' },
      schema: { tags, summary: 'Record a correction request of a data subject (status received); the registry does not change yet', body: CorrectionCreate, response: { 201: CorrectionRequest } },
    },
    async (request, reply) => reply.status(201).send(await createCorrection(context(request), request.body)),
  );

  app.get(
    '/privacy/corrections',
    {
      config: { access: 'registry.unmask' },
      schema: { tags, summary: 'Correction requests about families in your scope, newest first', querystring: CorrectionListQuery, response: { 200: Page(CorrectionRequest) } },
    },
    async (request) => listCorrectionRequests(context(request), request.query),
  );

  app.get(
    '/privacy/corrections/:id',
    {
      config: { access: 'registry.unmask' },
      schema: { tags, summary: 'One correction request', params: IdParams, response: { 200: CorrectionRequest } },
    },
    async (request) => correctionFor(context(request), request.params.id),
  );

  app.post(
    '/privacy/corrections/:id/review',
    {
      config: { access: 'registry.write' },
      schema: { tags, summary: 'Start reviewing a received request (received → in_review)', params: IdParams, body: CorrectionReviewBody, response: { 200: CorrectionRequest } },
    },
    async (request) => startReview(context(request), request.params.id, request.body.note),
  );

  app.post(
    '/privacy/corrections/:id/decide',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        summary: 'Accept or reject a request in review; accepting applies the requested changes through the registry edit path',
        params: IdParams,
        body: CorrectionDecideBody,
        response: { 200: CorrectionRequest },
      },
    },
    async (request) => decideCorrection(context(request), request.params.id, request.body),
  );
};
