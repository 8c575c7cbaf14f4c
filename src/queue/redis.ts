import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logging.js';

export interface RedisHandle {
  url: string;
  /** How the server was found: the configured URL, the local default, or a redis-server we started. */
  source: 'REDIS_URL' | 'local' | 'embedded';
  /** A new connection (BullMQ workers need their own, with maxRetriesPerRequest: null). */
  connect(options?: RedisOptions): Redis;
  stop(): Promise<void>;
}

export class RedisUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `Không kết nối được Redis / Redis is not available (${detail}).\n` +
        '  - Cài Redis / install Redis: apt-get install -y redis-server (Debian/Ubuntu), brew install redis (macOS)\n' +
        '  - hoặc / or: docker compose up -d redis, then REDIS_URL=redis://127.0.0.1:6379 npm start',
    );
    this.name = 'RedisUnavailableError';
  }
}

export async function pingOnce(url: string, timeoutMs: number): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts redis-server from PATH on a free port, AOF on, data under `dataDir/redis`. */
export async function startEmbedded(dataDir: string, logger: Logger): Promise<{ url: string; child: ChildProcess }> {
  const dir = path.join(dataDir, 'redis');
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  const spawned = await new Promise<Error | null>((resolve) => {
    child.once('error', (e) => resolve(e));
    child.once('spawn', () => resolve(null));
  });
  if (spawned) throw new RedisUnavailableError(`redis-server not found on PATH: ${spawned.message}`);
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) throw new RedisUnavailableError(`embedded redis-server exited with ${child.exitCode}`);
    if (await pingOnce(url, 200)) {
      logger.info('embedded redis-server started', { port, dir });
      return { url, child };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new RedisUnavailableError('embedded redis-server did not answer within 5 s');
}

/**
 * REDIS_URL if set; else 127.0.0.1:6379 if a server answers; else spawn redis-server from PATH on a free port with
 * AOF under DATA_DIR, stopped on exit; else a clear message (ARCHITECTURE.md, "Redis").
 */
export async function resolveRedis(opts: { redisUrl?: string; dataDir: string; logger: Logger }): Promise<RedisHandle> {
  let url: string;
  let source: RedisHandle['source'];
  let child: ChildProcess | undefined;
  if (opts.redisUrl) {
    if (!(await pingOnce(opts.redisUrl, 2000))) throw new RedisUnavailableError(`REDIS_URL=${new URL(opts.redisUrl).host} did not answer`);
    url = opts.redisUrl;
    source = 'REDIS_URL';
  } else if (await pingOnce('redis://127.0.0.1:6379', 500)) {
    url = 'redis://127.0.0.1:6379';
    source = 'local';
  } else {
    ({ url, child } = await startEmbedded(opts.dataDir, opts.logger));
    source = 'embedded';
  }
  const stopChild = () => child?.kill('SIGTERM');
  if (child) process.once('exit', stopChild);
  return {
    url,
    source,
    connect: (options: RedisOptions = {}) => new Redis(url, { maxRetriesPerRequest: null, ...options }),
    stop: async () => {
      if (!child || child.exitCode !== null) return;
      process.off('exit', stopChild);
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Deletes every key under `prefix:` with SCAN + UNLINK (never KEYS: a shared Redis is not blocked). */
export async function deleteKeysByPrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}
