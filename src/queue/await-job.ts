import type { Queue, QueueEvents } from 'bullmq';
import { NdxpError } from '../core/errors.js';

/**
 * Adds a job and waits for a worker's result, for API calls that answer synchronously. When no worker answers
 * within `waitMs` the caller gets 503 SERVICE_NOT_READY (the job stays queued and runs when a worker comes).
 */
export async function addAndWait<D, R>(queue: Queue<D>, name: string, data: D, events: QueueEvents, waitMs: number, what: { vi: string; en: string }): Promise<{ result: R; jobId: string }> {
  // BullMQ's generic name types are stricter than needed here; the name is one of the queue's job names.
  const added = await (queue as unknown as Queue).add(name, data);
  try {
    return { result: (await added.waitUntilFinished(events, waitMs)) as R, jobId: added.id ?? '' };
  } catch (e) {
    const why = (e as Error).message.slice(0, 120);
    throw new NdxpError('SERVICE_NOT_READY', { detailVi: `${what.vi} chưa có kết quả (${why})`, detailEn: `${what.en}: no result (${why})` });
  }
}
