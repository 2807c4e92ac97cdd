import { PassThrough } from 'node:stream';
import { FamilyExportQuery } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { registryContext } from '../edit/guards.ts';
import { prepareFamilyExport } from './service.ts';

/** The current filtered family list as a spreadsheet, for roles allowed to export personal data. */
export const registryExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/families/export',
    {
      config: { access: 'registry.export' },
      schema: {
        tags: ['registry'],
        summary: 'Export the filtered family list (same filters as GET /families) as XLSX, in your scope; audited; ?includeMembers=true adds a members sheet',
        querystring: FamilyExportQuery,
      },
    },
    async (request, reply) => {
      const prepared = await prepareFamilyExport(registryContext(app, request), request.query);
      const stream = new PassThrough();
      prepared.write(stream).catch((error: unknown) => {
        request.log.error({ err: error }, 'family export failed');
        stream.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return reply
        .header('content-type', prepared.contentType)
        .header('content-disposition', `attachment; filename="${prepared.fileName}"`)
        .send(stream);
    },
  );
};
