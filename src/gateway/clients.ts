import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Redis } from 'ioredis';
import type { ClientInfo } from '../core/connector.js';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number) => Promise<Buffer>;

/** A platform client (a province's TTHC system): data in Redis, secret stored as a scrypt hash. */
export interface ClientRecord extends ClientInfo {
  name: string;
  secretHash: string;
  createdAt: string;
  /** Scenario applied to every call of this client (per-client fault injection), until `until` if set. */
  scenario?: { name: string; until?: string; connectors?: string[] };
  revokedAt?: string;
}

export interface TokenClaims {
  clientId: string;
  scopes: string[];
  province: string;
  sandbox: boolean;
  exp: number;
  revoked?: boolean;
}

async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, 32);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [alg, saltB64, hashB64] = stored.split('$');
  if (alg !== 'scrypt' || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, 'base64');
  const actual = await scrypt(secret, Buffer.from(saltB64, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// Cached lookups keep Redis off the hot path; a change made through this process is seen at once, one made
// through another gateway instance within CACHE_MS.
const CACHE_MS = 2000;
const TOMBSTONE_MS = 86_400_000;

export class ClientStore {
  private clientCache = new Map<string, { at: number; value: ClientRecord | null }>();
  private tokenCache = new Map<string, { at: number; value: TokenClaims | null }>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {}

  private key(id: string) {
    return `${this.prefix}:client:${id}`;
  }

  async create(args: { id: string; secret: string; name?: string; province: string; scopes: string[]; sandbox: boolean }): Promise<ClientRecord> {
    const record: ClientRecord = {
      id: args.id,
      name: args.name ?? args.id,
      province: args.province,
      scopes: [...new Set(args.scopes)].sort(),
      sandbox: args.sandbox,
      secretHash: await hashSecret(args.secret),
      createdAt: new Date(this.now()).toISOString(),
    };
    await this.redis.multi().set(this.key(args.id), JSON.stringify(record)).sadd(`${this.prefix}:clients`, args.id).exec();
    this.clientCache.delete(args.id);
    return record;
  }

  /** Creates the client only if it does not exist yet (the demo client at first start). */
  async ensure(args: Parameters<ClientStore['create']>[0]): Promise<{ record: ClientRecord; created: boolean }> {
    const existing = await this.get(args.id);
    if (existing) return { record: existing, created: false };
    return { record: await this.create(args), created: true };
  }

  async get(id: string): Promise<ClientRecord | null> {
    const hit = this.clientCache.get(id);
    if (hit && this.now() - hit.at < CACHE_MS) return hit.value;
    const raw = await this.redis.get(this.key(id));
    const value = raw ? (JSON.parse(raw) as ClientRecord) : null;
    this.clientCache.set(id, { at: this.now(), value });
    return value;
  }

  async list(): Promise<ClientRecord[]> {
    const ids = await this.redis.smembers(`${this.prefix}:clients`);
    const out = await Promise.all(ids.sort().map((id) => this.get(id)));
    return out.filter((c): c is ClientRecord => !!c);
  }

  async update(id: string, patch: Partial<Omit<ClientRecord, 'id' | 'secretHash'>>): Promise<ClientRecord | null> {
    const current = await this.get(id);
    if (!current) return null;
    const next = { ...current, ...patch };
    await this.redis.set(this.key(id), JSON.stringify(next));
    this.clientCache.set(id, { at: this.now(), value: next });
    return next;
  }

  async setScenario(id: string, scenario: ClientRecord['scenario'] | undefined): Promise<ClientRecord | null> {
    const current = await this.get(id);
    if (!current) return null;
    const next: ClientRecord = { ...current };
    if (scenario) next.scenario = scenario;
    else delete next.scenario;
    await this.redis.set(this.key(id), JSON.stringify(next));
    this.clientCache.set(id, { at: this.now(), value: next });
    return next;
  }

  /** Checks client credentials; null when the id is unknown, revoked or the secret is wrong. */
  async authenticate(id: string, secret: string): Promise<ClientRecord | null> {
    const client = await this.get(id);
    if (!client || client.revokedAt) return null;
    return (await verifySecret(secret, client.secretHash)) ? client : null;
  }

  async issueToken(client: ClientRecord, scopes: string[], ttlSec: number): Promise<{ token: string; claims: TokenClaims }> {
    const token = randomBytes(32).toString('base64url');
    const claims: TokenClaims = {
      clientId: client.id,
      scopes,
      province: client.province,
      sandbox: client.sandbox,
      exp: this.now() + ttlSec * 1000,
    };
    await this.redis
      .multi()
      // Kept a day past expiry so an expired token is told apart from one that never existed.
      .set(`${this.prefix}:token:${sha256(token)}`, JSON.stringify(claims), 'PX', ttlSec * 1000 + TOMBSTONE_MS)
      .sadd(`${this.prefix}:client-tokens:${client.id}`, sha256(token))
      .exec();
    return { token, claims };
  }

  /** The claims of a live token, 'expired' (expired or revoked), or 'invalid' (never issued, or malformed). */
  async resolveToken(token: string): Promise<TokenClaims | 'expired' | 'invalid'> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return 'invalid';
    const digest = sha256(token);
    const hit = this.tokenCache.get(digest);
    let claims: TokenClaims | null;
    if (hit && this.now() - hit.at < CACHE_MS) claims = hit.value;
    else {
      const raw = await this.redis.get(`${this.prefix}:token:${digest}`);
      claims = raw ? (JSON.parse(raw) as TokenClaims) : null;
      if (this.tokenCache.size > 50_000) this.tokenCache.clear();
      this.tokenCache.set(digest, { at: this.now(), value: claims });
    }
    if (!claims) return 'invalid';
    if (claims.revoked || claims.exp <= this.now()) return 'expired';
    return claims;
  }

  /** Revokes every token of a client (and optionally the client itself). */
  async revokeTokens(id: string): Promise<number> {
    const digests = await this.redis.smembers(`${this.prefix}:client-tokens:${id}`);
    const tombstone = JSON.stringify({ clientId: id, scopes: [], province: '', sandbox: false, exp: 0, revoked: true });
    const tx = this.redis.multi();
    for (const d of digests) tx.set(`${this.prefix}:token:${d}`, tombstone, 'PX', TOMBSTONE_MS);
    await tx.del(`${this.prefix}:client-tokens:${id}`).exec();
    for (const d of digests) this.tokenCache.delete(d);
    return digests.length;
  }
}
