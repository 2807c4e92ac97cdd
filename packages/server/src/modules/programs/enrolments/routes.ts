import {
  Enrolment, EnrolmentChange, EnrolmentListQuery, Page, PostDecreeChangeInput, Replacement, ReplacementInput, Uuid, VerificationInput,
} from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programContext, ProgramParams, tags } from '../route-context.ts';
import { changeAfterDecree, enrolmentChanges, getEnrolment, replaceEnrolment, searchEnrolments, verifyEnrolment } from './service.ts';

const EnrolmentParams = z.object({ id: Uuid, enrolmentId: Uuid });

/** The families of a program through their lifecycle: field verification, replacement, changes after the decree. */
export const enrolmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = programContext.bind(null, app);

  app.get(
    '/programs/:id/enrolments',
    {
      config: { access: 'programs.read' },
      schema: { tags, summary: 'Families in the program within your scope, by status or region, No KK masked (audited)', params: ProgramParams, querystring: EnrolmentListQuery, response: { 200: Page(Enrolment) } },
    },
    async (request) => searchEnrolments(context(request), request.params.id, request.query),
  );

  app.get(
    '/programs/:id/enrolments/:enrolmentId',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'One family in the program, in your scope (audited)', params: EnrolmentParams, response: { 200: Enrolment } } },
    async (request) => getEnrolment(context(request), request.params.id, request.params.enrolmentId),
  );

  app.get(
    '/programs/:id/enrolments/:enrolmentId/history',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'Every change of one family in the program, oldest first', params: EnrolmentParams, response: { 200: z.array(EnrolmentChange) } } },
    async (request) => enrolmentChanges(context(request), request.params.id, request.params.enrolmentId),
  );

  app.post(
    '/programs/:id/enrolments/:enrolmentId/verification',
    {
      config: { access: 'programs.verify' },
      schema: {
        tags, summary: 'Record the field verification of a candidate in your scope: verified, or rejected with a reason',
        params: EnrolmentParams, body: VerificationInput, response: { 200: Enrolment },
      },
    },
    async (request) => verifyEnrolment(context(request), request.params.id, request.params.enrolmentId, request.body),
  );

  app.post(
    '/programs/:id/enrolments/:enrolmentId/replacements',
    {
      config: { access: 'programs.manage' },
      schema: {
        tags, summary: 'Draw the next family from the waiting list for a rejected or cancelled one (same kecamatan first)',
        params: EnrolmentParams, body: ReplacementInput, response: { 201: Replacement },
      },
    },
    async (request, reply) => reply.status(201).send(await replaceEnrolment(context(request), request.params.id, request.params.enrolmentId, request.body.note)),
  );

  app.post(
    '/programs/:id/enrolments/:enrolmentId/post-decree-change',
    {
      config: { access: 'programs.manage' },
      schema: {
        tags, summary: 'Cancel or stop a family fixed by a decree, with reason and note kept in its history (optionally drawing a replacement)',
        params: EnrolmentParams, body: PostDecreeChangeInput,
        response: { 200: z.object({ enrolment: Enrolment, replacement: Enrolment.nullable() }) },
      },
    },
    async (request) => changeAfterDecree(context(request), request.params.id, request.params.enrolmentId, request.body),
  );
};
