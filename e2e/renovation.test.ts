import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page as ApiPage, RenovationListItem, RenovationSummary } from '@sinergi/domain';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../packages/server/src/modules/seed/demo-users.ts';
import { ApiClient } from './src/api.ts';
import { launchBrowser, screenshotOnFailure as saveScreenshotOnFailure } from './src/browser.ts';
import { startServer, type RunningServer } from './src/server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let api: ApiClient;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-e2e-renovation-'));
const progressPhoto = path.join(workDir, 'IMG_20260520_progres.jpg');
const afterPhoto = path.join(workDir, 'IMG_20260528_sesudah.jpg');

beforeAll(async () => {
  server = await startServer({ demoFamilies: 300 });
  api = new ApiClient(server.address);
  await api.login('admin', DEMO_PASSWORD);
  // Photos as a phone takes them: large JPEGs the server has to shrink.
  fs.writeFileSync(progressPhoto, await sharp({ create: { width: 3000, height: 2250, channels: 3, background: '#9b7a4a' } }).jpeg({ quality: 80 }).toBuffer());
  fs.writeFileSync(afterPhoto, await sharp({ create: { width: 3000, height: 2250, channels: 3, background: '#e8e4da' } }).jpeg({ quality: 80 }).toBuffer());
  browser = await launchBrowser();
  // A field officer's phone.
  const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const screenshotOnFailure = (name: string) => saveScreenshotOnFailure(() => page, name, () => server.output());

const number = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

it('records a renovation’s progress with a photo on a phone, completes it and counts it toward the target', async () => {
  screenshotOnFailure('renovation');
  const year = 2026;
  const before = await api.get<RenovationSummary>(`/api/renovations/summary?year=${year}`);
  expect(before.target).toBe(1500);
  const building = await api.get<ApiPage<RenovationListItem>>(`/api/renovations?year=${year}&stage=in_progress&pageSize=1`);
  const house = building.items[0]!;
  expect(house).toBeDefined();

  await page.goto(server.address);
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.goto(`${server.address}/rumah?year=${year}`);
  await page.getByRole('heading', { name: 'Bedah Rumah (RTLH)', level: 1 }).waitFor();
  expect(number(await page.getByTestId('renovation-target').textContent())).toBe(1500);
  expect(number(await page.getByTestId('renovation-completed').textContent())).toBe(before.completed);

  await page.goto(`${server.address}/rumah/${house.id}`);
  await page.getByRole('heading', { name: 'Laporan progres' }).waitFor();
  const photosBefore = await page.getByTestId('photo-gallery').locator('[data-kind]').count();
  const progressForm = page.locator('form', { has: page.getByRole('heading', { name: 'Laporan progres' }) });
  await progressForm.getByRole('textbox', { name: 'Progres (%)' }).fill('100');
  await progressForm.getByLabel('Tanggal').fill('2026-05-20');
  await progressForm.locator('input[type="file"]').setInputFiles(progressPhoto);
  await progressForm.getByLabel('Catatan').fill('Atap dan dinding selesai, tinggal pengecatan.');
  await progressForm.getByRole('button', { name: 'Simpan progres' }).click();
  await expect.poll(async () => page.getByTestId('house-progress').textContent()).toBe('100%');
  await expect.poll(async () => page.getByTestId('photo-gallery').locator('[data-kind="progress"]').count()).toBeGreaterThan(0);
  expect(await page.getByTestId('photo-gallery').locator('[data-kind]').count()).toBe(photosBefore + 1);

  const completeForm = page.locator('form', { has: page.getByRole('heading', { name: 'Selesai dan serah terima' }) });
  await completeForm.getByLabel('Tanggal selesai').fill('2026-05-28');
  await completeForm.getByLabel('Tanggal serah terima').fill('2026-06-01');
  await completeForm.locator('input[type="file"]').last().setInputFiles(afterPhoto);
  await completeForm.getByRole('button', { name: 'Nyatakan selesai' }).click();
  await page.locator('[data-stage="completed"]').first().waitFor();

  const stored = await api.get<{ photos: { kind: string; width: number; url: string }[]; stage: string; progress: number }>(`/api/renovations/${house.id}`);
  expect(stored).toMatchObject({ stage: 'completed', progress: 100 });
  const shrunk = stored.photos.filter((photo) => photo.kind === 'progress' || photo.kind === 'after').map((photo) => photo.width);
  expect(shrunk).toContain(1600);
  expect(shrunk.every((width) => width <= 1600)).toBe(true);

  await page.goto(`${server.address}/rumah?year=${year}`);
  await expect.poll(async () => number(await page.getByTestId('renovation-completed').textContent())).toBe(before.completed + 1);
  const after = await api.get<RenovationSummary>(`/api/renovations/summary?year=${year}`);
  expect([after.completed, after.byStage.in_progress]).toEqual([before.completed + 1, before.byStage.in_progress - 1]);
});
