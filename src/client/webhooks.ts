import { createHmac, timingSafeEqual } from 'node:crypto';

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
