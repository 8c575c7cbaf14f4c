import type { Redis } from 'ioredis';
import { eventFromFields, type DossierEvent } from './dossier-events.js';

export interface ChangesPage {
  items: Array<DossierEvent & { cursor: string }>;
  /** Pass back as `cursor` to read on; it moves past everything scanned, matched or not. */
  cursor: string;
  hasMore: boolean;
}

const STREAM_ID = /^\d{1,20}(-\d{1,20})?$/;
export const isCursor = (s: string) => s === '0' || STREAM_ID.test(s);

/**
 * The pull alternative to webhooks: status changes of a province's dossiers after a cursor (a stream id of the
 * dossier-events stream), oldest first. Scans at most `limit × 20` entries per call so a quiet province cannot make
 * one request read the whole stream.
 */
export async function readChanges(
  redis: Redis,
  eventsKey: string,
  q: { province: string; cursor: string; limit: number; connector?: string },
): Promise<ChangesPage> {
  const items: ChangesPage['items'] = [];
  let cursor = q.cursor;
  let budget = q.limit * 20;
  let reachedEnd = false;
  scan: while (items.length < q.limit && budget > 0) {
    const count = Math.min(budget, 1000);
    const entries = await redis.xrange(eventsKey, cursor === '0' ? '-' : `(${cursor}`, '+', 'COUNT', count);
    budget -= entries.length;
    for (const [id, fields] of entries) {
      cursor = id;
      const e = eventFromFields(fields);
      if (e.province !== q.province || (q.connector && e.connectorId !== q.connector)) continue;
      items.push({ ...e, cursor: id });
      if (items.length === q.limit) break scan;
    }
    if (entries.length < count) {
      reachedEnd = true;
      break;
    }
  }
  return { items, cursor, hasMore: !reachedEnd };
}
