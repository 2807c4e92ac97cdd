import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../packages/server/src/modules/seed/demo-users.ts';
import { launchBrowser, screenshotOnFailure } from './src/browser.ts';
import { startServer, type RunningServer } from './src/server.ts';

/**
 * Every screen a user reaches from the menu, checked by axe-core against WCAG 2.1 A/AA and axe's best practices:
 * contrast, names of controls, landmarks, headings, ARIA. Screen-reader users and people reading a phone in sunlight
 * meet the same pages the other tests click through.
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const MENU_PAGES = [
  '/', '/keluarga', '/program', '/lintas-program', '/jalan-keluar', '/pelatihan', '/pelatihan/laporan', '/rujukan',
  '/impor', '/impor/baru', '/data-ganda', '/hak-subjek-data', '/rumah', '/mitra', '/opd', '/pengguna', '/audit', '/akun',
];

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ demoFamilies: 300 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPage(viewport: { width: number; height: number }, locale = 'id-ID'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport });
  page = await context.newPage();
  screenshotOnFailure(() => page, 'accessibility', () => server.output());
  return page;
}

async function signIn(username: string): Promise<void> {
  await page.goto(`${server.address}/login`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
}

/** Loads a path, waits until its data has arrived, and lists axe's findings as readable lines (empty = none). */
async function violationsAt(path: string): Promise<string[]> {
  if (path !== page.url().replace(server.address, '')) await page.goto(`${server.address}${path}`);
  await page.waitForLoadState('networkidle');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return audit(path);
}

async function audit(where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(
    async (tags) => (await (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { runOnly: tags })),
    WCAG_TAGS,
  );
  return results.violations.flatMap((violation) =>
    violation.nodes.slice(0, 3).map((node) => `${where}: ${violation.id} (${violation.help}) at ${node.target.join(' ')}`),
  );
}

it('the sign-in page passes WCAG 2.1 AA checks in both languages', async () => {
  await openPage({ width: 1280, height: 800 });
  await page.goto(`${server.address}/login`);
  await page.getByRole('button', { name: 'Masuk' }).waitFor();
  expect(await audit('/login (id)')).toEqual([]);
  await page.getByLabel('Bahasa').selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  expect(await audit('/login (en)')).toEqual([]);
});

it('signs in with the keyboard alone and the skip link lands on the page content', async () => {
  await openPage({ width: 1280, height: 800 });
  await page.goto(`${server.address}/login`);
  await page.getByLabel('Nama pengguna').waitFor();
  // The user-name field takes focus on arrival; Tab moves to the password; Enter submits the form.
  await page.keyboard.type('operator.dinsos');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();

  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Langsung ke konten' });
  expect(await skipLink.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id ?? window.location.hash)).toMatch(/main-content/);
});

it('every menu page passes WCAG 2.1 AA checks for an administrator on a desktop', async () => {
  await openPage({ width: 1280, height: 800 });
  await signIn('admin');
  const found: string[] = [];
  for (const path of MENU_PAGES) found.push(...(await violationsAt(path)));
  expect(found).toEqual([]);
});

it('detail pages reached from the lists pass WCAG 2.1 AA checks', async () => {
  await openPage({ width: 1280, height: 800 });
  await signIn('admin');
  const found: string[] = [];
  // From a list (or, with null, from the page the previous step opened) to a page its links lead to.
  const details: [from: string | null, detail: RegExp][] = [
    ['/keluarga', /\/keluarga\/[^/]+$/],
    ['/program', /\/program\/[^/]+$/],
    [null, /\/program\/[^/]+\/penyaluran$/],
    [null, /\/program\/[^/]+\/realisasi$/],
    ['/rujukan', /\/rujukan\/[^/]+$/],
    ['/pelatihan', /\/pelatihan\/angkatan\/[^/]+$/],
    ['/rumah', /\/rumah\/[^/]+$/],
  ];
  let previous = '/';
  for (const [from, detail] of details) {
    if (from) previous = from;
    await violationsAt(previous);
    const hrefs = await page.locator('main a').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname));
    const target = hrefs.find((href) => detail.test(href));
    expect(target, `a link from ${previous} matching ${String(detail)}`).toBeDefined();
    found.push(...(await violationsAt(target!)));
    if (!from) continue;
    previous = target!;
  }
  expect(found).toEqual([]);
});

it('a field facilitator on a 360 px phone, in English, meets the same checks with the menu open', async () => {
  await openPage({ width: 360, height: 740 }, 'en-US');
  await signIn('pendamping.kepanjen');
  const found = await audit('/ (phone)');
  await page.getByRole('button', { name: 'Buka menu' }).click();
  await page.getByLabel('Bahasa').selectOption({ label: 'English' });
  await page.getByRole('link', { name: 'Families', exact: true }).waitFor();
  found.push(...(await audit('menu open (en, phone)')));
  await page.getByRole('link', { name: 'Families', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Families' }).waitFor();
  found.push(...(await violationsAt('/keluarga')));
  expect(found).toEqual([]);
});
