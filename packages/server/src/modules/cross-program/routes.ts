import { PassThrough } from 'node:stream';
import {
  ApproachCoverage, CombinationFamiliesQuery, ConflictCount, ConflictFamiliesQuery, ConflictFamily, ConflictRule, ConflictRuleInput, CoverageFamily,
  CoverageQuery, Page, ProgramCombinations, UntouchedCount, UntouchedCountsQuery, UntouchedFamiliesQuery, Uuid,
} from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programContext } from '../programs/route-context.ts';
import { registerTimelineSource } from '../registry/timeline/sources.ts';
import { approachCoverage } from './approaches.ts';
import { combinationFamilies, programCombinations } from './combinations.ts';
import { createConflictRule, deleteConflictRule, listConflictRules, updateConflictRule } from './conflict-rules.ts';
import { conflictCounts, conflictFamilies } from './conflicts.ts';
import { programTimelineEvents } from './timeline-source.ts';
import { prepareUntouchedExport } from './untouched-export.ts';
import { untouchedCounts, untouchedFamilies } from './untouched.ts';

registerTimelineSource('programs', programTimelineEvents);

const tags = ['coverage'];
const RuleParams = z.object({ id: Uuid });

/** Cross-program views (lintas program) under /api/coverage: all in the user's region scope. */
export const coverageRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = programContext.bind(null, app);

  app.get(
    '/coverage/combinations',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'Families per combination of programs received, most frequent first', querystring: CoverageQuery, response: { 200: ProgramCombinations } } },
    async (request) => programCombinations(context(request), request.query),
  );

  app.get(
    '/coverage/combinations/families',
    {
      config: { access: 'programs.read' },
      schema: { tags, summary: 'Families that received exactly the given programs, No KK masked (audited)', querystring: CombinationFamiliesQuery, response: { 200: Page(CoverageFamily) } },
    },
    async (request) => combinationFamilies(context(request), request.query),
  );

  app.get(
    '/coverage/untouched',
    {
      config: { access: 'programs.read' },
      schema: {
        tags, summary: 'Desil 1–5 families and those no program has reached ("belum tersentuh"), per kabupaten/kota, kecamatan or village',
        description: 'Without `level`: kecamatan in a regency installation; in a province installation one level below `region` (or the province), for drilling down.',
        querystring: UntouchedCountsQuery, response: { 200: z.array(UntouchedCount) },
      },
    },
    async (request) => untouchedCounts(context(request), request.query),
  );

  app.get(
    '/coverage/untouched/families',
    {
      config: { access: 'programs.read' },
      schema: { tags, summary: 'Desil 1–5 families no program has reached, by village, No KK masked (audited)', querystring: UntouchedFamiliesQuery, response: { 200: Page(CoverageFamily) } },
    },
    async (request) => untouchedFamilies(context(request), request.query),
  );

  app.get(
    '/coverage/untouched/export',
    { config: { access: 'registry.export' }, schema: { tags, summary: 'The untouched desil 1–5 families as XLSX, No KK masked (audited)', querystring: CoverageQuery } },
    async (request, reply) => {
      const prepared = await prepareUntouchedExport(context(request), request.query);
      const stream = new PassThrough();
      prepared.write(stream).catch((error: unknown) => {
        request.log.error({ err: error }, 'untouched families export failed');
        stream.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${prepared.fileName}"`)
        .send(stream);
    },
  );

  app.get(
    '/coverage/conflicts',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'Each "not combined" rule with the families that received such a pair', querystring: CoverageQuery, response: { 200: z.array(ConflictCount) } } },
    async (request) => conflictCounts(context(request), request.query),
  );

  app.get(
    '/coverage/conflicts/families',
    {
      config: { access: 'programs.read' },
      schema: { tags, summary: 'Families that received a pair of programs the rule forbids, with those programs (audited)', querystring: ConflictFamiliesQuery, response: { 200: Page(ConflictFamily) } },
    },
    async (request) => conflictFamilies(context(request), request.query),
  );

  app.get(
    '/coverage/approaches',
    {
      config: { access: 'programs.read' },
      schema: {
        tags, summary: 'Families reached per approach, per kecamatan, beside the desil 1–5 families',
        description: 'byArea rolls the kecamatan up one level below `region` (or the jurisdiction): kabupaten/kota in a province installation, at most kecamatan.',
        querystring: CoverageQuery, response: { 200: ApproachCoverage },
      },
    },
    async (request) => approachCoverage(context(request), request.query),
  );

  app.get(
    '/coverage/conflict-rules',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'Pairs of program kinds that one family should not receive together', response: { 200: z.array(ConflictRule) } } },
    async () => listConflictRules(app.database.db),
  );

  app.post(
    '/coverage/conflict-rules',
    { config: { access: 'coverage.manage' }, schema: { tags, summary: 'Add a pair of program kinds not to combine (409 duplicate when the pair exists)', body: ConflictRuleInput, response: { 201: ConflictRule } } },
    async (request, reply) => reply.status(201).send(await createConflictRule(context(request), request.body)),
  );

  app.put(
    '/coverage/conflict-rules/:id',
    { config: { access: 'coverage.manage' }, schema: { tags, summary: 'Change a pair of program kinds not to combine', params: RuleParams, body: ConflictRuleInput, response: { 200: ConflictRule } } },
    async (request) => updateConflictRule(context(request), request.params.id, request.body),
  );

  app.delete(
    '/coverage/conflict-rules/:id',
    { config: { access: 'coverage.manage' }, schema: { tags, summary: 'Remove a pair of program kinds not to combine', params: RuleParams } },
    async (request, reply) => {
      await deleteConflictRule(context(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
