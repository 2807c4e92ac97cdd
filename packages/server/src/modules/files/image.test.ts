import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { exifCaptureDate } from './exif-date.ts';
import { downscaleImage, storeImage } from './image.ts';
import { RejectedFileError } from './store.ts';

const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-image-test-'));
afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

/** A phone-like photo: 4000×3000, with a capture date, the device and a GPS position in its EXIF. */
async function phonePhoto(format: 'jpeg' | 'png' | 'webp' = 'jpeg', size = { width: 4000, height: 3000 }): Promise<Buffer> {
  return sharp({ create: { ...size, channels: 3, background: { r: 180, g: 120, b: 60 } } })
    .withExif({
      IFD0: { Make: 'PonselMurah', Model: 'X1', DateTime: '2026:03:05 11:00:00' },
      IFD2: { DateTimeOriginal: '2026:03:04 09:10:11' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '8/1 9/1 0/1' },
    })
    .toFormat(format)
    .toBuffer();
}

const stream = (data: Buffer) => Readable.from([data]);
const rejection = (promise: Promise<unknown>) => promise.then(() => 'stored', (error: unknown) => (error instanceof RejectedFileError ? error.reason : String(error)));

describe('photo storage', () => {
  it('downscales a phone photo to 1600 px JPEG and keeps only the capture date from EXIF', async () => {
    const input = await phonePhoto();
    expect(exifCaptureDate((await sharp(input).metadata()).exif)).toBe('2026-03-04T09:10:11');
    const stored = await storeImage(uploadDir, 'renovation/test', '../../IMG_0001.heic.JPG', stream(input), { maxBytes: 20_000_000 });
    expect(stored).toMatchObject({ mime: 'image/jpeg', width: 1600, height: 1200, takenAt: '2026-03-04T09:10:11', name: 'IMG_0001.heic.jpg' });
    expect(stored.path).toMatch(/^renovation\/test\/[0-9a-f-]{36}\.jpg$/);
    const written = fs.readFileSync(path.join(uploadDir, stored.path));
    expect(written.length).toBe(stored.size);
    const metadata = await sharp(written).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 1600, height: 1200 });
    const exif = metadata.exif?.toString('latin1') ?? '';
    expect(exif).not.toContain('PonselMurah');
    expect(exif).not.toContain('GPS');
    expect(exifCaptureDate(metadata.exif)).toBe('2026-03-04T09:10:11');
  });

  it('never enlarges a small picture and turns PNG and WebP into JPEG', async () => {
    for (const format of ['png', 'webp'] as const) {
      const result = await downscaleImage(await phonePhoto(format, { width: 300, height: 500 }));
      expect({ format: (await sharp(result.data).metadata()).format, width: result.width, height: result.height }).toEqual({ format: 'jpeg', width: 300, height: 500 });
    }
  });

  it('applies the EXIF orientation so that a portrait photo stands upright', async () => {
    const sideways = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#336699' } }).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const result = await downscaleImage(sideways);
    expect([result.width, result.height]).toEqual([800, 1600]);
    expect(result.takenAt).toBeNull();
  });

  it('refuses other types by content, broken images, empty and oversized files, leaving nothing behind', async () => {
    const before = fs.readdirSync(uploadDir, { recursive: true }).length;
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n');
    const brokenJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(400, 7)]);
    const wave = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(64)]);
    expect(await rejection(storeImage(uploadDir, 'renovation/refused', 'foto.jpg', stream(pdf), { maxBytes: 1_000_000 }))).toBe('type');
    expect(await rejection(storeImage(uploadDir, 'renovation/refused', 'foto.jpg', stream(brokenJpeg), { maxBytes: 1_000_000 }))).toBe('type');
    expect(await rejection(storeImage(uploadDir, 'renovation/refused', 'suara.webp', stream(wave), { maxBytes: 1_000_000 }))).toBe('type');
    expect(await rejection(storeImage(uploadDir, 'renovation/refused', 'kosong.jpg', stream(Buffer.alloc(0)), { maxBytes: 1_000_000 }))).toBe('empty');
    expect(await rejection(storeImage(uploadDir, 'renovation/refused', 'besar.jpg', stream(await phonePhoto()), { maxBytes: 10_000 }))).toBe('size');
    expect(fs.readdirSync(uploadDir, { recursive: true }).length).toBe(before);
  });
});
