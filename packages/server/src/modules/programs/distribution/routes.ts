import fs from 'node:fs';
import fastifyMultipart from '@fastify/multipart';
import {
  DistributionFamily, DistributionFamilyQuery, Handover, HandoverCorrection, HandoverHistory, HandoverInput, HandoverListQuery, MAX_PROOF_BYTES, Page,
  ProofKind, Stage, StageInput, StageUpdate, Uuid,
} from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../http/errors.ts';
import { programContext, ProgramParams } from '../route-context.ts';
import { distributionFamilies } from './families.ts';
import { correctHandover, getHandover, handoverHistory, recordHandover, searchHandovers } from './handovers.ts';
import { attachProof, proofFile } from './proofs.ts';
import { createStage, listStages, updateStage } from './stages.ts';
import './timeline.ts';

const tags = ['distribution'];
const StageParams = z.object({ id: Uuid, stageId: Uuid });
const HandoverParams = z.object({ id: Uuid, handoverId: Uuid });

/** Distribution of a program: stages (tahap), the decree's families, hand-overs with proof images, corrections. */
export const distributionRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = programContext.bind(null, app);
  // One byte over the limit lets the store tell "too large" with its own message.
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_PROOF_BYTES + 1, files: 1, fields: 2 } });

  app.get(
    '/programs/:id/stages',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'Distribution stages of a program, in order', params: ProgramParams, response: { 200: z.array(Stage) } } },
    async (request) => listStages(context(request), request.params.id),
  );

  app.post(
    '/programs/:id/stages',
    {
      config: { access: 'programs.manage' },
      schema: { tags, summary: 'Add a stage: cash per family, or an in-kind package (owner agency)', params: ProgramParams, body: StageInput, response: { 201: Stage } },
    },
    async (request, reply) => reply.status(201).send(await createStage(context(request), request.params.id, request.body)),
  );

  app.patch(
    '/programs/:id/stages/:stageId',
    {
      config: { access: 'programs.manage' },
      schema: { tags, summary: 'Change a stage; kind and value are fixed once it has hand-overs (409)', params: StageParams, body: StageUpdate, response: { 200: Stage } },
    },
    async (request) => updateStage(context(request), request.params.id, request.params.stageId, request.body),
  );

  app.get(
    '/programs/:id/distribution/families',
    {
      config: { access: 'programs.read' },
      schema: {
        tags, summary: 'Families of the program’s decrees in your scope with the stages each received, No KK masked (audited)',
        params: ProgramParams, querystring: DistributionFamilyQuery, response: { 200: Page(DistributionFamily) },
      },
    },
    async (request) => distributionFamilies(context(request), request.params.id, request.query),
  );

  app.get(
    '/programs/:id/handovers',
    {
      config: { access: 'programs.read' },
      schema: { tags, summary: 'Hand-overs in your scope, newest first (audited)', params: ProgramParams, querystring: HandoverListQuery, response: { 200: Page(Handover) } },
    },
    async (request) => searchHandovers(context(request), request.params.id, request.query),
  );

  app.post(
    '/programs/:id/handovers',
    {
      config: { access: 'programs.distribute' },
      schema: {
        tags,
        summary: 'Record a hand-over to a decreed family in your scope (201); the same clientKey again returns the first result (200); marks the family served',
        params: ProgramParams, body: HandoverInput, response: { 200: Handover, 201: Handover },
      },
    },
    async (request, reply) => {
      const { handover, created } = await recordHandover(context(request), request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(handover);
    },
  );

  app.get(
    '/programs/:id/handovers/:handoverId',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'One hand-over in your scope (audited)', params: HandoverParams, response: { 200: Handover } } },
    async (request) => getHandover(context(request), request.params.id, request.params.handoverId),
  );

  app.get(
    '/programs/:id/handovers/:handoverId/history',
    {
      config: { access: 'programs.read' },
      schema: { tags, summary: 'Every revision of a hand-over with the reasons of corrections, and every proof image (audited)', params: HandoverParams, response: { 200: HandoverHistory } },
    },
    async (request) => handoverHistory(context(request), request.params.id, request.params.handoverId),
  );

  app.post(
    '/programs/:id/handovers/:handoverId/corrections',
    {
      config: { access: 'programs.manage' },
      schema: {
        tags, summary: 'Correct a hand-over with a reason (owner agency); the earlier revision stays readable; `revision` must match (409)',
        params: HandoverParams, body: HandoverCorrection, response: { 200: Handover },
      },
    },
    async (request) => correctHandover(context(request), request.params.id, request.params.handoverId, request.body),
  );

  app.put(
    '/programs/:id/handovers/:handoverId/proofs/:kind',
    {
      config: { access: 'programs.distribute' },
      schema: {
        tags, summary: 'Attach the receipt photo, signature or thumbprint (JPG/PNG, multipart field "file"); replacing one needs ?reason= (owner agency)',
        consumes: ['multipart/form-data'], params: HandoverParams.extend({ kind: ProofKind }), querystring: z.object({ reason: z.string().trim().min(5).max(500).optional() }),
        response: { 200: Handover },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('proof_photo_type');
      const part = await request.file();
      if (!part) throw new AppError('proof_photo_type');
      return attachProof(context(request), request.params.id, request.params.handoverId, request.params.kind, { fileName: part.filename, stream: part.file }, request.query.reason ?? null);
    },
  );

  app.get(
    '/programs/:id/handovers/:handoverId/proofs/:proofId/file',
    {
      config: { access: 'programs.read' },
      schema: { tags, summary: 'A proof image, for users whose scope holds the family (audited)', params: HandoverParams.extend({ proofId: Uuid }) },
    },
    async (request, reply) => {
      const file = await proofFile(context(request), request.params.id, request.params.handoverId, request.params.proofId);
      return reply.header('content-type', file.type).header('cache-control', 'private, no-store').send(fs.createReadStream(file.path));
    },
  );
};
