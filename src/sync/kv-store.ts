import type { Redis } from 'ioredis';
import type { KeyValuePort } from '../core/connector.js';

/** A connector's shared key-value store: plain Redis strings under `<prefix>:kv:<connector>:`. */
export function createKeyValuePort(redis: Redis, prefix: string, connectorId: string): KeyValuePort {
  const k = (key: string) => `${prefix}:kv:${connectorId}:${key}`;
  return {
    get: (key) => redis.get(k(key)),
    async set(key, value, opts = {}) {
      const args: Array<string | number> = [];
      if (opts.ttlMs !== undefined) args.push('PX', Math.max(1, Math.round(opts.ttlMs)));
      if (opts.ifAbsent) args.push('NX');
      const ok = await (redis.set as (...a: unknown[]) => Promise<string | null>)(k(key), value, ...args);
      return ok === 'OK';
    },
    take: (key) => redis.getdel(k(key)),
    async del(key) {
      await redis.del(k(key));
    },
  };
}
