import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  PROGRAM_KIND_LABELS, PROGRAM_KINDS, type AuditEntry, type ConflictCount, type ConflictRule, type CoverageFamily, type Page as ApiPage, type ProgramCombinations,
  type ProgramKind, type UntouchedCount,
} from '@sinergi/domain';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../packages/server/src/modules/seed/demo-users.ts';
import { launchBrowser, screenshotOnFailure as saveScreenshotOnFailure } from './src/browser.ts';
import { startServer, type RunningServer } from './src/server.ts';

/**
 * Bappeda's leader (pimpinan) reads the cross-program page: which families get which combination of programs, the desil
 * 1–5 families no program has reached in one village, and the "not combined" pairs, which only the admin may change.
 * Every number on the page is compared with what the API answers for the same user and the same filters.
 */

/** The API as one demo user, in a session of its own; statuses are returned for checks that a call is refused. */
class UserApi {
  private cookie = '';
  private csrf = '';
  constructor(private readonly address: string) {}

  async login(username: string): Promise<this> {
    const response = await this.request('POST', '/api/auth/login', { username, password: DEMO_PASSWORD });
    if (!response.ok) throw new Error(`login as ${username} failed: ${response.status}`);
    this.csrf = ((await response.json()) as { csrfToken?: string }).csrfToken ?? '';
    return this;
  }

