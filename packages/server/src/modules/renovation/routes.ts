import fastifyMultipart from '@fastify/multipart';
import {
  Page, Renovation, RenovationAssessmentInput, RenovationCandidate, RenovationCandidateQuery, RenovationCompleteInput, RenovationFundingInput,
  RenovationListItem, RenovationListQuery, RenovationProposalInput, RenovationRejectInput, RenovationScheduleInput, RenovationSummary,
  RenovationSummaryQuery, RenovationTarget, RenovationTargetInput, RenovationVerifyInput, Uuid,
} from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition, sendStoredFile } from '../files/serve.ts';
import { requestLanguage } from '../../http/errors.ts';
import { registerTimelineSource } from '../registry/timeline/sources.ts';
import { renovationCandidates } from './candidates.ts';
import { renovationContext } from './context.ts';
import { addFunding, removeFunding } from './funding.ts';
import { addPhotos, MAX_PHOTO_BYTES, MAX_PHOTOS_PER_UPLOAD, photoFile, recordProgress, type UploadPart } from './photos.ts';
import { listHouses } from './queries.ts';
import { renovationReport } from './report.ts';
import { assessHouse, completeHouse, getRenovation, proposeHouse, rejectHouse, scheduleHouse, verifyHouse } from './service.ts';
import { getTarget, renovationSummary, setTarget } from './summary.ts';
import { renovationTimelineEvents } from './timeline.ts';

registerTimelineSource('renovation', renovationTimelineEvents);

const tags = ['renovation'];
const HouseParams = z.object({ id: Uuid });
const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** The parts of a multipart request, or null when the request is not multipart (answered 415 by the service). */
const uploadParts = (request: FastifyRequest): AsyncIterable<UploadPart> | null => (request.isMultipart() ? request.parts() : null);

