import type { Redis } from 'ioredis';
import { defineScript } from '../redis-scripts.js';

/**
 * Delivery lanes: one lane per (subscription, dossier), a sorted set of pending deliveries scored by the dossier's
 * seq. A delivery chain claims a lane, sends its head (lowest seq) and, once the receiver acknowledges it, goes on with
 * the next one; so one dossier's events reach a receiver one at a time and in order, while every other lane moves on
 * its own. All state changes are Lua scripts: a worker killed at any point leaves a lane whose claim runs out and that
 * the job's redo (or the sweeper) resumes.
 */
export interface Delivery {
  laneId: string;
  subscriptionId: string;
  clientId: string;
  seq: number;
  event: string;
  idempotencyKey: string;
  /** The JSON body as sent, UTF-8 (built once at dispatch, so every retry and replay sends the same bytes). */
  body: Buffer;
}

/**
 * A lane member: the delivery's small JSON header, a newline, then the body's bytes as they are sent. The body is
 * neither escaped into the header nor converted back to a string on its way to the receiver (the hot path).
 */
export function encodeMember(d: Delivery): Buffer {
  const { body, ...header } = d;
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]);
}

export function decodeMember(member: Buffer): Delivery {
  const nl = member.indexOf(10);
  return { ...(JSON.parse(member.subarray(0, nl).toString('utf8')) as Omit<Delivery, 'body'>), body: member.subarray(nl + 1) };
}

export interface DeadLetter {
  laneId: string;
  subscriptionId: string;
  maHoSo: string;
  connectorId: string;
  seqs: number[];
  error: string;
  attempts: number;
  deadAt: string;
}

// A lane is "claimed" while one delivery chain works on it (a key with expiry, holding the chain's token): in flight, or
// waiting for its retry. Only the claimant delivers, so a lane never has two deliveries in flight; a claim left by a
// killed worker expires and the lane is taken up again (by the job's redo, which has the same token, or the sweeper).

// KEYS: lane, acked, blocked, lanes, deadLane, deadLanes, claim. ARGV: laneId, seq, member.
// Returns the lane head's seq to schedule, 0 (nothing to schedule: claimed, or dead-lettered behind a blocked lane) or
// -1 (already delivered).
const ENQUEUE = `
local seq = tonumber(ARGV[2])
if seq <= tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') then return -1 end
if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then
  redis.call('ZREMRANGEBYSCORE', KEYS[5], seq, seq)
  redis.call('ZADD', KEYS[5], seq, ARGV[3])
  redis.call('SADD', KEYS[6], ARGV[1])
  return 0
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], seq, seq)
redis.call('ZADD', KEYS[1], seq, ARGV[3])
redis.call('SADD', KEYS[4], ARGV[1])
if redis.call('EXISTS', KEYS[7]) == 1 then return 0 end
return tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])`;

// KEYS: (lane, claim) per lane. ARGV: token, ttl ms. Claims each free lane (or one this token already holds) that has
// a head; returns the head member per lane, false where the lane is empty or someone else's.
const CLAIM = `
local out = {}
for i = 1, #KEYS, 2 do
  local owner = redis.call('GET', KEYS[i + 1])
  local head = false
  if not owner or owner == ARGV[1] then
    head = redis.call('ZRANGE', KEYS[i], 0, 0)[1] or false
    if head then redis.call('SET', KEYS[i + 1], ARGV[1], 'PX', ARGV[2]) end
  end
  out[#out + 1] = head
end
return out`;

