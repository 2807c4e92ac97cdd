import { MAX_PROOF_BYTES, type Handover, type HandoverHistory } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../test/app.ts';
import { testDatabaseKinds } from '../../../../test/db.ts';
import { addStage, distributionWorld, handOver, type DistributionWorld } from './test-world.ts';

const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const image = (head: Buffer, fill: number, size = 600) => Buffer.concat([head, Buffer.alloc(size, fill)]);

function multipart(name: string, content: Buffer) {
  const boundary = '----sinergi-proof-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(testDatabaseKinds)('hand-over proof images on %s', (kind) => {
  let w: DistributionWorld;
  let handover: Handover;
  const upload = (client: TestClient, proofKind: string, name: string, content: Buffer, query = '', language: 'id' | 'en' = 'id') => {
    const { payload, headers } = multipart(name, content);
    return client.request({ method: 'PUT', url: w.url(`/handovers/${handover.id}/proofs/${proofKind}${query}`), payload, headers: { ...headers, 'accept-language': language } });
  };

  beforeAll(async () => {
    w = await distributionWorld(kind);
    const stage = await addStage(w, { name: 'Tahap 1', kind: 'cash', amountPerFamily: 300_000 });
    handover = await handOver(w.kepanjenPendamping, w, { enrolmentId: w.enrolment.K2.id, stageId: stage.id });
  });
  afterAll(async () => w.t.close());

  it('refuses anything but a JPG or PNG, and images over the limit, with a clear message in both languages', async () => {
    const text = await upload(w.kepanjenPendamping, 'receipt', 'kwitansi.jpg', Buffer.from('ini bukan foto, hanya teks biasa'));
    expect(text.statusCode).toBe(415);
    expect(text.json()).toEqual({ code: 'proof_photo_type', message: 'Foto bukti harus berupa gambar JPG atau PNG.' });
    const pdf = await upload(w.kepanjenPendamping, 'receipt', 'kwitansi.pdf', Buffer.from('%PDF-1.4 kwitansi'), '', 'en');
    expect(pdf.json()).toEqual({ code: 'proof_photo_type', message: 'The proof photo must be a JPG or PNG image.' });
    const huge = await upload(w.kepanjenPendamping, 'receipt', 'besar.jpg', image(JPEG_HEAD, 7, MAX_PROOF_BYTES));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toEqual({ code: 'proof_photo_too_large', message: 'Foto bukti terlalu besar; batasnya 5 MB. Ambil foto dengan resolusi lebih kecil lalu unggah lagi.' });
    expect((await w.db.selectFrom('distribution_proof').select('id').where('handover_id', '=', handover.id).execute())).toEqual([]);
  });

  it('stores receipt and signature, serves them only to users whose scope holds the family, audited', async () => {
    const receipt = image(JPEG_HEAD, 1);
    const signature = image(PNG_HEAD, 2);
    expect((await upload(w.disnakerPendamping, 'receipt', 'kwitansi.jpg', receipt)).json()).toMatchObject({ code: 'program_other_agency' });
    expect((await upload(w.kepanjenPendamping, 'receipt', 'kwitansi.jpg', receipt)).statusCode).toBe(200);
    const signed = await upload(w.kepanjenPendamping, 'signature', 'ttd.png', signature);
    expect(signed.statusCode, signed.body).toBe(200);
    const proofs = signed.json<Handover>().proofs;
    expect(proofs.map((p) => [p.kind, p.type, p.size])).toEqual([['receipt', 'image/jpeg', receipt.length], ['signature', 'image/png', signature.length]]);

    const file = (client: TestClient, id: string) => client.get(w.url(`/handovers/${handover.id}/proofs/${id}/file`));
    const shown = await file(w.kepanjenOperator, proofs[0]!.id);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect(shown.rawPayload.equals(receipt)).toBe(true);
    expect((await file(w.donomulyoOperator, proofs[0]!.id)).json()).toMatchObject({ code: 'out_of_scope' });
    const views = await w.db.selectFrom('audit_log').select('entity_id').where('entity', '=', 'distribution_proof').where('action', '=', 'view').execute();
    expect(views.map((v) => v.entity_id)).toEqual([proofs[0]!.id]);
  });

  it('treats the same image again as a retry, and replaces a different one only with a reason, keeping the old one', async () => {
    const count = async () => (await w.db.selectFrom('distribution_proof').select('id').where('handover_id', '=', handover.id).execute()).length;
    expect((await upload(w.kepanjenPendamping, 'receipt', 'kwitansi.jpg', image(JPEG_HEAD, 1))).statusCode).toBe(200);
    expect(await count()).toBe(2);
    const replacement = image(JPEG_HEAD, 3);
    expect((await upload(w.kepanjenPendamping, 'receipt', 'baru.jpg', replacement, '?reason=Foto%20pertama%20buram')).json()).toMatchObject({ code: 'forbidden' });
    expect((await upload(w.dinsosOperator, 'receipt', 'baru.jpg', replacement)).json()).toMatchObject({ code: 'proof_exists' });
    const replaced = await upload(w.dinsosOperator, 'receipt', 'baru.jpg', replacement, '?reason=Foto%20pertama%20buram');
    expect(replaced.statusCode, replaced.body).toBe(200);
    const current = replaced.json<Handover>().proofs.find((p) => p.kind === 'receipt')!;
    expect(current).toMatchObject({ reason: 'Foto pertama buram', size: replacement.length });
    const history = (await w.dinsosOperator.get(w.url(`/handovers/${handover.id}/history`))).json<HandoverHistory>();
    expect(history.proofs.map((p) => [p.kind, p.reason])).toEqual([['receipt', null], ['signature', null], ['receipt', 'Foto pertama buram']]);
    const old = await w.dinsosOperator.get(w.url(`/handovers/${handover.id}/proofs/${history.proofs[0]!.id}/file`));
    expect(old.rawPayload.equals(image(JPEG_HEAD, 1))).toBe(true);
  });
});
