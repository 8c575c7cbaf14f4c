/**
 * `npm run bench:sync`: status sync figures, on a redis-server of its own (AOF on, the product's embedded settings).
 *  1. Throughput: dossier status transitions per second from the central state change (DossierStore, as the central
 *     side makes it) to the webhook acknowledged by a local receiver, with 2 worker processes; then the p50/p99
 *     latency of that path at half that rate. Once with one event per webhook request, once with a subscription that
 *     takes batches (--batch, default 50 events per request).
 *  2. Memory: Redis memory per 100,000 central dossiers with their history (3 statuses each, LLTP-sized data, the
 *     events stream included) and per 100,000 DVCQG dossiers with a 6-step history.
 * Writes bench/sync-results.json. BENCH_PROF=<dir> writes a CPU profile of each worker there (node --cpu-prof).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { lltpLifecycle } from '../connectors/ly-lich-tu-phap/index.js';
import { loadDefaultRegistry } from '../src/app.js';
import { systemClock } from '../src/core/clock.js';
import { makeMaHoSo } from '../src/core/identifiers.js';
import { createLogger } from '../src/logging.js';
import { startEmbedded } from '../src/queue/redis.js';
import { WebhookReceiver } from '../src/simulate/receiver.js';
import { DossierStore } from '../src/sync/dossier-store.js';
import { DvcqgStore, type DvcqgHoSo } from '../src/sync/dvcqg/store.js';
import { SubscriptionStore } from '../src/sync/webhooks/subscriptions.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { dossiers: { type: 'string', default: '4000' }, memory: { type: 'string', default: '100000' }, only: { type: 'string' }, runs: { type: 'string', default: '3' }, batch: { type: 'string', default: '50' } } });
const BATCH = Number(values.batch);
const ONLY = values.only as 'throughput' | 'memory' | undefined;
const BURST_DOSSIERS = Number(values.dossiers);
const MEMORY_DOSSIERS = Number(values.memory);
const SECRET = 'bench-secret-0123456789abcdef';
const client = { id: 'tthc-an-giang', province: 'an-giang', sandbox: true, scopes: [] };

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ndxp-bench-sync-'));
const logger = createLogger('error', { silent: true });
const { url: redisUrl, child: redisChild } = await startEmbedded(dataDir, logger);
const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
const registry = await loadDefaultRegistry(ROOT);
const yeuCau = registry.get('ly-lich-tu-phap')!.operation('nopHoSoLLTP')!.example.body as Record<string, unknown>;
const data = { YeuCau: yeuCau, AnTich: [], ThoiGianTiepNhan: '20251201080000', NgayHenTra: '15/12/2025', LePhi: 200000 };
/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

function startWorker(prefix: string): ChildProcess {
  return spawn(process.execPath, [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : []), '--import', 'tsx', path.join(ROOT, 'src/main.ts'), '--role', 'workers'], {
    cwd: ROOT, stdio: 'ignore',
    env: { ...process.env, REDIS_URL: redisUrl, KEY_PREFIX: prefix, LOG_LEVEL: 'error', DATA_DIR: dataDir, WEBHOOK_CONCURRENCY: '64' },
  });
}

/** Runs the three moves of `n` dossiers through the store, `parallel` dossiers at a time, optionally paced. */
async function produce(store: DossierStore, from: number, n: number, opts: { parallel: number; perSec?: number }) {
  const t0 = performance.now();
  let next = 0;
  const one = async (i: number) => {
    const d = await store.create('ly-lich-tu-phap', client, undefined, { lifecycle: 'lltp', agencyCode: '000.00.14.H01', maHoSo: makeMaHoSo(`000.00.${String(10 + Math.floor((from + i) / 9999)).padStart(2, '0')}.H01`, new Date(), ((from + i) % 9999) + 1), data });
    await store.transition('ly-lich-tu-phap', d.maHoSo, '4', 'central');
    await store.transition('ly-lich-tu-phap', d.maHoSo, i % 2 ? '5' : '7', 'central');
  };
  await Promise.all(Array.from({ length: opts.parallel }, async () => {
    for (let i = next++; i < n; i = next++) {
      if (opts.perSec) {
        const due = t0 + ((i * 3) / opts.perSec) * 1000;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      await one(i);
    }
  }));
}

async function waitFor(cond: () => boolean, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for deliveries');
    await new Promise((r) => setTimeout(r, 20));
  }
}

