import { Queue, QueueEvents, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logging.js';
import { addAndWait } from './await-job.js';
import type { GateJob, GateRunner } from '../rollout/service.js';
import type { GateResult } from '../rollout/store.js';

export const ROLLOUT_CHECKS = 'rollout-checks';

export type RolloutCheckJob =
  | ({ kind: 'gate' } & GateJob)
  | { kind: 'health'; province: string }
  | { kind: 'snapshot'; province: string };

export interface RolloutCheckHandlers {
  gate(job: GateJob, jobId: string): Promise<GateResult>;
  health(province: string): Promise<{ checked: number; ok: number }>;
  snapshot(province: string): Promise<void>;
}

export function createRolloutChecksQueue(connection: Redis, prefix: string): Queue<RolloutCheckJob> {
  return new Queue<RolloutCheckJob>(ROLLOUT_CHECKS, {
    connection: connection as ConnectionOptions,
    prefix,
    defaultJobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 200 }, removeOnComplete: 500, removeOnFail: 1000 },
  });
}

/** Health checks every `healthEveryMs` and the burn-up snapshot daily (00:05 Vietnam time), per province. */
export async function scheduleRolloutChecks(queue: Queue<RolloutCheckJob>, province: string, healthEveryMs: number): Promise<void> {
  await queue.upsertJobScheduler(`health:${province}`, { every: healthEveryMs }, { name: 'health', data: { kind: 'health', province } });
  await queue.upsertJobScheduler(`snapshot:${province}`, { pattern: '5 0 * * *', tz: 'Asia/Ho_Chi_Minh' }, { name: 'snapshot', data: { kind: 'snapshot', province } });
}

export function createRolloutChecksWorker(connection: Redis, prefix: string, handlers: RolloutCheckHandlers, logger: Logger): Worker<RolloutCheckJob> {
  const worker = new Worker<RolloutCheckJob>(
    ROLLOUT_CHECKS,
    async (job: Job<RolloutCheckJob>) => {
      const d = job.data;
      if (d.kind === 'gate') return handlers.gate({ province: d.province, connector: d.connector, target: d.target }, job.id ?? '');
      if (d.kind === 'health') return handlers.health(d.province);
      await handlers.snapshot(d.province);
      return { done: true };
    },
    { connection: connection as ConnectionOptions, prefix, concurrency: 4 },
  );
  worker.on('failed', (job, err) => logger.warn('rollout check failed', { jobId: job?.id, kind: job?.data.kind, error: err.message }));
  worker.on('error', (err) => logger.error('rollout-checks worker error', { error: err.message }));
  return worker;
}

/** A GateRunner that queues the evaluation and waits for a worker's answer (503 if none answers in time). */
export function queuedGateRunner(queue: Queue<RolloutCheckJob>, events: QueueEvents, waitMs: number): GateRunner {
  return async (job) => (await addAndWait<RolloutCheckJob, GateResult>(queue, 'gate', { kind: 'gate', ...job }, events, waitMs, { vi: 'kiểm tra bằng chứng', en: 'gate check' })).result;
}

/** Runs one health round now (besides the repeatable one) and waits for its counts. */
export function queuedHealthRunner(queue: Queue<RolloutCheckJob>, events: QueueEvents, waitMs: number) {
  return async (province: string) => (await addAndWait<RolloutCheckJob, { checked: number; ok: number }>(queue, 'health', { kind: 'health', province }, events, waitMs, { vi: 'kiểm tra vận hành', en: 'health check' })).result;
}

export function createRolloutChecksEvents(connection: Redis, prefix: string): QueueEvents {
  return new QueueEvents(ROLLOUT_CHECKS, { connection: connection as ConnectionOptions, prefix });
}
