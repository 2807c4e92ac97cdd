import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../packages/server/src/modules/seed/demo-users.ts';
import { ApiClient } from '../src/api.ts';
import { launchBrowser } from '../src/browser.ts';
import { startServer } from '../src/server.ts';
import { writeTrialWorkbook, type TrialWorkbook } from './messy-workbook.ts';

/**
 * Issue 3's "done when", tried as a new user would, at full size (too slow for the test suite): a fresh server,
 * a 10,000-family DTSEN workbook full of mess imported through the web wizard, its report checked row by row against
 * what the workbook holds, the rejected rows downloaded, the same file imported again (nothing may change), and a
 * family found by a misspelt name. Prints each step's time; exits 1 on the first difference.
 *
 *   npm run build:web && npx tsx e2e/trials/import-10k.ts [families]    (DATABASE_URL=… for PostgreSQL)
 */

const families = Number(process.argv[2] ?? 10_000);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-trial-'));
const timings: Record<string, number> = {};
let started = performance.now();

function lap(step: string): void {
  timings[step] = Math.round((performance.now() - started) / 100) / 10;
  process.stdout.write(`${step}: ${String(timings[step])} s\n`);
  started = performance.now();
}

function same(what: string, actual: unknown, expected: unknown): void {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
  process.stdout.write(`  ok ${what}: ${Array.isArray(actual) && actual.length > 12 ? `${String(actual.length)} entries, as expected` : a}\n`);
}

async function reportCounts(page: Page, entity: 'families' | 'members') {
  const count = async (outcome: string) =>
    Number(((await page.getByTestId('outcome-table').locator(`[data-outcome="${outcome}"] [data-entity="${entity}"]`).textContent()) ?? '').replace(/\D/g, ''));
  return { added: await count('added'), updated: await count('updated'), unchanged: await count('unchanged'), rejected: await count('rejected'), total: await count('total') };
}

async function importThroughWizard(page: Page, file: string, firstTime: boolean): Promise<void> {
  await page.getByRole('heading', { name: 'Impor data DTSEN/DTKS', level: 1 }).waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Pilih berkas' }).click()]);
  await chooser.setFiles(file);
  await page.getByRole('button', { name: 'Unggah dan lanjutkan' }).click();
  await page.getByRole('heading', { name: 'Pemetaan kolom', level: 1 }).waitFor({ timeout: 300_000 });
  lap(firstTime ? 'upload → column mapping' : 'upload again → column mapping');
  if (firstTime) {
    await page.getByLabel('Simpan pemetaan ini sebagai template').check();
    await page.getByLabel('Nama template').fill('DTSEN uji 10.000');
  } else {
    const chosen = page.getByLabel('Template pemetaan').nth(0).locator('option:checked');
    for (let i = 0; i < 100 && (await chosen.textContent()) !== 'DTSEN uji 10.000 — keluarga'; i++) await page.waitForTimeout(100);
  }
  await page.getByRole('button', { name: 'Simpan dan lihat pratinjau' }).click();
  await page.getByRole('heading', { name: 'Pratinjau impor', level: 1 }).waitFor({ timeout: 300_000 });
  lap(firstTime ? 'mapping → preview' : 'saved template → preview');
  await page.getByRole('button', { name: /^Mulai impor/ }).click();
  await page.getByRole('heading', { name: 'Laporan impor', level: 1 }).waitFor({ timeout: 1_800_000 });
  lap(firstTime ? 'import (start → report)' : 're-import (start → report)');
}

async function downloadedRejections(page: Page): Promise<{ sheet: string; row: number; reason: string }[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Baris ditolak (XLSX)' }).click()]);
  const file = path.join(workDir, 'ditolak.xlsx');
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets.flatMap((sheet) => {
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    return (sheet.getSheetValues().slice(2) as unknown[][]).map((values) => ({
      sheet: sheet.name,
      row: Number(values[header.indexOf('Baris / Row')]),
      reason: typeof values[header.indexOf('Alasan')] === 'string' ? (values[header.indexOf('Alasan')] as string) : '',
    }));
  });
}

