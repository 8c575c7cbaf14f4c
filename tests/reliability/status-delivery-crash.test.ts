import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lltpLifecycle } from '../../connectors/ly-lich-tu-phap/index.js';
import { loadDefaultRegistry } from '../../src/app.js';
import { ROOT_DIR } from '../../src/config.js';
import { systemClock } from '../../src/core/clock.js';
import { makeMaHoSo } from '../../src/core/identifiers.js';
import { WebhookReceiver, type ReceiverFault } from '../../src/simulate/receiver.js';
import { DossierStore } from '../../src/sync/dossier-store.js';
import { LaneStore } from '../../src/sync/webhooks/lanes.js';
import { SubscriptionStore } from '../../src/sync/webhooks/subscriptions.js';
import { eventually, uniquePrefix } from '../helpers/sim.js';
import { freePort, OwnRedis, WorkerProcess } from '../helpers/processes.js';

/**
 * Crash test of status delivery: 2 worker processes, one killed with SIGKILL in the middle of deliveries (the
 * dispatcher's leader, so the other takes over), the receiver failing for a while, the Redis server killed and
 * restarted from its AOF. Afterwards every event must have been applied exactly once, in order per dossier.
 */
const SECRET = 'reliability-secret-0123456789';
const PER_PHASE = 40;
const client = { id: 'tthc-an-giang', province: 'an-giang', sandbox: true, scopes: [] };
const prefix = uniquePrefix('crash');
let ownRedis: OwnRedis;
let redis: Redis;
let receiver: WebhookReceiver;
let store: DossierStore;
let lanes: LaneStore;
let exampleYeuCau: Record<string, unknown>;
const workers: WorkerProcess[] = [];
let workerEnv: Record<string, string>;
let faultMode: ReceiverFault = 'ok';
let made = 0;

beforeAll(async () => {
  ownRedis = new OwnRedis(await freePort());
  await ownRedis.start();
  redis = new Redis(ownRedis.url, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined); // while the server is down on purpose; commands wait for the reconnect
  const registry = await loadDefaultRegistry(ROOT_DIR);
  exampleYeuCau = registry.get('ly-lich-tu-phap')!.operation('nopHoSoLLTP')!.example.body as Record<string, unknown>;
  // The central side is driven from here (no delayed steps): each dossier goes 3 → 4 → 5 (certificate) or 7 (refused).
  store = new DossierStore(redis, prefix, () => lltpLifecycle, systemClock(1), async () => undefined);
  lanes = new LaneStore(redis, prefix);
  receiver = new WebhookReceiver(SECRET);
  receiver.fault = () => faultMode;
  const url = await receiver.start();
  await new SubscriptionStore(redis, prefix).create({ clientId: client.id, province: client.province, url, secret: SECRET, connectors: [], events: [] }, new Date(Date.now() - 1000));
  workerEnv = {
    REDIS_URL: ownRedis.url, KEY_PREFIX: prefix, LOG_LEVEL: 'error', DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'ndxp-w-')),
    WEBHOOK_MAX_ATTEMPTS: '40', WEBHOOK_BACKOFF_MS: '50', WEBHOOK_TIMEOUT_MS: '1000', WEBHOOK_LOCK_MS: '2000', WEBHOOK_CONCURRENCY: '16',
  };
  workers.push(new WorkerProcess(workerEnv), new WorkerProcess(workerEnv));
  // Ready when one of them leads the dispatcher (start-up compiles every schema: slow on a busy machine).
  expect(await eventually(async () => !!(await redis.get(`${prefix}:wh:dispatcher-lock`)), 60_000, 200)).toBe(true);
}, 90_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await receiver.close();
  redis.disconnect();
  await ownRedis.stop();
  rmSync(workerEnv.DATA_DIR!, { recursive: true, force: true });
});

