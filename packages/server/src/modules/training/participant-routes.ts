import {
  TrainingAttendanceInput, TrainingCandidate, TrainingCandidateQuery, TrainingCohortComplete, TrainingCompletionSummary, TrainingParticipant,
  TrainingParticipantAdd, TrainingParticipantList, TrainingParticipantUpdate, Uuid,
} from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { participantCertificate } from './certificate.ts';
import { completeCohort } from './completion-service.ts';
import { IdParams, tags, trainingContext } from './context.ts';
import { addParticipant, listParticipants, recordAttendance, removeParticipant, searchCandidates, updateParticipant } from './participant-service.ts';

const ParticipantParams = z.object({ id: Uuid, participantId: Uuid });

/** Participants of a cohort, attendance per session, completion and certificates. */
export const participantRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = trainingContext.bind(null, app);

  app.get(
    '/training/cohorts/:id/candidates',
    {
      config: { access: 'training.manage' },
      schema: {
        tags, summary: 'People of the registry in your scope who could join (name or NIK; inmates, people with disabilities, business-package families)',
        params: IdParams, querystring: TrainingCandidateQuery, response: { 200: z.array(TrainingCandidate) },
      },
    },
    async (request) => searchCandidates(context(request), request.params.id, request.query),
  );

  app.get(
    '/training/cohorts/:id/participants',
    {
      config: { access: 'training.read' },
      schema: { tags, summary: 'Participants in your scope with attendance and completion (audited)', params: IdParams, response: { 200: TrainingParticipantList } },
    },
    async (request) => listParticipants(context(request), request.params.id),
  );

  app.post(
    '/training/cohorts/:id/participants',
    {
      config: { access: 'training.manage' },
      schema: { tags, summary: 'Add a person while seats remain (409 training_cohort_full)', params: IdParams, body: TrainingParticipantAdd, response: { 201: TrainingParticipant } },
    },
    async (request, reply) => reply.status(201).send(await addParticipant(context(request), request.params.id, request.body)),
  );

  app.patch(
    '/training/cohorts/:id/participants/:participantId',
    {
      config: { access: 'training.manage' },
      schema: { tags, summary: 'Record the assessment, a withdrawal or the target group', params: ParticipantParams, body: TrainingParticipantUpdate, response: { 200: TrainingParticipant } },
    },
    async (request) => updateParticipant(context(request), request.params.id, request.params.participantId, request.body),
  );

  app.delete(
    '/training/cohorts/:id/participants/:participantId',
    { config: { access: 'training.manage' }, schema: { tags, summary: 'Take a person entered by mistake off an open cohort', params: ParticipantParams } },
    async (request, reply) => {
      await removeParticipant(context(request), request.params.id, request.params.participantId);
      return reply.status(204).send();
    },
  );

  app.put(
    '/training/cohorts/:id/sessions/:sessionId/attendance',
    {
      config: { access: 'training.manage' },
      schema: {
        tags, summary: 'Record who was present at a session', params: z.object({ id: Uuid, sessionId: Uuid }), body: TrainingAttendanceInput,
        response: { 200: TrainingParticipantList },
      },
    },
    async (request) => recordAttendance(context(request), request.params.id, request.params.sessionId, request.body),
  );

  app.post(
    '/training/cohorts/:id/complete',
    {
      config: { access: 'training.manage' },
      schema: {
        tags, summary: 'Complete the cohort: outcomes by the course’s rule, certificate numbers, follow-ups at 3, 6 and 12 months', params: IdParams,
        body: TrainingCohortComplete, response: { 200: TrainingCompletionSummary },
      },
    },
    async (request) => completeCohort(context(request), request.params.id, request.body.version),
  );

  app.get(
    '/training/participants/:id/certificate',
    { config: { access: 'training.read' }, schema: { tags, summary: 'Certificate (PDF) of a participant who completed the training (audited)', params: IdParams } },
    async (request, reply) => {
      const file = await participantCertificate(context(request), request.params.id);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.pdf);
    },
  );
};
