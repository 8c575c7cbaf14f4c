/**
 * `npx tsx bench/dashboard.ts`: how long each dashboard page takes on a local start, per role, in Debian's Chromium.
 * Time = navigation start → the page module has rendered (main[data-ready]); first visit (cold) and the median of
 * the next runs (warm, assets cached as a user would have them). Writes bench/dashboard-results.json.
 * The bound is 1 s per page; this measures, it does not assert (a loaded machine says nothing about the code).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { startSimulator } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logging.js';
import { deleteKeysByPrefix } from '../src/queue/redis.js';
import { launchBrowser } from '../tests/helpers/browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `ndxp-bench-dashboard-${process.pid}`;

const ROLES: Array<{ username: string; password: string; pages: string[] }> = [
  { username: '', password: '', pages: ['/', '/ket-noi/dang-ky-doanh-nghiep', '/dang-nhap'] },
  { username: 'admin.an-giang', password: 'admin-sandbox-2025', pages: ['/so', '/don-vi', '/don-vi/dang-ky-doanh-nghiep'] },
  { username: 'tai-chinh.an-giang', password: 'user-sandbox-2025', pages: ['/don-vi', '/don-vi/dang-ky-doanh-nghiep'] },
  { username: 'dev.an-giang', password: 'user-sandbox-2025', pages: ['/nha-phat-trien'] },
];

const config = loadConfig({ PORT: '0', REDIS_URL, KEY_PREFIX: prefix, LOG_LEVEL: 'error' });
const sim = await startSimulator({ config, logger: createLogger('error', { silent: true }) });
const browser = await launchBrowser();
const results: Array<{ role: string; page: string; coldMs: number; warmMedianMs: number; warmMaxMs: number }> = [];
try {
  for (const role of ROLES) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    if (role.username) {
      const res = await ctx.request.post(`${sim.url}/api/auth/login`, { data: { username: role.username, password: role.password } });
      if (!res.ok()) throw new Error(`sign-in ${role.username}: ${res.status()}`);
    }
    const page = await ctx.newPage();
    for (const p of role.pages) {
      const times: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const t0 = Date.now();
        await page.goto(`${sim.url}${p}`);
        await page.waitForSelector('main[data-ready=true]', { timeout: 30_000 });
        times.push(Date.now() - t0);
      }
      const warm = times.slice(1).sort((a, b) => a - b);
      results.push({ role: role.username || '(anonymous)', page: p, coldMs: times[0]!, warmMedianMs: warm[Math.floor(warm.length / 2)]!, warmMaxMs: warm.at(-1)! });
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  await sim.close();
  const redis = new Redis(REDIS_URL);
  await deleteKeysByPrefix(redis, prefix);
  redis.disconnect();
}
console.table(results);
await writeFile(path.join(ROOT, 'bench', 'dashboard-results.json'), `${JSON.stringify({ at: new Date().toISOString(), runs: RUNS, results }, null, 2)}\n`);
