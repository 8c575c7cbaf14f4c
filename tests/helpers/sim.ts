import { randomBytes } from 'node:crypto';
import axios, { type AxiosInstance } from 'axios';
import { Redis } from 'ioredis';
import { startSimulator, type Simulator } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logging.js';
import { deleteKeysByPrefix } from '../../src/queue/redis.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test file uses: tests share one Redis. */
export const uniquePrefix = (name: string) => `ndxp-test:${name}:${randomBytes(4).toString('hex')}`;

/** Deletes every key a test wrote. */
export async function dropPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  await deleteKeysByPrefix(redis, prefix);
  redis.disconnect();
}

export interface TestSim {
  sim: Simulator;
  http: AxiosInstance;
  prefix: string;
  /** A bearer token for the demo client, optionally with fewer scopes. */
  token(scope?: string): Promise<string>;
  auth(scope?: string): Promise<{ Authorization: string }>;
  close(): Promise<void>;
}

export async function startTestSim(name: string, overrides: Partial<Config> = {}, env: Record<string, string> = {}): Promise<TestSim> {
  const prefix = uniquePrefix(name);
  const config = loadConfig({ PORT: '0', REDIS_URL, CLOCK_FACTOR: '100000', LOG_LEVEL: 'error', KEY_PREFIX: prefix, ...env }, overrides);
  const sim = await startSimulator({ config, logger: createLogger('error', { silent: true }) });
  const http = axios.create({ baseURL: sim.url, validateStatus: () => true, timeout: 15_000 });
  const token = async (scope?: string) => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) });
    const res = await http.post('/token', form.toString(), {
      auth: { username: config.demoClientId, password: config.demoClientSecret },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    if (res.status !== 200) throw new Error(`token: ${res.status} ${JSON.stringify(res.data)}`);
    return res.data.access_token as string;
  };
  return {
    sim,
    http,
    prefix,
    token,
    auth: async (scope?: string) => ({ Authorization: `Bearer ${await token(scope)}` }),
    close: async () => {
      await sim.close();
      await dropPrefix(prefix);
    },
  };
}

/** A partial deep match: every key of `expected` equals (recursively) the one in `actual`. */
export function matchesPartial(actual: unknown, expected: unknown): boolean {
  if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
    if (!actual || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([k, v]) => matchesPartial((actual as Record<string, unknown>)[k], v));
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/** Polls `fn` until it returns a truthy value or `withinMs` passes. */
export async function eventually<T>(fn: () => Promise<T | undefined | false>, withinMs: number, everyMs = 50): Promise<T | undefined> {
  const end = Date.now() + withinMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) return undefined;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
