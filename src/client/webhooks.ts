import { createHmac, timingSafeEqual } from 'node:crypto';
import type { StatusChangeBody } from '../sync/webhooks/payload.js';

/**
 * Verifying the simulator's status-change webhooks: header `X-NDXP-Signature`, HMAC-SHA256 with the subscription's
 * secret over the RAW request body (the exact bytes, before any JSON parsing), compared in constant time.
 * Two header forms are accepted:
 * - `sha256=<hex>`: HMAC of the body;
 * - `t=<unix seconds>,v1=<hex>`: HMAC of `<t>.<body>`, refused when `t` is older/newer than `toleranceSec` (replays).
 */
export const WEBHOOK_SIGNATURE_HEADER = 'X-NDXP-Signature';

const hmac = (secret: string, data: string | Buffer) => createHmac('sha256', secret).update(data).digest();

/** `sha256=<hex>` for a body (to sign test deliveries, or a server of your own). */
export function signWebhookBody(rawBody: string | Buffer, secret: string): string {
  return `sha256=${hmac(secret, rawBody).toString('hex')}`;
}

/** `t=<unix>,v1=<hex>` over `<t>.<body>`. */
export function signWebhookBodyTimestamped(rawBody: string | Buffer, secret: string, unixSeconds = Math.floor(Date.now() / 1000)): string {
  return `t=${unixSeconds},v1=${hmac(secret, Buffer.concat([Buffer.from(`${unixSeconds}.`), Buffer.from(rawBody)])).toString('hex')}`;
}

const same = (expected: Buffer, hex: string) => {
  const given = Buffer.from(hex.toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};

export function verifyWebhookSignature(
  rawBody: string | Buffer,
  signatureHeader: string | undefined | null,
  secret: string,
  opts: { toleranceSec?: number; nowSec?: number } = {},
): boolean {
  if (!secret) return false;
  const header = (signatureHeader ?? '').trim();
  const plain = /^sha256=([0-9a-f]{64})$/i.exec(header);
  if (plain) return same(hmac(secret, rawBody), plain[1]!);
  const stamped = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/i.exec(header);
  if (!stamped) return false;
  const t = Number(stamped[1]);
  const now = opts.nowSec ?? Date.now() / 1000;
  if (Math.abs(now - t) > (opts.toleranceSec ?? 300)) return false;
  return same(hmac(secret, Buffer.concat([Buffer.from(`${t}.`), Buffer.from(rawBody)])), stamped[2]!);
}

/** One dossier status change, as the simulator's webhooks carry it (README "Status sync" documents every field). */
export type StatusChangeEvent = StatusChangeBody;

/** Thrown by `readStatusWebhook`: `signature` (answer 401) or `body` (answer 400). */
export class WebhookRejectedError extends Error {
  constructor(readonly reason: 'signature' | 'body', message: string) {
    super(message);
    this.name = 'WebhookRejectedError';
  }
}

/**
 * Checks a status webhook's signature, then reads its events: one event, or a batch `{"events": [...]}` (a
 * subscription with batchSize > 1), always as a list. Apply each event once by its `id` (retries and redeliveries
 * after a crash send the same ids); a dossier's events come in `seq` order.
 */
export function readStatusWebhook(
  rawBody: string | Buffer,
  signatureHeader: string | undefined | null,
  secret: string,
  opts: { toleranceSec?: number; nowSec?: number } = {},
): StatusChangeEvent[] {
  if (!verifyWebhookSignature(rawBody, signatureHeader, secret, opts)) throw new WebhookRejectedError('signature', 'bad or missing X-NDXP-Signature');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : rawBody);
  } catch {
    throw new WebhookRejectedError('body', 'the body is not JSON');
  }
  const events = parsed && typeof parsed === 'object' && 'events' in parsed ? (parsed as { events: unknown }).events : [parsed];
  const valid = (e: unknown): e is StatusChangeEvent =>
    !!e && typeof e === 'object' && typeof (e as StatusChangeEvent).id === 'string' && typeof (e as StatusChangeEvent).seq === 'number' && typeof (e as StatusChangeEvent).maHoSo === 'string';
  if (!Array.isArray(events) || !events.length || !events.every(valid)) throw new WebhookRejectedError('body', 'not a status change event or a batch of them');
  return events;
}
