import type { Handover, Page as ApiPage, ProgramListItem, Realisation } from '@sinergi/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../packages/server/src/modules/seed/demo-users.ts';
import { BUSINESS_PACKAGE_NAME } from '../packages/server/src/modules/programs/demo-programs.ts';
import { ApiClient } from './src/api.ts';
import { launchBrowser, screenshotOnFailure as saveScreenshotOnFailure } from './src/browser.ts';
import { startServer, type RunningServer } from './src/server.ts';

/**
 * The Dinsos operator, on a phone-sized screen, reads the business package's realisation, records one hand-over with a
 * receipt photo, a finger signature and the phone's location, and sees the realisation grow by exactly that family.
 * Every number is compared with what the API answers, so nothing is hard-coded.
 */

/** A 2 × 2 red PNG: a real image the browser decodes and re-encodes as JPEG before sending. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWM4ISd3Qk6OAUIBAB8mBBGFRCvEAAAAAElFTkSuQmCC', 'base64');
const PLACE = { latitude: -8.1335, longitude: 112.5729, accuracy: 15 };

let server: RunningServer;
let browser: Browser;
let page: Page;
let api: ApiClient;
let programId = '';
const indonesian = new Intl.NumberFormat('id-ID');

beforeAll(async () => {
  server = await startServer({ demoFamilies: 300 });
  api = new ApiClient(server.address);
  await api.login('operator.dinsos', DEMO_PASSWORD);
  const programs = await api.get<ApiPage<ProgramListItem>>(`/api/programs?pageSize=100`);
  programId = programs.items.find((p) => p.name === BUSINESS_PACKAGE_NAME)?.id ?? '';
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 412, height: 900 }, permissions: ['geolocation'], geolocation: PLACE, hasTouch: false });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const screenshotOnFailure = (name: string) => saveScreenshotOnFailure(() => page, name);

const realisation = () => api.get<Realisation>(`/api/programs/${programId}/realisation`);
const card = (label: string) => page.getByRole('group', { name: label, exact: true });

it('records a hand-over with photo, signature and location, and the realisation counts it exactly', async () => {
  screenshotOnFailure('distribution');
  expect(programId).not.toBe('');
  const before = await realisation();
  expect(before.realised.families).toBeGreaterThan(0);

  await page.goto(server.address);
  await page.getByLabel('Nama pengguna').fill('operator.dinsos');
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => url.pathname === '/');

  await page.goto(`${server.address}/program/${programId}/realisasi`);
  await page.getByRole('heading', { name: 'Realisasi program' }).waitFor();
  await expect.poll(() => card('Keluarga').innerText()).toContain(indonesian.format(before.realised.families));
  expect(await card('Nilai (Rp)').innerText()).toContain(`Rp${indonesian.format(before.realised.money)}`);

  await page.goto(`${server.address}/program/${programId}/penyaluran`);
  await page.getByRole('heading', { name: 'Penyaluran', exact: true }).waitFor();
  await page.getByLabel('Tampilkan').selectOption({ label: 'Belum menerima 1. Penyerahan paket' });
  await page.getByRole('button', { name: 'Catat penyerahan' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(`Lokasi: ${PLACE.latitude.toFixed(5)}, ${PLACE.longitude.toFixed(5)}`).waitFor();
  await dialog.locator('input[type=file]').first().setInputFiles({ name: 'kwitansi.png', mimeType: 'image/png', buffer: PHOTO });
  const pad = await dialog.getByLabel('Kotak tanda tangan').boundingBox();
  if (!pad) throw new Error('signature box not visible');
  await page.mouse.move(pad.x + 30, pad.y + 100);
  await page.mouse.down();
  for (const [x, y] of [[80, 60], [140, 120], [200, 50], [260, 110]] as const) await page.mouse.move(pad.x + x, pad.y + y, { steps: 5 });
  await page.mouse.up();
  await dialog.getByText('Sudah ditandatangani').waitFor();
  await dialog.getByRole('button', { name: 'Simpan penyerahan' }).click();
  await page.getByText(/Penyerahan Penyerahan paket untuk .* tersimpan\./).waitFor();

  const after = await realisation();
  expect(after.realised).toEqual({
    families: before.realised.families + 1, people: after.realised.people, money: before.realised.money + 5_000_000, units: before.realised.units + 1,
  });
  const latest = (await api.get<ApiPage<Handover>>(`/api/programs/${programId}/handovers?pageSize=1`)).items[0]!;
  expect(latest.proofs.map((p) => p.kind).sort()).toEqual(['receipt', 'signature']);
  expect(latest.proofs.find((p) => p.kind === 'receipt')?.type).toBe('image/jpeg');
  expect(latest.gps).toMatchObject({ latitude: PLACE.latitude, longitude: PLACE.longitude });
  expect(after.realised.people - before.realised.people).toBe(latest.people);

  await page.goto(`${server.address}/program/${programId}/realisasi`);
  await expect.poll(() => card('Keluarga').innerText()).toContain(indonesian.format(after.realised.families));
});
