import http from 'node:http';
import https from 'node:https';
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logging.js';
import type { LaneStore } from '../sync/webhooks/lanes.js';
import { SIGNATURE_HEADER, sign } from '../sync/webhooks/payload.js';
import type { Subscription, SubscriptionStore } from '../sync/webhooks/subscriptions.js';

export const STATUS_DELIVERY = 'status-delivery';

/** A job names a lane head: deliver the lane's delivery with this seq (if it is still the head). */
export interface DeliveryJob {
  laneId: string;
  seq: number;
}

export interface DeliveryPolicy {
  maxAttempts: number;
  backoffMs: number;
  timeoutMs: number;
}

const MAX_BACKOFF_MS = 600_000;

/** Exponential backoff with "equal jitter": half the doubled delay fixed, half random (no thundering herd). */
export function backoffDelay(attemptsMade: number, baseMs: number, random = Math.random): number {
  const exp = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

export function createStatusDeliveryQueue(connection: Redis, prefix: string, policy: DeliveryPolicy): Queue<DeliveryJob> {
  return new Queue<DeliveryJob>(STATUS_DELIVERY, {
    connection: connection as ConnectionOptions,
    prefix,
    // Completed jobs go at once: a lane's state lives in its sorted set, and a replayed head must be schedulable again.
    defaultJobOptions: { attempts: policy.maxAttempts, backoff: { type: 'jitter' }, removeOnComplete: true, removeOnFail: true },
  });
}

/** Schedules lane heads; the job id makes scheduling a head twice a no-op while it waits or runs. */
export async function scheduleHeads(queue: Queue<DeliveryJob>, heads: Array<{ laneId: string; seq: number }>): Promise<void> {
  if (!heads.length) return;
  await queue.addBulk(heads.map((h) => ({ name: 'deliver', data: h, opts: { jobId: `${h.laneId}|${h.seq}` } })));
}

class DeliveryError extends Error {}

// node:http with keep-alive costs a fraction of the CPU of fetch (undici) per request, which is the hot path here.
const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }) };

/** POSTs one delivery; resolves on a 2xx answer (whatever its body), throws otherwise or on timeout. */
export function post(sub: Subscription, body: string, headers: Record<string, string>, timeoutMs: number): Promise<void> {
  const url = new URL(sub.url);
  const proto = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = proto.request(url, {
      method: 'POST',
      agent: agents[url.protocol as 'http:' | 'https:'],
      timeout: timeoutMs,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'ndxp-sim-status-delivery/1',
        [SIGNATURE_HEADER]: sign(sub.secret, body, Math.floor(Date.now() / 1000)),
        ...headers,
      },
    }, (res) => {
      // Drain a small answer to keep the connection reusable; drop a large or garbage one.
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 65_536) res.destroy();
      });
      res.on('error', () => undefined);
      res.on('close', () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve();
        else reject(new DeliveryError(`HTTP ${status}`));
      });
    });
    const deadline = setTimeout(() => req.destroy(new DeliveryError(`timeout after ${timeoutMs} ms`)), timeoutMs);
    req.on('close', () => clearTimeout(deadline));
    req.on('timeout', () => req.destroy(new DeliveryError(`timeout after ${timeoutMs} ms`)));
    req.on('error', (e: Error & { code?: string }) => reject(e instanceof DeliveryError ? e : new DeliveryError(`${e.code ?? e.name}: ${e.message}`)));
    req.end(body);
  });
}

export interface DeliveryWorkerDeps {
  connection: Redis;
  prefix: string;
  queue: Queue<DeliveryJob>;
  lanes: LaneStore;
  subscriptions: SubscriptionStore;
  policy: DeliveryPolicy;
  logger: Logger;
  concurrency: number;
  /** How long a job may run before another worker takes it over (a killed worker's job is redone after this). */
  lockDurationMs?: number;
}

/**
 * Delivers lane heads, one job per head (job id = lane|seq, so a head never has two jobs at once and never two
 * deliveries in flight). Success → ack, and the lane's next seq gets its job. Failure → BullMQ retries with backoff
 * and jitter; the last failure moves the lane to the dead-letter list (its later events wait there, in order).
 */
export function createStatusDeliveryWorker(d: DeliveryWorkerDeps): Worker<DeliveryJob> {
  const deliverHead = async (job: Job<DeliveryJob>) => {
    const { laneId, seq } = job.data;
    const { delivery, head } = await d.lanes.head(laneId, seq);
    if (!delivery) {
      // Redone after a crash and the lane moved on: make sure its head has a job (the same id: a no-op if it has).
      if (head > seq) await scheduleHeads(d.queue, [{ laneId, seq: head }]);
      return 'stale';
    }
    const sub = await d.subscriptions.get(delivery.subscriptionId);
    if (sub) {
      try {
        await post(sub, delivery.body, {
          'Idempotency-Key': delivery.idempotencyKey,
          'X-NDXP-Event': delivery.event,
          'X-NDXP-Delivery-Attempt': String(job.attemptsMade + 1),
        }, d.policy.timeoutMs);
      } catch (e) {
        if (!(e instanceof DeliveryError)) throw e;
        if (job.attemptsMade + 1 < d.policy.maxAttempts) throw e;
        await d.lanes.deadLetter(laneId, delivery.clientId, { error: e.message, attempts: job.attemptsMade + 1, deadAt: new Date().toISOString() });
        d.logger.warn('webhook dead-lettered', { laneId, seq, error: e.message });
        return 'dead-lettered';
      }
    }
    // A deleted subscription's lane drains without sending.
    const next = await d.lanes.ack(laneId, seq);
    if (next > 0) await scheduleHeads(d.queue, [{ laneId, seq: next }]);
    return sub ? 'delivered' : 'dropped';
  };
  const worker = new Worker<DeliveryJob>(STATUS_DELIVERY, deliverHead, {
    connection: d.connection as ConnectionOptions,
    prefix: d.prefix,
    concurrency: d.concurrency,
    lockDuration: d.lockDurationMs ?? 30_000,
    stalledInterval: Math.max(1000, Math.floor((d.lockDurationMs ?? 30_000) / 2)),
    maxStalledCount: 1000,
    settings: { backoffStrategy: (attemptsMade: number) => backoffDelay(attemptsMade, d.policy.backoffMs) },
  });
  worker.on('error', (err) => d.logger.error('status-delivery worker error', { error: err.message }));
  return worker;
}
