import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging.js';
import { RedisUnavailableError, resolveRedis, startEmbedded } from '../../src/queue/redis.js';
import { REDIS_URL } from '../helpers/sim.js';

const logger = createLogger('error', { silent: true });

describe('finding Redis', () => {
  it('uses REDIS_URL when it answers', async () => {
    const h = await resolveRedis({ redisUrl: REDIS_URL, dataDir: os.tmpdir(), logger });
    expect(h.source).toBe('REDIS_URL');
    const c = h.connect();
    expect(await c.ping()).toBe('PONG');
    c.disconnect();
  });
  it('says how to get Redis when REDIS_URL does not answer', async () => {
    await expect(resolveRedis({ redisUrl: 'redis://127.0.0.1:1', dataDir: os.tmpdir(), logger })).rejects.toThrow(RedisUnavailableError);
    await expect(resolveRedis({ redisUrl: 'redis://127.0.0.1:1', dataDir: os.tmpdir(), logger })).rejects.toThrow(/apt-get install -y redis-server|docker compose/);
  });
  it('spawns an embedded redis-server with AOF under DATA_DIR, and stops it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ndxp-redis-'));
    const { url, child } = await startEmbedded(dir, logger);
    const c = new Redis(url);
    await c.set('k', 'v');
    expect(await c.get('k')).toBe('v');
    c.disconnect();
    const files = await readdir(path.join(dir, 'redis'), { recursive: true });
    expect(files.some((f) => String(f).includes('appendonly'))).toBe(true);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  });
});
