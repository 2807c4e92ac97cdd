import { ImportTemplateCreate, ImportTemplateItem } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/record.ts';
import { actorOf } from './routes.ts';
import { deleteTemplate, saveTemplate, savedTemplate, templateItem, templatesFor } from './templates.ts';

const tags = ['registry import'];

/** Column mappings: the shipped DTSEN/DTKS templates plus those the agency saved, under /api/registry/import-templates. */
export const importTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    '/registry/import-templates',
    { config: { access: 'registry.read' }, schema: { tags, summary: 'Saved (own agency) and shipped import templates', response: { 200: z.array(ImportTemplateItem) } } },
    async (request) => (await templatesFor(db, actorOf(request).agencyId)).map(templateItem),
  );

  app.post(
    '/registry/import-templates',
    {
      config: { access: 'registry.write' },
      schema: { tags, summary: 'Save a column mapping as a template', body: ImportTemplateCreate, response: { 201: ImportTemplateItem } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await saveTemplate(db, { name: request.body.name, mapping: request.body.mapping, createdBy: actor.id, agencyId: actor.agencyId });
      await recordAudit(db, request, { action: 'create', entity: 'import_template', entityId: row.id, details: { name: row.name } });
      return reply.status(201).send(templateItem(savedTemplate(row)));
    },
  );

  app.delete(
    '/registry/import-templates/:id',
    {
      config: { access: 'registry.write' },
      schema: { tags, summary: 'Delete a saved template (shipped ones cannot be deleted)', params: z.object({ id: z.string().max(100) }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      if (!(await deleteTemplate(db, request.params.id, actorOf(request).agencyId))) throw new AppError('not_found');
      await recordAudit(db, request, { action: 'delete', entity: 'import_template', entityId: request.params.id });
      return reply.status(204).send(null);
    },
  );
};
