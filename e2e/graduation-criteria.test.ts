import type { EligibilityRule, GraduationCriteria, GraduationCriteriaPreview } from '@sinergi/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../packages/server/src/modules/seed/demo-users.ts';
import { ApiClient } from './src/api.ts';
import { launchBrowser, screenshotOnFailure as saveScreenshotOnFailure } from './src/browser.ts';
import { startServer, type RunningServer } from './src/server.ts';

/**
 * The admin (allowed to configure pathways) edits the graduation criteria on the pathways page with the program rule
 * editor: a reversed range is objected to under its condition, the live count of families on their way out (next to the
 * saved criteria) equals the pathways preview API's, the change survives a reload and names who made it. A leader
 * (pimpinan) reads the same criteria in words and has nothing to edit.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;
let admin: ApiClient;

const indonesian = new Intl.NumberFormat('id-ID');
const NOTE = 'Rakor TKPK: usaha harus berjalan dua tahun sebelum naik kelas.';

beforeAll(async () => {
  server = await startServer({ demoFamilies: 150 });
  admin = new ApiClient(server.address);
  await admin.login('admin', DEMO_PASSWORD);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(`${server.address}/login`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`${server.address}/jalan-keluar`);
  return page;
}

const criteriaSection = () => page.getByRole('region', { name: 'Kriteria graduasi (mandiri)' });
const row = (path: string) => page.locator(`[data-path="${path}"]`);

it('lets the admin change a criterion with the rule editor, save it, and find it after a reload', async () => {
  screenshotOnFailure('graduation-edit');
  const before = await admin.get<GraduationCriteria>('/api/pathways/graduation-criteria');
  expect(before.version).toBe(0);
  await signIn('admin');
  const section = criteriaSection();
  await section.getByTestId('criteria-changed').getByText('Kriteria bawaan Sinergi; belum pernah diubah.').waitFor();
  expect(await section.getByTestId('graduation-criteria').textContent()).toBe(before.text.id);

  await section.getByRole('button', { name: 'Ubah kriteria' }).click();
  const months = row('condition.conditions.1');
  expect(await months.getByLabel('Data keluarga').inputValue()).toBe('businessMonths');
  expect(await months.getByLabel('Nilai').inputValue()).toBe('12');

  // A reversed range is the server's objection, shown under that very condition.
  await months.getByLabel('Perbandingan').selectOption('between');
  await months.getByLabel('Dari').fill('30');
  await months.getByLabel('Sampai').fill('24');
  await months.getByTestId('rule-issue').getByText('Nilai terendah (30) lebih besar daripada nilai tertinggi (24).').waitFor();
  expect(await page.getByTestId('rule-issue').count()).toBe(1);

  await months.getByLabel('Perbandingan').selectOption('>=');
  await months.getByLabel('Nilai').fill('24');
  await expect.poll(() => page.getByTestId('rule-issue').count(), { timeout: 10_000 }).toBe(0);

  const defaults = before.rule as EligibilityRule;
  const conditions = (defaults.condition.kind === 'all' ? defaults.condition.conditions : []).map((c, i) => (i === 1 ? { ...c, value: 24 } : c));
  const edited: EligibilityRule = { version: 1, condition: { kind: 'all', conditions } };
  // The demo families are young on their way out, so none meets every criterion: "any one" shows the count moving.
  const groupKind = row('condition').getByLabel('Jenis kelompok syarat');
  await groupKind.selectOption('any');
  const anyOne = await previewOf({ version: 1, condition: { kind: 'any', conditions } });
  expect(anyOne.draft).toBeGreaterThan(0);
  expect(anyOne.draft).toBeLessThanOrEqual(anyOne.onPathway);
  await waitForPreview(anyOne);
  const kecamatanWithFamilies = anyOne.byKecamatan.filter((item) => item.draft + item.current > 0).length;
  await expect.poll(() => section.getByTestId('criteria-preview-by-kecamatan').locator('tbody tr').count()).toBe(kecamatanWithFamilies);
  await groupKind.selectOption('all');
  await waitForPreview(await previewOf(edited));

  await section.getByLabel(/Alasan perubahan/).fill(NOTE);
  await section.getByRole('button', { name: 'Simpan kriteria' }).click();
  await page.getByText('Kriteria graduasi disimpan sebagai versi 1.').waitFor();

  const saved = await admin.get<GraduationCriteria>('/api/pathways/graduation-criteria');
  expect(saved).toMatchObject({ version: 1, rule: edited, note: NOTE, createdBy: 'admin' });
  expect(saved.text.id).not.toBe(before.text.id);

  await page.reload();
  await criteriaSection().getByTestId('graduation-criteria').getByText(saved.text.id.split('\n')[0] ?? '').waitFor();
  expect(await criteriaSection().getByTestId('graduation-criteria').textContent()).toBe(saved.text.id);
  expect(await criteriaSection().getByTestId('criteria-changed').textContent()).toMatch(/^Terakhir diubah oleh admin pada /);
  await criteriaSection().getByText(`Alasan: ${NOTE}`).waitFor();
  expect(await criteriaSection().getByText('Versi 1', { exact: true }).count()).toBe(1);
  await page.context().close();
});

it('shows a leader without pathways.configure the criteria in words, with nothing to edit', async () => {
  screenshotOnFailure('graduation-read-only');
  const saved = await admin.get<GraduationCriteria>('/api/pathways/graduation-criteria');
  await signIn('pimpinan');
  const section = criteriaSection();
  await section.getByTestId('graduation-criteria').getByText(saved.text.id.split('\n')[0] ?? '').waitFor();
  expect(await section.getByTestId('graduation-criteria').textContent()).toBe(saved.text.id);
  expect(await section.getByTestId('criteria-changed').textContent()).toMatch(/^Terakhir diubah oleh admin pada /);
  await section.getByText('Kriteria hanya dapat diubah oleh pengguna yang berwenang mengatur jalan keluar.').waitFor();
  expect(await section.getByRole('button').count()).toBe(0);
  expect(await section.getByRole('combobox').count()).toBe(0);
  expect(await section.getByRole('textbox').count()).toBe(0);

  const leader = new ApiClient(server.address);
  await leader.login('pimpinan', DEMO_PASSWORD);
  const refused = await leader.send<{ code: string }>('PUT', '/api/pathways/graduation-criteria', { rule: saved.rule });
  expect(refused.status).toBe(403);
  expect((await admin.get<GraduationCriteria>('/api/pathways/graduation-criteria')).version).toBe(1);
  await page.context().close();
});

/** How many families on their way out the API counts for draft criteria, and for the saved ones: what the editor must show. */
async function previewOf(rule: EligibilityRule): Promise<GraduationCriteriaPreview> {
  const preview = await admin.send<GraduationCriteriaPreview>('POST', '/api/pathways/graduation-criteria/preview', { rule });
  expect(preview.status).toBe(200);
  return preview.body;
}

async function waitForPreview(preview: GraduationCriteriaPreview): Promise<void> {
  await expect.poll(async () => (await page.getByTestId('criteria-preview-caption').textContent())?.trim(), { timeout: 15_000 })
    .toBe(`${indonesian.format(preview.draft)} keluarga di jalur keluar memenuhi kriteria ini (sekarang: ${indonesian.format(preview.current)})`);
  await expect.poll(() => page.getByLabel('Menghitung…').count(), { timeout: 15_000 }).toBe(0);
}

function screenshotOnFailure(name: string): void {
  saveScreenshotOnFailure(() => page, name, () => server.output());
}
