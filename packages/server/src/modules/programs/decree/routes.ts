import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import { Decree, DecreeExportQuery, DecreeInput, Uuid } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../http/errors.ts';
import { programContext, ProgramParams, tags } from '../route-context.ts';
import { exportDecree } from './export.ts';
import { attachDecreeFile, createDecree, decreeFile, getDecree, listDecrees, MAX_DECREE_FILE_BYTES } from './service.ts';

const DecreeParams = z.object({ id: Uuid, decreeId: Uuid });

/** Quoted for Content-Disposition, with an RFC 5987 copy for names outside ASCII. */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Decrees (SK) of a program: fixing the verified list, the signed scan, and the list as XLSX or PDF. */
export const decreeRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = programContext.bind(null, app);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_DECREE_FILE_BYTES, files: 1, fields: 5 } });

  app.get(
    '/programs/:id/decrees',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'Decrees of a program, oldest first', params: ProgramParams, response: { 200: z.array(Decree) } } },
    async (request) => listDecrees(context(request), request.params.id),
  );

  app.post(
    '/programs/:id/decrees',
    {
      config: { access: 'programs.manage' },
      schema: { tags, summary: 'Fix every verified family not yet in a decree under a new decree (SK); later ones are amendments', params: ProgramParams, body: DecreeInput, response: { 201: Decree } },
    },
    async (request, reply) => reply.status(201).send(await createDecree(context(request), request.params.id, request.body)),
  );

  app.get(
    '/programs/:id/decrees/:decreeId',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'One decree', params: DecreeParams, response: { 200: Decree } } },
    async (request) => getDecree(context(request), request.params.id, request.params.decreeId),
  );

  app.put(
    '/programs/:id/decrees/:decreeId/file',
    {
      config: { access: 'programs.manage' },
      schema: { tags, summary: 'Upload the signed decree (PDF, JPG or PNG, multipart field "file")', consumes: ['multipart/form-data'], params: DecreeParams, response: { 200: Decree } },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('decree_file_type');
      const part = await request.file();
      if (!part) throw new AppError('decree_file_type');
      return attachDecreeFile(context(request), request.params.id, request.params.decreeId, { fileName: part.filename, stream: part.file });
    },
  );

  app.get(
    '/programs/:id/decrees/:decreeId/file',
    { config: { access: 'programs.read' }, schema: { tags, summary: 'Download the signed decree (whole-jurisdiction users; audited)', params: DecreeParams } },
    async (request, reply) => {
      const file = await decreeFile(context(request), request.params.id, request.params.decreeId);
      return reply.header('content-type', file.type).header('content-disposition', attachment(file.name)).send(fs.createReadStream(file.path));
    },
  );

  app.get(
    '/programs/:id/decrees/:decreeId/export',
    {
      config: { access: 'registry.export' },
      schema: { tags, summary: 'The decree’s families in your scope as XLSX or PDF; NIK and No KK masked unless unmask=true with registry.unmask (audited)', params: DecreeParams, querystring: DecreeExportQuery },
    },
    async (request, reply) => {
      const file = await exportDecree(context(request), request.params.id, request.params.decreeId, request.query);
      const stream = new PassThrough();
      file.write(stream).catch((error: unknown) => {
        request.log.error({ err: error, decreeId: request.params.decreeId }, 'decree export failed');
        stream.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return reply.header('content-type', file.contentType).header('content-disposition', attachment(file.fileName)).send(stream);
    },
  );
};
