import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logging.js';
import pLimit from 'p-limit';
import type { Delivery, LaneStore } from '../sync/webhooks/lanes.js';
import { SIGNATURE_HEADER, sign } from '../sync/webhooks/payload.js';
import type { Subscription, SubscriptionStore } from '../sync/webhooks/subscriptions.js';

export const STATUS_DELIVERY = 'status-delivery';

/**
 * A job names lanes to work on: `deliver` (many lanes, each delivered from its head on, as far as it goes) or `retry`
 * (one lane whose head failed, tried again with backoff; its `attempt` counts the tries before this job).
 */
export interface DeliveryJob {
  lanes: string[];
}

/** Lanes per `deliver` job: enough to spread BullMQ's cost per job over many deliveries, few enough to share the work. */
export const LANES_PER_JOB = 50;

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

export function createStatusDeliveryQueue(connection: Redis, prefix: string): Queue<DeliveryJob> {
  return new Queue<DeliveryJob>(STATUS_DELIVERY, {
    connection: connection as ConnectionOptions,
    prefix,
    // Completed jobs go at once: a lane's state lives in Redis next to it (lanes.ts), not in the job.
    defaultJobOptions: { removeOnComplete: true, removeOnFail: true },
  });
}

/**
 * Schedules lanes for delivery, LANES_PER_JOB to a job. Scheduling a lane that is already in someone's hands costs one
 * skipped claim, so the dispatcher, the sweeper and a replay never need to know whether a lane has a job.
 */
export async function scheduleLanes(queue: Queue<DeliveryJob>, laneIds: string[]): Promise<void> {
  if (!laneIds.length) return;
  const jobs = [];
  for (let i = 0; i < laneIds.length; i += LANES_PER_JOB) {
    // A batch that fails as a whole (Redis gone) is redone; its lanes keep their claims under the job's token.
    jobs.push({ name: 'deliver', data: { lanes: laneIds.slice(i, i + LANES_PER_JOB) }, opts: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } } });
  }
  await queue.addBulk(jobs);
}

class DeliveryError extends Error {}

const BATCH_OPEN = Buffer.from('{"events":[');
const BATCH_COMMA = Buffer.from(',');
const BATCH_CLOSE = Buffer.from(']}');

/** `{"events":[<body>,<body>…]}` from the bodies as they were built at dispatch. */
function batchBody(deliveries: Delivery[]): Buffer {
  const parts: Buffer[] = [BATCH_OPEN];
  deliveries.forEach((dl, i) => parts.push(...(i ? [BATCH_COMMA, dl.body] : [dl.body])));
  parts.push(BATCH_CLOSE);
  return Buffer.concat(parts);
}

/** A batch's key: the same events in the same order give the same key (each event also carries its own `id`). */
const batchKey = (deliveries: Delivery[]) =>
  `batch:${createHash('sha256').update(deliveries.map((dl) => dl.idempotencyKey).join('\n')).digest('hex').slice(0, 32)}`;

// node:http with keep-alive costs a fraction of the CPU of fetch (undici) per request, which is the hot path here.
const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }) };

// Subscription URLs parsed once (a few per province), not once per delivery.
const urls = new Map<string, URL>();
function parsedUrl(raw: string): URL {
  let url = urls.get(raw);
  if (!url) {
    if (urls.size > 1000) urls.clear();
    urls.set(raw, (url = new URL(raw)));
  }
  return url;
}

/** POSTs one delivery; resolves on a 2xx answer (whatever its body), throws otherwise or on timeout. */
export function post(sub: Subscription, body: string | Buffer, headers: Record<string, string>, timeoutMs: number): Promise<void> {
  const url = parsedUrl(sub.url);
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
  /** Webhook requests in flight at once in this process. */
  concurrency: number;
  /** How long a job may run before another worker takes it over (a killed worker's job is redone after this). */
  lockDurationMs?: number;
  /** How long one job goes on delivering lanes before handing the rest to a new job. */
  jobBudgetMs?: number;
}

