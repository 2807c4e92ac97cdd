import {
  Page, Referral, ReferralCounts, ReferralCreate, ReferralEvent, ReferralListQuery, ReferralRule, ReferralRuleInput, ReferralTransitionInput, Uuid,
} from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jurisdictionToday } from '../programs/context.ts';
import { programContext } from '../programs/route-context.ts';
import { registerPathwayEvidenceSource } from '../pathways/evidence.ts';
import { registerTimelineSource } from '../registry/timeline/sources.ts';
import { servedReferralEvidence } from './pathway-evidence.ts';
import { flagOverdueReferrals } from './overdue.ts';
import { deleteReferralRule, listReferralRules, saveReferralRule } from './rules.ts';
import { createReferral, getReferral, referralCounts, referralHistory, searchReferrals, transitionReferral } from './service.ts';
import { referralTimelineEvents } from './timeline.ts';

const tags = ['referrals'];
const IdParams = z.object({ id: Uuid });
const OVERDUE_SWEEP_MS = 60 * 60 * 1000;

registerTimelineSource('referrals', referralTimelineEvents);
registerPathwayEvidenceSource('referrals', ['referral'], servedReferralEvidence);

/** Referrals between agencies: the inbox, sending, answering and closing, history, and programs' referral rules. */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = programContext.bind(null, app);
  let sweep: NodeJS.Timeout | null = null;
  const flagOverdue = async () => {
    try {
      const flagged = await flagOverdueReferrals(app.database.db, jurisdictionToday(app.config.jurisdiction));
      if (flagged) app.log.info({ flagged }, 'overdue referrals flagged');
    } catch (error) {
      app.log.error({ err: error }, 'flagging overdue referrals failed');
    }
  };
  app.addHook('onReady', async () => {
    await flagOverdue();
    sweep = setInterval(() => void flagOverdue(), OVERDUE_SWEEP_MS);
    sweep.unref();
  });
  app.addHook('onClose', async () => {
    if (sweep) clearInterval(sweep);
  });

  app.get(
    '/referrals',
    {
      config: { access: 'referrals.read' },
      schema: { tags, summary: 'Referrals received by or sent by your agency (admin and pimpinan: all), by box, status, lateness and region; No KK masked (audited)', querystring: ReferralListQuery, response: { 200: Page(Referral) } },
    },
    async (request) => searchReferrals(context(request), request.query),
  );

  app.get(
    '/referrals/counts',
    { config: { access: 'referrals.read' }, schema: { tags, summary: 'How many referrals your agency received (and still open), sent, and how many you may see are overdue', response: { 200: ReferralCounts } } },
    async (request) => referralCounts(context(request)),
  );

  app.post(
    '/referrals',
    {
      config: { access: 'referrals.manage' },
      schema: { tags, summary: 'Refer a family (optionally one member) from your agency to another, with the consent or legal basis for sharing its data', body: ReferralCreate, response: { 201: Referral } },
    },
    async (request, reply) => reply.status(201).send(await createReferral(context(request), request.body)),
  );

  app.get(
    '/referrals/:id',
    {
      config: { access: 'referrals.read' },
      schema: { tags, summary: 'One referral of your agency, with the family data the receiving agency needs (masked unless unmask, audited)', params: IdParams, querystring: z.object({ unmask: z.stringbool().default(false) }), response: { 200: Referral } },
    },
    async (request) => getReferral(context(request), request.params.id, request.query.unmask),
  );

  app.get(
    '/referrals/:id/history',
    { config: { access: 'referrals.read' }, schema: { tags, summary: 'Every step of one referral, oldest first', params: IdParams, response: { 200: z.array(ReferralEvent) } } },
    async (request) => referralHistory(context(request), request.params.id),
  );

  app.post(
    '/referrals/:id/transitions',
    {
      config: { access: 'referrals.manage' },
      schema: { tags, summary: 'Accept or decline (receiving agency, reason required to decline), close as served or not served, or withdraw (sending agency)', params: IdParams, body: ReferralTransitionInput, response: { 200: Referral } },
    },
    async (request) => transitionReferral(context(request), request.params.id, request.body),
  );

  app.get(
    '/programs/:id/referral-rules',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'The program’s rules that refer a family to other agencies when it is served', params: IdParams, response: { 200: z.array(ReferralRule) } } },
    async (request) => listReferralRules(context(request), request.params.id),
  );

  app.put(
    '/programs/:id/referral-rules',
    {
      config: { access: 'programs.manage' },
      schema: { tags, summary: 'Add or replace the program’s rule for one receiving agency (owner agency only)', params: IdParams, body: ReferralRuleInput, response: { 200: z.array(ReferralRule) } },
    },
    async (request) => saveReferralRule(context(request), request.params.id, request.body),
  );

  app.delete(
    '/programs/:id/referral-rules/:ruleId',
    {
      config: { access: 'programs.manage' },
      schema: { tags, summary: 'Remove one of the program’s referral rules (referrals already sent stay)', params: z.object({ id: Uuid, ruleId: Uuid }), response: { 200: z.array(ReferralRule) } },
    },
    async (request) => deleteReferralRule(context(request), request.params.id, request.params.ruleId),
  );
};
