import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where connectors/, schemas/, mocks/ and reference/ live), whatever the working directory. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type Role = 'all' | 'gateway' | 'workers' | 'web';

export interface Config {
  port: number;
  host: string;
  redisUrl?: string;
  province: string;
  clockFactor: number;
  logLevel: 'error' | 'warn' | 'info' | 'http' | 'debug';
  dataDir: string;
  role: Role;
  /** Namespace of every Redis key and BullMQ queue: `ndxp:<province>` unless overridden (tests use unique ones). */
  keyPrefix: string;
  demoClientId: string;
  demoClientSecret: string;
  tokenTtlSec: number;
  maxBodyBytes: number;
  journalMaxLen: number;
  /** Status delivery (webhooks): tries before a delivery goes to the dead-letter list, first backoff, HTTP timeout. */
  webhookMaxAttempts: number;
  webhookBackoffMs: number;
  webhookTimeoutMs: number;
  webhookConcurrency: number;
  webhookLockMs: number;
  sessionTtlSec: number;
  bcryptRounds: number;
  demoAdminPassword: string;
  demoUserPassword: string;
  provincesDir: string;
  healthCheckEverySec: number;
  gateWaitMs: number;
  cookieSecure: boolean;
  /** Where the project's files are read from (connectors' schemas, seeds, reference data). */
  rootDir: string;
}

