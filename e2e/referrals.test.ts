import type { Agency, FamilyListItem, Page as ApiPage, Referral, ReferralEvent } from '@sinergi/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../packages/server/src/modules/seed/demo-users.ts';
import { ApiClient } from './src/api.ts';
import { launchBrowser, screenshotOnFailure as saveScreenshotOnFailure } from './src/browser.ts';
import { startServer, type RunningServer } from './src/server.ts';

/**
 * Dinsos refers a family to Disperindagkop from the family profile; a Disperindagkop operator (made for this test by
 * the admin) sees it in the inbox and accepts it. The outcome is checked against the API, so nothing is hard-coded.
 */

const OPERATOR = { username: 'petugas.disperindagkop', password: 'Rujukan-e2e-2026' };

let server: RunningServer;
let browser: Browser;
let page: Page;
let family: FamilyListItem;

/** A JSON write as an admin would make it in the users screen (the shared ApiClient only reads). */
async function call(address: string, cookieJar: { cookie: string; csrf: string }, method: string, url: string, body?: object): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': 'en' };
  if (cookieJar.cookie) headers.cookie = cookieJar.cookie;
  if (cookieJar.csrf) headers['x-csrf-token'] = cookieJar.csrf;
  const response = await fetch(address + url, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('sinergi_session='));
  if (session) cookieJar.cookie = session.split(';')[0] ?? '';
  return response;
}

async function signIn(address: string, username: string, password: string) {
  const jar = { cookie: '', csrf: '' };
  const response = await call(address, jar, 'POST', '/api/auth/login', { username, password });
  if (!response.ok) throw new Error(`login as ${username} failed: ${response.status}`);
  jar.csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
  return jar;
}

beforeAll(async () => {
  server = await startServer({ demoFamilies: 300 });
  const admin = await signIn(server.address, 'admin', DEMO_PASSWORD);
  const agencies = (await (await call(server.address, admin, 'GET', '/api/agencies')).json()) as Agency[];
  const disperindagkop = agencies.find((agency) => agency.kind === 'disperindagkop');
  const created = await call(server.address, admin, 'POST', '/api/users', {
    username: OPERATOR.username, fullName: 'Rahmat Hidayat', role: 'operator', agencyId: disperindagkop?.id, password: 'Sementara-2026',
  });
  expect(created.status, await created.clone().text()).toBe(201);
  // A new account must change its temporary password first; the operator does so before this story starts.
  const first = await signIn(server.address, OPERATOR.username, 'Sementara-2026');
  const changed = await call(server.address, first, 'POST', '/api/auth/password', { currentPassword: 'Sementara-2026', newPassword: OPERATOR.password });
  expect(changed.status).toBe(204);
  const dinsos = new ApiClient(server.address);
  await dinsos.login('operator.dinsos', DEMO_PASSWORD);
  const families = await dinsos.get<ApiPage<FamilyListItem>>('/api/families?pageSize=1&desilMax=5');
  family = families.items[0]!;
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const screenshotOnFailure = (name: string) => saveScreenshotOnFailure(() => page, name);

async function signInAs(username: string, password: string): Promise<void> {
  await page.goto(`${server.address}/login`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByRole('button', { name: 'Keluar', exact: true }).waitFor();
}

let referralId = '';

it('Dinsos refers a family to Disperindagkop from its profile, with the family’s consent', async () => {
  screenshotOnFailure('referral-send');
  await signInAs('operator.dinsos', DEMO_PASSWORD);
  await page.goto(`${server.address}/keluarga/${family.id}`);
  await page.getByRole('button', { name: 'Rujuk' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Dinas tujuan').click();
  await page.getByRole('option', { name: /^Disperindagkop/ }).click();
  await dialog.getByLabel('Akses permodalan').check();
  await dialog.getByLabel('Pemasaran').check();
  await dialog.getByLabel('Catatan').fill('Usaha keripik tempe berjalan kembali setelah paket usaha.');
  await dialog.getByLabel('Disetujui oleh').fill('Kepala keluarga');
  await dialog.getByRole('button', { name: 'Kirim rujukan' }).click();
  await page.waitForURL(/\/rujukan\/[0-9a-f-]{36}$/);
  referralId = page.url().split('/').pop() ?? '';
  await page.getByText('Terkirim', { exact: true }).first().waitFor();

  const api = new ApiClient(server.address);
  await api.login('operator.dinsos', DEMO_PASSWORD);
  const referral = await api.get<Referral>(`/api/referrals/${referralId}`);
  expect(referral).toMatchObject({
    status: 'sent', familyId: family.id, fromAgency: { shortName: 'Dinsos' }, toAgency: { shortName: 'Disperindagkop' },
    services: ['capital_access', 'marketing'], sharing: { basis: 'consent', consentBy: 'Kepala keluarga' }, actions: ['withdraw'],
  });
  await page.getByRole('button', { name: 'Keluar', exact: true }).click();
  await page.getByRole('button', { name: 'Masuk' }).waitFor();
});

it('the Disperindagkop operator sees it in the inbox with a notification and accepts it', async () => {
  screenshotOnFailure('referral-accept');
  expect(referralId).not.toBe('');
  const api = new ApiClient(server.address);
  await api.login(OPERATOR.username, OPERATOR.password);
  const { unread } = await api.get<{ unread: number }>('/api/notifications/unread-count');
  expect(unread).toBeGreaterThanOrEqual(1);

  await signInAs(OPERATOR.username, OPERATOR.password);
  await page.getByRole('button', { name: `Pemberitahuan (${unread} belum dibaca)` }).waitFor();
  await page.getByRole('link', { name: 'Rujukan', exact: true }).click();
  await page.getByRole('heading', { name: 'Rujukan antar-OPD' }).waitFor();
  await page.getByRole('tab', { name: /Masuk/ }).waitFor();
  await page.locator(`a[href="/rujukan/${referralId}"]`).click();
  await page.getByRole('button', { name: 'Terima', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Catatan (opsional)').fill('Dijadwalkan asesmen KUR minggu depan.');
  await dialog.getByRole('button', { name: 'Terima', exact: true }).click();
  await page.getByText('Diterima', { exact: true }).first().waitFor();
  await page.getByRole('button', { name: 'Tutup: sudah dilayani' }).waitFor();

  const referral = await api.get<Referral>(`/api/referrals/${referralId}`);
  expect(referral).toMatchObject({ status: 'accepted', actions: ['serve', 'not_serve'] });
  const history = await api.get<ReferralEvent[]>(`/api/referrals/${referralId}/history`);
  expect(history.map((event) => [event.action, event.user, event.text])).toEqual([
    ['send', 'Sri Wahyuni', 'Usaha keripik tempe berjalan kembali setelah paket usaha.'],
    ['accept', 'Rahmat Hidayat', 'Dijadwalkan asesmen KUR minggu depan.'],
  ]);
});
