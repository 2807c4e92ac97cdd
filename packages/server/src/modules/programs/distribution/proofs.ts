import type { Readable } from 'node:stream';
import { MAX_PROOF_BYTES, type Handover, type ProofKind } from '@sinergi/domain';
import { AppError } from '../../../http/errors.ts';
import { assertInScope } from '../../../http/scope.ts';
import { DOCUMENT_KINDS, RejectedFileError, removeStoredFile, storeFile, storedFilePath, type StoredFile } from '../../files/store.ts';
import type { OwnedProgram } from '../access.ts';
import type { ProgramContext } from '../context.ts';
import { audit, requireProgram } from '../service.ts';
import { requireCorrect, requireDistribute } from './access.ts';
import { requireHandover } from './handovers.ts';
import { presentHandovers } from './queries.ts';

/** Receipt photos, signatures and thumbprints are images: JPEG or PNG, decided from the bytes. */
const IMAGE_KINDS = DOCUMENT_KINDS.filter((kind) => kind.mime === 'image/jpeg' || kind.mime === 'image/png');

async function storeImage(context: ProgramContext, handoverId: string, upload: { fileName: string; stream: Readable }): Promise<StoredFile> {
  try {
    return await storeFile(context.config.uploadDir, `handovers/${handoverId}`, upload.fileName, upload.stream, { kinds: IMAGE_KINDS, maxBytes: MAX_PROOF_BYTES });
  } catch (error) {
    const multipartLimit = typeof error === 'object' && error !== null && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE';
    if (multipartLimit || (error instanceof RejectedFileError && error.reason === 'size')) {
      throw new AppError('proof_photo_too_large', { limit: MAX_PROOF_BYTES / 1024 / 1024 });
    }
    if (error instanceof RejectedFileError) throw new AppError('proof_photo_type');
    throw error;
  }
}

/** Why a different image may not replace the current one: only the owner agency's operators, and with a reason. */
function replacementRefusal(context: ProgramContext, program: OwnedProgram, villageCode: string, reason: string | null): AppError | null {
  try {
    requireCorrect(context.user, program, villageCode);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  return reason ? null : new AppError('proof_exists');
}

/**
 * Attaches a proof image to a hand-over. The first of a kind: whoever may record the hand-over. Sending the same image
 * again changes nothing (a retried upload). A different image replaces it only with a reason, by the owner agency's
 * operators; the replaced one stays in the history.
 */
export async function attachProof(
  context: ProgramContext, programId: string, handoverId: string, kind: ProofKind, upload: { fileName: string; stream: Readable }, reason: string | null,
): Promise<Handover> {
  const program = await requireProgram(context.db, programId);
  const handover = await requireHandover(context.db, programId, handoverId);
  const current = await context.db
    .selectFrom('distribution_proof')
    .select(['file_sha256'])
    .where('handover_id', '=', handoverId)
    .where('kind', '=', kind)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  requireDistribute(context.user, program, handover.village_code);
  const stored = await storeImage(context, handoverId, upload);
  if (current) {
    const same = current.file_sha256 === stored.sha256;
    const refusal = same ? null : replacementRefusal(context, program, handover.village_code, reason);
    if (same || refusal) {
      await removeStoredFile(context.config.uploadDir, stored.path);
      if (refusal) throw refusal;
      return (await presentHandovers(context.db, [handover]))[0]!;
    }
  }
  await context.db.insertInto('distribution_proof').values({
    handover_id: handoverId, kind, file_path: stored.path, file_type: stored.mime, file_size: stored.size, file_sha256: stored.sha256,
    reason: current ? reason : null, user_id: context.user.id,
  }).execute();
  await audit(context, {
    action: current ? 'update' : 'create', entity: 'distribution_proof', entityId: handoverId,
    details: { programId, familyId: handover.family_id, kind, size: stored.size, sha256: stored.sha256, reason: current ? reason : null },
  });
  return (await presentHandovers(context.db, [handover]))[0]!;
}

/** One proof image for display, to users who may see the family (program readers in scope); audited as a view. */
export async function proofFile(context: ProgramContext, programId: string, handoverId: string, proofId: string): Promise<{ path: string; type: string }> {
  const handover = await requireHandover(context.db, programId, handoverId);
  assertInScope(context.user, handover.village_code);
  const proof = await context.db
    .selectFrom('distribution_proof')
    .select(['file_path', 'file_type', 'kind'])
    .where('id', '=', proofId)
    .where('handover_id', '=', handoverId)
    .executeTakeFirst();
  if (!proof) throw new AppError('not_found');
  await audit(context, { action: 'view', entity: 'distribution_proof', entityId: proofId, details: { programId, handoverId, familyId: handover.family_id, kind: proof.kind } });
  return { path: storedFilePath(context.config.uploadDir, proof.file_path), type: proof.file_type };
}
