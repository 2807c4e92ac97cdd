import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { displayName, RejectedFileError, type StoredFile } from './store.ts';
import { exifCaptureDate, exifDateText } from './exif-date.ts';

/**
 * Photos from field phones (house renovation, distribution): checked by content, re-encoded as JPEG of at most
 * `maxSide` pixels on the long side (a 12 MP photo becomes ~300 KB, light on a cheap phone's data plan), turned upright,
 * and stripped of EXIF (GPS position, device) except the capture date.
 */

export interface StoredImage extends StoredFile {
  width: number;
  height: number;
  /** The camera's wall-clock capture time ('YYYY-MM-DDTHH:MM:SS') when the photo carried one. */
  takenAt: string | null;
}

export interface ImageOptions {
  maxBytes: number;
  /** Longest side of the stored image in pixels (default 1600). */
  maxSide?: number;
  /** JPEG quality 1–100 (default 80). */
  quality?: number;
}

export const DEFAULT_PHOTO_MAX_BYTES = 15 * 1024 * 1024;
export const DEFAULT_PHOTO_MAX_SIDE = 1600;
/** Larger inputs are refused before decoding: a small file can declare a huge canvas (decompression bomb). */
const MAX_INPUT_PIXELS = 120_000_000;

/** JPEG, PNG or WebP, decided from the first bytes, never from the file name. */
export function isAcceptedImage(head: Buffer): boolean {
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return true;
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return true;
  return head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP';
}

async function readLimited(source: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxBytes) {
      source.destroy();
      throw new RejectedFileError('size');
    }
    chunks.push(buffer);
  }
  if (size === 0) throw new RejectedFileError('empty');
  return Buffer.concat(chunks);
}

/** Re-encodes a photo in memory; throws RejectedFileError('type') for anything that is not a readable image. */
export async function downscaleImage(input: Buffer, options: Omit<ImageOptions, 'maxBytes'> = {}): Promise<{ data: Buffer; width: number; height: number; takenAt: string | null }> {
  if (!isAcceptedImage(input.subarray(0, 16))) throw new RejectedFileError('type');
  const maxSide = options.maxSide ?? DEFAULT_PHOTO_MAX_SIDE;
  try {
    const metadata = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const takenAt = exifCaptureDate(metadata.exif);
    let pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: options.quality ?? 80 });
    if (takenAt) pipeline = pipeline.withExif({ IFD0: { DateTime: exifDateText(takenAt) } });
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, takenAt };
  } catch (error) {
    if (error instanceof RejectedFileError) throw error;
    throw new RejectedFileError('type');
  }
}

/**
 * Stores a photo under UPLOAD_DIR/<folder>/<random>.jpg after checking its size and type and downscaling it; the
 * size and hash are those of the stored JPEG.
 */
export async function storeImage(uploadDir: string, folder: string, fileName: string, source: Readable, options: ImageOptions): Promise<StoredImage> {
  const input = await readLimited(source, options.maxBytes);
  const image = await downscaleImage(input, options);
  const relative = path.join(folder, `${crypto.randomUUID()}.jpg`);
  const absolute = path.join(uploadDir, relative);
  await fs.promises.mkdir(path.dirname(absolute), { recursive: true });
  const temporary = path.join(path.dirname(absolute), `.${crypto.randomUUID()}.part`);
  try {
    await fs.promises.writeFile(temporary, image.data, { mode: 0o640 });
    await fs.promises.rename(temporary, absolute);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
  const name = displayName(fileName).replace(/\.[^.]*$/, '') + '.jpg';
  return {
    path: relative, name, mime: 'image/jpeg', size: image.data.length, sha256: crypto.createHash('sha256').update(image.data).digest('hex'),
    width: image.width, height: image.height, takenAt: image.takenAt,
  };
}
