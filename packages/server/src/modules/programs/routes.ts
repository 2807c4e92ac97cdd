import {
  PreviewCount, PreviewCountBody, Program, ProgramCreate, ProgramExplanation, ExplainQuery, ProgramListItem, ProgramListQuery,
  ProgramRuleVersion, ProgramStatusChange, ProgramUpdate, Page, RuleCatalogue, ruleCatalogue, Uuid,
} from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decreeRoutes } from './decree/routes.ts';
import { enrolmentRoutes } from './enrolments/routes.ts';
import { explainFamily } from './explain.ts';
import { previewCount } from './preview.ts';
import { programContext, ProgramParams, tags } from './route-context.ts';
import { changeProgramStatus, createProgram, getProgram, listRuleVersions, searchPrograms, updateProgram } from './service.ts';
import { runRoutes } from './targeting/routes.ts';

/** The program catalogue, rule editing helpers and explanations, under /api/programs; runs, beneficiaries and decrees below. */
export const programRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = programContext.bind(null, app);

  app.get(
    '/programs',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'Programs of every agency, filtered and paged', querystring: ProgramListQuery, response: { 200: Page(ProgramListItem) } } },
    async (request) => searchPrograms(context(request), request.query),
  );

  app.get(
    '/programs/rule-catalogue',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'Fields, operators and code lists for the rule editor', response: { 200: RuleCatalogue } } },
    () => ruleCatalogue(),
  );

  app.post(
    '/programs/preview-count',
    {
      config: { access: 'programs.read' },
      schema: {
        tags, summary: 'How many families of your scope a rule accepts, per kecamatan (live preview while editing; 400 invalid_rule lists every issue)',
        body: PreviewCountBody, response: { 200: PreviewCount },
      },
    },
    async (request) => previewCount(context(request), request.body),
  );

  app.post(
    '/programs',
    { config: { access: 'programs.manage' }, schema: { tags, summary: 'Create a draft program (own agency; admins any)', body: ProgramCreate, response: { 201: Program } } },
    async (request, reply) => reply.status(201).send(await createProgram(context(request), request.body)),
  );

  app.get(
    '/programs/:id',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'One program with quotas, rule (also in words) and beneficiary counts', params: ProgramParams, response: { 200: Program } } },
    async (request) => getProgram(context(request), request.params.id),
  );

  app.patch(
    '/programs/:id',
    {
      config: { access: 'programs.manage' },
      schema: {
        tags, summary: 'Change a program (owner agency); `version` must match (409 conflict); a changed rule gets the next rule version',
        params: ProgramParams, body: ProgramUpdate, response: { 200: Program },
      },
    },
    async (request) => updateProgram(context(request), request.params.id, request.body),
  );

  app.post(
    '/programs/:id/activate',
    {
      config: { access: 'programs.manage' },
      schema: { tags, summary: 'Activate a draft (needs the legal basis, a rule and a priority order)', params: ProgramParams, body: ProgramStatusChange, response: { 200: Program } },
    },
    async (request) => changeProgramStatus(context(request), request.params.id, 'active', request.body.version),
  );

  app.post(
    '/programs/:id/close',
    { config: { access: 'programs.manage' }, schema: { tags, summary: 'Close a program: nothing changes any more', params: ProgramParams, body: ProgramStatusChange, response: { 200: Program } } },
    async (request) => changeProgramStatus(context(request), request.params.id, 'closed', request.body.version),
  );

  app.get(
    '/programs/:id/rule-versions',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'Every version of the rule and priority, newest first', params: ProgramParams, response: { 200: z.array(ProgramRuleVersion) } } },
    async (request) => listRuleVersions(context(request), request.params.id),
  );

  app.get(
    '/programs/:id/explain/:familyId',
    {
      config: { access: 'programs.read' },
      schema: {
        tags, summary: 'Why a family of your scope qualifies or not, rule by rule, with its priority points (audited)',
        params: z.object({ id: Uuid, familyId: Uuid }), querystring: ExplainQuery, response: { 200: ProgramExplanation },
      },
    },
    async (request) => explainFamily(context(request), request.params.id, request.params.familyId, request.query.runId),
  );

  await app.register(runRoutes);
  await app.register(enrolmentRoutes);
  await app.register(decreeRoutes);
};
