import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/core/clock.js';
import { defineLifecycle } from '../../src/core/lifecycle.js';
import { createLogger } from '../../src/logging.js';
import { createDossierProgressQueue, createDossierProgressWorker, progressScheduler } from '../../src/queue/dossier-progress.js';
import type { DossierRecord } from '../../src/core/connector.js';
import { readChanges } from '../../src/sync/changes.js';
import { eventFromFields } from '../../src/sync/dossier-events.js';
import { DossierStore } from '../../src/sync/dossier-store.js';
import { dropPrefix, eventually, REDIS_URL, uniquePrefix } from '../helpers/sim.js';

const lc = defineLifecycle({
  statusField: 'TrangThai',
  initial: '1',
  states: { '1': { label: 'Mới' }, '2': { label: 'Đang xử lý' }, '3': { label: 'Xong', terminal: true }, '5': { label: 'Bổ sung' }, '9': { label: 'Rút', terminal: true } },
  moves: { '1': ['2', '9'], '2': ['3', '5', '9'], '5': ['2', '9'] },
  auto: { '1': { to: '2', afterMs: 60_000 }, '2': { to: '3', afterMs: 120_000 } },
  scenarios: { stall: { '2': null } },
  provinceMoves: ['9'],
  onEnter: { '3': ({ maHoSo }) => ({ SoKetQua: `KQ-${maHoSo}` }) },
});

const prefix = uniquePrefix('dossier');
const client = { id: 'tthc', province: 'an-giang', sandbox: true, scopes: [] };
let redis: Redis;
let store: DossierStore;
let close: () => Promise<void>;

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  const qConn = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const wConn = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = createDossierProgressQueue(qConn, `${prefix}:bull`);
  // 60 000× faster: a simulated minute takes a millisecond.
  store = new DossierStore(redis, prefix, () => lc, systemClock(60_000), progressScheduler(queue));
  const worker = createDossierProgressWorker(wConn, `${prefix}:bull`, store, createLogger('error', { silent: true }));
  close = async () => {
    await worker.close();
    await queue.close();
    qConn.disconnect();
    wConn.disconnect();
  };
});
afterAll(async () => {
  await close();
  redis.disconnect();
  await dropPrefix(prefix);
});

