import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../packages/server/src/modules/seed/demo-users.ts';
import { ApiClient } from './src/api.ts';
import { launchBrowser, screenshotOnFailure as saveScreenshotOnFailure } from './src/browser.ts';
import { makeImportWorkbook, type ImportWorkbook } from './src/import-workbook.ts';
import { startServer, type RunningServer } from './src/server.ts';

type Outcome = 'added' | 'updated' | 'unchanged' | 'rejected';

let server: RunningServer;
let browser: Browser;
let page: Page;
let workbook: ImportWorkbook;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-e2e-import-'));
const workbookFile = path.join(workDir, 'dtsen-malang-triwulan-3.xlsx');

beforeAll(async () => {
  server = await startServer({ demoFamilies: 300 });
  const operator = new ApiClient(server.address);
  await operator.login('operator.dinsos', DEMO_PASSWORD);
  const villages = await operator.get<{ code: string }[]>('/api/regions?parent=35.07.13');
  workbook = await makeImportWorkbook(villages.slice(0, 4).map((v) => v.code));
  fs.writeFileSync(workbookFile, workbook.buffer);
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const screenshotOnFailure = (name: string) => saveScreenshotOnFailure(() => page, name, () => server.output());

/** A number as the report table shows it in Indonesian (1.234). */
async function reportCount(outcome: Outcome | 'total', entity: 'families' | 'members'): Promise<number> {
  const text = await page.getByTestId('outcome-table').locator(`[data-outcome="${outcome}"] [data-entity="${entity}"]`).textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}

async function reportCounts(entity: 'families' | 'members') {
  return {
    added: await reportCount('added', entity),
    updated: await reportCount('updated', entity),
    unchanged: await reportCount('unchanged', entity),
    rejected: await reportCount('rejected', entity),
    total: await reportCount('total', entity),
  };
}

function cellText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

async function startAndWaitForReport(): Promise<void> {
  const rows = workbook.expected.families.rows + workbook.expected.members.rows;
  await page.getByRole('button', { name: `Mulai impor (${String(rows)} baris)` }).click();
  await page.getByRole('heading', { name: 'Laporan impor', level: 1 }).waitFor({ timeout: 60_000 });
}

it('imports a messy DTSEN workbook through the wizard and reports exact counts', async () => {
  screenshotOnFailure('import-wizard');
  const { expected } = workbook;
  await page.goto(server.address);
  await page.getByLabel('Nama pengguna').fill('operator.dinsos');
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('link', { name: 'Impor Data', exact: true }).click();
  await page.getByRole('heading', { name: 'Impor Data', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Impor berkas baru' }).click();
  await page.getByRole('heading', { name: 'Impor data DTSEN/DTKS', level: 1 }).waitFor();

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Pilih berkas' }).click()]);
  await chooser.setFiles(workbookFile);
  await page.getByRole('button', { name: 'Unggah dan lanjutkan' }).click();
  await page.getByRole('heading', { name: 'Pemetaan kolom', level: 1 }).waitFor();
  // Both sheets are recognised by the shipped DTSEN templates, with their row counts (blank lines are not rows).
  const templates = page.getByLabel('Template pemetaan');
  expect(await templates.nth(0).inputValue()).toBe('dtsen-family');
  expect(await templates.nth(1).inputValue()).toBe('dtsen-member');
  await page.getByText(`${String(expected.families.rows)} baris data, 14 kolom`).waitFor();
  await page.getByText(`${String(expected.members.rows)} baris data, 6 kolom`).waitFor();
  await page.getByLabel('Simpan pemetaan ini sebagai template').check();
  await page.getByLabel('Nama template').fill('DTSEN Malang uji');
  await page.getByRole('button', { name: 'Simpan dan lihat pratinjau' }).click();

  await page.getByRole('heading', { name: 'Pratinjau impor', level: 1 }).waitFor();
  const familySheet = page.getByRole('region', { name: /^Lembar keluarga/ });
  await familySheet.getByText(`${String(expected.families.rows)} baris pertama diperiksa`).waitFor();
  expect(await familySheet.locator('[data-status="rejected"]').count()).toBe(1);
  expect(await familySheet.getByText('Kode desa/kelurahan 35.07.13.9999 tidak ada dalam daftar wilayah Kemendagri.').count()).toBeGreaterThan(0);

  await startAndWaitForReport();
  expect(await reportCounts('families')).toEqual({ added: expected.families.added, updated: 0, unchanged: 0, rejected: expected.families.rejected, total: expected.families.rows });
  expect(await reportCounts('members')).toEqual({ added: expected.members.added, updated: 0, unchanged: 0, rejected: expected.members.rejected, total: expected.members.rows });
  const rows = String(expected.families.rows + expected.members.rows);
  expect(await page.getByTestId('row-check').textContent()).toContain(`${rows} hasil = ${rows} baris dalam berkas`);
  await page.getByRole('heading', { name: `Baris yang ditolak (${String(expected.rejections.length)})` }).waitFor();
});

it('downloads every rejected row with its reason in Bahasa Indonesia, as XLSX and as CSV', async () => {
  screenshotOnFailure('import-report');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Baris ditolak (XLSX)' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^laporan-impor-.*-rejected\.xlsx$/);
  const xlsxFile = path.join(workDir, 'ditolak.xlsx');
  await xlsx.saveAs(xlsxFile);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsxFile);
  const listed = book.worksheets.flatMap((sheet) => {
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const column = (name: string) => header.indexOf(name);
    return (sheet.getSheetValues().slice(2) as unknown[][]).map((values) => ({
      sheet: sheet.name,
      row: Number(values[column('Baris / Row')]),
      outcome: values[column('Hasil / Outcome')],
      reason: cellText(values[column('Alasan')]),
      reasonEnglish: cellText(values[column('Reason (English)')]),
    }));
  });
  expect(listed.map((r) => `${r.sheet}:${String(r.row)}`).sort()).toEqual(workbook.expected.rejections.map((r) => `${r.sheet}:${String(r.row)}`).sort());
  for (const want of workbook.expected.rejections) {
    const row = listed.find((r) => r.sheet === want.sheet && r.row === want.row)!;
    expect(row.outcome).toBe('ditolak');
    expect(row.reason).toContain(want.reason);
    expect(row.reasonEnglish).toMatch(/\w/);
  }

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Baris ditolak (CSV)' }).click()]);
  const csvFile = path.join(workDir, 'ditolak.csv');
  await csv.saveAs(csvFile);
  const lines = fs.readFileSync(csvFile, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
  expect(lines[0]).toContain('Alasan');
  expect(lines.slice(1).filter((line) => line.includes(',ditolak,'))).toHaveLength(workbook.expected.rejections.length);
  expect(lines).toHaveLength(1 + workbook.expected.rejections.length);
});

it('re-imports the same file with the saved template and changes nothing', async () => {
  screenshotOnFailure('import-again');
  const { expected } = workbook;
  await page.getByRole('link', { name: 'Impor berkas lain' }).click();
  await page.getByRole('heading', { name: 'Impor data DTSEN/DTKS', level: 1 }).waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Pilih berkas' }).click()]);
  await chooser.setFiles(workbookFile);
  await page.getByRole('button', { name: 'Unggah dan lanjutkan' }).click();
  await page.getByRole('heading', { name: 'Pemetaan kolom', level: 1 }).waitFor();
  // Next quarter's file maps itself with the template saved the first time.
  const chosen = page.getByLabel('Template pemetaan').nth(0).locator('option:checked');
  // The saved templates arrive in their own request, so the choice may settle a moment after the heading.
  await expect.poll(() => chosen.textContent(), { timeout: 10_000 }).toBe('DTSEN Malang uji — keluarga');
  await page.getByRole('button', { name: 'Simpan dan lihat pratinjau' }).click();
  await page.getByRole('heading', { name: 'Pratinjau impor', level: 1 }).waitFor();
  await startAndWaitForReport();
  expect(await reportCounts('families')).toEqual({ added: 0, updated: 0, unchanged: expected.families.added, rejected: expected.families.rejected, total: expected.families.rows });
  expect(await reportCounts('members')).toEqual({ added: 0, updated: 0, unchanged: expected.members.added, rejected: expected.members.rejected, total: expected.members.rows });

  await page.getByRole('link', { name: 'Kembali ke riwayat impor' }).first().click();
  await page.getByRole('heading', { name: 'Impor Data', level: 1 }).waitFor();
  await page.locator('tbody tr').nth(1).waitFor();
  expect(await page.locator('tbody tr').count()).toBe(2);
  expect(await page.locator('tbody tr').getByText('Selesai').count()).toBe(2);
});

it('finds an imported family by a misspelled name and opens its profile', async () => {
  screenshotOnFailure('import-search');
  const { family, misspelled } = workbook.searched;
  await page.getByRole('link', { name: 'Keluarga', exact: true }).click();
  await page.getByRole('heading', { name: 'Keluarga', level: 1 }).waitFor();
  await page.getByLabel('Cari', { exact: true }).fill(misspelled);
  await page.getByLabel('Cari', { exact: true }).press('Enter');
  const result = page.getByRole('link', { name: family.headName, exact: true });
  await result.waitFor();
  await result.click();
  await page.getByRole('heading', { name: family.headName, level: 1 }).waitFor();
  await page.getByRole('heading', { name: `Anggota keluarga (${String(family.members.length)})` }).waitFor();
  expect(await page.getByText(`${family.noKk.slice(0, 4)}********${family.noKk.slice(-4)}`).count()).toBeGreaterThan(0);
});
