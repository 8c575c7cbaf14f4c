import { createHash, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { Redis } from 'ioredis';
import type { Principal, UserRole } from './policy.js';

export interface UserRecord extends Principal {
  name: string;
  passwordHash: string;
  createdAt: string;
  disabled?: boolean;
}

export type PublicUser = Omit<UserRecord, 'passwordHash'>;

export interface Session {
  username: string;
  exp: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const publicUser = ({ passwordHash: _ph, ...rest }: UserRecord): PublicUser => rest;

const MAX_FAILURES = 10;
const FAILURE_WINDOW_SEC = 900;

/** Users (bcrypt-hashed passwords) and their sessions (opaque tokens, stored hashed, with expiry) in Redis. */
export class UserStore {
  // A hash checked when the user does not exist, so a wrong name costs the same time as a wrong password.
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly sessionTtlSec: number,
    private readonly bcryptRounds = 10,
    private readonly now: () => number = Date.now,
  ) {}

  private key(username: string) {
    return `${this.prefix}:user:${username}`;
  }

  async create(args: { username: string; password: string; name: string; role: UserRole; province?: string; agency?: string; clients?: string[] }): Promise<UserRecord> {
    const user: UserRecord = {
      username: args.username,
      name: args.name,
      role: args.role,
      ...(args.province ? { province: args.province } : {}),
      ...(args.agency ? { agency: args.agency } : {}),
      clients: args.clients ?? [],
      passwordHash: await bcrypt.hash(args.password, this.bcryptRounds),
      createdAt: new Date(this.now()).toISOString(),
    };
    const ok = await this.redis.set(this.key(user.username), JSON.stringify(user), 'NX');
    if (ok !== 'OK') throw new UserExistsError(user.username);
    await this.redis.sadd(`${this.prefix}:users`, user.username);
    return user;
  }

  async get(username: string): Promise<UserRecord | null> {
    const raw = await this.redis.get(this.key(username));
    return raw ? (JSON.parse(raw) as UserRecord) : null;
  }

  async list(): Promise<UserRecord[]> {
    const names = (await this.redis.smembers(`${this.prefix}:users`)).sort();
    const raws = names.length ? await this.redis.mget(...names.map((n) => this.key(n))) : [];
    return raws.filter((r): r is string => !!r).map((r) => JSON.parse(r) as UserRecord);
  }

  async update(username: string, patch: Partial<Pick<UserRecord, 'name' | 'clients' | 'disabled'>>): Promise<UserRecord | null> {
    const u = await this.get(username);
    if (!u) return null;
    const next = { ...u, ...patch };
    await this.redis.set(this.key(username), JSON.stringify(next));
    if (patch.disabled) await this.revokeSessions(username);
    return next;
  }

  /** Sets a new password and ends every session of the user (a changed or reset password signs them out). */
  async setPassword(username: string, password: string): Promise<boolean> {
    const u = await this.get(username);
    if (!u) return false;
    await this.redis.set(this.key(username), JSON.stringify({ ...u, passwordHash: await bcrypt.hash(password, this.bcryptRounds) }));
    await this.revokeSessions(username);
    return true;
  }

  /**
   * The user when the password matches; null otherwise, or 'locked' after too many failures for this name from
   * this address (keyed on both, so someone elsewhere cannot lock a colleague out).
   */
  async verify(username: string, password: string, from = ''): Promise<UserRecord | null | 'locked'> {
    const failKey = `${this.prefix}:login-fail:${sha256(`${username}|${from}`)}`;
    const fails = Number((await this.redis.get(failKey)) ?? 0);
    if (fails >= MAX_FAILURES) return 'locked';
    const user = await this.get(username);
    this.dummyHash ??= bcrypt.hash('not-a-password', this.bcryptRounds);
    const ok = await bcrypt.compare(password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !ok || user.disabled) {
      await this.redis.multi().incr(failKey).expire(failKey, FAILURE_WINDOW_SEC).exec();
      return null;
    }
    await this.redis.del(failKey);
    return user;
  }

  async startSession(username: string): Promise<{ token: string; expiresAt: string }> {
    const token = randomBytes(32).toString('base64url');
    const exp = this.now() + this.sessionTtlSec * 1000;
    const session: Session = { username, exp };
    await this.redis
      .multi()
      .set(`${this.prefix}:session:${sha256(token)}`, JSON.stringify(session), 'PX', this.sessionTtlSec * 1000)
      .sadd(`${this.prefix}:user-sessions:${username}`, sha256(token))
      .exec();
    return { token, expiresAt: new Date(exp).toISOString() };
  }

  /** The live user behind a session token, or null (unknown, expired, or the user disabled). */
  async resolveSession(token: string): Promise<UserRecord | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const raw = await this.redis.get(`${this.prefix}:session:${sha256(token)}`);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (s.exp <= this.now()) return null;
    const user = await this.get(s.username);
    return user && !user.disabled ? user : null;
  }

  async endSession(token: string): Promise<void> {
    await this.redis.del(`${this.prefix}:session:${sha256(token)}`);
  }

  async revokeSessions(username: string): Promise<void> {
    const digests = await this.redis.smembers(`${this.prefix}:user-sessions:${username}`);
    const tx = this.redis.multi();
    for (const d of digests) tx.del(`${this.prefix}:session:${d}`);
    await tx.del(`${this.prefix}:user-sessions:${username}`).exec();
  }
}

export class UserExistsError extends Error {
  override name = 'UserExistsError';
  constructor(readonly username: string) {
    super(`user ${username} exists`);
  }
}
