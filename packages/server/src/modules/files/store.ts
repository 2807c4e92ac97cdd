import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Uploaded documents (decree scans now; receipts and photos later) under UPLOAD_DIR. The type is decided from the
 * first bytes, never from the name the browser sent, and a stored path never leaves UPLOAD_DIR.
 */

export interface FileKind {
  mime: string;
  extension: string;
  magic: readonly Buffer[];
}

export const DOCUMENT_KINDS: readonly FileKind[] = [
  { mime: 'application/pdf', extension: 'pdf', magic: [Buffer.from('%PDF-')] },
  { mime: 'image/jpeg', extension: 'jpg', magic: [Buffer.from([0xff, 0xd8, 0xff])] },
  { mime: 'image/png', extension: 'png', magic: [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])] },
];

export interface StoredFile {
  /** Relative to UPLOAD_DIR. */
  path: string;
  /** The name as uploaded, for downloads. */
  name: string;
  mime: string;
  size: number;
  sha256: string;
}

export class RejectedFileError extends Error {
  constructor(readonly reason: 'type' | 'size' | 'empty') {
    super(`file rejected: ${reason}`);
  }
}

function kindOf(head: Buffer, kinds: readonly FileKind[]): FileKind | undefined {
  return kinds.find((kind) => kind.magic.some((magic) => head.subarray(0, magic.length).equals(magic)));
}

/** Keeps the uploaded name readable but harmless (no folders, no control characters). */
export function displayName(name: string): string {
  return path.basename(name).normalize('NFKC').replace(/[^\p{L}\p{N}.\- _()]+/gu, '_').trim().slice(-150) || 'berkas';
}

/**
 * Writes `source` to UPLOAD_DIR/<folder>/<random>.<ext>, hashing it on the way; refuses other types than `kinds`,
 * empty files and files over `maxBytes` (the partial file is removed).
 */
export async function storeFile(
  uploadDir: string, folder: string, fileName: string, source: Readable, options: { kinds: readonly FileKind[]; maxBytes: number },
): Promise<StoredFile> {
  const temporary = path.join(uploadDir, folder, `.${crypto.randomUUID()}.part`);
  await fs.promises.mkdir(path.dirname(temporary), { recursive: true });
  const hash = crypto.createHash('sha256');
  let head = Buffer.alloc(0);
  let size = 0;
  const inspect = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > options.maxBytes) {
        callback(new RejectedFileError('size'));
        return;
      }
      if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16)]);
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(source, inspect, fs.createWriteStream(temporary));
    if (size === 0) throw new RejectedFileError('empty');
    const kind = kindOf(head, options.kinds);
    if (!kind) throw new RejectedFileError('type');
    const relative = path.join(folder, `${crypto.randomUUID()}.${kind.extension}`);
    await fs.promises.rename(temporary, path.join(uploadDir, relative));
    return { path: relative, name: displayName(fileName), mime: kind.mime, size, sha256: hash.digest('hex') };
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}

/** The absolute path of a stored file, refusing any path that would leave UPLOAD_DIR. */
export function storedFilePath(uploadDir: string, relative: string): string {
  const root = path.resolve(uploadDir);
  const absolute = path.resolve(root, relative);
  if (!absolute.startsWith(root + path.sep)) throw new RangeError(`Stored file outside the upload folder: ${relative}`);
  return absolute;
}

export async function removeStoredFile(uploadDir: string, relative: string): Promise<void> {
  await fs.promises.rm(storedFilePath(uploadDir, relative), { force: true });
}
