import { AuditEntry, AuditQuery, Page } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../http/errors.ts';
import { searchAudit } from './queries.ts';
import { endOfLocalDay, jurisdictionUtcOffset, startOfLocalDay } from './time-zone.ts';

// Deliberately read-only: audit rows are never edited or deleted through the application (the database refuses it too).
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const utcOffset = jurisdictionUtcOffset(app.config.jurisdiction);

  app.get(
    '/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit trail, newest first; from/to are local calendar days, both inclusive',
        querystring: AuditQuery,
        response: { 200: Page(AuditEntry) },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      if (from && to && from > to) throw new AppError('validation_failed', {}, [{ path: '/from', message: 'from > to' }]);
      return searchAudit(app.database.db, {
        ...rest,
        from: from ? startOfLocalDay(from, utcOffset) : undefined,
        until: to ? endOfLocalDay(to, utcOffset) : undefined,
      });
    },
  );
};
