import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logging.js';
import type { DossierStore, ProgressJob } from '../sync/dossier-store.js';

export const DOSSIER_PROGRESS = 'dossier-progress';

/** Delayed jobs that advance central-side state machines ("the ministry processes the dossier over minutes"). */
export function createDossierProgressQueue(connection: Redis, prefix: string): Queue<ProgressJob> {
  return new Queue<ProgressJob>(DOSSIER_PROGRESS, {
    connection: connection as ConnectionOptions,
    prefix,
    defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: 1000, removeOnFail: 5000 },
  });
}

/** Schedules a step; the job id makes planning the same step twice a no-op. */
export function progressScheduler(queue: Queue<ProgressJob>) {
  return async (job: ProgressJob, delayMs: number) => {
    await queue.add('step', job, { delay: delayMs, jobId: `${job.connectorId}|${job.maHoSo}|${job.seq}|${job.to}` });
  };
}

/** The worker applies a step only if the dossier is still where the step was planned from (idempotent). */
export function createDossierProgressWorker(
  connection: Redis,
  prefix: string,
  store: DossierStore,
  logger: Logger,
  concurrency = 20,
): Worker<ProgressJob> {
  const worker = new Worker<ProgressJob>(
    DOSSIER_PROGRESS,
    async (job) => {
      const { connectorId, maHoSo, from, to, seq } = job.data;
      const next = await store.transition(connectorId, maHoSo, to, 'central', { expectFrom: from, expectSeq: seq });
      return next ? { applied: true, seq: next.seq } : { applied: false };
    },
    { connection: connection as ConnectionOptions, prefix, concurrency },
  );
  worker.on('failed', (job, err) => logger.warn('dossier step failed', { jobId: job?.id, error: err.message }));
  worker.on('error', (err) => logger.error('dossier-progress worker error', { error: err.message }));
  return worker;
}
