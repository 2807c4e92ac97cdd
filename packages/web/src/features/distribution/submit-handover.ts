import { MAX_PROOF_BYTES, type Handover, type HandoverInput } from '@sinergi/domain';
import i18n from '../../i18n/index.ts';
import { recordHandover, uploadProof } from './api.ts';
import { shrinkPhoto } from './photo.ts';

/**
 * A key made once per hand-over form, before the first try: every retry sends it again, so a hand-over is never
 * recorded twice however bad the line. getRandomValues also works where randomUUID does not (plain HTTP on a LAN).
 */
export function newClientKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `hf-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Refuses what the server would refuse, before a slow upload: the message is the server's own wording. */
export function photoProblem(file: Blob): string | null {
  if (file.type && file.type !== 'image/jpeg' && file.type !== 'image/png') return i18n.t('distribution.form.photoType');
  if (file.size > MAX_PROOF_BYTES) return i18n.t('distribution.form.photoTooLarge', { limit: MAX_PROOF_BYTES / 1024 / 1024 });
  return null;
}

export interface HandoverProofs {
  receipt: File | null;
  /** The drawn signature (PNG) or a photo of the thumbprint. */
  mark: { kind: 'signature' | 'thumbprint'; image: Blob } | null;
}

/** Records the hand-over (idempotent by its key), then sends the proof images; safe to call again after any failure. */
export async function submitHandover(programId: string, input: HandoverInput, proofs: HandoverProofs): Promise<Handover> {
  let handover = await recordHandover(programId, input);
  if (proofs.receipt) {
    const photo = await shrinkPhoto(proofs.receipt);
    handover = await uploadProof(programId, handover.id, 'receipt', photo, 'kwitansi.jpg');
  }
  if (proofs.mark) {
    const image = proofs.mark.kind === 'thumbprint' && proofs.mark.image instanceof File ? await shrinkPhoto(proofs.mark.image) : proofs.mark.image;
    handover = await uploadProof(programId, handover.id, proofs.mark.kind, image, proofs.mark.kind === 'signature' ? 'tanda-tangan.png' : 'cap-jempol.jpg');
  }
  return handover;
}
