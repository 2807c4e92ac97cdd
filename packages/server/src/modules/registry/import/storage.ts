import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileFormat, StoredFile, TextEncoding } from './read-types.ts';

export const MAX_IMPORT_FILE_BYTES = 200 * 1024 * 1024;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);

/** Why a file cannot be imported, in both languages; the route turns it into an AppError. */
export class UnsupportedFileError extends Error {
  constructor(readonly fileName: string, readonly kind: 'xls' | 'other' | 'empty') {
    super(`${fileName}: ${kind}`);
  }
}

/** Where a batch keeps its files, relative to DATA_DIR (what the batch row stores). */
export function batchFolder(batchId: string): string {
  return path.join('imports', batchId);
}

/** A file name safe on every file system, keeping the extension readable. */
export function safeFileName(name: string, index: number): string {
  const base = path.basename(name).normalize('NFKD').replace(/[^\w.\- ]+/g, '_').trim() || 'berkas';
  return `${String(index + 1)}-${base.slice(-120)}`;
}

interface Inspection {
  size: number;
  sha256: string;
  head: Buffer;
  validUtf8: boolean;
}

/** Passes bytes through unchanged while hashing them and checking, once, whether they are valid UTF-8. */
function inspector(result: Inspection): Transform {
  const hash = crypto.createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      if (result.head.length < 8) result.head = Buffer.concat([result.head, chunk.subarray(0, 8)]);
      result.size += chunk.length;
      if (result.validUtf8) {
        try {
          utf8.decode(chunk, { stream: true });
        } catch {
          result.validUtf8 = false;
        }
      }
      callback(null, chunk);
    },
    flush(callback) {
      result.sha256 = hash.digest('hex');
      if (result.validUtf8) {
        try {
          utf8.decode();
        } catch {
          result.validUtf8 = false;
        }
      }
      callback();
    },
  });
}

function formatOf(fileName: string, head: Buffer): FileFormat {
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  if (head.subarray(0, 4).equals(OLE_MAGIC)) throw new UnsupportedFileError(fileName, 'xls');
  if (TEXT_EXTENSIONS.has(path.extname(fileName).toLowerCase())) return 'csv';
  throw new UnsupportedFileError(fileName, 'other');
}

/**
 * Writes an uploaded stream under DATA_DIR/imports/<batch>/, hashing it and deciding its format and text encoding
 * on the way, so that the file is read once. A rejected file is removed again.
 */
export async function storeUpload(dataDir: string, batchId: string, index: number, fileName: string, source: Readable): Promise<StoredFile> {
  const relative = path.join(batchFolder(batchId), safeFileName(fileName, index));
  const absolute = path.join(dataDir, relative);
  await fs.promises.mkdir(path.dirname(absolute), { recursive: true });
  const result: Inspection = { size: 0, sha256: '', head: Buffer.alloc(0), validUtf8: true };
  try {
    await pipeline(source, inspector(result), fs.createWriteStream(absolute));
    if (result.size === 0) throw new UnsupportedFileError(fileName, 'empty');
    const format = formatOf(fileName, result.head);
    const encoding: TextEncoding | null = format === 'csv' ? (result.validUtf8 ? 'utf-8' : 'windows-1252') : null;
    return { name: path.basename(fileName), path: relative, size: result.size, sha256: result.sha256, format, encoding };
  } catch (error) {
    await fs.promises.rm(absolute, { force: true });
    throw error;
  }
}

/** Removes a batch's stored files (a batch whose upload failed). */
export async function removeBatchFiles(dataDir: string, batchId: string): Promise<void> {
  await fs.promises.rm(path.join(dataDir, batchFolder(batchId)), { recursive: true, force: true });
}
