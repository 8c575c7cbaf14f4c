import type { Redis } from 'ioredis';

/**
 * Delivery lanes: one lane per (subscription, dossier), a sorted set of pending deliveries scored by the dossier's
 * seq. Only the lane's head (lowest seq) has a queue job; acknowledging it hands the lane to the next one. So one
 * dossier's events reach a receiver in order, while every other dossier's lane moves on its own. All state changes
 * are Lua scripts: a worker killed at any point leaves a lane that the next run (or the sweeper) resumes.
 */
export interface Delivery {
  laneId: string;
  subscriptionId: string;
  clientId: string;
  seq: number;
  event: string;
  idempotencyKey: string;
  /** The JSON body as sent (built once at dispatch, so every retry and replay sends the same bytes). */
  body: string;
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

// KEYS: lane, acked, blocked, lanes, deadLane, deadLanes. ARGV: laneId, seq, member.
// Returns the lane head's seq to schedule, 0 (nothing to schedule: dead-lettered behind a blocked lane) or -1 (already delivered).
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
return tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])`;

// KEYS: lane, acked, lanes. ARGV: laneId, seq. Returns the next head's seq, or 0 when the lane is empty.
const ACK = `
local seq = tonumber(ARGV[2])
if seq > tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') then redis.call('HSET', KEYS[2], ARGV[1], seq) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', seq)
local head = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #head == 0 then redis.call('SREM', KEYS[3], ARGV[1]) return 0 end
return tonumber(head[2])`;

// KEYS: lane, blocked, lanes, deadLane, deadLanes, deadInfo. ARGV: laneId, info JSON. Moves the whole lane aside.
const DEAD = `
local items = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #items, 2 do redis.call('ZADD', KEYS[4], items[i + 1], items[i]) end
redis.call('DEL', KEYS[1])
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

export const laneIdOf = (subscriptionId: string, connectorId: string, maHoSo: string) => `${subscriptionId}|${connectorId}|${maHoSo}`;

export function parseLaneId(laneId: string): { subscriptionId: string; connectorId: string; maHoSo: string } {
  const [subscriptionId = '', connectorId = '', maHoSo = ''] = laneId.split('|');
  return { subscriptionId, connectorId, maHoSo };
}

export class LaneStore {
  private readonly p: string;

  constructor(private readonly redis: Redis, prefix: string) {
    this.p = `${prefix}:wh`;
  }

  private lane = (id: string) => `${this.p}:lane:${id}`;
  private deadLane = (id: string) => `${this.p}:dead-lane:${id}`;
  private deadLanes = (clientId: string) => `${this.p}:dead-lanes:${clientId}`;
  private get acked() { return `${this.p}:acked`; }
  private get blocked() { return `${this.p}:blocked`; }
  private get lanes() { return `${this.p}:lanes`; }
  private get deadInfo() { return `${this.p}:dead-info`; }

  /** Queues the calls of `enqueue` on a pipeline (the dispatcher sends a batch in one round trip). */
  enqueue(pipe: ReturnType<Redis['pipeline']>, d: Delivery): void {
    pipe.eval(ENQUEUE, 6, this.lane(d.laneId), this.acked, this.blocked, this.lanes, this.deadLane(d.laneId), this.deadLanes(d.clientId),
      d.laneId, String(d.seq), JSON.stringify(d));
  }

  /** The lane's head delivery if it is `seq`, else null and the head's seq (0: the lane is empty). */
  async head(laneId: string, seq: number): Promise<{ delivery: Delivery | null; head: number }> {
    const [member] = await this.redis.zrange(this.lane(laneId), 0, 0);
    if (!member) return { delivery: null, head: 0 };
    const d = JSON.parse(member) as Delivery;
    return d.seq === seq ? { delivery: d, head: seq } : { delivery: null, head: d.seq };
  }

  async ack(laneId: string, seq: number): Promise<number> {
    return (await this.redis.eval(ACK, 3, this.lane(laneId), this.acked, this.lanes, laneId, String(seq))) as number;
  }

  async deadLetter(laneId: string, clientId: string, info: Omit<DeadLetter, 'laneId' | 'subscriptionId' | 'maHoSo' | 'connectorId' | 'seqs'>): Promise<number> {
    return (await this.redis.eval(DEAD, 6, this.lane(laneId), this.blocked, this.lanes, this.deadLane(laneId), this.deadLanes(clientId), this.deadInfo,
      laneId, JSON.stringify(info))) as number;
  }

  async replay(laneId: string, clientId: string): Promise<number> {
    return (await this.redis.eval(REPLAY, 7, this.lane(laneId), this.blocked, this.lanes, this.deadLane(laneId), this.deadLanes(clientId), this.deadInfo,
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

  /** Every lane with pending deliveries and its head (for the sweeper that re-schedules lost head jobs). */
  async *pendingHeads(batch = 500): AsyncGenerator<Array<{ laneId: string; seq: number }>> {
    let cursor = '0';
    do {
      const [next, ids] = await this.redis.sscan(this.lanes, cursor, 'COUNT', batch);
      cursor = next;
      if (!ids.length) continue;
      const pipe = this.redis.pipeline();
      for (const id of ids) pipe.zrange(this.lane(id), 0, 0, 'WITHSCORES');
      const res = (await pipe.exec()) ?? [];
      yield ids.flatMap((laneId, i) => {
        const r = res[i]?.[1] as string[] | undefined;
        return r && r.length ? [{ laneId, seq: Number(r[1]) }] : [];
      });
    } while (cursor !== '0');
  }

  /** The highest acknowledged (delivered) seq of each lane, 0 when none yet (the dashboard's dossier timeline). */
  async ackedSeqs(laneIds: string[]): Promise<number[]> {
    if (!laneIds.length) return [];
    return (await this.redis.hmget(this.acked, ...laneIds)).map((v) => Number(v ?? 0));
  }

  async pendingCount(): Promise<number> {
    return this.redis.scard(this.lanes);
  }
}
