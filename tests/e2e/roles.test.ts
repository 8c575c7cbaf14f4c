import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, SCREENSHOTS } from '../helpers/browser.js';
import { submitLltp } from '../helpers/lltp.js';
import { ADMIN_PASSWORD, signIn, USER_PASSWORD } from '../helpers/rollout.js';
import { eventually, startTestSim, type TestSim } from '../helpers/sim.js';

const PROVINCE = 'an-giang';
const ROWS = `/api/rollout/provinces/${PROVINCE}/rows`;

let t: TestSim;
let browser: Browser;
let failing: Server;
let failingUrl: string;
const external: string[] = [];
const timings: Array<{ page: string; ms: number }> = [];

beforeAll(async () => {
  // One delivery try, short backoff: a failing receiver makes a dead letter within the test.
  [t, browser] = await Promise.all([
    startTestSim('e2e-roles', {}, { WEBHOOK_MAX_ATTEMPTS: '1', WEBHOOK_BACKOFF_MS: '10' }),
    launchBrowser(),
  ]);
  failing = createServer((_req, res) => res.writeHead(500).end('down'));
  await new Promise<void>((r) => failing.listen(0, '127.0.0.1', r));
  failingUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await writeFile(path.join(SCREENSHOTS, '..', 'page-timings.json'), JSON.stringify(timings, null, 2)).catch(() => undefined);
  await browser?.close();
  await new Promise((r) => failing?.close(r));
  await t?.close();
});

async function newPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.setDefaultTimeout(10_000);
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== new URL(t.sim.url).origin) external.push(r.url());
  });
  return page;
}

/** Opens a dashboard page and records the time until the page module has rendered (main[data-ready]). */
async function open(page: Page, p: string): Promise<void> {
  const started = Date.now();
  await page.goto(`${t.sim.url}${p}`);
  await page.waitForSelector('main[data-ready=true]');
  timings.push({ page: p, ms: Date.now() - started });
}

async function signInPage(username: string, password: string): Promise<Page> {
  const page = await newPage();
  await open(page, '/dang-nhap');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('#who');
  await page.waitForSelector('main[data-ready=true]');
  return page;
}

