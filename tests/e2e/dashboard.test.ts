import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  t = await startTestSim('e2e-dashboard');
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(8000);
  // Every asset must come from the app itself: no external network at run time.
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== new URL(t.sim.url).origin) throw new Error(`external request: ${r.url()}`);
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('dashboard (Vietnamese first)', () => {
  it('the overview lists every connector with its lead agency, and filters without diacritics', async () => {
    await page.goto(`${t.sim.url}/`);
    await page.waitForSelector('tr[data-connector]');
    const rows = await page.locator('tr[data-connector]').count();
    expect(rows).toBe(t.sim.registry.connectors.length);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.locator('h1').textContent()).toContain('Tổng quan');
    await screenshot(page, 'overview');
    await page.fill('#q', 'dan cu');
    const filtered = await page.locator('tr[data-connector]').allTextContents();
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((r) => r.includes('dân cư'))).toBe(true);
  });
  it('switches to English and back', async () => {
    await page.goto(`${t.sim.url}/`);
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.locator('h1').textContent()).toContain('Connecting');
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
  });
  it('a developer signs in with the sandbox client, tries an operation from its page and sees it in the journal', async () => {
    await page.goto(`${t.sim.url}/nha-phat-trien`);
    await page.fill('#client-secret', 'wrong-secret');
    await page.click('button[type=submit]');
    await page.waitForSelector('[role=alert]:has-text("Không lấy được token")');
    await page.fill('#client-secret', 'sandbox-secret');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=tthc-an-giang');
    await page.goto(`${t.sim.url}/ket-noi/dang-ky-doanh-nghiep`);
    await page.click('button[data-try="chiTietDoanhNghiep"]');
    await page.waitForFunction(() => /HTTP 200/.test(document.querySelector('#out-chiTietDoanhNghiep')?.textContent ?? ''));
    expect(await page.locator('#out-chiTietDoanhNghiep').textContent()).toContain('MainInformation');
    await screenshot(page, 'connector');
    await page.selectOption('#sc-chiTietDoanhNghiep', 'upstream-error');
    await page.click('button[data-try="chiTietDoanhNghiep"]');
    await page.waitForFunction(() => /HTTP 503/.test(document.querySelector('#out-chiTietDoanhNghiep')?.textContent ?? ''));
    await page.goto(`${t.sim.url}/nha-phat-trien`);
    await page.waitForSelector('#journal tr[data-request-id]');
    const journal = await page.locator('#journal').textContent();
    expect(journal).toContain('chiTietDoanhNghiep');
    expect(journal).toContain('UPSTREAM_UNAVAILABLE');
    await screenshot(page, 'developer-journal');
  });
  it('is usable with the keyboard: a skip link first, then the navigation', async () => {
    await page.goto(`${t.sim.url}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/');
  });
});
