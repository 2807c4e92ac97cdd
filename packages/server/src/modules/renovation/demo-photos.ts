import { Readable } from 'node:stream';
import sharp from 'sharp';
import type { UploadPart } from './photos.ts';

/**
 * Small drawings of a house standing in for field photos in the demo: a bamboo hut before, a frame under construction,
 * a finished brick house after. Drawn from shapes only (no text, no fonts), so the same seed gives the same pictures.
 */

type Scene = 'before' | 'progress' | 'after';

const SCENES: Record<Scene, { wall: string; roof: string; sky: string }> = {
  before: { wall: '#a0793d', roof: '#6b5a2e', sky: '#c9d6df' },
  progress: { wall: '#b8b8b0', roof: '#8c8c84', sky: '#bcd4e6' },
  after: { wall: '#f2efe6', roof: '#b5402a', sky: '#9cc7ea' },
};

function svg(scene: Scene, variant: number): string {
  const { wall, roof, sky } = SCENES[scene];
  const shift = (variant % 5) * 12;
  const frame = scene === 'progress'
    ? Array.from({ length: 6 }, (_, i) => `<rect x="${130 + i * 44 + shift}" y="150" width="8" height="150" fill="#6d4c2f"/>`).join('')
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360">
    <rect width="480" height="360" fill="${sky}"/>
    <rect y="290" width="480" height="70" fill="#6f8f3a"/>
    <rect x="${110 + shift}" y="160" width="260" height="140" fill="${wall}"/>
    <polygon points="${90 + shift},165 ${240 + shift},70 ${390 + shift},165" fill="${roof}"/>
    <rect x="${215 + shift}" y="220" width="50" height="80" fill="#4a3423"/>
    <rect x="${140 + shift}" y="200" width="45" height="40" fill="#3b5b7a"/>
    ${frame}
  </svg>`;
}

/** One demo photo as JPEG. */
export async function demoPhoto(scene: Scene, variant: number): Promise<Buffer> {
  return sharp(Buffer.from(svg(scene, variant))).jpeg({ quality: 70 }).toBuffer();
}

/** Multipart-like parts for the service functions: text fields, then the photos. */
export async function* demoParts(fields: Record<string, string>, photos: { name: string; data: Buffer }[]): AsyncGenerator<UploadPart> {
  for (const [fieldname, value] of Object.entries(fields)) yield { type: 'field', fieldname, value };
  for (const photo of photos) yield { type: 'file', filename: photo.name, file: Readable.from([photo.data]) };
}
