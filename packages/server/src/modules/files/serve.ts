import fs from 'node:fs';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../http/errors.ts';
import { storedFilePath } from './store.ts';

/** Quoted for Content-Disposition, with an RFC 5987 copy for names outside ASCII. */
export function contentDisposition(name: string, disposition: 'inline' | 'attachment'): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export interface ServedFile {
  /** Relative to UPLOAD_DIR, as stored. */
  path: string;
  name: string;
  mime: string;
}

/**
 * Streams a stored file. Call only after the caller's own permission and scope checks: this helper checks nothing but
 * that the path stays inside UPLOAD_DIR and the file exists (404 otherwise).
 */
export async function sendStoredFile(reply: FastifyReply, uploadDir: string, file: ServedFile, disposition: 'inline' | 'attachment' = 'inline'): Promise<FastifyReply> {
  const absolute = storedFilePath(uploadDir, file.path);
  const stat = await fs.promises.stat(absolute).catch(() => null);
  if (!stat?.isFile()) throw new AppError('not_found');
  return reply
    .header('content-type', file.mime)
    .header('content-length', stat.size)
    .header('content-disposition', contentDisposition(file.name, disposition))
    .header('x-content-type-options', 'nosniff')
    // Personal photos: the browser may keep them, shared caches may not.
    .header('cache-control', 'private, max-age=86400')
    .send(fs.createReadStream(absolute));
}