// KEYS: lane, acked, lanes, claim, ackedAt. ARGV: laneId, seq, token, ttl ms, keep (1: go on with the next head), now ms.
// Acknowledges seq. Returns the next head member when this token holds the lane and keeps it; else the next head's seq
// to schedule when it released a non-empty lane, or 0.
const ACK = `
local seq = tonumber(ARGV[2])
if seq > tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') then
  redis.call('HSET', KEYS[2], ARGV[1], seq)
  redis.call('HSET', KEYS[5], seq, ARGV[6])
  redis.call('PEXPIRE', KEYS[5], 2592000000)
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', seq)
local head = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local mine = redis.call('GET', KEYS[4]) == ARGV[3]
if #head == 0 then
  redis.call('SREM', KEYS[3], ARGV[1])
  if mine then redis.call('DEL', KEYS[4]) end
  return 0
end
if not mine then return 0 end
if ARGV[5] == '1' then
  redis.call('PEXPIRE', KEYS[4], ARGV[4])
  return head[1]
end
redis.call('DEL', KEYS[4])
return tonumber(head[2])`;

// KEYS: claim. ARGV: token, new token, ttl ms. Hands a held claim on (to the lane's retry job); 1 done, 0 not held.
const HAND_OVER = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;

// KEYS: claim. ARGV: token, ttl ms. Extends a held claim (a retry job waiting for its next try).
const EXTEND = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])`;

// KEYS: lane, blocked, lanes, deadLane, deadLanes, deadInfo, claim. ARGV: laneId, info JSON. Moves the whole lane aside.
const DEAD = `
local items = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #items, 2 do redis.call('ZADD', KEYS[4], items[i + 1], items[i]) end
redis.call('DEL', KEYS[1], KEYS[7])
redis.call('SREM', KEYS[3], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[5], ARGV[1])
redis.call('HSET', KEYS[6], ARGV[1], ARGV[2])
return #items / 2`;

// KEYS: lane, blocked, lanes, deadLane, deadLanes, deadInfo, acked. ARGV: laneId. Returns the head to schedule (0: none).
const REPLAY = `
local acked = tonumber(redis.call('HGET', KEYS[7], ARGV[1]) or '0')
local items = redis.call('ZRANGE', KEYS[4], 0, -1, 'WITHSCORES')
for i = 1, #items, 2 do
  if tonumber(items[i + 1]) > acked then redis.call('ZADD', KEYS[1], items[i + 1], items[i]) end
end
redis.call('DEL', KEYS[4])
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[5], ARGV[1])
redis.call('HDEL', KEYS[6], ARGV[1])
local head = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #head == 0 then return 0 end
redis.call('SADD', KEYS[3], ARGV[1])
return tonumber(head[2])`;

const run = {
  enqueue: defineScript('ndxpLaneEnqueue', { lua: ENQUEUE, numberOfKeys: 7 }),
  claim: defineScript('ndxpLaneClaim', { lua: CLAIM }),
  ack: defineScript('ndxpLaneAck', { lua: ACK, numberOfKeys: 5 }),
  handOver: defineScript('ndxpLaneHandOver', { lua: HAND_OVER, numberOfKeys: 1 }),
  extend: defineScript('ndxpLaneExtend', { lua: EXTEND, numberOfKeys: 1 }),
  dead: defineScript('ndxpLaneDead', { lua: DEAD, numberOfKeys: 7 }),
  replay: defineScript('ndxpLaneReplay', { lua: REPLAY, numberOfKeys: 7 }),
};

export const laneIdOf = (subscriptionId: string, connectorId: string, maHoSo: string) => `${subscriptionId}|${connectorId}|${maHoSo}`;

export function parseLaneId(laneId: string): { subscriptionId: string; connectorId: string; maHoSo: string } {
  const [subscriptionId = '', connectorId = '', maHoSo = ''] = laneId.split('|');
  return { subscriptionId, connectorId, maHoSo };
}

/** keep: go on with the lane's next delivery (claim renewed for ttlMs) if this token holds it. */
interface AckOptions {
  keep?: boolean;
  ttlMs?: number;
}

/** What acknowledging a delivery leaves to do: go on with the lane's next delivery, schedule the lane, or nothing. */
export type AckOutcome = { next: Delivery } | { schedule: number } | null;

