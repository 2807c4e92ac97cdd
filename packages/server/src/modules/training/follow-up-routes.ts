import { Page, TrainingFollowUp, TrainingFollowUpInput, TrainingFollowUpListQuery, TrainingReport, TrainingReportQuery } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, tags, trainingContext } from './context.ts';
import { scheduleFollowUpReminders } from './follow-up-reminders.ts';
import { listFollowUps, recordFollowUp } from './follow-up-service.ts';
import { trainingReport } from './report-service.ts';

/** Follow-ups of graduates (the due list, and hourly reminders to the owner agency) and the training reports. */
export const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = trainingContext.bind(null, app);
  scheduleFollowUpReminders(app);

  app.get(
    '/training/follow-ups',
    {
      config: { access: 'training.read' },
      schema: { tags, summary: 'Follow-ups in your scope: due and overdue by default (the reminders), or by state', querystring: TrainingFollowUpListQuery, response: { 200: Page(TrainingFollowUp) } },
    },
    async (request) => listFollowUps(context(request), request.query),
  );

  app.put(
    '/training/follow-ups/:id',
    {
      config: { access: 'training.manage' },
      schema: { tags, summary: 'Record what a graduate does: working (employer), own business (monthly turnover) or not working', params: IdParams, body: TrainingFollowUpInput, response: { 200: TrainingFollowUp } },
    },
    async (request) => recordFollowUp(context(request), request.params.id, request.body),
  );

  app.get(
    '/training/reports',
    {
      config: { access: 'training.read' },
      schema: { tags, summary: 'Completion and placement rates by target group, course and cohort; graduates per employer', querystring: TrainingReportQuery, response: { 200: TrainingReport } },
    },
    async (request) => trainingReport(context(request), request.query),
  );
};
