/**
 * Reads the capture date from a photo's EXIF block (as sharp's metadata().exif returns it): DateTimeOriginal from the
 * Exif sub-directory, else IFD0's DateTime. Only the date is wanted; the rest of EXIF (GPS, device) is dropped on
 * purpose, so this small reader replaces a full EXIF library.
 */

const EXIF_POINTER = 0x8769;
const DATE_TIME = 0x0132;
const DATE_TIME_ORIGINAL = 0x9003;
const ASCII = 2;

interface Tiff {
  view: DataView;
  base: number;
  little: boolean;
}

function tiffOf(exif: Buffer): Tiff | null {
  const base = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0;
  if (exif.length < base + 8) return null;
  const order = exif.subarray(base, base + 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return null;
  return { view: new DataView(exif.buffer, exif.byteOffset, exif.byteLength), base, little: order === 'II' };
}

/** The entries of the directory at `offset` (relative to the TIFF header) as tag → [type, count, value-or-offset]. */
function directory(tiff: Tiff, offset: number): Map<number, [number, number, number]> {
  const { view, base, little } = tiff;
  const entries = new Map<number, [number, number, number]>();
  const start = base + offset;
  if (start + 2 > view.byteLength) return entries;
  const count = view.getUint16(start, little);
  for (let i = 0; i < count; i++) {
    const at = start + 2 + i * 12;
    if (at + 12 > view.byteLength) break;
    entries.set(view.getUint16(at, little), [view.getUint16(at + 2, little), view.getUint32(at + 4, little), view.getUint32(at + 8, little)]);
  }
  return entries;
}

function asciiValue(tiff: Tiff, entry: [number, number, number] | undefined): string | null {
  if (!entry || entry[0] !== ASCII || entry[1] < 19) return null;
  const start = tiff.base + entry[2];
  if (start + 19 > tiff.view.byteLength) return null;
  return Buffer.from(tiff.view.buffer, tiff.view.byteOffset + start, 19).toString('latin1');
}

/** 'YYYY:MM:DD HH:MM:SS' → 'YYYY-MM-DDTHH:MM:SS', or null for a blank or malformed value ("0000:00:00 …"). */
function isoOf(value: string | null): string | null {
  const match = value ? /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value) : null;
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  if (Number(year) < 1990 || Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return null;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}`;
}

/** The camera's wall-clock capture time ('YYYY-MM-DDTHH:MM:SS'), or null when the photo does not carry one. */
export function exifCaptureDate(exif: Buffer | undefined): string | null {
  if (!exif) return null;
  const tiff = tiffOf(exif);
  if (!tiff) return null;
  try {
    const ifd0 = directory(tiff, tiff.view.getUint32(tiff.base + 4, tiff.little));
    const pointer = ifd0.get(EXIF_POINTER);
    const original = pointer ? isoOf(asciiValue(tiff, directory(tiff, pointer[2]).get(DATE_TIME_ORIGINAL))) : null;
    return original ?? isoOf(asciiValue(tiff, ifd0.get(DATE_TIME)));
  } catch {
    return null;
  }
}

/** The EXIF form of a capture time, for writing it back into a re-encoded photo. */
export function exifDateText(iso: string): string {
  return iso.replace(/^(\d{4})-(\d{2})-(\d{2})T/, '$1:$2:$3 ');
}
