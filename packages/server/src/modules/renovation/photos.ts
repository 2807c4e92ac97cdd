import type { Readable } from 'node:stream';
import { renovationTransition, RenovationPhotoFields, RenovationProgressFields, type RenovationPhotoKind } from '@sinergi/domain';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { DEFAULT_PHOTO_MAX_BYTES, storeImage, type StoredImage } from '../files/image.ts';
import type { ServedFile } from '../files/serve.ts';
import { RejectedFileError, removeStoredFile } from '../files/store.ts';
import { audit, photoFolder, type RenovationContext } from './context.ts';
import { answering, moveHouse, requireHouse, requireWritableHouse } from './service.ts';

/** One part of a multipart upload (what @fastify/multipart yields, and what the demo seed builds by hand). */
export type UploadPart = { type: 'file'; filename: string; file: Readable } | { type: 'field'; fieldname: string; value: unknown };

export const MAX_PHOTOS_PER_UPLOAD = 10;
export const MAX_PHOTO_BYTES = DEFAULT_PHOTO_MAX_BYTES;

interface Upload {
  fields: Record<string, string>;
  photos: StoredImage[];
}

async function discard(context: RenovationContext, photos: readonly StoredImage[]): Promise<void> {
  for (const photo of photos) await removeStoredFile(context.config.uploadDir, photo.path);
}

/** Stores every photo of the upload (downscaled) and collects its text fields; a refused photo discards the others. */
async function readUpload(context: RenovationContext, houseId: string, parts: AsyncIterable<UploadPart> | null): Promise<Upload> {
  if (!parts) throw new AppError('photo_file_type');
  const upload: Upload = { fields: {}, photos: [] };
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') upload.fields[part.fieldname] = part.value;
        continue;
      }
      if (upload.photos.length >= MAX_PHOTOS_PER_UPLOAD) throw new AppError('validation_failed', {}, [{ path: '/file', message: `maks. ${MAX_PHOTOS_PER_UPLOAD} foto / at most ${MAX_PHOTOS_PER_UPLOAD} photos` }]);
      upload.photos.push(await storeImage(context.config.uploadDir, photoFolder(houseId), part.filename, part.file, { maxBytes: MAX_PHOTO_BYTES }));
    }
  } catch (error) {
    await discard(context, upload.photos);
    if (error instanceof RejectedFileError) throw new AppError(error.reason === 'size' ? 'payload_too_large' : 'photo_file_type');
    throw error;
  }
  return upload;
}

function photoRows(context: RenovationContext, houseId: string, photos: readonly StoredImage[], kind: RenovationPhotoKind, progressId: string | null, caption: string | null) {
  return photos.map((photo) => ({
    house_id: houseId, progress_id: progressId, kind, file_path: photo.path, file_name: photo.name, mime: photo.mime, size: photo.size,
    width: photo.width, height: photo.height, sha256: photo.sha256, taken_at: photo.takenAt, caption, created_by: context.user.id,
  }));
}

/** Runs `work`; when it fails the stored photos are removed again, so no file outlives a refused request. */
async function keepingPhotosOnlyIf<T>(context: RenovationContext, photos: readonly StoredImage[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await discard(context, photos);
    throw error;
  }
}

/**
 * A progress report (percentage, date, note) with its dated photos; the first one starts construction. Progress never
 * goes down.
 */
export async function recordProgressReport(context: RenovationContext, houseId: string, parts: AsyncIterable<UploadPart> | null): Promise<void> {
  const house = await requireWritableHouse(context, houseId);
  if (!renovationTransition(house.stage, 'start')) throw new AppError('renovation_transition_invalid', { action: 'start', stage: house.stage });
  const upload = await readUpload(context, houseId, parts);
  await keepingPhotosOnlyIf(context, upload.photos, async () => {
    const fields = RenovationProgressFields.parse(upload.fields);
    if (fields.percent < house.progress) throw new AppError('renovation_progress_backwards', { last: house.progress });
    const insertEntry = async (trx: Transaction<DB>) => {
      const entry = await trx
        .insertInto('renovation_progress')
        .values({ house_id: houseId, percent: fields.percent, recorded_on: fields.recordedOn, note: fields.note, created_by: context.user.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (upload.photos.length > 0) await trx.insertInto('renovation_photo').values(photoRows(context, houseId, upload.photos, 'progress', entry.id, null)).execute();
    };
    await moveHouse(context, house, 'start', null, { progress: fields.percent, started_on: house.started_on ?? fields.recordedOn }, fields.note ?? `${fields.percent}%`, insertEntry);
  });
}

/** Photos of the assessment, of before and after the works, or of the hand-over. */
export async function recordPhotos(context: RenovationContext, houseId: string, parts: AsyncIterable<UploadPart> | null): Promise<void> {
  const house = await requireWritableHouse(context, houseId);
  if (house.stage === 'rejected') throw new AppError('renovation_transition_invalid', { action: 'photo', stage: house.stage });
  const upload = await readUpload(context, houseId, parts);
  await keepingPhotosOnlyIf(context, upload.photos, async () => {
    const fields = RenovationPhotoFields.parse(upload.fields);
    if (upload.photos.length === 0) throw new AppError('photo_file_type');
    await context.db.transaction().execute(async (trx) => {
      await trx.insertInto('renovation_photo').values(photoRows(context, houseId, upload.photos, fields.kind, null, fields.caption)).execute();
      await trx.updateTable('renovation_house').set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() })).where('id', '=', houseId).execute();
    });
    await audit(context, { action: 'create', entity: 'renovation_photo', entityId: houseId, details: { kind: fields.kind, files: upload.photos.map((photo) => photo.sha256) } });
  });
}

/**
 * A stored photo, after checking that the house lies in the user's scope. A photo shows a family's home, so every one
 * served is audited, as the family profile's sections are: the browser keeps it a day, so a gallery opened again
 * records nothing new.
 */
export async function photoFile(context: RenovationContext, houseId: string, photoId: string): Promise<ServedFile> {
  const house = await requireHouse(context, houseId);
  const photo = await context.db
    .selectFrom('renovation_photo')
    .select(['file_path', 'file_name', 'mime', 'kind'])
    .where('id', '=', photoId)
    .where('house_id', '=', houseId)
    .executeTakeFirst();
  if (!photo) throw new AppError('not_found');
  await audit(context, { action: 'view', entity: 'renovation_photo', entityId: photoId, details: { houseId, familyId: house.family_id, kind: photo.kind } });
  return { path: photo.file_path, name: photo.file_name, mime: photo.mime };
}

export const recordProgress = answering(recordProgressReport);

export const addPhotos = answering(recordPhotos);