interface VarSpec<T> {
  name: string;
  default: T;
  doc: string;
  parse: (raw: string) => T;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const int = (min: number, max: number) => (raw: string) => {
  if (!/^\d+$/.test(raw)) throw new Error(`must be a whole number between ${min} and ${max}`);
  const n = Number(raw);
  if (n < min || n > max) throw new Error(`must be between ${min} and ${max}`);
  return n;
};

const minLen = (n: number) => (raw: string) => {
  if (raw.length < n) throw new Error(`must be at least ${n} characters`);
  return raw;
};

/** The documented variables (README "Configuration" is generated from the same list by `describeConfig`). */
export const CONFIG_VARS = {
  port: { name: 'PORT', default: 8080, doc: 'HTTP port of the gateway, API and dashboard (0 = any free port)', parse: int(0, 65535) },
  host: {
    name: 'HOST',
    default: '127.0.0.1',
    doc: 'Interface to listen on (0.0.0.0 in containers)',
    parse: (raw: string) => {
      if (!/^[A-Za-z0-9.:-]+$/.test(raw)) throw new Error('must be a host name or IP address');
      return raw;
    },
  },
  redisUrl: {
    name: 'REDIS_URL',
    default: undefined as string | undefined,
    doc: 'redis://[user:pass@]host:port[/db]. Unset: 127.0.0.1:6379 if it answers, else an embedded redis-server',
    parse: (raw: string) => {
      const u = new URL(raw);
      if (!['redis:', 'rediss:'].includes(u.protocol)) throw new Error('must start with redis:// or rediss://');
      return raw;
    },
  },
  province: {
    name: 'PROVINCE',
    default: 'an-giang',
    doc: 'Province (tenant) seeded at start and used by default',
    parse: (raw: string) => {
      if (!/^[a-z][a-z0-9-]{1,40}$/.test(raw)) throw new Error('must be a kebab-case province id, e.g. an-giang');
      return raw;
    },
  },
  clockFactor: {
    name: 'CLOCK_FACTOR',
    default: 60,
    doc: 'How much faster than real time the central side processes dossiers (60: a simulated hour takes a minute)',
    parse: (raw: string) => {
      const n = Number(raw);
      if (!Number.isFinite(n) || n <= 0 || n > 1_000_000) throw new Error('must be a number > 0 and ≤ 1000000');
      return n;
    },
  },
  logLevel: {
    name: 'LOG_LEVEL',
    default: 'info' as Config['logLevel'],
    doc: 'error | warn | info | http | debug',
    parse: (raw: string) => {
      if (!['error', 'warn', 'info', 'http', 'debug'].includes(raw)) throw new Error('must be error, warn, info, http or debug');
      return raw as Config['logLevel'];
    },
  },
  dataDir: { name: 'DATA_DIR', default: '.data', doc: 'Where the embedded Redis keeps its AOF and recordings go', parse: (raw: string) => raw },
  role: {
    name: 'ROLE',
    default: 'all' as Role,
    doc: 'all | gateway | workers | web (also --role): run one part alone to scale it',
    parse: (raw: string) => {
      if (!['all', 'gateway', 'workers', 'web'].includes(raw)) throw new Error('must be all, gateway, workers or web');
      return raw as Role;
    },
  },
  keyPrefix: { name: 'KEY_PREFIX', default: '', doc: 'Redis key namespace (default ndxp:<PROVINCE>)', parse: (raw: string) => raw },
  demoClientId: {
    name: 'DEMO_CLIENT_ID',
    default: 'tthc-an-giang',
    doc: 'Sandbox client created at first start with every scope',
    parse: (raw: string) => {
      if (!/^[A-Za-z0-9._-]{3,64}$/.test(raw)) throw new Error('3-64 letters, digits, dot, dash or underscore');
      return raw;
    },
  },
  demoClientSecret: {
    name: 'DEMO_CLIENT_SECRET',
    default: 'sandbox-secret',
    doc: 'Its secret (a sandbox value; set your own outside a laptop)',
    parse: (raw: string) => {
      if (raw.length < 8) throw new Error('must be at least 8 characters');
      return raw;
    },
  },
  tokenTtlSec: { name: 'TOKEN_TTL', default: 3600, doc: 'Access token lifetime in seconds (expires_in)', parse: int(5, 86400) },
  maxBodyBytes: { name: 'MAX_BODY_BYTES', default: 1_048_576, doc: 'Largest accepted request body (413 above)', parse: int(1024, 50 * 1_048_576) },
  journalMaxLen: { name: 'JOURNAL_MAX', default: 100_000, doc: 'Entries kept in the traffic journal (capped stream)', parse: int(100, 10_000_000) },
  webhookMaxAttempts: { name: 'WEBHOOK_MAX_ATTEMPTS', default: 8, doc: 'Tries of one webhook delivery before it goes to the dead-letter list', parse: int(1, 50) },
  webhookBackoffMs: { name: 'WEBHOOK_BACKOFF_MS', default: 1000, doc: 'First retry delay of a failed webhook; doubles each try, with jitter (capped at 10 min)', parse: int(1, 600_000) },
  webhookTimeoutMs: { name: 'WEBHOOK_TIMEOUT_MS', default: 5000, doc: 'A webhook receiver that has not answered within this time counts as failed', parse: int(50, 120_000) },
  webhookLockMs: { name: 'WEBHOOK_LOCK_MS', default: 30_000, doc: 'A delivery held longer by a worker that stopped answering (crashed) is taken over by another after this', parse: int(1000, 600_000) },
  webhookConcurrency: { name: 'WEBHOOK_CONCURRENCY', default: 64, doc: 'Webhook deliveries in flight per worker process', parse: int(1, 2000) },
  // Rollout tracker (src/rollout, src/auth): sessions, demo accounts, extra provinces, checks.
  sessionTtlSec: { name: 'SESSION_TTL', default: 28_800, doc: 'Sign-in session lifetime in seconds', parse: int(60, 30 * 86400) },
  bcryptRounds: { name: 'BCRYPT_ROUNDS', default: 10, doc: 'bcrypt cost of user passwords (tests use 4)', parse: int(4, 15) },
  demoAdminPassword: { name: 'DEMO_ADMIN_PASSWORD', default: 'admin-sandbox-2025', doc: 'Password of the demo Sở admin and national accounts (sandbox value)', parse: minLen(10) },
  demoUserPassword: { name: 'DEMO_USER_PASSWORD', default: 'user-sandbox-2025', doc: 'Password of the other demo accounts (sandbox value)', parse: minLen(10) },
  provincesDir: { name: 'PROVINCES_DIR', default: '', doc: 'Extra province profiles (*.json, *.yaml) loaded at start beside reference/provinces', parse: (raw: string) => raw },
  healthCheckEverySec: { name: 'HEALTH_CHECK_EVERY', default: 300, doc: 'Seconds between health checks of connectors in vận hành (uptime)', parse: int(5, 86400) },
  gateWaitMs: { name: 'GATE_WAIT_MS', default: 10_000, doc: 'How long a stage move waits for its gate check on the rollout-checks queue', parse: int(100, 120_000) },
  cookieSecure: { name: 'COOKIE_SECURE', default: false, doc: 'Mark the session cookie Secure (behind HTTPS)', parse: (raw: string) => {
    if (!['true', 'false'].includes(raw)) throw new Error('must be true or false');
    return raw === 'true';
  } },
} satisfies Record<string, VarSpec<unknown>>;

type Parsed = { [K in keyof typeof CONFIG_VARS]: ReturnType<(typeof CONFIG_VARS)[K]['parse']> | (typeof CONFIG_VARS)[K]['default'] };

/** Reads and validates the environment; every bad value is reported at once, with its name and the rule. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(CONFIG_VARS) as Array<[string, VarSpec<unknown>]>) {
    const raw = env[spec.name];
    if (raw === undefined || raw === '') {
      out[key] = spec.default;
      continue;
    }
    try {
      out[key] = spec.parse(raw.trim());
    } catch (e) {
      problems.push(`${spec.name}=${JSON.stringify(/SECRET|PASSWORD/.test(spec.name) ? '***' : raw)}: ${(e as Error).message}`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  const parsed = out as Parsed;
  return {
    ...parsed,
    keyPrefix: parsed.keyPrefix || `ndxp:${parsed.province}`,
    dataDir: path.resolve(parsed.dataDir),
    rootDir: ROOT_DIR,
    ...overrides,
  } as Config;
}

export function describeConfig(): Array<{ name: string; default: string; doc: string }> {
  return Object.values(CONFIG_VARS).map((v: VarSpec<unknown>) => ({
    name: v.name,
    default: v.default === undefined ? '' : String(v.default),
    doc: v.doc,
  }));
}