const server = await startServer({ demoFamilies: 300, startTimeoutMs: 600_000, ...(process.env.DATABASE_URL ? { env: { DATABASE_URL: process.env.DATABASE_URL } } : {}) });
const browser = await launchBrowser();
try {
  lap('server start');
  const api = new ApiClient(server.address);
  await api.login('operator.dinsos', DEMO_PASSWORD);
  const kecamatan = await api.get<{ code: string }[]>('/api/regions?parent=35.07');
  const villages: string[] = [];
  for (const k of kecamatan.slice(0, 6)) villages.push(...(await api.get<{ code: string }[]>(`/api/regions?parent=${k.code}`)).map((v) => v.code));
  const workbook: TrialWorkbook = await writeTrialWorkbook(path.join(workDir, 'dtsen-10000-keluarga.xlsx'), villages, families);
  const { expected } = workbook;
  process.stdout.write(`workbook: ${String(workbook.families)} families, ${String(workbook.people)} people, ${String(expected.families.rows + expected.members.rows)} rows, ${(fs.statSync(workbook.file).size / 1024 / 1024).toFixed(1)} MB, ${String(villages.length)} villages\n`);
  lap('workbook written');

  const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(server.address);
  await page.getByLabel('Nama pengguna').fill('operator.dinsos');
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('link', { name: 'Impor Data', exact: true }).click();
  await page.getByRole('link', { name: 'Impor berkas baru' }).click();
  lap('sign in');

  await importThroughWizard(page, workbook.file, true);
  for (const entity of ['families', 'members'] as const) {
    const want = expected[entity];
    same(`${entity} (added, updated, unchanged, rejected, total)`, await reportCounts(page, entity), { added: want.added, updated: 0, unchanged: 0, rejected: want.rejected, total: want.rows });
  }
  const rows = expected.families.rows + expected.members.rows;
  const check = (await page.getByTestId('row-check').textContent()) ?? '';
  process.stdout.write(`  report says: ${check}\n`);
  if (!check.replace(/\./g, '').includes(`${String(rows)} hasil = ${String(rows)} baris`)) throw new Error(`row check: ${check}`);

  const listed = await downloadedRejections(page);
  lap('rejected rows downloaded (XLSX)');
  const key = (r: { sheet: string; row: number }) => `${r.sheet}:${String(r.row)}`;
  same('rejected rows in the download', listed.map(key).sort(), expected.rejections.map(key).sort());
  const reasons = new Map<string, number>();
  for (const r of listed) reasons.set(r.reason.replace(/\d[\d.*]*/g, '#').slice(0, 60), (reasons.get(r.reason.replace(/\d[\d.*]*/g, '#').slice(0, 60)) ?? 0) + 1);
  for (const [reason, n] of reasons) process.stdout.write(`  ${String(n).padStart(5)} × ${reason}…\n`);
  if (listed.some((r) => !r.reason)) throw new Error('a rejected row without its reason');

  await page.getByRole('link', { name: 'Impor berkas lain' }).click();
  await importThroughWizard(page, workbook.file, false);
  same('re-import families', await reportCounts(page, 'families'), { added: 0, updated: 0, unchanged: expected.families.added, rejected: expected.families.rejected, total: expected.families.rows });
  same('re-import members', await reportCounts(page, 'members'), { added: 0, updated: 0, unchanged: expected.members.added, rejected: expected.members.rejected, total: expected.members.rows });

  await page.getByRole('link', { name: 'Keluarga', exact: true }).click();
  await page.getByRole('heading', { name: 'Keluarga', level: 1 }).waitFor();
  await page.getByLabel('Cari', { exact: true }).fill(workbook.searched.misspelt);
  await page.getByLabel('Cari', { exact: true }).press('Enter');
  const result = page.getByRole('link', { name: workbook.searched.headName, exact: true });
  await result.waitFor();
  lap(`search "${workbook.searched.misspelt}"`);
  await result.click();
  await page.getByRole('heading', { name: workbook.searched.headName, level: 1 }).waitFor();
  await page.getByRole('heading', { name: `Anggota keluarga (${String(workbook.searched.members)})` }).waitFor();
  lap('family profile');
  process.stdout.write(`${JSON.stringify({ families, database: process.env.DATABASE_URL ? 'postgres' : 'embedded', loadAverage1m: os.loadavg()[0], expected: { families: expected.families, members: expected.members }, seconds: timings })}\n`);
} catch (error) {
  const shot = path.join(os.tmpdir(), `sinergi-trial-${String(Date.now())}.png`);
  for (const context of browser.contexts()) for (const page of context.pages()) await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nscreenshot: ${shot}\n--- server output (end) ---\n${server.output().slice(-3000)}\n`);
  process.exitCode = 1;
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
}
