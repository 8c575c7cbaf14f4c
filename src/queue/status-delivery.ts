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
export async function scheduleHeads(queue: Queue<DeliveryJob>, heads: Array<{ laneId: string; seq: number }>, delayMs = 0): Promise<void> {
  if (!heads.length) return;
  await queue.addBulk(heads.map((h) => ({ name: 'deliver', data: h, opts: { jobId: `${h.laneId}|${h.seq}`, ...(delayMs ? { delay: delayMs } : {}) } })));
}

class DeliveryError extends Error {}

/** POSTs one delivery; resolves on a 2xx answer (whatever its body), throws otherwise or on timeout. */
export async function post(sub: Subscription, body: string, headers: Record<string, string>, timeoutMs: number): Promise<void> {
  let res: globalThis.Response;
  try {
    res = await fetch(sub.url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'ndxp-sim-status-delivery/1',
        [SIGNATURE_HEADER]: sign(sub.secret, body, Math.floor(Date.now() / 1000)),
        ...headers,
      },
    });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    throw new DeliveryError(err.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : `${err.cause?.code ?? err.name}: ${err.message}`);
  }
  // Read a small answer to keep the connection reusable; drop a large or garbage one.
  const len = Number(res.headers.get('content-length') ?? '0');
  if (len <= 65_536) await res.arrayBuffer().catch(() => undefined);
  else await res.body?.cancel().catch(() => undefined);
  if (res.status < 200 || res.status >= 300) throw new DeliveryError(`HTTP ${res.status}`);
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

/** Deliveries one job may make down its lane before handing over (a busy dossier must not hold a slot for long). */
const RUN_LENGTH = 20;

/**
 * Delivers lane heads. Success → ack, and the lane's next delivery follows in the same job (up to RUN_LENGTH, then a
 * job of its own). Failure → BullMQ retries with backoff and jitter; the last failure moves the lane to the
 * dead-letter list (its later events wait there, in order, for a replay).
 */
export function createStatusDeliveryWorker(d: DeliveryWorkerDeps): Worker<DeliveryJob> {
  const deliverHead = async (job: Job<DeliveryJob>) => {
    const { laneId } = job.data;
    let seq = job.data.seq;
    for (let run = 0; ; run++) {
      const delivery = await d.lanes.head(laneId, seq);
      if (!delivery) return run ? 'delivered' : 'stale';
      const sub = await d.subscriptions.get(delivery.subscriptionId);
      if (sub) {
        try {
          await post(sub, delivery.body, {
            'Idempotency-Key': delivery.idempotencyKey,
            'X-NDXP-Event': delivery.event,
            'X-NDXP-Delivery-Attempt': String(run ? 1 : job.attemptsMade + 1),
          }, d.policy.timeoutMs);
        } catch (e) {
          if (!(e instanceof DeliveryError)) throw e;
          // A later delivery of the run failed: it gets a job of its own, with its own tries and backoff.
          if (run) {
            await scheduleHeads(d.queue, [{ laneId, seq }], d.policy.backoffMs);
            return 'handed-over';
          }
          if (job.attemptsMade + 1 < d.policy.maxAttempts) throw e;
          await d.lanes.deadLetter(laneId, delivery.clientId, { error: e.message, attempts: job.attemptsMade + 1, deadAt: new Date().toISOString() });
          d.logger.warn('webhook dead-lettered', { laneId, seq, error: e.message });
          return 'dead-lettered';
        }
      }
      // A deleted subscription's lane drains without sending.
      const next = await d.lanes.ack(laneId, seq);
      if (next <= 0) return 'delivered';
      if (run + 1 >= RUN_LENGTH) {
        await scheduleHeads(d.queue, [{ laneId, seq: next }]);
        return 'handed-over';
      }
      seq = next;
    }
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