/** Creates `n` dossiers and moves each through its three statuses (interleaved across dossiers). */
async function produce(n: number): Promise<void> {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    made++;
    const d = await store.create('ly-lich-tu-phap', client, undefined, {
      lifecycle: 'lltp', agencyCode: '000.00.14.H01', maHoSo: makeMaHoSo('000.00.14.H01', new Date(), made),
      data: { YeuCau: exampleYeuCau, AnTich: [], ThoiGianTiepNhan: '20251201080000', NgayHenTra: '15/12/2025', LePhi: 200000 },
    });
    codes.push(d.maHoSo);
  }
  for (const c of codes) await store.transition('ly-lich-tu-phap', c, '4', 'central');
  for (const [i, c] of codes.entries()) await store.transition('ly-lich-tu-phap', c, i % 4 === 0 ? '7' : '5', 'central');
}

describe('status delivery survives crashes (real Redis, workers in child processes)', () => {
  it('applies every event exactly once, in order per dossier, none lost', async () => {
    const counts: Record<string, number | string> = {};
    // 1. kill -9 the dispatcher's leader while deliveries are in flight at a slow receiver.
    faultMode = 'slow';
    await produce(PER_PHASE);
    expect(await eventually(async () => receiver.appliedCount >= 20 && receiver.inFlight >= 4, 30_000)).toBe(true);
    const leaderPid = Number((await redis.get(`${prefix}:wh:dispatcher-lock`))?.split('-')[0]);
    const victim = workers.find((w) => w.pid === leaderPid) ?? workers[0]!;
    counts.inFlightAtKill = receiver.inFlight;
    counts.appliedAtKill = receiver.appliedCount;
    await victim.kill9();
    workers.push(new WorkerProcess(workerEnv));
    faultMode = 'ok';

    // 2. The receiver fails (503 and garbage) for a while; events keep coming.
    const failStart = receiver.failedOnPurpose;
    faultMode = 'fail';
    await produce(PER_PHASE);
    // Each fault lasts at least its time AND until the receiver has actually refused something (a loaded machine may
    // deliver nothing in a fixed window right after the worker respawn).
    await new Promise((r) => setTimeout(r, 1500));
    await eventually(async () => receiver.failedOnPurpose > failStart, 30_000, 50);
    const garbageStart = receiver.failedOnPurpose;
    faultMode = 'garbage';
    await new Promise((r) => setTimeout(r, 500));
    await eventually(async () => receiver.failedOnPurpose > garbageStart, 30_000, 50);
    faultMode = 'ok';
    counts.receiverFailures = receiver.failedOnPurpose - failStart;

    // 3. Redis killed (SIGKILL) and restarted from its AOF in the middle of deliveries.
    await produce(PER_PHASE);
    counts.appliedBeforeRedisKill = receiver.appliedCount;
    await ownRedis.restart(800);
    await produce(PER_PHASE);

    const expected = PER_PHASE * 4 * 3;
    await eventually(async () => receiver.appliedCount >= expected && (await lanes.pendingCount()) === 0, 60_000, 200);
    Object.assign(counts, {
      dossiers: made, eventsProduced: expected, requests: receiver.requests, applied: receiver.appliedCount,
      duplicatesDeduplicated: receiver.duplicates, outOfOrder: receiver.outOfOrder, badSignatures: receiver.badSignatures,
      pendingLanes: await lanes.pendingCount(), deadLetters: (await lanes.deadLetters(client.id)).length,
    });
    console.log('status-delivery crash test counts', counts);

    expect(counts.receiverFailures as number).toBeGreaterThan(0);
    expect(receiver.appliedCount).toBe(expected);
    expect(receiver.outOfOrder).toBe(0);
    expect(receiver.badSignatures).toBe(0);
    expect(counts.pendingLanes).toBe(0);
    expect(counts.deadLetters).toBe(0);
    expect(receiver.byDossier.size).toBe(made);
    for (const [dossier, seqs] of receiver.byDossier) expect(seqs, dossier).toEqual([1, 2, 3]);
    const results = [...receiver.applied.values()].filter((b) => b.to === '5');
    expect(results.length).toBe(made - Math.ceil(PER_PHASE / 4) * 4);
    for (const b of results) expect(b.result).toHaveProperty('SoPhieu');
  }, 120_000);
});
