import {
  Page, TrainingCohort, TrainingCohortInput, TrainingCohortListItem, TrainingCohortListQuery, TrainingCohortUpdate, TrainingCourse, TrainingCourseInput,
  TrainingCourseListQuery, TrainingSessionInput, Uuid,
} from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerPathwayEvidenceSource } from '../pathways/evidence.ts';
import { registerTimelineSource } from '../registry/timeline/sources.ts';
import { completedTrainingEvidence } from './pathway-evidence.ts';
import { addSession, createCohort, getCohort, removeSession, searchCohorts, updateCohort } from './cohort-service.ts';
import { IdParams, tags, trainingContext } from './context.ts';
import { createCourse, getCourse, searchCourses, updateCourse } from './course-service.ts';
import { followUpRoutes } from './follow-up-routes.ts';
import { participantRoutes } from './participant-routes.ts';
import { trainingTimelineEvents } from './timeline-source.ts';

registerTimelineSource('training', trainingTimelineEvents);
registerPathwayEvidenceSource('training', ['training'], completedTrainingEvidence);

/** Training courses and cohorts with their sessions, under /api/training; participants, follow-ups and reports below. */
export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = trainingContext.bind(null, app);

  app.get(
    '/training/courses',
    { config: { access: 'training.read' }, schema: { tags, summary: 'Training courses of every agency, filtered and paged', querystring: TrainingCourseListQuery, response: { 200: Page(TrainingCourse) } } },
    async (request) => searchCourses(context(request), request.query),
  );

  app.post(
    '/training/courses',
    { config: { access: 'training.manage' }, schema: { tags, summary: 'Create a course with its partner LPK (own agency; admins any)', body: TrainingCourseInput, response: { 201: TrainingCourse } } },
    async (request, reply) => reply.status(201).send(await createCourse(context(request), request.body)),
  );

  app.get(
    '/training/courses/:id',
    { config: { access: 'training.read' }, schema: { tags, summary: 'One course', params: IdParams, response: { 200: TrainingCourse } } },
    async (request) => getCourse(context(request), request.params.id),
  );

  app.put(
    '/training/courses/:id',
    { config: { access: 'training.manage' }, schema: { tags, summary: 'Change a course (owner agency)', params: IdParams, body: TrainingCourseInput, response: { 200: TrainingCourse } } },
    async (request) => updateCourse(context(request), request.params.id, request.body),
  );

  app.get(
    '/training/cohorts',
    { config: { access: 'training.read' }, schema: { tags, summary: 'Cohorts, newest first, filtered and paged', querystring: TrainingCohortListQuery, response: { 200: Page(TrainingCohortListItem) } } },
    async (request) => searchCohorts(context(request), request.query),
  );

  app.post(
    '/training/cohorts',
    {
      config: { access: 'training.manage' },
      schema: { tags, summary: 'Create a cohort of a course with place, dates, trainers, seats and sessions (owner agency)', body: TrainingCohortInput, response: { 201: TrainingCohort } },
    },
    async (request, reply) => reply.status(201).send(await createCohort(context(request), request.body)),
  );

  app.get(
    '/training/cohorts/:id',
    { config: { access: 'training.read' }, schema: { tags, summary: 'One cohort with its sessions', params: IdParams, response: { 200: TrainingCohort } } },
    async (request) => getCohort(context(request), request.params.id),
  );

  app.put(
    '/training/cohorts/:id',
    {
      config: { access: 'training.manage' },
      schema: { tags, summary: 'Change an open cohort; `version` must match (409); seats never below its participants', params: IdParams, body: TrainingCohortUpdate, response: { 200: TrainingCohort } },
    },
    async (request) => updateCohort(context(request), request.params.id, request.body),
  );

  app.post(
    '/training/cohorts/:id/sessions',
    { config: { access: 'training.manage' }, schema: { tags, summary: 'Add a session inside the cohort’s period', params: IdParams, body: TrainingSessionInput, response: { 201: TrainingCohort } } },
    async (request, reply) => reply.status(201).send(await addSession(context(request), request.params.id, { date: request.body.date, topic: request.body.topic })),
  );

  app.delete(
    '/training/cohorts/:id/sessions/:sessionId',
    {
      config: { access: 'training.manage' },
      schema: { tags, summary: 'Remove a session with its attendance', params: z.object({ id: Uuid, sessionId: Uuid }), response: { 200: TrainingCohort } },
    },
    async (request) => removeSession(context(request), request.params.id, request.params.sessionId),
  );

  await app.register(participantRoutes);
  await app.register(followUpRoutes);
};
