import { launchBrowser } from './src/browser.ts';
import { startServer } from './src/server.ts';
const server = await startServer({ demoFamilies: 150 });
const browser = await launchBrowser();
try {
  for (const [user, locale] of [['admin', 'id-ID'], ['pimpinan', 'en-GB']] as const) {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.address}/login`);
    await page.locator('input').first().fill(user);
    await page.locator('input[type=password]').fill('sinergi-demo');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${server.address}/jalan-keluar`);
    const section = page.locator('section[aria-labelledby=criteria-heading]');
    await section.waitFor();
    if (user === 'admin') {
      await section.getByRole('button').first().click();
      await page.getByTestId('preview-total').waitFor();
      await page.waitForTimeout(1500);
    }
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: `/tmp/gc-${user}.png` });
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
