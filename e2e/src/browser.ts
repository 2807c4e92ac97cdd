import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { onTestFailed } from 'vitest';

/** Debian's chromium package; nothing is downloaded at run time. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium with a fresh profile (playwright gives every launch its own temporary user-data-dir). */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install Debian's package: apt-get install chromium (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}

/**
 * When the running test fails, saves a full-page screenshot to the temp folder and prints where, with the end of the
 * server's output when given: a failed browser step in CI is then readable without re-running it.
 */
export function screenshotOnFailure(page: () => Page, name: string, serverOutput?: () => string): void {
  onTestFailed(async () => {
    const file = path.join(os.tmpdir(), `sinergi-e2e-${name}-${Date.now()}.png`);
    await page().screenshot({ path: file, fullPage: true }).catch(() => undefined);
    const output = serverOutput ? `\n--- server output (end) ---\n${serverOutput().slice(-3000)}` : '';
    console.error(`screenshot: ${file} (at ${page().url()})${output}`);
  });
}
