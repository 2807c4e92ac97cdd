import type { Page as ApiPage, TrainingCohort, TrainingCohortListItem, TrainingParticipantList } from '@sinergi/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../packages/server/src/modules/seed/demo-users.ts';
import { ApiClient } from './src/api.ts';
import { launchBrowser, screenshotOnFailure } from './src/browser.ts';
import { startServer, type RunningServer } from './src/server.ts';

/**
 * The Disnaker trainer, on a tablet, opens the demo's open cohort, marks everyone present at the first session but one,
 * saves, and the API counts exactly that attendance. Names and counts come from the API, nothing is hard-coded.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;
let api: ApiClient;
let cohort: TrainingCohort;

beforeAll(async () => {
  server = await startServer({ demoFamilies: 300 });
  api = new ApiClient(server.address);
  await api.login('admin', DEMO_PASSWORD);
  const open = await api.get<ApiPage<TrainingCohortListItem>>('/api/training/cohorts?status=open');
  const first = open.items.find((c) => c.participants > 0);
  if (!first) throw new Error(`no open demo cohort with participants: ${JSON.stringify(open.items)}`);
  cohort = await api.get<TrainingCohort>(`/api/training/cohorts/${first.id}`);
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 800, height: 1280 }, hasTouch: true });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('records attendance of a session with large toggles on a tablet', async () => {
  screenshotOnFailure(() => page, 'training', () => server.output());
  const before = await api.get<TrainingParticipantList>(`/api/training/cohorts/${cohort.id}/participants`);
  const absent = before.items[0]!;

  await page.goto(server.address);
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => url.pathname === '/');

  await page.goto(`${server.address}/pelatihan`);
  await page.getByRole('link', { name: cohort.name }).click();
  await page.getByRole('heading', { name: cohort.name }).waitFor();
  await page.getByRole('tab', { name: 'Kehadiran' }).click();
  const sessionId = await page.getByLabel('Sesi', { exact: true }).inputValue();
  await page.getByRole('button', { name: 'Semua hadir' }).click();
  const toggle = page.getByRole('button', { name: absent.name, exact: true });
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  await toggle.tap();
  expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  await page.getByRole('button', { name: 'Simpan kehadiran' }).click();
  await page.getByText(/Kehadiran sesi .* disimpan\./).waitFor();

  const after = await api.get<TrainingParticipantList>(`/api/training/cohorts/${cohort.id}/participants`);
  expect(cohort.sessions.map((s) => s.id)).toContain(sessionId);
  expect(after.items.filter((p) => p.presentSessionIds.includes(sessionId)).map((p) => p.id).sort())
    .toEqual(before.items.filter((p) => p.id !== absent.id).map((p) => p.id).sort());
  expect(after.items.find((p) => p.id === absent.id)?.attended).toBe(0);
});
