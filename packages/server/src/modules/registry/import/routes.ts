import { PassThrough } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import {
  can,
  ImportBatch,
  ImportBatchListQuery,
  ImportBatchSummary,
  ImportMappingBody,
  ImportPreview,
  ImportReportQuery,
  Page,
  Uuid,
} from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/record.ts';
import { pauseInterruptedBatches } from './batch-queries.ts';
import { writeReport } from './report.ts';
import { ImportRunner } from './runner.ts';
import { batchFor, createBatch, getBatch, listBatches, previewBatch, setMapping, type Actor, type UploadedFile } from './service.ts';
import { MAX_IMPORT_FILE_BYTES } from './storage.ts';
import { importTemplateRoutes } from './template-routes.ts';

const IdParams = z.object({ id: Uuid });
const tags = ['registry import'];

export function actorOf(request: FastifyRequest): Actor {
  if (!request.user) throw new AppError('unauthenticated');
  return request.user;
}

/** Upload → mapping → preview → start/resume (background) → progress → report, under /api/registry/imports. */
export const registryImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const config = app.config;
  const runner = new ImportRunner({ handle: app.database, dataDir: config.dataDir, jurisdiction: config.jurisdiction, log: app.log });
  app.addHook('onReady', async () => {
    const paused = await pauseInterruptedBatches(db);
    if (paused) app.log.info({ paused }, 'import batches left running by a previous process are now paused');
  });
  app.addHook('onClose', () => runner.stopAll());
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 4, fields: 10 } });
  await app.register(importTemplateRoutes);

  app.post(
    '/registry/imports',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        summary: 'Upload a CSV/XLSX file (or a families file and a members file) as a new import batch',
        consumes: ['multipart/form-data'],
        response: { 201: ImportBatch },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('import_no_file');
      const uploads = (async function* (): AsyncGenerator<UploadedFile> {
        for await (const part of request.files()) yield { fileName: part.filename, stream: part.file };
      })();
      const batch = await createBatch(db, config, actorOf(request), uploads);
      await recordAudit(db, request, {
        action: 'create',
        entity: 'import_batch',
        entityId: batch.id,
        details: { file: batch.fileName, size: batch.fileSize, sheets: batch.sheets.map((s) => ({ name: s.name, rows: s.rowsTotal })) },
      });
      return reply.status(201).send(batch);
    },
  );

  app.get(
    '/registry/imports',
    { config: { access: 'registry.read' }, schema: { tags, summary: 'Import batches, newest first', querystring: ImportBatchListQuery, response: { 200: Page(ImportBatchSummary) } } },
    async (request) => listBatches(db, actorOf(request), request.query),
  );

  app.get(
    '/registry/imports/:id',
    { config: { access: 'registry.read' }, schema: { tags, summary: 'Status, progress and counts of one batch', params: IdParams, response: { 200: ImportBatch } } },
    async (request) => getBatch(db, actorOf(request), request.params.id),
  );

  app.put(
    '/registry/imports/:id/mapping',
    {
      config: { access: 'registry.write' },
      schema: { tags, summary: 'Confirm the column mapping (optionally save it as a template)', params: IdParams, body: ImportMappingBody, response: { 200: ImportBatch } },
    },
    async (request) => {
      const batch = await setMapping(db, actorOf(request), request.params.id, request.body);
      await recordAudit(db, request, {
        action: 'update',
        entity: 'import_batch',
        entityId: batch.id,
        details: { mapping: request.body.sheets, template: request.body.templateId ?? null, savedAs: request.body.saveAsTemplate ?? null },
      });
      return batch;
    },
  );

  // Preview shows the file's personal data unmasked, so it belongs to those who import.
  app.get(
    '/registry/imports/:id/preview',
    {
      config: { access: 'registry.write' },
      schema: { tags, summary: 'First rows of each sheet as the import would judge them', params: IdParams, response: { 200: ImportPreview } },
    },
    async (request) => {
      const preview = await previewBatch(db, config, actorOf(request), request.params.id);
      await recordAudit(db, request, { action: 'view', entity: 'import_batch', entityId: request.params.id, details: { preview: true } });
      return preview;
    },
  );

  const launch = async (request: FastifyRequest, id: string, from: ('mapped' | 'paused' | 'failed')[], action: string) => {
    const actor = actorOf(request);
    const row = await batchFor(db, actor, id);
    if (!(await runner.launch(row.id, from))) {
      const current = await batchFor(db, actor, row.id);
      throw new AppError('import_wrong_status', { status: current.status });
    }
    await recordAudit(db, request, { action: 'update', entity: 'import_batch', entityId: row.id, details: { action } });
    return getBatch(db, actor, row.id);
  };

  app.post(
    '/registry/imports/:id/start',
    { config: { access: 'registry.write' }, schema: { tags, summary: 'Start importing a mapped batch in the background', params: IdParams, response: { 202: ImportBatch } } },
    async (request, reply) => reply.status(202).send(await launch(request, request.params.id, ['mapped'], 'start')),
  );

  app.post(
    '/registry/imports/:id/resume',
    {
      config: { access: 'registry.write' },
      schema: { tags, summary: 'Continue a paused or failed batch after its last saved row', params: IdParams, response: { 202: ImportBatch } },
    },
    async (request, reply) => reply.status(202).send(await launch(request, request.params.id, ['paused', 'failed'], 'resume')),
  );

  app.post(
    '/registry/imports/:id/pause',
    { config: { access: 'registry.write' }, schema: { tags, summary: 'Stop a running batch after its chunk in flight', params: IdParams, response: { 200: ImportBatch } } },
    async (request) => {
      const actor = actorOf(request);
      const row = await batchFor(db, actor, request.params.id);
      if (!runner.isRunning(row.id)) throw new AppError('import_wrong_status', { status: row.status });
      await runner.pause(row.id);
      await recordAudit(db, request, { action: 'update', entity: 'import_batch', entityId: row.id, details: { action: 'pause' } });
      return getBatch(db, actor, row.id);
    },
  );

  app.get(
    '/registry/imports/:id/report',
    {
      config: { access: 'registry.read' },
      schema: { tags, summary: 'Per-row report (XLSX or CSV) with the reasons of every rejected row', params: IdParams, querystring: ImportReportQuery },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await batchFor(db, actor, request.params.id);
      const { format, outcome } = request.query;
      const unmasked = request.user ? can(request.user.role, 'registry.unmask') : false;
      await recordAudit(db, request, { action: 'export', entity: 'import_batch', entityId: row.id, details: { report: true, format, outcome, unmasked } });
      const stream = new PassThrough();
      writeReport(db, row, { format, outcome, unmasked }, stream).catch((error: unknown) => {
        request.log.error({ err: error, batchId: row.id }, 'import report failed');
        stream.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      const fileName = `laporan-impor-${row.id.slice(0, 8)}-${outcome}.${format}`;
      return reply
        .header('content-type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(stream);
    },
  );
};