describe('dossiers moved by the central side through delayed BullMQ jobs', () => {
  it('runs 1 → 2 → 3 on its own, builds the result and appends one event per move', async () => {
    const d = await store.create('x', client, undefined, { lifecycle: 'l', agencyCode: '000.00.14.H01', data: { a: 1 } });
    expect(d.maHoSo).toMatch(/^000\.00\.14\.H01-\d{6}-0001$/);
    const done = await eventually(async () => {
      const cur = await store.get('x', d.maHoSo);
      return cur?.status === '3' ? cur : undefined;
    }, 5000);
    expect(done!.history.map((h) => `${h.from}>${h.to}:${h.by}`)).toEqual(['null>1:province', '1>2:central', '2>3:central']);
    expect(done!.result).toEqual({ SoKetQua: `KQ-${d.maHoSo}` });
    const events = (await redis.xrange(store.eventsKey, '-', '+')).map(([, f]) => eventFromFields(f)).filter((e) => e.maHoSo === d.maHoSo);
    expect(events.map((e) => `${e.seq}:${e.from}>${e.to}:${e.by}`)).toEqual(['1:null>1:province', '2:1>2:central', '3:2>3:central']);
    expect(events[2]!.at).toBe(done!.updatedAt);
  });
  it('a scenario stalls it; the province may withdraw (1/2 → 9) but not jump to a central state', async () => {
    const d = await store.create('x', client, 'stall', { lifecycle: 'l', agencyCode: '000.00.14.H01', data: {} });
    await eventually(async () => (await store.get('x', d.maHoSo))?.status === '2', 5000);
    await new Promise((r) => setTimeout(r, 100));
    expect((await store.get('x', d.maHoSo))!.status).toBe('2');
    const port = store.port('x', client, undefined);
    await expect(port.move(d.maHoSo, '3')).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION', field: 'TrangThai' });
    expect((await port.move(d.maHoSo, '9', 'Công dân rút hồ sơ')).status).toBe('9');
    await expect(port.move(d.maHoSo, '2')).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });
  it('drops a stale central step (planned before another change): the worker is idempotent', async () => {
    const d = await store.create('x', client, 'stall', { lifecycle: 'l', agencyCode: '000.00.14.H01', data: {} });
    await eventually(async () => (await store.get('x', d.maHoSo))?.status === '2', 5000);
    const stale = await store.transition('x', d.maHoSo, '3', 'central', { expectFrom: '1', expectSeq: 1 });
    expect(stale).toBeNull();
    expect((await store.get('x', d.maHoSo))!.status).toBe('2');
  });
  it('keeps dossiers per province: another province sees none of them', async () => {
    const mine = await store.port('x', client, undefined).list(0, 100);
    expect(mine.total).toBeGreaterThanOrEqual(3);
    const other = store.port('x', { ...client, province: 'can-tho' }, undefined);
    expect((await other.list(0, 10)).total).toBe(0);
    expect(await other.get(mine.items[0]!.maHoSo)).toBeNull();
  });
  it('refuses a duplicate dossier code', async () => {
    const d = await store.create('x', client, undefined, { lifecycle: 'l', agencyCode: '000.00.14.H01', data: {}, maHoSo: '000.00.14.H01-250312-0099' });
    await expect(store.create('x', client, undefined, { lifecycle: 'l', agencyCode: '000.00.14.H01', data: {}, maHoSo: d.maHoSo })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
  it('stores a dossier as a hash: its seq and the record packed, several times smaller than its JSON', async () => {
    const data = { HoVaTen: 'Nguyễn Thị Hồng Nhung', NoiCuTru: 'Số 12 đường Trần Hưng Đạo, khu phố 1, Xã Mỹ Hòa, Tỉnh An Giang' };
    const quiet = new DossierStore(redis, `${prefix}:quiet`, () => lc, systemClock(1), async () => undefined); // no central steps
    const d = await quiet.create('x', client, undefined, { lifecycle: 'l', agencyCode: '000.00.14.H01', data });
    const key = quiet.key('x', d.maHoSo);
    expect(await redis.type(key)).toBe('hash');
    expect(await redis.hget(key, 's')).toBe('1');
    const v = (await redis.hgetBuffer(key, 'v'))!;
    expect(v[0]).toBe(1);
    expect(v.length).toBeLessThan(Buffer.byteLength(JSON.stringify(d)) / 2);
    expect(await quiet.get('x', d.maHoSo)).toEqual(d);
    const moved = (await quiet.transition('x', d.maHoSo, '2', 'central'))!;
    expect(await redis.hget(key, 's')).toBe('2');
    expect(await quiet.get('x', d.maHoSo)).toEqual(moved);
  });
  it('applies exactly one of several concurrent moves of the same version (compare-and-set on seq)', async () => {
    const d = await store.create('x', client, 'stall', { lifecycle: 'l', agencyCode: '000.00.14.H01', data: {} });
    await eventually(async () => (await store.get('x', d.maHoSo))?.status === '2', 5000);
    // The compare-and-set is a script defined on the connection (EVALSHA); the move to 2 above defined it.
    const evals = vi.spyOn(redis as unknown as Record<string, () => Promise<unknown>>, 'ndxpDossierCas');
    const results = await Promise.all(['3', '5', '9'].map((to) => store.transition('x', d.maHoSo, to, 'central', { expectFrom: '2', expectSeq: 2 })));
    // All three read seq 2 before any wrote: one compare-and-set applied, the two others found seq 3 and gave up.
    const answers = await Promise.all(evals.mock.results.map((r) => r.value));
    evals.mockRestore();
    expect(answers.sort()).toEqual([0, 0, 1]);
    const applied = results.filter((r): r is DossierRecord => r !== null);
    expect(applied).toHaveLength(1);
    const now = (await store.get('x', d.maHoSo))!;
    expect(now).toEqual(applied[0]);
    expect(now.seq).toBe(3);
    expect(now.history.map((h) => h.seq)).toEqual([1, 2, 3]);
    const events = (await redis.xrange(store.eventsKey, '-', '+')).map(([, f]) => eventFromFields(f)).filter((e) => e.maHoSo === d.maHoSo);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });
  it('reads a dossier an older version stored as a plain JSON string, and makes it a hash at its next move', async () => {
    const maHoSo = '000.00.14.H01-250101-0042';
    const at = '2025-01-01T01:00:00.000Z';
    const legacy: DossierRecord = {
      maHoSo, connectorId: 'x', lifecycle: 'l', status: '2', seq: 2, clientId: client.id, province: client.province, scenario: 'stall',
      createdAt: at, updatedAt: at, data: { HoVaTen: 'Trần Văn Bình' },
      history: [{ seq: 1, from: null, to: '1', at, by: 'province' }, { seq: 2, from: '1', to: '2', at, by: 'central' }],
    };
    const key = store.key('x', maHoSo);
    await redis.multi().set(key, JSON.stringify(legacy)).zadd(store.indexKey('x', client.province), Date.parse(at), maHoSo).exec();
    expect(await store.get('x', maHoSo)).toEqual(legacy);
    expect((await store.list('x', client.province, 0, 1000)).items.find((r) => r.maHoSo === maHoSo)).toEqual(legacy);
    await expect(store.create('x', client, undefined, { lifecycle: 'l', agencyCode: '000.00.14.H01', data: {}, maHoSo })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.transition('x', maHoSo, '3', 'central', { expectSeq: 1 })).toBeNull();
    expect(await redis.type(key)).toBe('string');
    const moved = await store.port('x', client, undefined).move(maHoSo, '9', 'Công dân rút hồ sơ');
    expect(moved).toMatchObject({ status: '9', seq: 3, data: legacy.data });
    expect(await redis.type(key)).toBe('hash');
    expect(await store.get('x', maHoSo)).toEqual(moved);
  });
  it('feeds the pull feed from events in both forms (fields, and one JSON field as older versions wrote)', async () => {
    const own = new DossierStore(redis, `${prefix}:feed`, () => lc, systemClock(1), async () => undefined);
    const old = { connectorId: 'x', maHoSo: '000.00.14.H01-250101-0001', province: client.province, clientId: client.id, seq: 1, from: null, to: '1', at: '2025-01-01T01:00:00.000Z', by: 'province' };
    await redis.xadd(own.eventsKey, '*', 'e', JSON.stringify(old));
    const d = await own.create('x', client, undefined, { lifecycle: 'l', agencyCode: '000.00.14.H01', data: {} });
    await own.port('x', client, undefined).move(d.maHoSo, '9');
    const page = await readChanges(redis, own.eventsKey, { province: client.province, cursor: '0', limit: 10 });
    expect(page.items.map(({ cursor: _, ...e }) => e)).toEqual([
      old,
      { connectorId: 'x', maHoSo: d.maHoSo, province: client.province, clientId: client.id, seq: 1, from: null, to: '1', at: d.createdAt, by: 'province' },
      { connectorId: 'x', maHoSo: d.maHoSo, province: client.province, clientId: client.id, seq: 2, from: '1', to: '9', at: expect.any(String), by: 'province' },
    ]);
  });
  it('refuses a province moving another province’s dossier as if it did not exist', async () => {
    const d = await store.create('x', client, 'stall', { lifecycle: 'l', agencyCode: '000.00.14.H01', data: {} });
    await expect(store.port('x', { ...client, province: 'can-tho' }, undefined).move(d.maHoSo, '9')).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' });
    expect((await store.get('x', d.maHoSo))!.seq).toBeLessThanOrEqual(2);
  });
});