// ---- 1. throughput and latency -------------------------------------------------------------------------------------
async function throughputRun(run: number, batchSize: number) {
  const prefix = `bench-sync-${batchSize}-${run}`;
  const store = new DossierStore(redis, prefix, () => lltpLifecycle, systemClock(1), async () => undefined);
  const receiver = new WebhookReceiver(SECRET);
  const latencies: number[] = [];
  let measure = false;
  receiver.onApplied = (b) => {
    if (measure) latencies.push(Date.now() - Date.parse(b.at));
  };
  const receiverUrl = await receiver.start();
  await new SubscriptionStore(redis, prefix).create({ clientId: client.id, province: client.province, url: receiverUrl, secret: SECRET, connectors: [], events: [], ...(batchSize > 1 ? { batchSize } : {}) }, new Date(Date.now() - 1000));
  const workers = [startWorker(prefix), startWorker(prefix)];
  await new Promise((r) => setTimeout(r, 4000)); // both workers up (tsx + registry)

  // Warm-up, then the burst: as many transitions as the central side can make, all delivered and acknowledged.
  await produce(store, 0, 300, { parallel: 50 });
  await waitFor(() => receiver.appliedCount >= 900, 60_000);
  const pids = { workers: workers.map((w) => w.pid!), redis: redisChild.pid!, self: process.pid };
  const cpuOf = () => ({ workers: pids.workers.reduce((n, p) => n + cpuMs(p), 0), redis: cpuMs(pids.redis), self: cpuMs(pids.self) });
  const cpu0 = cpuOf();
  const load0 = os.loadavg()[0]!;
  const burstStart = performance.now();
  const before = receiver.appliedCount;
  await produce(store, 300, BURST_DOSSIERS, { parallel: 200 });
  const producedMs = performance.now() - burstStart;
  await waitFor(() => receiver.appliedCount >= before + BURST_DOSSIERS * 3, 300_000);
  const burstMs = performance.now() - burstStart;
  const throughput = Math.round((BURST_DOSSIERS * 3) / (burstMs / 1000));
  const cpu1 = cpuOf();
  const n = BURST_DOSSIERS * 3;
  // CPU cost per transition, end to end: the 2 workers (dispatch + delivery), Redis, and this process (the central
  // side's moves and the receiver). On a loaded machine wall-clock throughput says little; CPU per transition does.
  const cpuPer = {
    workersMs: Math.round(((cpu1.workers - cpu0.workers) / n) * 1000) / 1000,
    redisMs: Math.round(((cpu1.redis - cpu0.redis) / n) * 1000) / 1000,
    producerAndReceiverMs: Math.round(((cpu1.self - cpu0.self) / n) * 1000) / 1000,
  };
  const cpuTotal = cpuPer.workersMs + cpuPer.redisMs + cpuPer.producerAndReceiverMs;
  const projected = Math.round((os.cpus().length * 1000) / cpuTotal);
  const loadAvg = Math.round(((load0 + os.loadavg()[0]!) / 2) * 10) / 10;
  console.log(`  burst: ${n} transitions produced in ${(producedMs / 1000).toFixed(2)} s, all acknowledged in ${(burstMs / 1000).toFixed(2)} s → ${throughput} transitions/s (machine load average ${loadAvg})`);
  console.log(`  CPU per transition: workers ${cpuPer.workersMs} ms, Redis ${cpuPer.redisMs} ms, central side + receiver ${cpuPer.producerAndReceiverMs} ms → ${projected} transitions/s if ${os.cpus().length} idle cores were all ours`);

  // Latency at half that rate (steady state, no backlog).
  const rate = Math.max(50, Math.round(throughput / 2));
  const paced = Math.min(BURST_DOSSIERS, Math.round((rate * 8) / 3));
  measure = true;
  const before2 = receiver.appliedCount;
  await produce(store, 300 + BURST_DOSSIERS, paced, { parallel: 100, perSec: rate });
  await waitFor(() => receiver.appliedCount >= before2 + paced * 3, 120_000);
  measure = false;
  latencies.sort((a, b) => a - b);
  const latency = { rate, samples: latencies.length, p50: pct(latencies, 50), p90: pct(latencies, 90), p99: pct(latencies, 99), max: latencies[latencies.length - 1] };
  console.log(`  at ${rate} transitions/s: state change → acknowledged webhook p50 ${latency.p50} ms, p99 ${latency.p99} ms (${latency.samples} samples)`);
  console.log(`  receiver: ${receiver.requests} requests, ${receiver.appliedCount} applied, ${receiver.duplicates} duplicates, ${receiver.outOfOrder} out of order`);
  // Workers stop while their Redis is still up (a clean close), before the memory part flushes it.
  await Promise.all(workers.map((w) => new Promise((r) => { w.once('exit', r); w.kill('SIGTERM'); })));
  await receiver.close();
  return { loadAverage: loadAvg, burst: { transitions: n, seconds: Math.round(burstMs) / 1000, transitionsPerSec: throughput, cpuMsPerTransition: cpuPer, projectedOnIdleCores: projected }, latency };
}

/** Runs vary ±15 % on 2 shared cores: the figures are the run with the median throughput, with every run's rate. */
async function throughputRuns(n: number, batchSize: number) {
  const runs = [];
  for (let i = 1; i <= n; i++) {
    console.log(`  ${batchSize > 1 ? `batches of up to ${batchSize} events per request` : 'one event per request'}: run ${i}/${n}`);
    runs.push(await throughputRun(i, batchSize));
  }
  const sorted = [...runs].sort((a, b) => a.burst.transitionsPerSec - b.burst.transitionsPerSec);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  console.log(`  median of ${n} runs: ${median.burst.transitionsPerSec} transitions/s (runs: ${runs.map((r) => r.burst.transitionsPerSec).join(', ')})`);
  return { ...median, runs: runs.map((r) => r.burst.transitionsPerSec) };
}

