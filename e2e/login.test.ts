import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../packages/server/src/modules/seed/demo-users.ts';
import { ApiClient } from './src/api.ts';
import { launchBrowser, screenshotOnFailure as saveScreenshotOnFailure } from './src/browser.ts';
import { startServer, type RunningServer } from './src/server.ts';

interface AuditPage {
  items: { username: string | null; action: string; entity: string; ip: string | null }[];
  total: number;
}

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ demoFamilies: 300 });
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('prints the demo logins it starts with', () => {
  expect(server.output()).toMatch(/operator\.dinsos/);
  expect(server.output()).toContain(DEMO_PASSWORD);
});

/** On failure, a screenshot of what the browser showed, next to the error. */
const screenshotOnFailure = (name: string) => saveScreenshotOnFailure(() => page, name);

it('signs in in Indonesian, lists families, switches to English and signs out', async () => {
  screenshotOnFailure('login');
  await page.goto(server.address);
  await page.getByLabel('Nama pengguna').fill('operator.dinsos');
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();

  await page.getByRole('link', { name: 'Keluarga', exact: true }).click();
  await page.getByRole('heading', { name: 'Keluarga', exact: true }).waitFor();
  await page.locator('tbody tr').first().waitFor();
  expect(await page.locator('tbody tr').count()).toBeGreaterThan(1);
  expect(await page.locator('html').getAttribute('lang')).toBe('id');

  await page.getByLabel('Bahasa').selectOption({ label: 'English' });
  await page.getByRole('heading', { name: 'Families', exact: true }).waitFor();
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await signOut.waitFor();
  expect(await page.getByText('Keluarga', { exact: true }).count()).toBe(0);

  await signOut.click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  expect(await page.getByLabel('Username').isVisible()).toBe(true);
});

it('sends the web app pre-compressed, caching content-hashed files for good and revalidating the page', async () => {
  const page = await fetch(`${server.address}/keluarga`, { headers: { 'accept-encoding': 'br' } });
  expect(page.headers.get('cache-control')).toBe('no-cache');
  const script = /<script[^>]+src="([^"]+\.js)"/.exec(await page.text())?.[1];
  expect(script).toMatch(/^\/assets\//);
  // fetch() decompresses transparently; the headers tell what travelled over the wire.
  const asset = await fetch(`${server.address}${script!}`, { headers: { 'accept-encoding': 'br' } });
  expect(asset.headers.get('content-encoding')).toBe('br');
  expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect((await asset.text()).length).toBeGreaterThan(1000);
});

it('records the sign-in and the family list view in the audit trail', async () => {
  const admin = new ApiClient(server.address);
  await admin.login('admin', DEMO_PASSWORD);
  const logins = await admin.get<AuditPage>('/api/audit?username=operator.dinsos&action=login');
  expect(logins.total).toBeGreaterThanOrEqual(1);
  expect(logins.items[0]?.ip).toBe('127.0.0.1');
  const views = await admin.get<AuditPage>('/api/audit?username=operator.dinsos&action=view');
  expect(views.items.some((entry) => entry.entity.startsWith('family'))).toBe(true);
  const signOuts = await admin.get<AuditPage>('/api/audit?username=operator.dinsos&action=logout');
  expect(signOuts.total).toBeGreaterThanOrEqual(1);
});
