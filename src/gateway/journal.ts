import type { Redis } from 'ioredis';
import { maskPersonalData } from '../core/masking.js';

/** One call through the gateway, like X-Road's operational monitoring record. Personal data is masked on entry. */
export interface JournalEntry {
  id?: string;
  time: string;
  requestId: string;
  clientId: string | null;
  province: string | null;
  connector: string | null;
  operation: string | null;
  protocol: 'rest' | 'soap' | 'token' | 'other';
  method: string;
  path: string;
  status: number;
  durationMs: number;
  scenario: string | null;
  /** ok | request-invalid | response-invalid | skipped (not reached) | off-schema-by-scenario */
  validation: 'ok' | 'request-invalid' | 'response-invalid' | 'skipped' | 'off-schema-by-scenario';
  errorCode: string | null;
  errorField: string | null;
  /** Masked summary of the request input (never the raw body). */
  request: unknown;
  /** Field problems when the request failed validation (to explain them in the console). */
  problems?: unknown;
}

export interface JournalQuery {
  clientId?: string;
  connector?: string;
  operation?: string;
  limit?: number;
  /** Entries older than this stream id (paging backwards). */
  before?: string;
}

const SUMMARY_MAX = 2000;

/** Shrinks a request input to a small masked summary for the journal. */
export function summariseInput(input: unknown): unknown {
  const masked = maskPersonalData(input);
  const text = JSON.stringify(masked) ?? 'null';
  return text.length <= SUMMARY_MAX ? masked : { truncated: true, preview: text.slice(0, SUMMARY_MAX) };
}

/**
 * The traffic journal: a capped Redis stream. Writes are buffered and flushed in one pipeline every few
 * milliseconds, so journaling costs the hot path an array push, not a Redis round trip.
 */
export class Journal {
  private buffer: JournalEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly maxLen: number,
    private readonly flushEveryMs = 20,
    private readonly onError: (e: Error) => void = () => undefined,
  ) {
    this.key = `${prefix}:journal`;
  }

  record(entry: JournalEntry): void {
    this.buffer.push(entry);
    if (this.buffer.length >= 500) void this.flush();
    else if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.flushEveryMs);
  }

  /** Writes what is buffered; resolves when it is in Redis. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      const pipe = this.redis.pipeline();
      for (const e of batch) pipe.xadd(this.key, 'MAXLEN', '~', String(this.maxLen), '*', 'e', JSON.stringify(e));
      try {
        await pipe.exec();
      } catch (e) {
        this.onError(e as Error);
      }
    });
    return this.flushing;
  }

  /** Newest first, filtered; scans at most 20× the limit so a rare filter stays cheap. */
  async read(q: JournalQuery = {}): Promise<{ entries: JournalEntry[]; next: string | null }> {
    await this.flush();
    const limit = Math.min(Math.max(q.limit ?? 50, 1), 500);
    const out: JournalEntry[] = [];
    let end = q.before ? `(${q.before}` : '+';
    let scanned = 0;
    while (out.length < limit && scanned < limit * 20) {
      const rows = await this.redis.xrevrange(this.key, end, '-', 'COUNT', 200);
      if (rows.length === 0) break;
      for (const [id, fields] of rows) {
        scanned++;
        const e = JSON.parse(fields[1] ?? '{}') as JournalEntry;
        e.id = id;
        if (q.clientId && e.clientId !== q.clientId) continue;
        if (q.connector && e.connector !== q.connector) continue;
        if (q.operation && e.operation !== q.operation) continue;
        out.push(e);
        if (out.length >= limit) break;
      }
      end = `(${rows[rows.length - 1]![0]}`;
    }
    return { entries: out, next: out.length >= limit ? out[out.length - 1]!.id! : null };
  }

  async close(): Promise<void> {
    await this.flush();
  }
}
