import {
  BUSINESS_PACKAGE_RULE, describeConditionLines, type Enrolment, PROGRAM_KIND_LABELS, type EligibilityRule, type Page as ApiPage, type PreviewCount, type Program, type ProgramExplanation,
  type RunFamily, type TargetingRun,
} from '@sinergi/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../packages/server/src/modules/seed/demo-users.ts';
import { launchBrowser, screenshotOnFailure as saveScreenshotOnFailure } from './src/browser.ts';
import { startServer, type RunningServer } from './src/server.ts';

/**
 * The Dinsos operator sets up a program in the browser, writes its rule with the editor (desil 1–5, business stalled,
 * head of working age), sees the live count, runs targeting and opens a family's explanation. Every number the page
 * shows is compared with what the API answers for the same rule, so nothing is hard-coded.
 */

const PROGRAM_NAME = 'Paket Usaha Uji Peramban 2026';
const TARGET_FAMILIES = 5;
/**
 * The worked example of the domain without "no other business package this year": the demo's own business package
 * already serves every family that qualifies, so that condition would leave nobody to rank.
 */
const example = BUSINESS_PACKAGE_RULE.condition;
const RULE: EligibilityRule = { version: 1, condition: { kind: 'all', conditions: example.kind === 'all' ? example.conditions.slice(0, 3) : [] } };

/** The API as the same operator, for the numbers the page must show (a session of its own, with its CSRF token). */
class OperatorApi {
  private cookie = '';
  private csrf = '';
  constructor(private readonly address: string) {}

  async login(): Promise<void> {
    const me = await this.call<{ csrfToken?: string }>('POST', '/api/auth/login', { username: 'operator.dinsos', password: DEMO_PASSWORD });
    this.csrf = me.csrfToken ?? '';
  }

