import type { FamilyListItem, FamilyPathway, Page as ApiPage, PathwayCounts } from '@sinergi/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../packages/server/src/modules/seed/demo-users.ts';
import { ApiClient } from './src/api.ts';
import { launchBrowser, screenshotOnFailure as saveScreenshotOnFailure } from './src/browser.ts';
import { startServer, type RunningServer } from './src/server.ts';

/**
 * A Dinsos operator opens a demo family in the growth stage, assesses graduation (the demo business is still young, so it
 * does not pass), declares it mandiri by an exception with a reason, and the leaders' page counts it. Numbers come from the API.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;
let api: ApiClient;
let family: FamilyPathway;

beforeAll(async () => {
  server = await startServer({ demoFamilies: 300 });
  api = new ApiClient(server.address);
  await api.login('operator.dinsos', DEMO_PASSWORD);
  const families = [
    ...(await api.get<ApiPage<FamilyListItem>>('/api/families?pageSize=200&page=1')).items,
    ...(await api.get<ApiPage<FamilyListItem>>('/api/families?pageSize=200&page=2')).items,
  ];
  for (const candidate of families) {
    const pathway = await api.get<FamilyPathway>(`/api/families/${candidate.id}/pathway`);
    if (pathway.stage === 'pengembangan') {
      family = pathway;
      break;
    }
  }
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const screenshotOnFailure = (name: string) => saveScreenshotOnFailure(() => page, name);

it('shows the demo family’s way out on its profile, assesses graduation and declares it mandiri with a reason', async () => {
  screenshotOnFailure('pathway');
  const before = await api.get<PathwayCounts>('/api/pathways/counts');
  expect(before.totals.pengembangan).toBeGreaterThan(0);
  expect(family?.transitions.map((step) => step.toStage)).toEqual(['pemberdayaan', 'pengembangan']);

  await page.goto(`${server.address}/login`);
  await page.getByLabel('Nama pengguna').fill('operator.dinsos');
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`${server.address}/keluarga/${family.familyId}`);
  const panel = page.getByTestId('family-pathway');
  await panel.getByTestId('pathway-stage').getByText('Pengembangan').waitFor();
  await panel.getByText(`Dasar: ${family.transitions[0]!.evidence[0]!.label}`).first().waitFor();

  await panel.getByRole('button', { name: 'Nilai graduasi' }).click();
  const assess = page.getByRole('dialog');
  await assess.getByRole('button', { name: 'Nilai sekarang' }).click();
  await assess.getByTestId('graduation-result').getByText('Belum lulus').waitFor();
  await assess.getByTestId('graduation-result').getByRole('button', { name: 'Tutup' }).click();

  await panel.getByRole('button', { name: 'Catat tahap' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Tahap baru').click();
  await page.getByRole('option', { name: 'Mandiri (naik kelas)' }).click();
  const reason = 'Rakor kecamatan: usaha jahit berjalan, omzet Rp3 juta per bulan; DTSEN belum diperbarui.';
  await form.getByLabel(/Alasan pengecualian/).fill(reason);
  await form.getByRole('button', { name: 'Simpan' }).click();
  await panel.getByTestId('pathway-stage').getByText('Mandiri (naik kelas)').waitFor();
  await panel.getByText(`Pengecualian: ${reason}`).waitFor();

  const after = await api.get<FamilyPathway>(`/api/families/${family.familyId}/pathway`);
  expect(after.transitions.at(-1)).toMatchObject({ fromStage: 'pengembangan', toStage: 'mandiri', overrideReason: reason });
  expect(after.assessments.map((assessment) => assessment.passed)).toEqual([false]);

  await page.goto(`${server.address}/jalan-keluar`);
  const totals = page.getByTestId('pathway-counts').locator('tfoot');
  const expected = { ...before.totals, pengembangan: before.totals.pengembangan - 1, mandiri: before.totals.mandiri + 1 };
  await totals.getByText(String(expected.total), { exact: true }).waitFor();
  const cells = await totals.locator('th').allTextContents();
  expect(cells).toEqual(['Semua keluarga', ...(['bantuan', 'pemberdayaan', 'pengembangan', 'mandiri'] as const).map((stage) => String(expected[stage])), String(expected.total)]);
});