const tokenOf = (job: Job<DeliveryJob>) => `${job.name}:${job.id}`;

/**
 * Delivers lanes. A job claims its lanes (a lane already claimed is someone else's: skipped), sends each lane's head
 * and, on the receiver's 2xx, acknowledges it and goes on with the lane's next delivery, so a busy dossier costs one job,
 * not one per event. A failed delivery hands its lane to a `retry` job of its own (BullMQ backoff with jitter), which
 * holds the lane's claim until it succeeds and goes on, or dead-letters the lane (its later events wait there, in order).
 */
export function createStatusDeliveryWorker(d: DeliveryWorkerDeps): Worker<DeliveryJob> {
  const lockMs = d.lockDurationMs ?? 30_000;
  // A claim outlives the slowest answer we wait for, so a live chain never loses its lane mid-request.
  const claimMs = Math.max(lockMs, 2 * d.policy.timeoutMs);
  const inFlight = pLimit(d.concurrency);
  const retryId = (laneId: string, seq: number) => `retry|${laneId}|${seq}`;
  // A retry job holds the lane through its backoff: claim long enough for the longest next wait, plus the lock.
  const retryHoldMs = (attemptsMade: number) => Math.min(MAX_BACKOFF_MS, d.policy.backoffMs * 2 ** Math.max(0, attemptsMade)) + claimMs;

  /**
   * Sends deliveries of one subscription in one request: the event itself, or `{"events": [...]}` for a subscription
   * that takes batches (the bodies are joined as they are, not parsed again). Null when the receiver acknowledged it
   * (or the subscription is gone: its lanes drain without sending), else the error.
   */
  const send = async (sub: Subscription | null, deliveries: Delivery[], attempt: number): Promise<DeliveryError | null> => {
    if (!sub) return null;
    const batched = (sub.batchSize ?? 1) > 1;
    const first = deliveries[0]!;
    const body = batched ? batchBody(deliveries) : first.body;
    const headers: Record<string, string> = batched
      ? { 'Idempotency-Key': batchKey(deliveries), 'X-NDXP-Event': 'batch', 'X-NDXP-Batch-Size': String(deliveries.length) }
      : { 'Idempotency-Key': first.idempotencyKey, 'X-NDXP-Event': first.event };
    try {
      await inFlight(() => post(sub, body, { ...headers, 'X-NDXP-Delivery-Attempt': String(attempt) }, d.policy.timeoutMs));
      return null;
    } catch (e) {
      if (e instanceof DeliveryError) return e;
      throw e;
    }
  };

  const deadLetter = async (delivery: Delivery, error: DeliveryError, attempts: number) => {
    await d.lanes.deadLetter(delivery.laneId, delivery.clientId, { error: error.message, attempts, deadAt: new Date().toISOString() });
    d.logger.warn('webhook dead-lettered', { laneId: delivery.laneId, seq: delivery.seq, error: error.message });
  };

  /** A first try failed: the lane goes to a retry job of its own, which takes over the claim. */
  const retryLater = async (delivery: Delivery, error: DeliveryError, token: string) => {
    if (d.policy.maxAttempts <= 1) return deadLetter(delivery, error, 1);
    const jobId = retryId(delivery.laneId, delivery.seq);
    if (!(await d.lanes.handOver(delivery.laneId, token, `retry:${jobId}`, retryHoldMs(0)))) return;
    await d.queue.add('retry', { lanes: [delivery.laneId] }, {
      jobId, delay: backoffDelay(1, d.policy.backoffMs), attempts: d.policy.maxAttempts - 1, backoff: { type: 'jitter' },
    });
  };

  /** Works one lane from `first` on, until it is empty, fails, or the job's time is up. */
  const chain = async (job: Job<DeliveryJob>, token: string, sub: Subscription | null, first: Delivery, deadline: number): Promise<void> => {
    let delivery = first;
    let attempt = job.name === 'retry' ? job.attemptsMade + 2 : 1;
    for (;;) {
      const error = await send(sub, [delivery], attempt);
      if (error) {
        if (attempt === 1) return retryLater(delivery, error, token);
        if (attempt >= d.policy.maxAttempts) return deadLetter(delivery, error, attempt);
        await d.lanes.extendClaim(delivery.laneId, token, retryHoldMs(job.attemptsMade + 1));
        throw error; // BullMQ tries this retry job again after its backoff
      }
      const outcome = await d.lanes.ack(delivery.laneId, delivery.seq, token, { keep: Date.now() < deadline, ttlMs: claimMs });
      if (!outcome) return;
      if ('schedule' in outcome) return scheduleLanes(d.queue, [delivery.laneId]);
      delivery = outcome.next;
      attempt = 1;
    }
  };

  /**
   * Works lanes of a batching subscription together: one request carries the head of each (so a dossier still has
   * one event in flight, in order); the lanes that go on make the next request. A failed request hands each of its
   * lanes to a retry job of its own.
   */
  const batchChain = async (token: string, sub: Subscription, heads: Delivery[], deadline: number): Promise<void> => {
    const size = sub.batchSize ?? 1;
    const run = async (batch: Delivery[]): Promise<void> => {
      const error = await send(sub, batch, 1);
      if (error) {
        await Promise.all(batch.map((dl) => retryLater(dl, error, token)));
        return;
      }
      const keep = Date.now() < deadline;
      const outcomes = await d.lanes.ackMany(batch, token, { keep, ttlMs: claimMs });
      const next: Delivery[] = [];
      const released: string[] = [];
      outcomes.forEach((o, i) => {
        if (o && 'next' in o) next.push(o.next);
        else if (o) released.push(batch[i]!.laneId);
      });
      await scheduleLanes(d.queue, released);
      if (next.length) await run(next);
    };
    const batches = [];
    for (let i = 0; i < heads.length; i += size) batches.push(heads.slice(i, i + size));
    await Promise.all(batches.map(run));
  };

  const work = async (job: Job<DeliveryJob>) => {
    const token = tokenOf(job);
    const deadline = Date.now() + (d.jobBudgetMs ?? 10_000);
    // A job queued by an earlier version named one lane head ({ laneId, seq }).
    const laneIds = job.data.lanes ?? [(job.data as unknown as { laneId: string }).laneId].filter(Boolean);
    const claimed = await d.lanes.claim(laneIds, token, claimMs);
    const subs = new Map(await Promise.all([...new Set(claimed.map((c) => c.delivery.subscriptionId))].map(async (id) => [id, await d.subscriptions.get(id)] as const)));
    // A retry job tries its one lane alone; a deliver job sends a batching subscription's lanes together.
    const chains: Array<Promise<void>> = [];
    const batches = new Map<Subscription, Delivery[]>();
    for (const { delivery } of claimed) {
      const sub = subs.get(delivery.subscriptionId) ?? null;
      if (sub && job.name === 'deliver' && (sub.batchSize ?? 1) > 1) batches.set(sub, [...(batches.get(sub) ?? []), delivery]);
      else chains.push(chain(job, token, sub, delivery, deadline));
    }
    for (const [sub, heads] of batches) chains.push(batchChain(token, sub, heads, deadline));
    const results = await Promise.allSettled(chains);
    // One lane's failure must not cut the others short: all chains ran; now the job fails (and is retried) if any did.
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return { lanes: laneIds.length, claimed: claimed.length };
  };

  const worker = new Worker<DeliveryJob>(STATUS_DELIVERY, work, {
    connection: d.connection as ConnectionOptions,
    prefix: d.prefix,
    // A job waits for its slowest lane (a hanging receiver: up to the timeout), so as many jobs as requests may run;
    // the webhook requests themselves are bounded by `inFlight`.
    concurrency: d.concurrency,
    lockDuration: lockMs,
    stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
    maxStalledCount: 1000,
    settings: { backoffStrategy: (attemptsMade: number) => backoffDelay(attemptsMade + 1, d.policy.backoffMs) },
  });
  worker.on('error', (err) => d.logger.error('status-delivery worker error', { error: err.message }));
  return worker;
}