  async get<T>(url: string): Promise<T> {
    const response = await this.request('GET', url);
    if (!response.ok) throw new Error(`GET ${url} failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async status(method: 'GET' | 'POST' | 'DELETE', url: string, body?: object): Promise<number> {
    const response = await this.request(method, url, body);
    await response.arrayBuffer();
    return response.status;
  }

  private async request(method: string, url: string, body?: object): Promise<Response> {
    const headers: Record<string, string> = { 'accept-language': 'id' };
    if (this.cookie) headers.cookie = this.cookie;
    if (body) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    const response = await fetch(this.address + url, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
    const session = response.headers.getSetCookie().find((c) => c.startsWith('sinergi_session='));
    if (session) this.cookie = session.split(';')[0] ?? '';
    return response;
  }
}

let server: RunningServer;
let browser: Browser;
let leaderPage: Page;
let adminPage: Page;
let leader: UserApi;
let admin: UserApi;
let village: UntouchedCount;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-e2e-coverage-'));
const indonesian = new Intl.NumberFormat('id-ID');
// The page filters by the current year unless told otherwise; the API is asked for the same year.
const year = new Date().getFullYear();

async function signedInPage(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(server.address);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('link', { name: 'Lintas Program', exact: true }).click();
  await page.getByRole('heading', { name: 'Lintas Program', level: 1 }).waitFor();
  return page;
}

beforeAll(async () => {
  server = await startServer({ demoFamilies: 300 });
  leader = await new UserApi(server.address).login('pimpinan');
  admin = await new UserApi(server.address).login('admin');
  browser = await launchBrowser();
  leaderPage = await signedInPage('pimpinan');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const screenshotOnFailure = (page: () => Page, name: string) => saveScreenshotOnFailure(page, name, () => server.output());
const panel = (page: Page): Locator => page.getByRole('tabpanel');
/** A choice of a segmented control (its radio input is hidden behind the label). */
const choice = (page: Page, name: string): Locator => page.locator('label', { hasText: new RegExp(`^${name}$`) });
const kindLabel = (kind: ProgramKind) => PROGRAM_KIND_LABELS[kind].id;

it('shows every combination of programs with the family counts of the API, and the families behind one', async () => {
  screenshotOnFailure(() => leaderPage, 'coverage-combinations');
  const api = await leader.get<ProgramCombinations>(`/api/coverage/combinations?year=${year}`);
  expect(api.combinations.length).toBeGreaterThan(0);
  await leaderPage.getByText(`${indonesian.format(api.families)} keluarga menerima setidaknya satu program, dalam ${indonesian.format(api.combinations.length)} kombinasi program.`).waitFor();
  const rows = panel(leaderPage).locator('tbody tr');
  expect(await rows.count()).toBe(api.combinations.length);
  for (const [index, combination] of api.combinations.entries()) {
    const row = rows.nth(index);
    expect(await row.locator('.mantine-Badge-root').allTextContents()).toEqual(combination.programs.map((program) => program.name));
    expect((await row.getByRole('button').textContent())?.trim()).toBe(indonesian.format(combination.families));
  }

  const [first] = api.combinations;
  const ids = first!.programs.map((program) => program.id).sort().join(',');
  const families = await leader.get<ApiPage<CoverageFamily>>(`/api/coverage/combinations/families?year=${year}&programs=${ids}&page=1&pageSize=25`);
  expect(families.total).toBe(first!.families);
  await rows.first().getByRole('button', { name: `Tampilkan ${first!.families} keluarga` }).click();
  const dialog = leaderPage.getByRole('dialog', { name: 'Keluarga yang menerima tepat kombinasi ini' });
  const listed = dialog.locator('tbody tr');
  await expect.poll(() => listed.count(), { timeout: 15_000 }).toBe(families.items.length);
  expect(await listed.locator('td:first-child').allTextContents()).toEqual(families.items.map((family) => family.noKk));
  await leaderPage.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
});

it('lists the desil 1–5 families of one village that no program reached, as the API does, and offers the leader no export', async () => {
  screenshotOnFailure(() => leaderPage, 'coverage-untouched');
  await leaderPage.getByRole('tab', { name: 'Belum tersentuh' }).click();
  await choice(leaderPage, 'Per desa').click();
  const counts = await leader.get<UntouchedCount[]>(`/api/coverage/untouched?year=${year}&level=village`);
  const rows = panel(leaderPage).locator('table').first().locator('tbody tr');
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(counts.length);
  const index = counts.findIndex((row) => row.untouched > 0);
  expect(index).toBeGreaterThanOrEqual(0);
  village = counts[index]!;
  const cells = await rows.nth(index).locator('td').allTextContents();
  expect(cells).toEqual([village.name, village.kecamatanName, indonesian.format(village.poorFamilies), indonesian.format(village.untouched), expect.stringMatching(/%$/) as string]);

  await rows.nth(index).getByRole('button', { name: village.name }).click();
  await expect.poll(() => new URL(leaderPage.url()).searchParams.get('wilayah')).toBe(village.code);
  const families = await leader.get<ApiPage<CoverageFamily>>(`/api/coverage/untouched/families?year=${year}&region=${village.code}&page=1&pageSize=25`);
  expect(families.total).toBe(village.untouched);
  const list = leaderPage.locator('.mantine-Paper-root', { has: leaderPage.getByRole('heading', { name: 'Daftar keluarga belum tersentuh' }) }).locator('tbody tr');
  await expect.poll(async () => (await list.locator('td:first-child').allTextContents()).join(), { timeout: 15_000 }).toBe(families.items.map((f) => f.noKk).join());
  expect(await list.locator('td:nth-child(3)').allTextContents()).toEqual(families.items.map(() => village.name));

  expect(await leaderPage.getByRole('button', { name: 'Unduh Excel' }).count()).toBe(0);
  expect(await leader.status('GET', `/api/coverage/untouched/export?year=${year}&region=${village.code}`)).toBe(403);
});

it('downloads that village’s list as an authorised user: the rows of the API, No KK masked, the export audited', async () => {
  adminPage = await signedInPage('admin');
  screenshotOnFailure(() => adminPage, 'coverage-export');
  await adminPage.goto(`${server.address}/lintas-program?tab=belum-tersentuh&wilayah=${village.code}`);
  const all = await admin.get<ApiPage<CoverageFamily>>(`/api/coverage/untouched/families?year=${year}&region=${village.code}&page=1&pageSize=200`);
  expect(all.total).toBe(village.untouched);
  const button = adminPage.getByRole('button', { name: 'Unduh Excel' });
  await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true);
  const [download] = await Promise.all([adminPage.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^keluarga-belum-tersentuh-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await adminPage.getByText(`Berkas ${download.suggestedFilename()} diunduh; ekspor tercatat di jejak audit.`).waitFor();

  const file = path.join(workDir, 'belum-tersentuh.xlsx');
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const column = (name: string) => header.indexOf(name);
  const rows = (sheet.getSheetValues().slice(2) as unknown[][]).filter(Boolean);
  expect(rows).toHaveLength(all.total);
  expect(rows.map((row) => String(row[column('No KK')])).sort()).toEqual(all.items.map((family) => family.noKk).sort());
  expect(new Set(rows.map((row) => String(row[column('Kode desa')])))).toEqual(new Set([village.code]));
  for (const row of rows) expect(String(row[column('No KK')])).toMatch(/\*/);

  const audit = await admin.get<ApiPage<AuditEntry>>('/api/audit?entity=coverage_untouched&action=export&username=admin');
  expect(audit.items[0]?.details).toMatchObject({ region: village.code, year, rows: all.total, format: 'xlsx' });
});

it('lets the leader read the "not combined" pairs but not change them; the admin adds and removes one', async () => {
  screenshotOnFailure(() => leaderPage, 'coverage-conflicts');
  await leaderPage.goto(`${server.address}/lintas-program?tab=bermasalah`);
  const conflicts = await leader.get<ConflictCount[]>(`/api/coverage/conflicts?year=${year}`);
  const rows = panel(leaderPage).locator('tbody tr');
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(conflicts.length);
  for (const [index, rule] of conflicts.entries()) {
    const cells = rows.nth(index).locator('td');
    expect(await cells.first().textContent()).toBe(`${kindLabel(rule.kindA)} + ${kindLabel(rule.kindB)}`);
    expect(await cells.nth(3).textContent()).toBe(indonesian.format(rule.families));
  }
  expect(await leaderPage.getByRole('button', { name: 'Hapus pasangan' }).count()).toBe(0);
  expect(await leaderPage.getByRole('heading', { name: 'Tambah pasangan' }).count()).toBe(0);

  // A pair not configured yet, in the stored order (kind_a <= kind_b).
  const taken = new Set(conflicts.map((rule) => `${rule.kindA}+${rule.kindB}`));
  const [kindA, kindB] = PROGRAM_KINDS.flatMap((a) => PROGRAM_KINDS.filter((b) => a < b).map((b) => [a, b] as const)).find(([a, b]) => !taken.has(`${a}+${b}`))!;
  expect(await leader.status('POST', '/api/coverage/conflict-rules', { kindA, kindB, period: 'ever' })).toBe(403);
  expect(await leader.status('DELETE', `/api/coverage/conflict-rules/${conflicts[0]!.id}`)).toBe(403);
  expect((await leader.get<ConflictRule[]>('/api/coverage/conflict-rules')).map((rule) => rule.id).sort()).toEqual(conflicts.map((rule) => rule.id).sort());

  screenshotOnFailure(() => adminPage, 'coverage-conflicts-admin');
  await adminPage.goto(`${server.address}/lintas-program?tab=bermasalah`);
  await adminPage.getByRole('heading', { name: 'Tambah pasangan' }).waitFor();
  for (const [label, kind] of [['Jenis program pertama', kindA], ['Jenis program kedua', kindB]] as const) {
    await adminPage.locator('input').and(adminPage.getByLabel(label, { exact: true })).click();
    await adminPage.getByRole('option', { name: kindLabel(kind), exact: true }).click();
  }
  await adminPage.getByRole('button', { name: 'Tambah', exact: true }).click();
  await adminPage.getByText('Pasangan ditambahkan.').waitFor();
  const added = (await admin.get<ConflictRule[]>('/api/coverage/conflict-rules')).find((rule) => rule.kindA === kindA && rule.kindB === kindB);
  expect(added).toMatchObject({ period: 'same_year' });

  const pair = `${kindLabel(kindA)} + ${kindLabel(kindB)}`;
  await leaderPage.reload();
  await leaderPage.getByRole('cell', { name: pair, exact: true }).waitFor();
  expect(await leaderPage.getByRole('button', { name: 'Hapus pasangan' }).count()).toBe(0);

  const adminRow = panel(adminPage).locator('tbody tr', { has: adminPage.getByRole('cell', { name: pair, exact: true }) });
  await adminRow.getByRole('button', { name: 'Hapus pasangan' }).click();
  await adminPage.getByRole('dialog').getByRole('button', { name: 'Hapus pasangan' }).click();
  await adminPage.getByText('Pasangan dihapus.').waitFor();
  expect((await leader.get<ConflictRule[]>('/api/coverage/conflict-rules')).some((rule) => rule.id === added?.id)).toBe(false);
});
