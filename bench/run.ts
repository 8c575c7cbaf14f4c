/**
 * `npm run bench`: measured in one run, against a baseline measured in the same run.
 *  1. Lookup throughput: the gateway's dang-ky-doanh-nghiep lookup (auth, validation both ways, journal) vs a bare
 *     express handler returning the same JSON; req/s, p50/p99 and the ratio. Then p99 at half the gateway's peak rate.
 *  2. Start-up: process spawn → ready line, with every connector's schemas compiled.
 * Writes bench/results.json and the README's figures between its bench markers.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { deleteKeysByPrefix } from '../src/queue/redis.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' }, 'no-readme': { type: 'boolean', default: false } } });
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function startServer(args: string[]): Promise<{ child: ChildProcess; info: any; wallMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'server.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, REDIS_URL },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => resolve({ child, info: JSON.parse(line), wallMs: performance.now() - t0 }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function stop(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

interface Run { reqPerSec: number; p50: number; p99: number; errors: number; non2xx: number }

async function load(url: string, headers: Record<string, string>, overallRate?: number): Promise<Run> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers, ...(overallRate ? { overallRate } : {}) });
  return { reqPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function dropPrefix(prefix: string) {
  const redis = new Redis(REDIS_URL);
  await deleteKeysByPrefix(redis, prefix);
  redis.disconnect();
}

const seed = JSON.parse(await readFile(path.join(ROOT, 'mocks', 'dang-ky-doanh-nghiep', 'seed.json'), 'utf8'));
const record = { MainInformation: seed.doanhNghiep[0].MainInformation };
const msdn = record.MainInformation.MSDN;
const prefix = `ndxp-bench:${process.pid}`;

console.log(`lookup benchmark: ${CONNECTIONS} connections, ${DURATION} s per run`);
const bare = await startServer(['bare', prefix, JSON.stringify(record)]);
await load(`${bare.info.url}/apiCSDLDKDN/1.0/chiTietDoanhNghiep?msdn=${msdn}`, {}); // warm-up
const baseline = await load(`${bare.info.url}/apiCSDLDKDN/1.0/chiTietDoanhNghiep?msdn=${msdn}`, {});
await stop(bare.child);

const gw = await startServer(['gateway', prefix]);
const tokenRes = await fetch(`${gw.info.url}/token`, {
  method: 'POST',
  headers: { authorization: `Basic ${Buffer.from('tthc-an-giang:sandbox-secret').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
  body: 'grant_type=client_credentials',
});
const token = ((await tokenRes.json()) as { access_token: string }).access_token;
const auth = { authorization: `Bearer ${token}` };
const gwUrl = `${gw.info.url}/apiCSDLDKDN/1.0/chiTietDoanhNghiep?msdn=${msdn}`;
await load(gwUrl, auth); // warm-up (JIT, caches)
const gateway = await load(gwUrl, auth);
const halfRate = Math.round(gateway.reqPerSec / 2);
const atHalf = await load(gwUrl, auth, halfRate);
await stop(gw.child);
await dropPrefix(prefix);

// Start-up: spawn → ready. "First start" seeds a fresh province (demo client and users, bcrypt); "restart" finds them.
const fresh: Array<{ wallMs: number; inProcessMs: number; connectors: number }> = [];
const restarts: typeof fresh = [];
for (let i = 0; i < 3; i++) {
  for (const list of [fresh, restarts]) {
    const s = await startServer(['gateway', `${prefix}:s${i}`]);
    list.push({ wallMs: Math.round(s.wallMs), inProcessMs: Math.round(s.info.startupMs), connectors: s.info.connectors });
    await stop(s.child);
  }
  await dropPrefix(`${prefix}:s${i}`);
}
const median = (xs: typeof fresh) => [...xs].sort((a, b) => a.wallMs - b.wallMs)[1]!;
const startup = median(fresh);
const restart = median(restarts);

const ratio = gateway.reqPerSec / baseline.reqPerSec;
const results = {
  date: new Date().toISOString(),
  machine: `${(await import('node:os')).cpus().length} cores, node ${process.version}`,
  connections: CONNECTIONS,
  durationSec: DURATION,
  baseline,
  gateway,
  ratio: Math.round(ratio * 1000) / 1000,
  atHalfPeak: { rate: halfRate, ...atHalf },
  startup,
  restart,
};
await writeFile(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const table = [
  '| measure | bare express (baseline) | gateway | ratio |',
  '| --- | --- | --- | --- |',
  `| lookup req/s (${CONNECTIONS} connections) | ${baseline.reqPerSec} | ${gateway.reqPerSec} | **${(ratio * 100).toFixed(0)} %** |`,
  `| p50 / p99 latency at peak (ms) | ${baseline.p50} / ${baseline.p99} | ${gateway.p50} / ${gateway.p99} | |`,
  `| p99 at half the gateway's peak (${halfRate} req/s) | | ${atHalf.p99} ms | |`,
  `| first start, spawn → ready (${startup.connectors} connectors, province seeded) | | ${startup.wallMs} ms (${startup.inProcessMs} ms in process) | |`,
  `| restart, spawn → ready (${restart.connectors} connectors) | | ${restart.wallMs} ms (${restart.inProcessMs} ms in process) | |`,
].join('\n');
console.log(`\n${table}\n`);
if (gateway.errors || gateway.non2xx) console.log(`warning: gateway run had ${gateway.errors} errors, ${gateway.non2xx} non-2xx`);

if (!values['no-readme']) {
  const readmePath = path.join(ROOT, 'README.md');
  const readme = await readFile(readmePath, 'utf8').catch(() => '');
  const block = `<!-- bench:start -->\nMeasured by \`npm run bench\` on ${results.machine}, ${results.date.slice(0, 10)}:\n\n${table}\n<!-- bench:end -->`;
  if (readme.includes('<!-- bench:start -->')) {
    await writeFile(readmePath, readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
    console.log('README.md figures updated');
  }
}
process.exit(0);