// ---- 2. memory -----------------------------------------------------------------------------------------------------
async function memoryRun() {
  await redis.flushall();
  const used = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
  const memStore = new DossierStore(redis, 'mem', () => lltpLifecycle, systemClock(1), async () => undefined);
  const m0 = await used();
  await produce(memStore, 0, MEMORY_DOSSIERS, { parallel: 300 });
  const m1 = await used();
  const streamBytes = Number(await redis.memory('USAGE', 'mem:dossier-events'));
  const dvcqg = new DvcqgStore(redis, 'mem');
  const m2 = await used();
  const now = new Date().toISOString();
  for (let i = 0; i < MEMORY_DOSSIERS; i += 1000) {
    await Promise.all(Array.from({ length: Math.min(1000, MEMORY_DOSSIERS - i) }, (_, j) => {
      const ma = makeMaHoSo(`000.00.${String(30 + Math.floor((i + j) / 9999)).padStart(2, '0')}.H01`, new Date(), ((i + j) % 9999) + 1);
      const steps = ['1', '2', '4', '4', '9', '10'];
      const rec: DvcqgHoSo = {
        MaHoSo: ma, province: 'an-giang', clientId: client.id, TrangThaiHoSo: '10', seq: 6, createdAt: now, updatedAt: now,
        hoSo: { MaTTHC: '2.000488', TenTTHC: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', MaDonVi: '000.00.31.H01', KenhThucHien: '2', LoaiDoiTuong: '1', ChuHoSo: 'Nguyễn Thị Hồng Nhung', SoDienThoai: '0912345678', NgayTiepNhan: '20250312080000', NgayHenTra: '20250326170000', TaiLieuNop: [{ TenTaiLieu: 'Tờ khai' }], DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '089190004321' }] },
        history: steps.map((to, k) => ({ seq: k + 1, kind: k ? 'CapNhatTienDoHoSoMC' : 'DongBoHoSoMC', from: k ? steps[k - 1]! : null, to, at: now, ...(k ? { ThoiDiemXuLy: '20250313090000', NguoiXuLy: 'Trần Văn Bình', ChucDanh: 'Chuyên viên', PhongBanXuLy: 'Bộ phận Một cửa', NoiDungXuLy: 'Đang xử lý (hệ thống trung ương)' } : {}) })),
        digests: steps.map((_, k) => `d${k}xxxxxxxxxxxxxx`),
      };
      return dvcqg.save(rec, 0);
    }));
  }
  const m3 = await used();
  const per100k = (bytes: number) => Math.round((bytes / MEMORY_DOSSIERS) * 100_000 / 1_048_576);
  const memory = {
    dossiers: MEMORY_DOSSIERS,
    centralMiBPer100k: per100k(m1 - m0),
    centralEventsStreamMiBPer100k: per100k(streamBytes),
    dvcqgMiBPer100k: per100k(m3 - m2),
    projected1MGiB: Math.round((((m1 - m0) + (m3 - m2)) / MEMORY_DOSSIERS) * 1_000_000 / 1_073_741_824 * 100) / 100,
  };
  console.log(`  memory per 100,000 dossiers: central with 3-status history ${memory.centralMiBPer100k} MiB (of which the events stream ${memory.centralEventsStreamMiBPer100k} MiB), DVCQG with 6-step history ${memory.dvcqgMiBPer100k} MiB; 1 million of both ≈ ${memory.projected1MGiB} GiB`);
  return { memory };
}

console.log(`status sync benchmark: ${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`);
const results = {
  ...(ONLY !== 'memory' ? await throughputRuns(Number(values.runs), 1) : {}),
  // The same path for a receiver that takes batches (subscription batchSize): one request acknowledges many events.
  ...(ONLY !== 'memory' ? { batched: { batchSize: BATCH, ...(await throughputRuns(Number(values.runs), BATCH)) } } : {}),
  ...(ONLY !== 'throughput' ? await memoryRun() : {}),
};
// A partial run (--only) keeps the other part's last figures.
const resultsFile = path.join(ROOT, 'bench', 'sync-results.json');
const previous = (() => {
  try {
    return JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
})();
await writeFile(resultsFile, `${JSON.stringify({
  ...previous, date: new Date().toISOString(), machine: `${os.cpus().length} cores, node ${process.version}`, workers: 2, ...results,
}, null, 2)}\n`);
redis.disconnect();
redisChild.kill('SIGTERM');
await new Promise((r) => redisChild.once('exit', r));
await rm(dataDir, { recursive: true, force: true });
process.exit(0);
