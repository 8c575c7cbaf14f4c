import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, as the simulator sends status-change webhooks: header `X-NDXP-Signature: sha256=<hex>`,
 * the hex HMAC-SHA256 of the RAW request body (the exact bytes, before any JSON parsing) with the client's webhook
 * secret. Verify before parsing; compare in constant time.
 */
export const WEBHOOK_SIGNATURE_HEADER = 'X-NDXP-Signature';

export function signWebhookBody(rawBody: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

export function verifyWebhookSignature(rawBody: string | Buffer, signatureHeader: string | undefined | null, secret: string): boolean {
  const m = /^sha256=([0-9a-f]{64})$/i.exec((signatureHeader ?? '').trim());
  if (!m || !secret) return false;
  const expected = Buffer.from(signWebhookBody(rawBody, secret).slice(7), 'hex');
  const given = Buffer.from(m[1]!.toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