const outcomeOf = (r: unknown): AckOutcome => (Buffer.isBuffer(r) ? { next: decodeMember(r) } : (r as number) > 0 ? { schedule: r as number } : null);

export class LaneStore {
  private readonly p: string;

  constructor(private readonly redis: Redis, prefix: string) {
    this.p = `${prefix}:wh`;
    // used on pipelines
    run.enqueue.ensure(redis);
    run.ack.ensure(redis);
  }

  private lane = (id: string) => `${this.p}:lane:${id}`;
  private claimKey = (id: string) => `${this.p}:claim:${id}`;
  private ackedAt = (id: string) => `${this.p}:acked-at:${id}`;
  private deadLane = (id: string) => `${this.p}:dead-lane:${id}`;
  private deadLanes = (clientId: string) => `${this.p}:dead-lanes:${clientId}`;
  private get acked() { return `${this.p}:acked`; }
  private get blocked() { return `${this.p}:blocked`; }
  private get lanes() { return `${this.p}:lanes`; }
  private get deadInfo() { return `${this.p}:dead-info`; }

  /**
   * Adds deliveries to their lanes in one round trip; returns, per delivery, the lane head's seq to schedule (> 0),
   * 0 when there is nothing to schedule (the lane is claimed or dead-lettered) or -1 when it was delivered already.
   */
  async enqueue(deliveries: Delivery[]): Promise<number[]> {
    const pipe = this.redis.pipeline();
    for (const d of deliveries) {
      void run.enqueue(pipe, this.lane(d.laneId), this.acked, this.blocked, this.lanes, this.deadLane(d.laneId), this.deadLanes(d.clientId),
        this.claimKey(d.laneId), d.laneId, d.seq, encodeMember(d));
    }
    const out = (await pipe.exec()) ?? [];
    return out.map(([err, head]) => {
      if (err) throw err;
      return head as number;
    });
  }

  /**
   * Claims the lanes for a delivery chain: a free lane (or one `token` holds already) with a pending head is now held
   * by `token` for `ttlMs`; returns the heads of the lanes claimed.
   */
  async claim(laneIds: string[], token: string, ttlMs: number): Promise<Array<{ laneId: string; delivery: Delivery }>> {
    if (!laneIds.length) return [];
    const keys = laneIds.flatMap((id) => [this.lane(id), this.claimKey(id)]);
    const heads = (await run.claim.buffer(this.redis, keys.length, ...keys, token, ttlMs)) as Array<Buffer | null>;
    return laneIds.flatMap((laneId, i) => (heads[i] ? [{ laneId, delivery: decodeMember(heads[i]!) }] : []));
  }

  /**
   * Acknowledges a delivered seq. When `token` holds the lane and `keep` is set, the chain goes on with the next head
   * (claim renewed); when it lets a non-empty lane go, the lane must be scheduled again.
   */
  async ack(laneId: string, seq: number, token = '', opts: AckOptions = {}): Promise<AckOutcome> {
    return outcomeOf(await run.ack.buffer(this.redis, ...this.ackArgs(laneId, seq, token, opts)));
  }

  /** `ack` for several lanes in one round trip (a batch the receiver acknowledged at once). */
  async ackMany(items: Array<{ laneId: string; seq: number }>, token: string, opts: AckOptions = {}): Promise<AckOutcome[]> {
    const pipe = this.redis.pipeline();
    for (const { laneId, seq } of items) void run.ack.buffer(pipe, ...this.ackArgs(laneId, seq, token, opts));
    return ((await pipe.exec()) ?? []).map(([err, r]) => {
      if (err) throw err;
      return outcomeOf(r);
    });
  }

  private ackArgs(laneId: string, seq: number, token: string, opts: AckOptions): Array<string | number> {
    return [this.lane(laneId), this.acked, this.lanes, this.claimKey(laneId), this.ackedAt(laneId),
      laneId, seq, token, opts.ttlMs ?? 30_000, opts.keep ? '1' : '0', Date.now()];
  }