// Generous per-test bound: a loaded 2-core CI box parses the Swagger UI bundle slowly.
describe('dashboard by role (each role signs in and does its main task)', { timeout: 90_000 }, () => {
  it('refuses a wrong password on the sign-in page, in Vietnamese', async () => {
    const page = await newPage();
    await open(page, '/dang-nhap');
    await page.fill('#username', `admin.${PROVINCE}`);
    await page.fill('#password', 'not-the-password');
    await page.click('button[type=submit]');
    await page.waitForSelector('[role=alert]:has-text("Sai tên đăng nhập")');
    // Deny by default: without a session the Sở page shows a sign-in refusal, never data.
    await open(page, '/so');
    expect(await page.locator('[data-refusal="401"]').count()).toBe(1);
    expect(await page.locator('#matrix').count()).toBe(0);
    await page.context().close();
  });

  it('the Sở admin sees the whole matrix, charts and readiness, filters, exports CSV, builds the monthly report and moves a row', async () => {
    const admin = await signIn(t.http, `admin.${PROVINCE}`, ADMIN_PASSWORD);
    const api = (await t.http.get(ROWS, { headers: admin })).data.rows as Array<{ connector: string; stage: string; lead: Array<{ id: string }> }>;
    const page = await signInPage(`admin.${PROVINCE}`, ADMIN_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/so');
    expect(await page.locator('#matrix tbody tr[data-row]').count()).toBe(api.length);
    await page.waitForSelector('canvas#chart-sync');
    expect(await page.locator('canvas#chart-burnup, canvas#chart-agency, canvas#chart-sync').count()).toBe(3);
    expect(await page.locator('#readiness').textContent()).toMatch(/%/);
    await screenshot(page, 'so-overview');

    await page.selectOption('#f-stage', 'van-hanh');
    expect(await page.locator('#matrix tbody tr[data-row]').count()).toBe(api.filter((r) => r.stage === 'van-hanh').length);
    await page.selectOption('#f-stage', '');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
    expect(csv.trim().split(/\r?\n/).length).toBe(api.length + 1);

    await page.click('#build-report');
    await page.waitForSelector('#report-links a:has-text("HTML")');
    const href = await page.locator('#report-links a:has-text("HTML")').getAttribute('href');
    expect((await page.request.get(`${t.sim.url}${href}`)).status()).toBe(200);

    const target = api.find((r) => r.stage === 'chua-trien-khai')!;
    await open(page, `/don-vi/${target.connector}`);
    await page.selectOption('#move-to', 'dang-ky');
    await page.fill('#move-reason', 'Đã gửi văn bản đăng ký kết nối');
    await page.click('#move-submit');
    await page.waitForSelector('#flash:has-text("Đã chuyển giai đoạn")');
    expect((await t.http.get(`${ROWS}/${target.connector}`, { headers: admin })).data.stage).toBe('dang-ky');
    await page.context().close();
  });

  it('the Sở admin opens bull-board (every queue) and the API reference; other roles are refused bull-board', async () => {
    const page = await signInPage(`admin.${PROVINCE}`, ADMIN_PASSWORD);
    await page.goto(`${t.sim.url}/docs`, { waitUntil: 'commit' });
    await page.waitForSelector('.swagger-ui .info .title', { timeout: 30_000 });
    // One collapsed section per connector (plus the token endpoint); opening one lists that connector's operations.
    const ids = t.sim.registry.connectors.map((c) => c.id);
    await page.waitForSelector(`.swagger-ui .opblock-tag[data-tag="${ids.at(-1)}"]`);
    expect(await page.locator('.swagger-ui .opblock-tag').count()).toBe(ids.length + 1);
    const last = t.sim.registry.get(ids.at(-1)!)!;
    await page.click(`.swagger-ui .opblock-tag[data-tag="${last.id}"]`);
    await page.waitForSelector('.swagger-ui .opblock');
    expect(await page.locator('.swagger-ui .opblock').count()).toBe(last.operations.length);
    await page.goto(`${t.sim.url}/admin/queues`);
    for (const q of ['dossier-progress', 'status-delivery', 'rollout-checks', 'reports']) await page.waitForSelector(`text=${q}`);
    await page.context().close();
    const agency = await signIn(t.http, `tai-chinh.${PROVINCE}`, USER_PASSWORD);
    expect((await t.http.get('/admin/queues', { headers: agency })).status).toBe(403);
    expect((await t.http.get('/admin/queues/api/queues')).status).toBe(401);
  });

  it('a lead agency sees only its connectors, attaches evidence and moves its row', async () => {
    const auth = await signIn(t.http, `tai-chinh.${PROVINCE}`, USER_PASSWORD);
    const own = (await t.http.get(ROWS, { headers: auth })).data.rows as Array<{ connector: string; stage: string }>;
    const all = (await t.http.get(ROWS, { headers: await signIn(t.http, `admin.${PROVINCE}`, ADMIN_PASSWORD) })).data.rows as unknown[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(all.length);
    const page = await signInPage(`tai-chinh.${PROVINCE}`, USER_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/don-vi');
    const shown = await page.locator('tr[data-row]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row')));
    expect(shown.sort()).toEqual(own.map((r) => r.connector).sort());
    // Deny by default in the UI too: no link to the Sở overview or the queues for an agency.
    expect(await page.locator('nav a[href="/so"]').isVisible()).toBe(false);
    await screenshot(page, 'agency-view');
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.locator('nav a[href="/so"], nav a[href="/admin/queues"]').evaluateAll((as) => as.filter((a) => (a as HTMLElement).offsetParent !== null).length)).toBe(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    const row = own.find((r) => r.stage === 'chua-trien-khai') ?? own[0]!;
    await open(page, `/don-vi/${row.connector}`);
    await page.fill('#evidence-text', 'Công văn số 123/STC-CNTT đăng ký kết nối');
    await page.click('#evidence-submit');
    await page.waitForSelector('#evidence-list li:has-text("123/STC-CNTT")');
    if (row.stage === 'chua-trien-khai') {
      await page.selectOption('#move-to', 'dang-ky');
      await page.click('#move-submit');
      await page.waitForSelector('#row-stage:has-text("Đăng ký")');
    }
    await page.waitForSelector('table td:has-text("evidence")');
    await screenshot(page, 'agency-row');
    await page.context().close();
  });

  it("an agency cannot reach another agency's connector by URL: the UI refuses and the API answers 403", async () => {
    const auth = await signIn(t.http, `tai-chinh.${PROVINCE}`, USER_PASSWORD);
    const own = new Set(((await t.http.get(ROWS, { headers: auth })).data.rows as Array<{ connector: string }>).map((r) => r.connector));
    const all = (await t.http.get(ROWS, { headers: await signIn(t.http, `admin.${PROVINCE}`, ADMIN_PASSWORD) })).data.rows as Array<{ connector: string }>;
    const other = all.find((r) => !own.has(r.connector))!.connector;
    expect((await t.http.get(`${ROWS}/${other}`, { headers: auth })).status).toBe(403);
    expect((await t.http.post(`${ROWS}/${other}/evidence`, { text: 'thử' }, { headers: auth })).status).toBe(403);
    const page = await signInPage(`tai-chinh.${PROVINCE}`, USER_PASSWORD);
    await open(page, `/don-vi/${other}`);
    expect(await page.locator('[data-refusal="403"]').count()).toBe(1);
    expect(await page.locator('#move-to, #evidence-text').count()).toBe(0);
    await open(page, '/so');
    expect(await page.locator('[data-refusal="403"]').count()).toBe(1);
    await page.context().close();
  });

  it('a developer sees its clients and traffic, subscribes a webhook, sees the dead letter and replays it, follows a dossier timeline and sets a scenario', async () => {
    const page = await signInPage(`dev.${PROVINCE}`, USER_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/nha-phat-trien');
    await page.waitForSelector(`#my-clients code:has-text("${t.sim.config.demoClientId}")`);
    await page.fill('#client-secret', t.sim.config.demoClientSecret);
    await page.click('button[type=submit]');
    await page.waitForSelector('#webhook-url');
    await page.fill('#webhook-url', failingUrl);
    await page.fill('#webhook-batch', '5');
    await page.click('#webhook-url ~ button, form:has(#webhook-url) button[type=submit]');
    await page.waitForSelector('#webhooks tr[data-sub]');
    expect(await page.locator('#webhooks tr[data-sub] td').nth(3).textContent()).toBe('5'); // events per request

    // Traffic with a field-level validation error, and a dossier whose events go to the failing receiver.
    const auth = await t.auth();
    await t.http.post('/lltp/1.0/nopHoSoLLTP', { MaHoSoTinh: 'x' }, { headers: { ...auth, 'content-type': 'application/json' } });
    const { MaHoSo } = await submitLltp(t, auth, `000.00.00.H01-${new Date().toISOString().slice(2, 10).replaceAll('-', '')}-0042`);
    expect(await eventually(async () => (await t.http.get('/api/webhooks/dead-letters', { headers: auth })).data.items.length > 0, 15_000)).toBe(true);

    await page.reload();
    await page.waitForSelector('#journal tr[data-request-id]');
    expect(await page.locator('#journal').textContent()).toMatch(/VALIDATION|SCHEMA|INVALID/);
    await page.waitForSelector('[data-replay]');
    await page.click(`tr[data-dossier="${MaHoSo}"] button`);
    await page.waitForSelector('#timeline li');
    expect(await page.locator('#timeline').textContent()).toContain('Thư chết');
    await screenshot(page, 'developer-console');
    await page.click('[data-replay]');
    await page.waitForSelector('#replay-msg.status-ok');

    await page.selectOption('#client-scenario', 'maintenance');
    await page.click('#client-scenario >> xpath=../.. >> button.primary');
    await page.waitForSelector('text=Đã đặt kịch bản: maintenance');
    const example = t.sim.registry.get('ly-lich-tu-phap')!.operation('nopHoSoLLTP')!.example.body;
    const during = await t.http.post('/lltp/1.0/nopHoSoLLTP', example, { headers: { ...auth, 'content-type': 'application/json' } });
    expect(during.status).toBe(503);
    await page.context().close();
  });

  it('a user changes their own password from the account page (Vietnamese), and only the new one signs in', async () => {
    const headers = await signIn(t.http, `admin.${PROVINCE}`, ADMIN_PASSWORD);
    const made = await t.http.post(`/api/rollout/provinces/${PROVINCE}/users`, { username: `doi-mk.${PROVINCE}`, password: 'mat-khau-cu-123', name: 'Trần Thị Đổi Mật Khẩu', role: 'viewer' }, { headers });
    expect(made.status).toBe(201);
    const page = await signInPage(`doi-mk.${PROVINCE}`, 'mat-khau-cu-123');
    await page.click('#who');
    await page.waitForSelector('#current-password');
    expect(await page.locator('main h1').textContent()).toBe('Tài khoản');
    await page.fill('#current-password', 'khong-dung-123');
    await page.fill('#new-password', 'mat-khau-moi-456');
    await page.click('form button[type=submit]');
    await page.waitForSelector('#password-msg.status-bad');
    expect(await page.locator('#password-msg').textContent()).toContain('currentPassword');
    await page.fill('#current-password', 'mat-khau-cu-123');
    await page.click('form button[type=submit]');
    await page.waitForSelector('#password-msg.status-ok');
    expect((await t.http.post('/api/auth/login', { username: `doi-mk.${PROVINCE}`, password: 'mat-khau-cu-123' })).status).toBe(401);
    expect((await t.http.post('/api/auth/login', { username: `doi-mk.${PROVINCE}`, password: 'mat-khau-moi-456' })).status).toBe(200);
    // The page's own session was renewed by the change: the user is still signed in.
    await page.reload();
    await page.waitForSelector('#who');
  });

  it('the national role picks the province it reads on the Sở page', async () => {
    const admin = await signIn(t.http, `admin.${PROVINCE}`, ADMIN_PASSWORD);
    const ag = (await t.http.get(`/api/rollout/provinces/${PROVINCE}`, { headers: admin })).data;
    // The same agencies and assignments as An Giang (what a province profile needs), another name and deadline.
    const profile = { id: 'ca-mau', name: 'Cà Mau', deadline: '2025-06-30', agencies: ag.agencies.map(({ id, name, kind }: { id: string; name: string; kind: string }) => ({ id, name, kind })),
      assignments: Object.fromEntries(Object.entries(ag.assignments as Record<string, { lead: string[]; coordinating: string[] }>).map(([c, a]) => [c, { lead: a.lead, coordinating: a.coordinating }])) };
    const made = await t.http.post('/api/rollout/provinces', { profile, admin: { username: 'admin.ca-mau', password: ADMIN_PASSWORD, name: 'Quản trị Sở KH&CN Cà Mau' } }, { headers: admin });
    expect(made.status, JSON.stringify(made.data).slice(0, 300)).toBe(201);
    const page = await signInPage('national', ADMIN_PASSWORD);
    await open(page, '/so');
    await page.waitForSelector('#province-picker');
    expect(await page.locator('#province-picker option').allTextContents()).toEqual(expect.arrayContaining(['Cà Mau']));
    await page.selectOption('#province-picker', 'ca-mau');
    await page.waitForURL(/\/so\?tinh=ca-mau$/);
    await page.waitForSelector('main[data-ready=true] #matrix tbody tr');
    expect(await page.locator('#province-picker').inputValue()).toBe('ca-mau');
    expect(await page.locator('#matrix tbody tr').first().textContent()).toContain('30/6/2025');
  });

  it('loads no asset from outside the app, and records how long each page took', () => {
    expect(external).toEqual([]);
    expect(timings.length).toBeGreaterThan(5);
    // Generous bound (a loaded CI box); the measured numbers are in test-results/page-timings.json.
    for (const x of timings) expect(x.ms, x.page).toBeLessThan(10_000);
  });
});
