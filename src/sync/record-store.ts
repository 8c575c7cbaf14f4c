import type { Redis } from 'ioredis';
import type { RecordPort } from '../core/connector.js';

/** Small JSON records per (province, connector, collection): one hash each, plus an insertion-ordered index. */
export function createRecordPort(redis: Redis, prefix: string, province: string, connectorId: string): RecordPort {
  const hash = (c: string) => `${prefix}:records:${province}:${connectorId}:${c}`;
  const index = (c: string) => `${hash(c)}:order`;
  return {
    async get<T>(collection: string, key: string) {
      const raw = await redis.hget(hash(collection), key);
      return raw ? (JSON.parse(raw) as T) : null;
    },
    async putIfAbsent<T>(collection: string, key: string, value: T) {
      const created = (await redis.hsetnx(hash(collection), key, JSON.stringify(value))) === 1;
      if (created) {
        await redis.zadd(index(collection), Date.now(), key);
        return { value, created };
      }
      const raw = await redis.hget(hash(collection), key);
      return { value: JSON.parse(raw!) as T, created: false };
    },
    async put<T>(collection: string, key: string, value: T) {
      await redis.multi().hset(hash(collection), key, JSON.stringify(value)).zadd(index(collection), 'NX', Date.now(), key).exec();
    },
    async list<T>(collection: string, offset: number, limit: number) {
      const [total, keys] = await Promise.all([redis.zcard(index(collection)), redis.zrange(index(collection), offset, offset + limit - 1)]);
      const raws = keys.length ? await redis.hmget(hash(collection), ...keys) : [];
      return { total, items: raws.filter((r): r is string => !!r).map((r) => JSON.parse(r) as T) };
    },
  };
}