/** House renovation (bedah rumah): the pipeline, funding, progress with photos, targets and realisation, under /api/renovations. */
export const renovationRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = renovationContext.bind(null, app);
  // Slightly above the per-photo limit, so that the service's own check answers with its clear message first.
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_PHOTO_BYTES + 1024, files: MAX_PHOTOS_PER_UPLOAD + 1, fields: 10 } });

  app.get(
    '/renovations',
    { config: { access: 'renovation.read' }, schema: { tags, summary: 'Houses in the renovation pipeline of your scope, filtered by stage, year and place', querystring: RenovationListQuery, response: { 200: Page(RenovationListItem) } } },
    async (request) => listHouses(app.database.db, context(request).user, request.query),
  );

  app.get(
    '/renovations/summary',
    { config: { access: 'renovation.read' }, schema: { tags, summary: 'Target against realisation for a year: per stage, per kecamatan, per region one level below `area` (kabupaten/kota in a province installation) and per funder', querystring: RenovationSummaryQuery, response: { 200: RenovationSummary } } },
    async (request) => renovationSummary(context(request), request.query),
  );

  app.get(
    '/renovations/report',
    { config: { access: 'renovation.read' }, schema: { tags, summary: 'The year’s report as XLSX: per kecamatan (with its kabupaten/kota in a province installation), per source and partner, and every house of your scope or `area` (audited)', querystring: RenovationSummaryQuery } },
    async (request, reply) => {
      const file = await renovationReport(context(request), request.query, requestLanguage(request));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`bedah-rumah-${request.query.year}.xlsx`, 'attachment'))
        .send(file);
    },
  );

  app.get(
    '/renovations/candidates',
    {
      config: { access: 'renovation.read' },
      schema: { tags, summary: 'Families whose stored registry house pre-score (RTLH) reaches minScore (at least 1) and whose house is not in the pipeline yet: worst first, then poorest (audited)', querystring: RenovationCandidateQuery, response: { 200: Page(RenovationCandidate) } },
    },
    async (request) => renovationCandidates(context(request), request.query),
  );

  app.get(
    '/renovations/targets/:year',
    { config: { access: 'renovation.read' }, schema: { tags, summary: 'The year’s target in units and its split over kecamatan', params: YearParams, response: { 200: RenovationTarget } } },
    async (request) => getTarget(context(request), request.params.year),
  );

  app.put(
    '/renovations/targets/:year',
    { config: { access: 'renovation.manage' }, schema: { tags, summary: 'Set the year’s target (whole-jurisdiction PUPR/Perkim or Dinsos operators, admins)', params: YearParams, body: RenovationTargetInput, response: { 200: RenovationTarget } } },
    async (request) => setTarget(context(request), request.params.year, request.body),
  );

  app.post(
    '/renovations',
    { config: { access: 'renovation.manage' }, schema: { tags, summary: 'Propose a family’s house (from the registry or at a village’s request)', body: RenovationProposalInput, response: { 201: Renovation } } },
    async (request, reply) => reply.status(201).send(await proposeHouse(context(request), request.body)),
  );

  app.get(
    '/renovations/:id',
    { config: { access: 'renovation.read' }, schema: { tags, summary: 'One house with assessment, funding, progress, photos and history (audited)', params: HouseParams, response: { 200: Renovation } } },
    async (request) => getRenovation(context(request), request.params.id),
  );

  const step = <B extends z.ZodType>(path: string, summary: string, body: B, run: (id: string, input: z.output<B>, request: FastifyRequest) => Promise<Renovation>) =>
    app.post(
      `/renovations/:id/${path}`,
      { config: { access: 'renovation.manage' }, schema: { tags, summary, params: HouseParams, body, response: { 200: Renovation } } },
      async (request) => run(request.params.id, request.body as z.output<B>, request),
    );
  step('assessment', 'Record the field assessment with the RTLH criteria (again until verified); `version` must match', RenovationAssessmentInput, (id, input, request) => assessHouse(context(request), id, input));
  step('verify', 'Verify an assessed house scoring at least the RTLH threshold', RenovationVerifyInput, (id, input, request) => verifyHouse(context(request), id, input));
  step('schedule', 'Schedule the works and their budget (again until construction starts)', RenovationScheduleInput, (id, input, request) => scheduleHouse(context(request), id, input));
  step('reject', 'Reject the house with a reason (until construction starts)', RenovationRejectInput, (id, input, request) => rejectHouse(context(request), id, input));
  step('complete', 'Mark the works completed and handed over (needs before and after photos)', RenovationCompleteInput, (id, input, request) => completeHouse(context(request), id, input));
  step('funding', 'Record a contribution: source, partner, money/materials/labour, value, date', RenovationFundingInput, (id, input, request) => addFunding(context(request), id, input));

  app.delete(
    '/renovations/:id/funding/:fundingId',
    { config: { access: 'renovation.manage' }, schema: { tags, summary: 'Remove a contribution entered by mistake', params: z.object({ id: Uuid, fundingId: Uuid }), response: { 200: Renovation } } },
    async (request) => removeFunding(context(request), request.params.id, request.params.fundingId),
  );

  app.post(
    '/renovations/:id/progress',
    {
      config: { access: 'renovation.manage' },
      schema: {
        tags, summary: 'Report progress (multipart: percent, recordedOn, note, and up to 10 photos in "file"); photos are downscaled to 1600 px JPEG',
        consumes: ['multipart/form-data'], params: HouseParams, response: { 200: Renovation },
      },
    },
    async (request) => recordProgress(context(request), request.params.id, uploadParts(request)),
  );

  app.post(
    '/renovations/:id/photos',
    {
      config: { access: 'renovation.manage' },
      schema: { tags, summary: 'Add photos (multipart: kind = assessment|before|after|handover|progress, caption, files in "file")', consumes: ['multipart/form-data'], params: HouseParams, response: { 200: Renovation } },
    },
    async (request) => addPhotos(context(request), request.params.id, uploadParts(request)),
  );

  app.get(
    '/renovations/:id/photos/:photoId',
    { config: { access: 'renovation.read' }, schema: { tags, summary: 'One photo of a house in your scope (JPEG)', params: z.object({ id: Uuid, photoId: Uuid }) } },
    async (request, reply) => sendStoredFile(reply, app.config.uploadDir, await photoFile(context(request), request.params.id, request.params.photoId)),
  );
};
