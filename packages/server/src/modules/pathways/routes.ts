import {
  FamilyPathway, GraduationAssessment, GraduationAssessmentCreate, GraduationCriteria, GraduationCriteriaPreview, GraduationCriteriaPreviewBody,
  GraduationCriteriaUpdate, PathwayCountQuery, PathwayCounts, PathwayTransition, PathwayTransitionCreate, Uuid,
} from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../auth/current-user.ts';
import { registerTimelineSource } from '../registry/timeline/sources.ts';
import { pathwayCounts } from './counts.ts';
import { previewCriteria } from './criteria-preview.ts';
import { assessGraduation, getCriteria, setCriteria } from './graduation.ts';
import { getFamilyPathway, recordTransition, type PathwayContext } from './service.ts';
import { pathwayTimelineEvents } from './timeline.ts';

const tags = ['pathways'];
const FamilyParams = z.object({ id: Uuid });

registerTimelineSource('pathways', pathwayTimelineEvents);

/** Each family's way out of poverty: stages with evidence, graduation criteria and assessments, leaders' counts. */
export const pathwayRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = (request: FastifyRequest): PathwayContext => ({ db: app.database.db, config: app.config, user: currentUser(request), request });

  app.get(
    '/families/:id/pathway',
    {
      config: { access: 'pathways.read' },
      schema: {
        tags, summary: 'A family’s stage, steps with evidence, graduation assessments and the stage its records suggest (audited view)',
        params: FamilyParams, response: { 200: FamilyPathway },
      },
    },
    async (request) => getFamilyPathway(context(request), request.params.id),
  );

  app.post(
    '/families/:id/pathway/transitions',
    {
      config: { access: 'pathways.manage' },
      schema: {
        tags, summary: 'Record a step (operator confirms); mandiri needs a passed assessment or an override reason (audited); 409 on a stale version',
        params: FamilyParams, body: PathwayTransitionCreate, response: { 201: PathwayTransition },
      },
    },
    async (request, reply) => reply.status(201).send(await recordTransition(context(request), request.params.id, request.body)),
  );

  app.post(
    '/families/:id/pathway/assessments',
    {
      config: { access: 'pathways.manage' },
      schema: {
        tags, summary: 'Assess graduation with the current criteria: the result and its explanation rule by rule are recorded',
        params: FamilyParams, body: GraduationAssessmentCreate, response: { 201: GraduationAssessment },
      },
    },
    async (request, reply) => reply.status(201).send(await assessGraduation(context(request), request.params.id, request.body)),
  );

  app.get(
    '/pathways/counts',
    {
      config: { access: 'pathways.read' },
      schema: { tags, summary: 'Families at each stage by kecamatan or by agency, within your scope', querystring: PathwayCountQuery, response: { 200: PathwayCounts } },
    },
    async (request) => pathwayCounts(context(request), request.query),
  );

  app.get(
    '/pathways/graduation-criteria',
    { config: { access: 'pathways.read' }, schema: { tags, summary: 'The graduation criteria in force, as a rule and in words', response: { 200: GraduationCriteria } } },
    async (request) => getCriteria(context(request)),
  );

  app.put(
    '/pathways/graduation-criteria',
    {
      config: { access: 'pathways.configure' },
      schema: {
        tags, summary: 'Set new graduation criteria (rule language of eligibility; 400 invalid_rule lists every issue); saved as the next version',
        body: GraduationCriteriaUpdate, response: { 200: GraduationCriteria },
      },
    },
    async (request) => setCriteria(context(request), request.body),
  );

  // Read, not configure: it changes nothing and shows only counts within the user's scope, like the program rule preview.
  app.post(
    '/pathways/graduation-criteria/preview',
    {
      config: { access: 'pathways.read' },
      schema: {
        tags, summary: 'How many families on their way out (not yet mandiri, your scope) meet draft criteria, by stage and kecamatan, next to the saved criteria (400 invalid_rule lists every issue)',
        body: GraduationCriteriaPreviewBody, response: { 200: GraduationCriteriaPreview },
      },
    },
    async (request) => previewCriteria(context(request), request.body),
  );
};
