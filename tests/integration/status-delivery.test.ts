import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookReceiver } from '../../src/simulate/receiver.js';
import { submitLltp } from '../helpers/lltp.js';
import { eventually, startTestSim, type TestSim } from '../helpers/sim.js';

const SECRET = 'receiver-secret-0123456789';
let t: TestSim;
let auth: Record<string, string>;
let receiver: WebhookReceiver;
let receiverUrl: string;
let subId: string;
let n = 0;
const code = () => `000.00.14.H01-251201-${String(++n).padStart(4, '0')}`;
const seqsOf = (ma: string) => receiver.byDossier.get(`ly-lich-tu-phap:${ma}`) ?? [];

beforeAll(async () => {
  t = await startTestSim('delivery', {}, { WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_BACKOFF_MS: '20', WEBHOOK_TIMEOUT_MS: '400' });
  auth = await t.auth();
  receiver = new WebhookReceiver(SECRET);
  receiverUrl = await receiver.start();
  const r = await t.http.post('/api/webhooks', { url: receiverUrl, secret: SECRET, connectors: ['ly-lich-tu-phap'] }, { headers: auth });
  expect(r.status).toBe(201);
  subId = r.data.id;
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

describe('status delivery by webhook', () => {
  it('delivers every status change of a dossier, signed, in order, with the result documents at the end', async () => {
    const codes = [code(), code(), code(), code()];
    await Promise.all(codes.map((c) => submitLltp(t, auth, c)));
    const done = await eventually(async () => codes.every((c) => seqsOf(c).length === 3), 10_000);
    expect(done, JSON.stringify(Object.fromEntries(receiver.byDossier))).toBe(true);
    for (const c of codes) expect(seqsOf(c)).toEqual([1, 2, 3]);
    expect(receiver.badSignatures).toBe(0);
    const last = receiver.applied.get(`ly-lich-tu-phap:${codes[0]}:3`)!;
    expect(last).toMatchObject({
      id: `ly-lich-tu-phap:${codes[0]}:3`, event: 'dossier.status_changed', connectorId: 'ly-lich-tu-phap', maHoSo: codes[0],
      statusField: 'DEC_STATUS', from: '4', to: '5', toLabel: expect.stringMatching(/cấp phiếu/i), terminal: true, by: 'central', seq: 3, province: 'an-giang',
    });
    expect(last.result).toHaveProperty('SoPhieu');
    const first = receiver.applied.get(`ly-lich-tu-phap:${codes[0]}:1`)!;
    expect(first).toMatchObject({ event: 'dossier.created', from: null, to: '3' });
    expect(first.result).toBeUndefined();
  });

  it('retries a failing receiver with backoff, then dead-letters the lane (later events wait behind it), and replays it in order', async () => {
    const ma = code();
    receiver.fault = (b) => (b.maHoSo === ma ? (b.seq === 1 ? 'garbage' : 'fail') : 'ok');
    await submitLltp(t, auth, ma);
    const dead = await eventually(async () => {
      const r = await t.http.get('/api/webhooks/dead-letters', { headers: auth });
      const item = r.data.items.find((d: { maHoSo: string }) => d.maHoSo === ma);
      return item?.seqs.length === 3 ? item : undefined;
    }, 10_000);
    expect(dead).toMatchObject({ subscriptionId: subId, connectorId: 'ly-lich-tu-phap', seqs: [1, 2, 3], attempts: 3, error: 'HTTP 500' });
    expect(seqsOf(ma)).toEqual([]);
    receiver.fault = () => 'ok';
    const replay = await t.http.post('/api/webhooks/dead-letters/replay', { maHoSo: ma }, { headers: auth });
    expect(replay.data).toMatchObject({ lanes: 1, deliveries: 3, scheduled: 1 });
    expect(await eventually(async () => seqsOf(ma).length === 3, 10_000)).toBe(true);
    expect(seqsOf(ma)).toEqual([1, 2, 3]);
    expect((await t.http.get('/api/webhooks/dead-letters', { headers: auth })).data.items.some((d: { maHoSo: string }) => d.maHoSo === ma)).toBe(false);
  });

  it('a receiver that hangs on one dossier does not hold back the others', async () => {
    const slow = code();
    const fast = [code(), code(), code()];
    receiver.fault = (b) => (b.maHoSo === slow ? 'hang' : 'ok');
    await submitLltp(t, auth, slow);
    await Promise.all(fast.map((c) => submitLltp(t, auth, c)));
    expect(await eventually(async () => fast.every((c) => seqsOf(c).length === 3), 10_000)).toBe(true);
    expect(seqsOf(slow)).toEqual([]);
    receiver.fault = () => 'ok';
    // The hung one times out (400 ms), retries, and may have gone to the dead letters meanwhile: replay and see it through.
    await t.http.post('/api/webhooks/dead-letters/replay', { maHoSo: slow }, { headers: auth });
    expect(await eventually(async () => seqsOf(slow).length === 3, 10_000)).toBe(true);
    expect(seqsOf(slow)).toEqual([1, 2, 3]);
    expect(receiver.outOfOrder).toBe(0);
  });

  it('filters by event: a dossier.completed subscription gets only final states', async () => {
    const other = new WebhookReceiver(SECRET);
    const url = await other.start();
    try {
      const r = await t.http.post('/api/webhooks', { url, secret: SECRET, events: ['dossier.completed'] }, { headers: auth });
      expect(r.status).toBe(201);
      const ma = code();
      await submitLltp(t, auth, ma);
      expect(await eventually(async () => other.appliedCount === 1 && seqsOf(ma).length === 3, 10_000)).toBe(true);
      expect([...other.applied.values()].map((b) => `${b.seq}:${b.to}`)).toEqual(['3:5']);
      expect((await t.http.delete(`/api/webhooks/${r.data.id}`, { headers: auth })).status).toBe(204);
    } finally {
      await other.close();
    }
  });
});

describe('batched status delivery (batchSize > 1)', () => {
  it('carries the heads of many dossiers per request, each dossier still in order, and retries a failed batch lane by lane', async () => {
    const batched = new WebhookReceiver(SECRET);
    const url = await batched.start();
    let failedOnce = false;
    batched.fault = () => (failedOnce ? 'ok' : ((failedOnce = true), 'fail'));
    try {
      const r = await t.http.post('/api/webhooks', { url, secret: SECRET, batchSize: 20 }, { headers: auth });
      expect(r.status).toBe(201);
      expect(r.data.batchSize).toBe(20);
      const codes = Array.from({ length: 12 }, code);
      await Promise.all(codes.map((c) => submitLltp(t, auth, c)));
      const seqs = (c: string) => batched.byDossier.get(`ly-lich-tu-phap:${c}`) ?? [];
      expect(await eventually(async () => codes.every((c) => seqs(c).length === 3), 15_000)).toBe(true);
      for (const c of codes) expect(seqs(c)).toEqual([1, 2, 3]);
      expect(batched.failedOnPurpose).toBe(1);
      expect(batched.batches).toBeGreaterThan(0);
      expect(batched.requests).toBeLessThan(codes.length * 3); // fewer requests than events
      expect(batched.badSignatures).toBe(0);
      expect(batched.outOfOrder).toBe(0);
      expect((await t.http.delete(`/api/webhooks/${r.data.id}`, { headers: auth })).status).toBe(204);
    } finally {
      await batched.close();
    }
  });

  it.each([[0], [51], ['20'], [2.5]])('refuses batchSize %j naming the field', async (batchSize) => {
    const r = await t.http.post('/api/webhooks', { url: receiverUrl, secret: SECRET, batchSize }, { headers: auth });
    expect(r.status).toBe(400);
    expect(r.data.error.field).toBe('batchSize');
  });
});

describe('webhook subscriptions API', () => {
  it.each([
    ['ftp://tthc.angiang.gov.vn/hook', 'http:// hoặc https://'],
    ['https://user:pass@tthc.angiang.gov.vn/hook', 'tên đăng nhập'],
    ['javascript:alert(1)', 'http:// hoặc https://'],
    ['not a url at all', 'không hợp lệ'],
    ['https://tthc.angiang.gov.vn/hook#x', 'fragment'],
  ])('refuses the URL %s', async (url, why) => {
    const r = await t.http.post('/api/webhooks', { url, secret: SECRET }, { headers: auth });
    expect(r.status).toBe(400);
    expect(r.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'url' });
    expect(r.data.error.message).toContain(why);
  });

  it('refuses unknown connectors, unknown fields, short secrets; needs a token; generates and shows a secret once', async () => {
    const bad = await t.http.post('/api/webhooks', { url: receiverUrl, connectors: ['dang-ky-doanh-nghiep'] }, { headers: auth });
    expect(bad.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'connectors' });
    expect((await t.http.post('/api/webhooks', { url: receiverUrl, colour: 'red' }, { headers: auth })).data.error).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'colour' });
    expect((await t.http.post('/api/webhooks', { url: receiverUrl, secret: 'short' }, { headers: auth })).data.error.field).toBe('secret');
    expect((await t.http.post('/api/webhooks', { url: receiverUrl })).status).toBe(401);
    const made = await t.http.post('/api/webhooks', { url: 'https://tthc.example.vn/hook', events: ['dossier.created'] }, { headers: auth });
    expect(made.status).toBe(201);
    expect(made.data.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const list = await t.http.get('/api/webhooks', { headers: auth });
    const listed = list.data.items.find((s: { id: string }) => s.id === made.data.id);
    expect(listed).toMatchObject({ url: 'https://tthc.example.vn/hook', events: ['dossier.created'], secretHint: `…${made.data.secret.slice(-4)}` });
    expect(JSON.stringify(list.data)).not.toContain(made.data.secret);
    expect((await t.http.delete(`/api/webhooks/${made.data.id}`, { headers: auth })).status).toBe(204);
    expect((await t.http.delete(`/api/webhooks/${made.data.id}`, { headers: auth })).status).toBe(404);
  });
});

describe('pull alternative: changes since a cursor', () => {
  it('pages through the province’s status changes in order and resumes from the cursor', async () => {
    const ma = code();
    await submitLltp(t, auth, ma);
    await eventually(async () => (await t.sim.deps.dossiers.get('ly-lich-tu-phap', ma))?.status === '5', 5000);
    const seen: Array<{ maHoSo: string; seq: number }> = [];
    let cursor = '0';
    for (let page = 0; page < 100; page++) {
      const r = await t.http.get('/api/sync/changes', { params: { cursor, limit: 7, connector: 'ly-lich-tu-phap' }, headers: auth });
      expect(r.status).toBe(200);
      seen.push(...r.data.items);
      cursor = r.data.cursor;
      if (!r.data.hasMore) break;
    }
    expect(seen.filter((e) => e.maHoSo === ma).map((e) => e.seq)).toEqual([1, 2, 3]);
    const again = await t.http.get('/api/sync/changes', { params: { cursor }, headers: auth });
    expect(again.data).toMatchObject({ items: [], hasMore: false, cursor });
    const bad = await t.http.get('/api/sync/changes', { params: { cursor: 'abc' }, headers: auth });
    expect(bad.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cursor' });
  });
});
