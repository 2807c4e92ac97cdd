import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportBatch, ImportPreview, ImportTemplateItem } from '@sinergi/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/app.ts';
import { testDatabaseKinds } from '../../../../test/db.ts';
import { loginAs, makeUser } from '../../../../test/factories.ts';
import { writeMessyWorkbook, type MessyWorkbook } from './messy-files.ts';
import { villagesOf } from './test-kit.ts';

function multipart(files: { name: string; content: Buffer }[]) {
  const boundary = `----sinergi${crypto.randomBytes(8).toString('hex')}`;
  const parts = files.flatMap((f) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    f.content,
    Buffer.from('\r\n'),
  ]);
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(client: TestClient, files: { name: string; content: Buffer }[]) {
  return client.request({ method: 'POST', url: '/api/registry/imports', ...multipart(files) });
}

async function untilFinished(client: TestClient, id: string): Promise<ImportBatch> {
  for (let i = 0; i < 600; i++) {
    const batch = (await client.get(`/api/registry/imports/${id}`)).json<ImportBatch>();
    if (batch.status !== 'running') return batch;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('import did not finish');
}

/** Upload → confirm the suggested mapping → start → wait: the wizard's path. */
async function importThroughApi(client: TestClient, content: Buffer, saveAsTemplate?: string): Promise<ImportBatch> {
  const created = await upload(client, [{ name: 'dtsen.xlsx', content }]);
  expect(created.statusCode).toBe(201);
  const batch = created.json<ImportBatch>();
  const sheets = Object.fromEntries(batch.sheets.map((s) => [s.name, s.suggestion.mapping]));
  const mapped = await client.put(`/api/registry/imports/${batch.id}/mapping`, { sheets, ...(saveAsTemplate ? { saveAsTemplate } : {}) });
  expect(mapped.statusCode, mapped.body).toBe(200);
  expect((await client.post(`/api/registry/imports/${batch.id}/start`)).statusCode).toBe(202);
  return untilFinished(client, batch.id);
}

describe.each(testDatabaseKinds)('registry import API on %s', (kind) => {
  let t: TestApp;
  let operator: TestClient;
  let workbook: MessyWorkbook;
  let content: Buffer;
  let batch: ImportBatch;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-import-api-'));

  beforeAll(async () => {
    t = await startTestApp(kind, { dataDir });
    operator = await loginAs(t.app, await makeUser(t.database.db, { role: 'operator' }));
    const villages = [...(await villagesOf(t.database.db, '35.07.13')).slice(0, 3), ...(await villagesOf(t.database.db, '35.07.01')).slice(0, 1)];
    const file = path.join(dataDir, 'messy.xlsx');
    workbook = await writeMessyWorkbook(file, villages);
    content = fs.readFileSync(file);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('uploads a workbook and suggests the DTSEN templates for its two sheets', async () => {
    const response = await upload(operator, [{ name: 'dtsen.xlsx', content }]);
    expect(response.statusCode).toBe(201);
    const created = response.json<ImportBatch>();
    expect(created.status).toBe('uploaded');
    expect(created.sheets.map((s) => [s.name, s.suggestion.templateId, s.suggestion.missingRequired])).toEqual([
      ['keluarga', 'dtsen-family', []],
      ['anggota', 'dtsen-member', []],
    ]);
    expect(created.sheets.map((s) => s.rowsTotal)).toEqual([workbook.expected.families.rows, workbook.expected.members.rows]);
  });

  it('previews the first rows with their problems counted by code', async () => {
    const created = (await upload(operator, [{ name: 'dtsen.xlsx', content }])).json<ImportBatch>();
    const response = await operator.get(`/api/registry/imports/${created.id}/preview`);
    expect(response.statusCode).toBe(200);
    const preview = response.json<ImportPreview>();
    const families = preview.sheets.find((s) => s.name === 'keluarga')!;
    expect(families.rows).toHaveLength(workbook.expected.families.rows);
    expect(families.rows.filter((r) => r.status === 'rejected')).toHaveLength(workbook.expected.families.rejected);
    const codes = families.issueCounts.map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['unknown_village', 'duplicate_kk_in_file', 'id_scientific_notation']));
    expect(families.issueCounts.find((c) => c.code === 'unknown_village')).toMatchObject({ severity: 'error', count: 1 });
  });

  it('imports through the wizard’s calls with exact counts and saves the mapping as templates', async () => {
    batch = await importThroughApi(operator, content, 'DTSEN Malang');
    const { expected } = workbook;
    expect(batch.status).toBe('done');
    expect(batch.counts).toEqual({
      families: { added: expected.families.added, updated: 0, unchanged: 0, rejected: expected.families.rejected },
      members: { added: expected.members.added, updated: 0, unchanged: 0, rejected: expected.members.rejected },
    });
    expect(batch.rowsProcessed).toBe(expected.families.rows + expected.members.rows);
    const templates = (await operator.get('/api/registry/import-templates')).json<ImportTemplateItem[]>();
    expect(templates.filter((tpl) => !tpl.builtin).map((tpl) => tpl.name.id).sort()).toEqual(['DTSEN Malang — anggota', 'DTSEN Malang — keluarga']);
    expect(templates.some((tpl) => tpl.id === 'dtsen-combined' && tpl.builtin)).toBe(true);
    // A started batch cannot be started again.
    const again = await operator.post(`/api/registry/imports/${batch.id}/start`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'import_wrong_status' });
  });

  it('lets the operator download every rejected row with its reason as XLSX and every row as CSV', async () => {
    const xlsx = await operator.get(`/api/registry/imports/${batch.id}/report?format=xlsx&outcome=rejected`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/attachment; filename="laporan-impor-.*\.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets.flatMap((sheet) => sheet.getSheetValues().slice(2).map((values) => ({ sheet: sheet.name, values: values as unknown[] })));
    expect(rows).toHaveLength(workbook.expected.rejections.length);
    for (const want of workbook.expected.rejections) {
      const row = rows.find((r) => r.sheet === want.sheet && r.values[2] === want.row);
      expect(row, `${want.sheet} row ${String(want.row)}`).toBeDefined();
      expect(row!.values[6]).toBe('ditolak');
      expect(row!.values[7]).toEqual(expect.stringMatching(/\S/)); // Alasan (Bahasa Indonesia)
      expect(row!.values[8]).toEqual(expect.stringMatching(/\S/)); // Reason (English)
    }
    const csv = await operator.get(`/api/registry/imports/${batch.id}/report?format=csv&outcome=all`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toHaveLength(1 + batch.rowsProcessed);
    expect(lines.filter((l) => l.includes(',ditolak,'))).toHaveLength(workbook.expected.rejections.length);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity']).where('entity_id', '=', batch.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'update', 'export']));
  });

  it('rejects rows outside a kecamatan-scoped operator’s region with the reason, and hides other operators’ batches', async () => {
    const scoped = await loginAs(t.app, await makeUser(t.database.db, { role: 'operator', scopeCodes: ['35.07.13'] }));
    expect((await scoped.get(`/api/registry/imports/${batch.id}`)).statusCode).toBe(404);
    const result = await importThroughApi(scoped, content);
    const outside = workbook.families.filter((f) => !f.villageCode.startsWith('35.07.13.'));
    expect(outside.length).toBeGreaterThan(0);
    expect(result.counts.families.rejected).toBe(workbook.expected.families.rejected + outside.length);
    expect(result.counts.members.rejected).toBe(workbook.expected.members.rejected + outside.reduce((sum, f) => sum + f.members.length, 0));
    const reasons = await t.database.db
      .selectFrom('import_row_result')
      .select(['key', 'issues'])
      .where('batch_id', '=', result.id)
      .where('entity', '=', 'family')
      .where('outcome', '=', 'rejected')
      .execute();
    for (const family of outside) {
      const row = reasons.find((r) => r.key === family.noKk);
      expect(JSON.stringify(row?.issues)).toContain('di luar wilayah tugas Anda');
    }
  });

  it('refuses files that are not CSV or XLSX, and users who may not import', async () => {
    const pdf = await upload(operator, [{ name: 'data.pdf', content: Buffer.from('%PDF-1.4 not a spreadsheet') }]);
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json()).toMatchObject({ code: 'import_unsupported_file' });
    const xls = await upload(operator, [{ name: 'lama.xls', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) }]);
    expect(xls.json()).toMatchObject({ code: 'import_xls_unsupported' });
    const pendamping = await loginAs(t.app, await makeUser(t.database.db, { role: 'pendamping' }));
    expect((await upload(pendamping, [{ name: 'dtsen.xlsx', content }])).statusCode).toBe(403);
    const leader = await loginAs(t.app, await makeUser(t.database.db, { role: 'pimpinan' }));
    const masked = await leader.get(`/api/registry/imports/${batch.id}/report?format=csv`);
    expect(masked.statusCode).toBe(200);
    const nik = workbook.families[0]!.members[0]!.nik;
    expect(masked.body).not.toContain(nik);
    expect(masked.body).toContain(`${nik.slice(0, 4)}********${nik.slice(-4)}`);
  });
});