  /** Hands the lane's claim from one holder to another (a failed delivery's lane to its retry job). */
  async handOver(laneId: string, from: string, to: string, ttlMs: number): Promise<boolean> {
    return (await run.handOver(this.redis, this.claimKey(laneId), from, to, ttlMs)) === 1;
  }

  async extendClaim(laneId: string, token: string, ttlMs: number): Promise<boolean> {
    return (await run.extend(this.redis, this.claimKey(laneId), token, ttlMs)) === 1;
  }

  async deadLetter(laneId: string, clientId: string, info: Omit<DeadLetter, 'laneId' | 'subscriptionId' | 'maHoSo' | 'connectorId' | 'seqs'>): Promise<number> {
    return (await run.dead(this.redis, this.lane(laneId), this.blocked, this.lanes, this.deadLane(laneId), this.deadLanes(clientId), this.deadInfo,
      this.claimKey(laneId), laneId, JSON.stringify(info))) as number;
  }

  async replay(laneId: string, clientId: string): Promise<number> {
    return (await run.replay(this.redis, this.lane(laneId), this.blocked, this.lanes, this.deadLane(laneId), this.deadLanes(clientId), this.deadInfo,
      this.acked, laneId)) as number;
  }

  async deadLetters(clientId: string): Promise<DeadLetter[]> {
    const ids = (await this.redis.smembers(this.deadLanes(clientId))).sort();
    if (!ids.length) return [];
    const infos = await this.redis.hmget(this.deadInfo, ...ids);
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.zrange(this.deadLane(id), 0, -1, 'WITHSCORES');
    const seqLists = (await pipe.exec()) ?? [];
    return ids.map((laneId, i) => {
      const info = JSON.parse(infos[i] ?? '{}') as Pick<DeadLetter, 'error' | 'attempts' | 'deadAt'>;
      const flat = (seqLists[i]?.[1] as string[]) ?? [];
      const seqs = flat.filter((_, j) => j % 2 === 1).map(Number);
      return { laneId, ...parseLaneId(laneId), seqs, ...info };
    });
  }

  /**
   * Every unclaimed lane with pending deliveries and its head (for the sweeper that re-schedules lanes whose job was
   * lost). A claimed lane is in someone's hands, or its claim runs out and it shows up here later.
   */
  async *pendingHeads(batch = 500): AsyncGenerator<Array<{ laneId: string; seq: number }>> {
    let cursor = '0';
    do {
      const [next, ids] = await this.redis.sscan(this.lanes, cursor, 'COUNT', batch);
      cursor = next;
      if (!ids.length) continue;
      const pipe = this.redis.pipeline();
      for (const id of ids) pipe.zrange(this.lane(id), 0, 0, 'WITHSCORES').exists(this.claimKey(id));
      const res = (await pipe.exec()) ?? [];
      yield ids.flatMap((laneId, i) => {
        const r = res[2 * i]?.[1] as string[] | undefined;
        const claimed = res[2 * i + 1]?.[1] === 1;
        return r && r.length && !claimed ? [{ laneId, seq: Number(r[1]) }] : [];
      });
    } while (cursor !== '0');
  }

  /** The highest acknowledged (delivered) seq of each lane, 0 when none yet (the dashboard's dossier timeline). */
  async ackedSeqs(laneIds: string[]): Promise<number[]> {
    if (!laneIds.length) return [];
    return (await this.redis.hmget(this.acked, ...laneIds)).map((v) => Number(v ?? 0));
  }

  /** When each seq of a lane was acknowledged by the receiver (kept 30 days after the lane's last delivery). */
  async deliveredAt(laneId: string): Promise<Map<number, Date>> {
    const all = await this.redis.hgetall(this.ackedAt(laneId));
    return new Map(Object.entries(all).map(([seq, ms]) => [Number(seq), new Date(Number(ms))]));
  }

  async pendingCount(): Promise<number> {
    return this.redis.scard(this.lanes);
  }
}
