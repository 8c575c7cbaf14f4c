import { readFile } from 'node:fs/promises';
import path from 'node:path';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NdxpApiError, NdxpTransportError, WebhookRejectedError, createNdxpClient, parseRetryAfter, readStatusWebhook, signWebhookBody, signWebhookBodyTimestamped, verifyWebhookSignature,
} from '../../src/client/index.js';
import { generateClientFiles } from '../../src/client/codegen.js';
import { ROOT_DIR } from '../../src/config.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim('sdk');
});
afterAll(async () => t?.close());

const CREDS = { clientId: 'tthc-an-giang', clientSecret: 'sandbox-secret' };
const firstOp = () => {
  const c = t.sim.registry.connectors[0]!;
  const op = c.operations[0]!;
  return { key: `${c.id}.${op.name}` as never, input: (op.example.body ?? op.example.query) as never, path: op.def.path };
};

/** An axios instance that counts the requests it sends, per path. */
function countingHttp() {
  const http = axios.create();
  const sent: string[] = [];
  http.interceptors.request.use((cfg) => {
    sent.push(new URL(cfg.url!).pathname);
    return cfg;
  });
  return { http, sent };
}

describe('SDK against the simulator', () => {
  it('fetches a token once, reuses it, and fetches a new one shortly before it expires', async () => {
    let now = Date.now();
    const { http, sent } = countingHttp();
    const client = createNdxpClient({ baseUrl: t.sim.url, ...CREDS, http, now: () => now, refreshBeforeExpirySec: 30 });
    const { key, input } = firstOp();
    await client.call(key, input);
    await client.call(key, input);
    const first = await client.getToken();
    expect(sent.filter((p) => p === '/token')).toHaveLength(1);
    now += (3600 - 29) * 1000; // inside the refresh window
    const second = await client.getToken();
    expect(second).not.toBe(first);
    expect(sent.filter((p) => p === '/token')).toHaveLength(2);
  });

  it('concurrent first calls share one token request', async () => {
    const { http, sent } = countingHttp();
    const client = createNdxpClient({ baseUrl: t.sim.url, ...CREDS, http });
    const { key, input } = firstOp();
    await Promise.all([client.call(key, input), client.call(key, input), client.call(key, input)]);
    expect(sent.filter((p) => p === '/token')).toHaveLength(1);
  });

  it('a revoked token (secret rotated) is replaced once and the call succeeds', async () => {
    const { http, sent } = countingHttp();
    await t.sim.deps.clients.create({ id: 'sdk-rotate', secret: 'sdk-rotate-secret', province: 'an-giang', scopes: t.sim.registry.connectors.map((c) => c.id), sandbox: true });
    const client = createNdxpClient({ baseUrl: t.sim.url, clientId: 'sdk-rotate', clientSecret: 'sdk-rotate-secret', http });
    const { key, input } = firstOp();
    await client.call(key, input);
    await t.sim.deps.clients.revokeTokens('sdk-rotate');
    await expect(client.call(key, input)).resolves.toBeTruthy();
    expect(sent.filter((p) => p === '/token')).toHaveLength(2);
  });

  it('wrong credentials: a typed INVALID_CLIENT error carrying the envelope, not retried', async () => {
    const { http, sent } = countingHttp();
    const client = createNdxpClient({ baseUrl: t.sim.url, clientId: 'tthc-an-giang', clientSecret: 'sai', http });
    const err = (await client.getToken().catch((e: unknown) => e)) as NdxpApiError;
    expect(err).toBeInstanceOf(NdxpApiError);
    expect(err).toMatchObject({ status: 401, code: 'INVALID_CLIENT' });
    expect(err.envelope.error.message).toMatch(/xác thực/);
    expect(sent).toHaveLength(1);
  });

  it('4xx answers are not retried', async () => {
    const { http, sent } = countingHttp();
    const client = createNdxpClient({ baseUrl: t.sim.url, ...CREDS, http, sleep: async () => undefined });
    const { key, input, path: p } = firstOp();
    const err = (await client.call(key, input, { scenario: 'not-found' }).catch((e: unknown) => e)) as NdxpApiError;
    expect(err.code).toBe('RECORD_NOT_FOUND');
    expect(err.requestId).toBeTruthy();
    expect(sent.filter((x) => x === p)).toHaveLength(1);
  });

  it('timeouts are retried with growing backoff, then a NdxpTransportError says how many attempts', async () => {
    const { http, sent } = countingHttp();
    const waits: number[] = [];
    const client = createNdxpClient({
      baseUrl: t.sim.url, ...CREDS, http,
      retry: { maxAttempts: 3, baseDelayMs: 100 }, sleep: async (ms) => void waits.push(ms),
    });
    const { key, input, path: p } = firstOp();
    await client.getToken(); // the token request keeps the client's (longer) timeout
    const err = (await client.call(key, input, { scenario: 'timeout', timeoutMs: 150 }).catch((e: unknown) => e)) as NdxpTransportError;
    expect(err).toBeInstanceOf(NdxpTransportError);
    expect(err).toMatchObject({ reason: 'timeout', attempts: 3 });
    expect(sent.filter((x) => x === p)).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });

  it('retries on timeouts can be turned off for a call that must not repeat', async () => {
    const { http, sent } = countingHttp();
    const client = createNdxpClient({ baseUrl: t.sim.url, ...CREDS, http });
    const { key, input, path: p } = firstOp();
    await client.getToken();
    const err = await client.call(key, input, { scenario: 'timeout', timeoutMs: 150, retry: { onTimeout: false } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NdxpTransportError);
    expect(sent.filter((x) => x === p)).toHaveLength(1);
  });
});

describe('SDK and a newer simulator', () => {
  it('an operation missing from the generated table is located through the catalog; an unknown one is a TypeError', async () => {
    const { http, sent } = countingHttp();
    const client = createNdxpClient({ baseUrl: t.sim.url, ...CREDS, http });
    const { key, input } = firstOp();
    const generated = await import('../../src/client/generated/operations.js');
    const saved = (generated.OPERATIONS as Record<string, unknown>)[key];
    delete (generated.OPERATIONS as Record<string, unknown>)[key];
    try {
      await expect(client.call(key, input)).resolves.toBeTruthy();
      expect(sent).toContain('/api/connectors');
      await expect(client.call('khong-co.thaoTac' as never, {} as never)).rejects.toBeInstanceOf(TypeError);
    } finally {
      (generated.OPERATIONS as Record<string, unknown>)[key] = saved;
    }
  });
});

describe('SDK helpers', () => {
  it('Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2);
    expect(parseRetryAfter('Tue, 01 Dec 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('webhook signatures: X-NDXP-Signature sha256=<hex HMAC of the raw body>', () => {
    const raw = '{"maHoSo":"000.00.14.H01-261201-0001","DEC_STATUS":"5"}';
    const sig = signWebhookBody(raw, 'bi-mat');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(raw, sig, 'bi-mat')).toBe(true);
    expect(verifyWebhookSignature(Buffer.from(raw), sig.toUpperCase().replace('SHA256=', 'sha256='), 'bi-mat')).toBe(true);
    expect(verifyWebhookSignature(`${raw} `, sig, 'bi-mat')).toBe(false);
    expect(verifyWebhookSignature(raw, sig, 'khac')).toBe(false);
    expect(verifyWebhookSignature(raw, undefined, 'bi-mat')).toBe(false);
    expect(verifyWebhookSignature(raw, 'sha256=abc', 'bi-mat')).toBe(false);
  });

  it('reads a status webhook, one event or a batch, always as a list, after checking its signature', () => {
    const e = (seq: number) => ({ id: `ly-lich-tu-phap:000.00.14.H01-261201-0001:${seq}`, event: 'dossier.status_changed', connectorId: 'ly-lich-tu-phap',
      maHoSo: '000.00.14.H01-261201-0001', province: 'an-giang', seq, statusField: 'DEC_STATUS', from: '3', fromLabel: 'Đã tiếp nhận', to: '4', toLabel: 'Đang xử lý', terminal: false, at: '2026-12-01T01:00:00.000Z', by: 'central' });
    const single = JSON.stringify(e(2));
    expect(readStatusWebhook(single, signWebhookBodyTimestamped(single, 'bi-mat-du-dai'), 'bi-mat-du-dai').map((x) => x.seq)).toEqual([2]);
    const batch = Buffer.from(JSON.stringify({ events: [e(2), e(3)] }));
    expect(readStatusWebhook(batch, signWebhookBody(batch, 'bi-mat-du-dai'), 'bi-mat-du-dai').map((x) => x.id)).toEqual([e(2).id, e(3).id]);
    const reason = (raw: string, sig: string | null = signWebhookBody(raw, 'bi-mat-du-dai')) => {
      try {
        readStatusWebhook(raw, sig, 'bi-mat-du-dai');
        return 'accepted';
      } catch (err) {
        return err instanceof WebhookRejectedError ? err.reason : String(err);
      }
    };
    expect(reason(single, signWebhookBody(single, 'khac'))).toBe('signature');
    expect(reason(single, null)).toBe('signature');
    expect(reason('<html>')).toBe('body');
    expect(reason('{"events":[]}')).toBe('body');
    expect(reason('{"events":[{"id":"x"}]}')).toBe('body');
    expect(reason('null')).toBe('body');
  });

  it('webhook signatures, timestamped form: t=<unix>,v1=<hex HMAC of "<t>.<body>">, stale ones refused', () => {
    const raw = '{"event":"dossier.status_changed"}';
    const sig = signWebhookBodyTimestamped(raw, 'bi-mat', 1_800_000_000);
    expect(sig).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(raw, sig, 'bi-mat', { nowSec: 1_800_000_100 })).toBe(true);
    expect(verifyWebhookSignature(raw, sig, 'bi-mat', { nowSec: 1_800_000_400 })).toBe(false);
    expect(verifyWebhookSignature(raw, sig, 'khac', { nowSec: 1_800_000_100 })).toBe(false);
    expect(verifyWebhookSignature(`${raw}x`, sig, 'bi-mat', { nowSec: 1_800_000_100 })).toBe(false);
  });

  it('the generated SDK types are current with the registry (run `npm run client:generate` after changing a connector)', async () => {
    const files = generateClientFiles(t.sim.registry);
    for (const [file, text] of Object.entries(files)) {
      expect(await readFile(path.join(ROOT_DIR, 'src', 'client', 'generated', file), 'utf8'), file).toBe(text);
    }
    for (const c of t.sim.registry.connectors) for (const op of c.operations) expect(files['operations.ts']).toContain(`"${c.id}.${op.name}"`);
  });
});
