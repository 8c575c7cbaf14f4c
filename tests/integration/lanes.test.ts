import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteKeysByPrefix } from '../../src/queue/redis.js';
import { decodeMember, encodeMember, LaneStore, type Delivery } from '../../src/sync/webhooks/lanes.js';
import { uniquePrefix } from '../helpers/sim.js';

/** The lane claims on real Redis: what keeps one dossier's deliveries one at a time and in order across workers. */
const prefix = uniquePrefix('lanes');
let redis: Redis;
let lanes: LaneStore;
const laneId = (n: number) => `wh_test|ly-lich-tu-phap|000.00.14.H01-251201-${String(n).padStart(4, '0')}`;
const delivery = (lane: string, seq: number): Delivery => ({
  laneId: lane, subscriptionId: 'wh_test', clientId: 'tthc-an-giang', seq, event: 'dossier.status_changed',
  idempotencyKey: `k:${lane}:${seq}`, body: Buffer.from(JSON.stringify({ seq, toLabel: 'Đã cấp Phiếu lý lịch tư pháp' })),
});

beforeAll(() => {
  redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  lanes = new LaneStore(redis, prefix);
});
afterAll(async () => {
  await deleteKeysByPrefix(redis, prefix);
  redis.disconnect();
});

describe('delivery lanes', () => {
  it('keeps a member’s body bytes exactly (UTF-8, newlines and quotes included)', () => {
    const d = { ...delivery(laneId(0), 7), body: Buffer.from('{"a":"dòng 1\\ndòng \\"2\\""}\n') };
    const back = decodeMember(encodeMember(d));
    expect(back).toEqual(d);
    expect(back.body.equals(d.body)).toBe(true);
  });

  it('lets one chain hold a lane: a second claim gets nothing, and enqueueing behind a held lane schedules nothing', async () => {
    const id = laneId(1);
    expect(await lanes.enqueue([delivery(id, 1)])).toEqual([1]);
    const first = await lanes.claim([id], 'job:a', 5000);
    expect(first.map((c) => c.delivery.seq)).toEqual([1]);
    expect(await lanes.claim([id], 'job:b', 5000)).toEqual([]);
    expect(await lanes.enqueue([delivery(id, 2), delivery(id, 3)])).toEqual([0, 0]);
    // The holder acknowledges and goes on with the next head, in order.
    const after1 = await lanes.ack(id, 1, 'job:a', { keep: true, ttlMs: 5000 });
    expect(after1 && 'next' in after1 ? after1.next.seq : null).toBe(2);
    const after2 = await lanes.ack(id, 2, 'job:a', { keep: false });
    expect(after2).toEqual({ schedule: 3 }); // let go of a non-empty lane: it must be scheduled again
    expect((await lanes.claim([id], 'job:b', 5000)).map((c) => c.delivery.seq)).toEqual([3]);
    expect(await lanes.ack(id, 3, 'job:b', { keep: true })).toBeNull();
    expect(await lanes.enqueue([delivery(id, 3)])).toEqual([-1]); // delivered already: not queued again
    expect(await lanes.ackedSeqs([id])).toEqual([3]);
    expect([...(await lanes.deliveredAt(id)).keys()]).toEqual([1, 2, 3]);
    expect(await lanes.pendingCount()).toBe(0);
  });

  it('frees a lane whose holder died when the claim runs out, and the same token may take its own lane back', async () => {
    const id = laneId(2);
    await lanes.enqueue([delivery(id, 1)]);
    expect(await lanes.claim([id], 'job:dead', 150)).toHaveLength(1);
    expect(await lanes.claim([id], 'job:dead', 150)).toHaveLength(1); // a redo of the same job
    expect(await lanes.claim([id], 'job:other', 5000)).toHaveLength(0);
    const heads = async () => { const all = []; for await (const h of lanes.pendingHeads()) all.push(...h); return all.filter((h) => h.laneId === id); };
    expect(await heads()).toEqual([]); // the sweeper leaves a held lane alone
    await new Promise((r) => setTimeout(r, 250));
    expect(await heads()).toEqual([{ laneId: id, seq: 1 }]);
    expect(await lanes.claim([id], 'job:other', 5000)).toHaveLength(1);
  });

  it('hands a failed lane to its retry job only from the holder, and a dead letter frees the lane', async () => {
    const id = laneId(3);
    await lanes.enqueue([delivery(id, 1), delivery(id, 2)]);
    await lanes.claim([id], 'job:a', 5000);
    expect(await lanes.handOver(id, 'job:x', 'retry:r1', 5000)).toBe(false);
    expect(await lanes.handOver(id, 'job:a', 'retry:r1', 5000)).toBe(true);
    expect(await lanes.claim([id], 'job:a', 5000)).toEqual([]);
    expect(await lanes.claim([id], 'retry:r1', 5000)).toHaveLength(1);
    expect(await lanes.deadLetter(id, 'tthc-an-giang', { error: 'HTTP 500', attempts: 3, deadAt: new Date().toISOString() })).toBe(2);
    const dead = (await lanes.deadLetters('tthc-an-giang')).find((d) => d.laneId === id);
    expect(dead?.seqs).toEqual([1, 2]);
    expect(await lanes.replay(id, 'tthc-an-giang')).toBe(1);
    expect((await lanes.claim([id], 'job:c', 5000)).map((c) => c.delivery.seq)).toEqual([1]);
  });

  it('acknowledges a batch of lanes in one round trip, each going on or finishing on its own', async () => {
    const [a, b] = [laneId(4), laneId(5)];
    await lanes.enqueue([delivery(a, 1), delivery(a, 2), delivery(b, 1)]);
    expect((await lanes.claim([a, b], 'job:batch', 5000)).map((c) => c.delivery.laneId)).toEqual([a, b]);
    const [ao, bo] = await lanes.ackMany([{ laneId: a, seq: 1 }, { laneId: b, seq: 1 }], 'job:batch', { keep: true });
    expect(ao && 'next' in ao ? ao.next.seq : null).toBe(2);
    expect(bo).toBeNull();
    expect(await lanes.ackedSeqs([a, b])).toEqual([1, 1]);
  });
});
