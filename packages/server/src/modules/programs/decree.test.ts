import type { Decree, Enrolment, EnrolmentChange, Page, Program } from '@sinergi/domain';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { pdfText } from './decree/pdf-text.ts';
import { activeProgram, businessPackage, DONOMULYO, insertQuotaScenario, KEPANJEN, programsWorld, QUOTA_SCENARIO, runTargeting, type ProgramsWorld } from './test-kit.ts';

function multipart(name: string, content: Buffer) {
  const boundary = '----sinergi-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function xlsxCells(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value ?? ''));
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(text)));
  return rows;
}

describe.each(testDatabaseKinds)('decrees on %s', (kind) => {
  let w: ProgramsWorld;
  let label: Record<string, string>;
  let program: Program;
  let enrolmentOf: Record<string, Enrolment>;
  let decree: Decree;
  const nameOf = (id: string) => Object.entries(label).find(([, value]) => value === id)?.[0] ?? id;
  const refresh = async () => {
    const page = (await w.dinsosOperator.get(`/api/programs/${program.id}/enrolments?pageSize=50`)).json<Page<Enrolment>>();
    enrolmentOf = Object.fromEntries(page.items.map((e) => [nameOf(e.familyId), e]));
  };
  const url = (path: string) => `/api/programs/${program.id}${path}`;

  beforeAll(async () => {
    w = await programsWorld(kind);
    label = await insertQuotaScenario(w.db);
    program = await activeProgram(w.dinsosOperator, businessPackage({ regionCodes: [KEPANJEN, DONOMULYO], quotas: [...QUOTA_SCENARIO.quotas], targetFamilies: 4 }));
    await runTargeting(w.dinsosOperator, program.id);
    await refresh();
    expect((await w.dinsosOperator.post(url('/decrees'), { number: '188.45/1/35.07.013/2026', decreeDate: '2026-04-01', signedBy: 'Bupati Malang' })).json())
      .toMatchObject({ code: 'decree_nothing_to_fix' });
    for (const name of ['K1', 'K2', 'D1']) {
      const response = await w.dinsosOperator.post(url(`/enrolments/${enrolmentOf[name]!.id}/verification`), { result: 'verified' });
      expect(response.statusCode, response.body).toBe(200);
    }
    const created = await w.dinsosOperator.post(url('/decrees'), { number: '188.45/1/35.07.013/2026', decreeDate: '2026-04-01', signedBy: 'Bupati Malang' });
    expect(created.statusCode, created.body).toBe(201);
    decree = created.json<Decree>();
    await refresh();
  });
  afterAll(async () => w.t.close());

  it('fixes the verified families only, and refuses a second decree with the same number', async () => {
    expect(decree).toMatchObject({ kind: 'initial', enrolmentCount: 3, file: null });
    expect(Object.fromEntries(Object.entries(enrolmentOf).map(([name, e]) => [name, e.status]))).toEqual({ K1: 'in_decree', K2: 'in_decree', D1: 'in_decree', K3: 'candidate' });
    expect(enrolmentOf.K1).toMatchObject({ decreeId: decree.id, decreeNumber: decree.number });
    await w.dinsosOperator.post(url(`/enrolments/${enrolmentOf.K3!.id}/verification`), { result: 'verified' });
    const twice = await w.dinsosOperator.post(url('/decrees'), { number: decree.number.toUpperCase(), decreeDate: '2026-04-02', signedBy: 'Bupati Malang' });
    expect(twice.json()).toMatchObject({ code: 'duplicate' });
  });

  it('keeps decreed families immutable except through the post-decree path, which keeps reason and history', async () => {
    const direct = await w.dinsosOperator.post(url(`/enrolments/${enrolmentOf.K2!.id}/verification`), { result: 'rejected', reason: 'moved' });
    expect(direct.statusCode).toBe(409);
    expect(direct.json()).toMatchObject({ code: 'enrolment_in_decree', message: expect.stringContaining(decree.number) as string });
    await expect(sql`UPDATE program_enrolment SET status = 'cancelled' WHERE id = ${enrolmentOf.K2!.id}::uuid`.execute(w.db)).rejects.toThrow(/post-decree change/);
    await expect(sql`UPDATE program_enrolment SET status = 'candidate' WHERE id = ${enrolmentOf.K2!.id}::uuid`.execute(w.db)).rejects.toThrow(/after the decree/);
    await expect(sql`DELETE FROM program_enrolment WHERE id = ${enrolmentOf.K2!.id}::uuid`.execute(w.db)).rejects.toThrow(/fixed by a decree/);
    const notDecreed = await w.dinsosOperator.post(url(`/enrolments/${enrolmentOf.K3!.id}/post-decree-change`), { action: 'cancel', reason: 'moved', note: 'Pindah ke Batu' });
    expect(notDecreed.json()).toMatchObject({ code: 'enrolment_not_in_decree' });
    expect((await w.disnakerOperator.post(url(`/enrolments/${enrolmentOf.K2!.id}/post-decree-change`), { action: 'cancel', reason: 'died', note: 'Meninggal dunia' })).statusCode).toBe(403);
    const stop = await w.dinsosOperator.post(url(`/enrolments/${enrolmentOf.K2!.id}/post-decree-change`), { action: 'stop', reason: 'died', note: 'Belum menerima' });
    expect(stop.json()).toMatchObject({ code: 'enrolment_transition_invalid' });

    const change = await w.dinsosOperator.post(url(`/enrolments/${enrolmentOf.K2!.id}/post-decree-change`), {
      action: 'cancel', reason: 'died', note: 'Kepala keluarga meninggal 12 April 2026', replace: true,
    });
    expect(change.statusCode, change.body).toBe(200);
    const { enrolment, replacement } = change.json<{ enrolment: Enrolment; replacement: Enrolment }>();
    expect(enrolment).toMatchObject({ status: 'cancelled', reason: 'died', decreeId: decree.id, replacedById: replacement.id });
    expect(nameOf(replacement.familyId)).toBe('K4');
    const history = (await w.dinsosOperator.get(url(`/enrolments/${enrolmentOf.K2!.id}/history`))).json<EnrolmentChange[]>();
    expect(history.map((c) => [c.action, c.fromStatus, c.toStatus, c.postDecree])).toEqual([
      ['verify', 'candidate', 'verified', false],
      ['decree', 'verified', 'in_decree', false],
      ['cancel', 'in_decree', 'cancelled', true],
      ['replace', 'cancelled', 'cancelled', false],
    ]);
    expect(history[2]).toMatchObject({ reason: 'died', note: 'Kepala keluarga meninggal 12 April 2026', decreeNumber: decree.number });

    // The replacement is verified and fixed by an amendment (SK perubahan), together with K3.
    await w.dinsosOperator.post(url(`/enrolments/${replacement.id}/verification`), { result: 'verified' });
    const amendment = (await w.dinsosOperator.post(url('/decrees'), { number: '188.45/2/35.07.013/2026', decreeDate: '2026-05-01', signedBy: 'Bupati Malang' })).json<Decree>();
    expect(amendment).toMatchObject({ kind: 'amendment', enrolmentCount: 2 });
  });

  it('counts a family fixed by a decree as a recipient from the decree’s date, before it is served', async () => {
    const preview = async (body: object) => (await w.dinsosOperator.post('/api/programs/preview-count', { rule: businessPackage().rule, ...body })).json<{ total: number }>().total;
    const received = await w.db.selectFrom('program_enrolment').select(['status', 'received_on']).where('program_id', '=', program.id).where('decree_id', 'is not', null).execute();
    expect(received.filter((e) => e.status === 'in_decree').map((e) => e.received_on).sort()).toEqual(['2026-04-01', '2026-04-01', '2026-05-01', '2026-05-01']);
    // K1, D1 (first decree) and K3, K4 (amendment) received a business package this year; K2 was cancelled.
    expect(await preview({})).toBe(4);
    expect(await preview({ programId: program.id })).toBe(8);
  });

  it('exports the decree list as XLSX, masked by default and in full only for unmask rights, audited', async () => {
    const masked = await w.dinsosOperator.get(url(`/decrees/${decree.id}/export?format=xlsx`));
    expect(masked.statusCode, masked.body).toBe(200);
    expect(masked.headers['content-type']).toContain('spreadsheetml');
    const rows = await xlsxCells(masked.rawPayload);
    const header = rows.findIndex((row) => row[0] === 'No');
    const lines = rows.slice(header + 1).filter((row) => /^\d+$/.test(row[0] ?? ''));
    expect(lines).toHaveLength(3);
    const k1 = await w.db.selectFrom('family').innerJoin('member', 'member.family_id', 'family.id').select(['family.no_kk', 'member.nik']).where('family.id', '=', label.K1!).where('member.relation', '=', 1).executeTakeFirstOrThrow();
    const k1Line = lines.find((row) => row[6] === 'Kepanjen' && row[2] === `${k1.no_kk.slice(0, 4)}********${k1.no_kk.slice(-4)}`);
    expect(k1Line?.[1]).toBe(`${k1.nik.slice(0, 4)}********${k1.nik.slice(-4)}`);
    expect(lines.map((row) => row[8])).toContain('Dibatalkan');
    expect(JSON.stringify(rows)).not.toContain(k1.nik);

    const full = await xlsxCells((await w.dinsosOperator.get(url(`/decrees/${decree.id}/export?format=xlsx&unmask=true`))).rawPayload);
    expect(JSON.stringify(full)).toContain(k1.nik);
    expect((await w.pimpinan.get(url(`/decrees/${decree.id}/export`))).json()).toMatchObject({ code: 'forbidden' });
    const audit = await w.db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'program_decree').where('entity_id', '=', decree.id).where('action', '=', 'export').execute();
    expect(audit.map((a) => (a.details as { unmasked: boolean }).unmasked)).toEqual([false, true]);
  });

  it('exports the decree list as PDF with the same masking', async () => {
    const response = await w.dinsosOperator.get(url(`/decrees/${decree.id}/export?format=pdf`));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(response.rawPayload);
    const d1 = await w.db.selectFrom('family').select('no_kk').where('id', '=', label.D1!).executeTakeFirstOrThrow();
    expect(text).toContain(decree.number);
    expect(text).toContain(`${d1.no_kk.slice(0, 4)}********${d1.no_kk.slice(-4)}`);
    expect(text).not.toContain(d1.no_kk);
    expect(text).toContain('Jumlah: 3 keluarga');
  });

  it('stores the signed decree as PDF/JPG/PNG only, and serves it to whole-jurisdiction readers', async () => {
    const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
    const text = await w.dinsosOperator.request({ method: 'PUT', url: url(`/decrees/${decree.id}/file`), ...multipart('sk.pdf', Buffer.from('bukan pdf')) });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'decree_file_type' });
    const stored = await w.dinsosOperator.request({ method: 'PUT', url: url(`/decrees/${decree.id}/file`), ...multipart('SK Bupati 188.45.pdf', scan) });
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.json<Decree>().file).toEqual({ name: 'SK Bupati 188.45.pdf', type: 'application/pdf', size: scan.length });
    const other = await w.disnakerOperator.request({ method: 'PUT', url: url(`/decrees/${decree.id}/file`), ...multipart('sk.pdf', scan) });
    expect(other.statusCode).toBe(403);
    const download = await w.pimpinan.get(url(`/decrees/${decree.id}/file`));
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(scan)).toBe(true);
    expect(download.headers['content-disposition']).toContain('SK Bupati 188.45.pdf');
    expect((await w.kepanjenPendamping.get(url(`/decrees/${decree.id}/file`))).json()).toMatchObject({ code: 'out_of_scope' });
  });
});
