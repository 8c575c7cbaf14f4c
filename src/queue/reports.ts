import { Queue, QueueEvents, Worker, type ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logging.js';
import { addAndWait } from './await-job.js';

export const REPORTS = 'reports';

/** `month: 'previous'` is resolved when the job runs (the scheduled run on the 1st covers the month just ended). */
export interface ReportJob {
  kind: 'monthly';
  province: string;
  month: string | 'previous';
}

export interface ReportSummary {
  province: string;
  month: string;
  generatedAt: string;
}

export function createReportsQueue(connection: Redis, prefix: string): Queue<ReportJob> {
  return new Queue<ReportJob>(REPORTS, {
    connection: connection as ConnectionOptions,
    prefix,
    defaultJobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: 200, removeOnFail: 500 },
  });
}

/** The monthly report of each province at 06:00 on the 1st, Vietnam time. */
export async function scheduleMonthlyReport(queue: Queue<ReportJob>, province: string): Promise<void> {
  await queue.upsertJobScheduler(`monthly:${province}`, { pattern: '0 6 1 * *', tz: 'Asia/Ho_Chi_Minh' }, { name: 'monthly', data: { kind: 'monthly', province, month: 'previous' } });
}

export function createReportsWorker(connection: Redis, prefix: string, build: (job: ReportJob) => Promise<ReportSummary>, logger: Logger): Worker<ReportJob> {
  const worker = new Worker<ReportJob>(REPORTS, async (job) => build(job.data), { connection: connection as ConnectionOptions, prefix, concurrency: 1 });
  worker.on('failed', (job, err) => logger.warn('report failed', { jobId: job?.id, error: err.message }));
  worker.on('error', (err) => logger.error('reports worker error', { error: err.message }));
  return worker;
}

/** Queues a report and waits for it (503 when no worker answers in time; the job still runs later). */
export function queuedReportRunner(queue: Queue<ReportJob>, events: QueueEvents, waitMs: number) {
  return async (job: ReportJob): Promise<ReportSummary & { jobId: string }> => {
    const { result, jobId } = await addAndWait<ReportJob, ReportSummary>(queue, 'monthly', job, events, waitMs, { vi: 'báo cáo', en: 'report' });
    return { ...result, jobId };
  };
}

export function createReportsEvents(connection: Redis, prefix: string): QueueEvents {
  return new QueueEvents(REPORTS, { connection: connection as ConnectionOptions, prefix });
}