  async call<T>(method: 'GET' | 'POST', url: string, body?: object): Promise<T> {
    const headers: Record<string, string> = { 'accept-language': 'id' };
    if (this.cookie) headers.cookie = this.cookie;
    if (body) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    const response = await fetch(this.address + url, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
    const session = response.headers.getSetCookie().find((c) => c.startsWith('sinergi_session='));
    if (session) this.cookie = session.split(';')[0] ?? '';
    if (!response.ok) throw new Error(`${method} ${url} failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

let server: RunningServer;
let browser: Browser;
let page: Page;
let operator: OperatorApi;
let programId = '';
const indonesian = new Intl.NumberFormat('id-ID');

beforeAll(async () => {
  server = await startServer({ demoFamilies: 300 });
  operator = new OperatorApi(server.address);
  await operator.login();
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const screenshotOnFailure = (name: string) => saveScreenshotOnFailure(() => page, name, () => server.output());

const row = (nodePath: string): Locator => page.locator(`[data-path="${nodePath}"]`);
/** A choice of the segmented control above the ranked list (its radio input is hidden behind the label). */
const listChoice = (name: string): Locator => page.locator('label', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) });

async function addCondition(item: string): Promise<void> {
  await page.getByRole('button', { name: 'Tambah syarat', exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** Waits until the live count shows `expected` and no count is pending. */
async function waitForPreview(expected: number): Promise<void> {
  const total = page.getByTestId('preview-total');
  await expect.poll(async () => (await total.textContent())?.trim(), { timeout: 15_000 }).toBe(`${indonesian.format(expected)} keluarga`);
  await expect.poll(() => page.getByLabel('Menghitung…').count(), { timeout: 15_000 }).toBe(0);
}

it('creates a draft program in the catalogue', async () => {
  screenshotOnFailure('programs-create');
  await page.goto(server.address);
  await page.getByLabel('Nama pengguna').fill('operator.dinsos');
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('link', { name: 'Program', exact: true }).click();
  await page.getByRole('heading', { name: 'Program', level: 1 }).waitFor();

  await page.getByRole('button', { name: 'Program baru' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nama program').fill(PROGRAM_NAME);
  expect(await dialog.getByLabel('Jenis program').inputValue()).toBe('business_package');
  await dialog.getByLabel('Target keluarga').fill(String(TARGET_FAMILIES));
  await dialog.getByLabel('Dasar hukum pemrosesan data pribadi').fill('Pelaksanaan tugas pemerintahan daerah (UU 27/2022 Pasal 20 ayat (2)).');
  await dialog.getByRole('button', { name: 'Simpan sebagai draf' }).click();

  await page.getByRole('heading', { name: PROGRAM_NAME, level: 1 }).waitFor();
  programId = /\/program\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  const saved = await operator.call<Program>('GET', `/api/programs/${programId}`);
  expect(saved).toMatchObject({ name: PROGRAM_NAME, status: 'draft', kind: 'business_package', targetFamilies: TARGET_FAMILIES, agency: { shortName: 'Dinsos' } });
  expect(await page.getByRole('link', { name: 'Penyaluran' }).getAttribute('href')).toBe(`/program/${programId}/penyaluran`);
});

it('writes the rule with the editor, shows a server objection next to its condition, and counts exactly as the API', async () => {
  screenshotOnFailure('programs-rule');
  await page.getByRole('tab', { name: 'Aturan kelayakan' }).waitFor();
  expect(await page.getByRole('tab', { name: 'Aturan kelayakan' }).getAttribute('aria-selected')).toBe('true');

  await addCondition('Data keluarga (desil, rumah, usaha, wilayah…)');
  const desil = row('condition.conditions.0');
  expect(await desil.getByLabel('Data keluarga').inputValue()).toBe('desilNational');
  await desil.getByLabel('Sampai').fill('5');

  await addCondition('Data keluarga (desil, rumah, usaha, wilayah…)');
  const business = row('condition.conditions.1');
  await business.getByLabel('Data keluarga').selectOption('businessStatus');
  await business.getByLabel('Nilai').selectOption({ label: 'Usaha macet' });

  await addCondition('Kepala keluarga (umur, jenis kelamin, pekerjaan…)');
  const age = row('condition.conditions.2.where');
  expect(await age.getByLabel('Data anggota').inputValue()).toBe('age');
  // A reversed range first: the server's message appears under that very condition.
  await age.getByLabel('Dari').fill('70');
  await age.getByLabel('Sampai').fill('59');
  await age.getByText('Nilai terendah (70) lebih besar daripada nilai tertinggi (59).').waitFor();
  await age.getByLabel('Dari').fill('18');
  await expect.poll(() => page.getByTestId('rule-issue').count(), { timeout: 10_000 }).toBe(0);

  await addCondition('Pernah / belum menerima program');
  const receipt = row('condition.conditions.3');
  expect(await receipt.getByLabel('Penerimaan program').inputValue()).toBe('no');
  expect(await receipt.getByLabel('Dalam periode').inputValue()).toBe('this_year');
  await receipt.getByRole('button', { name: 'Hapus syarat' }).click();
  await expect.poll(() => receipt.count()).toBe(0);

  const preview = await operator.call<PreviewCount>('POST', '/api/programs/preview-count', { rule: RULE, programId });
  expect(preview.total).toBeGreaterThan(TARGET_FAMILIES);
  await waitForPreview(preview.total);
  const byKecamatan = page.getByTestId('preview-by-kecamatan').locator('tbody tr');
  expect(await byKecamatan.count()).toBe(preview.byKecamatan.filter((k) => k.count > 0).length);

  const lines = describeConditionLines(RULE.condition, { programKindLabels: PROGRAM_KIND_LABELS }).map((line) => line.text.id);
  expect(await page.getByTestId('rule-text').locator('p').allTextContents()).toEqual(lines);

  await page.getByRole('button', { name: 'Simpan aturan' }).click();
  await expect.poll(async () => (await operator.call<Program>('GET', `/api/programs/${programId}`)).rule).toEqual(RULE);
});

it('sets the priority, activates the program and runs targeting with the numbers of the API', async () => {
  screenshotOnFailure('programs-targeting');
  await page.getByRole('tab', { name: 'Prioritas' }).click();
  await page.getByRole('button', { name: 'Isi dengan contoh paket usaha' }).click();
  expect(await page.getByTestId('priority-key').count()).toBe(3);
  await page.getByRole('button', { name: 'Simpan prioritas' }).click();
  await page.getByText('Urutan prioritas disimpan.').waitFor();

  await page.getByRole('button', { name: 'Aktifkan' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Aktifkan' }).click();
  await page.getByText('Program sudah aktif.').waitFor();

  await page.getByRole('tab', { name: 'Penetapan sasaran' }).click();
  await page.getByRole('button', { name: 'Jalankan penetapan sasaran' }).click();
  await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 30_000 }).toBe('Selesai');

  const [run] = await operator.call<TargetingRun[]>('GET', `/api/programs/${programId}/runs`);
  const preview = await operator.call<PreviewCount>('POST', '/api/programs/preview-count', { rule: RULE, programId });
  expect(run).toMatchObject({ status: 'done', qualified: preview.total, selected: TARGET_FAMILIES, waiting: preview.total - TARGET_FAMILIES });
  expect(await page.getByTestId('run-qualified').textContent()).toBe(indonesian.format(preview.total));
  expect(await page.getByTestId('run-selected').textContent()).toBe(indonesian.format(TARGET_FAMILIES));
  expect(await page.getByTestId('run-waiting').textContent()).toBe(indonesian.format(preview.total - TARGET_FAMILIES));
  expect(await page.getByTestId('run-snapshot').textContent()).toContain('dijalankan oleh Sri Wahyuni');

  const ranked = await operator.call<ApiPage<RunFamily>>('GET', `/api/programs/${programId}/runs/${run?.id ?? ''}/families?outcome=selected`);
  const rows = page.getByTestId('ranked-list').locator('tbody tr');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(TARGET_FAMILIES);
  for (const [index, family] of ranked.items.entries()) {
    expect(await rows.nth(index).getAttribute('data-family')).toBe(family.familyId);
    expect(await rows.nth(index).locator('td').first().textContent()).toBe(String(family.rank));
  }

  await listChoice('Daftar tunggu').click();
  await expect.poll(() => rows.count()).toBe(Math.min(25, preview.total - TARGET_FAMILIES));
  expect(await rows.first().locator('td').first().textContent()).toBe('Tunggu 1');
});

it('explains the first-ranked family rule by rule, as the API does', async () => {
  screenshotOnFailure('programs-explain');
  await listChoice('Terpilih (dalam kuota)').click();
  const rows = page.getByTestId('ranked-list').locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(TARGET_FAMILIES);
  const familyId = (await rows.first().getAttribute('data-family')) ?? '';
  await rows.first().getByRole('button', { name: /^Penjelasan untuk / }).click();

  const dialog = page.getByRole('dialog', { name: 'Penjelasan kelayakan' });
  await dialog.getByTestId('explanation').waitFor();
  const runId = new URL(page.url()).searchParams.get('run') ?? '';
  const explanation = await operator.call<ProgramExplanation>('GET', `/api/programs/${programId}/explain/${familyId}?runId=${runId}`);
  expect(explanation.eligible).toBe(true);
  expect(await dialog.getByTestId('explanation-verdict').textContent()).toBe('Memenuhi syarat');
  expect(await dialog.getByTestId('explanation-head').textContent()).toBe(explanation.headName);

  const texts: string[] = [];
  const walk = (node: ProgramExplanation['tree']) => { texts.push(node.text.id); node.children.forEach(walk); };
  walk(explanation.tree);
  const nodes = dialog.getByTestId('explain-node');
  expect(await nodes.count()).toBe(texts.length);
  for (const [index, text] of texts.entries()) expect(await nodes.nth(index).locator('p').first().textContent()).toBe(text);
  expect(await dialog.locator('[data-passed="false"]').count()).toBe(0);
  expect(await dialog.getByTestId('explanation-priority').locator('tr').count()).toBe(explanation.priority?.parts.length ?? -1);
});

it('records a field finding for that family and draws its replacement from the waiting list', async () => {
  screenshotOnFailure('programs-verification');
  const familyId = new URL(page.url()).searchParams.get('keluarga') ?? '';
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Verifikasi' }).click();
  const candidate = page.getByTestId('enrolments').locator(`tr[data-family="${familyId}"]`);
  await candidate.getByRole('button', { name: 'Catat verifikasi' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Pindah').check();
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await candidate.getByText('Ditolak').waitFor();
  expect(await candidate.getByText('Pindah').count()).toBe(1);

  await candidate.getByRole('button', { name: 'Ganti dari daftar tunggu' }).click();
  await candidate.getByText('Sudah diganti').waitFor();
  const enrolments = await operator.call<ApiPage<Enrolment>>('GET', `/api/programs/${programId}/enrolments?pageSize=100`);
  const rejected = enrolments.items.find((item) => item.familyId === familyId);
  const replacement = enrolments.items.find((item) => item.id === rejected?.replacedById);
  expect(rejected).toMatchObject({ status: 'rejected', reason: 'moved' });
  expect(replacement).toMatchObject({ source: 'replacement', status: 'candidate', replacesId: rejected?.id });
  await page.getByText(`${replacement?.headName ?? ''} dari daftar tunggu menggantikan.`).waitFor();
  expect(await page.getByTestId('enrolments').locator('tbody tr').count()).toBe(TARGET_FAMILIES + 1);
});
