import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { NdxpError } from '../../core/errors.js';

export const WEBHOOK_EVENTS = ['dossier.created', 'dossier.status_changed', 'dossier.completed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** A TTHC system's webhook: where to POST status changes of its province's dossiers, signed with `secret`. */
export interface Subscription {
  id: string;
  clientId: string;
  province: string;
  url: string;
  secret: string;
  /** Only these connectors (empty: all stateful connectors). */
  connectors: string[];
  /** Only these events (empty: all). */
  events: WebhookEvent[];
  description?: string;
  /**
   * Events per request (absent or 1: one event, the body is the event). Above 1 the body is `{"events": [...]}`: the
   * heads of up to this many dossiers' lanes, so a busy province costs the receiver far fewer requests. At most
   * LANES_PER_JOB (50): a batch is made of one delivery job's lanes.
   */
  batchSize?: number;
  createdAt: string;
}

export type PublicSubscription = Omit<Subscription, 'secret'> & { secretHint: string };

export const toPublic = ({ secret, ...rest }: Subscription): PublicSubscription => ({ ...rest, secretHint: `…${secret.slice(-4)}` });

/** http/https only, a host, no user:password in the URL (it would end up in logs and queues), no fragment. */
export function checkWebhookUrl(raw: string): string {
  const bad = (vi: string, en: string) => new NdxpError('VALIDATION_FAILED', { field: 'url', detailVi: vi, detailEn: en });
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw bad('địa chỉ URL không hợp lệ', 'not a valid URL');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw bad('chỉ chấp nhận http:// hoặc https://', 'only http:// or https:// URLs');
  if (u.username || u.password) throw bad('URL không được chứa tên đăng nhập/mật khẩu (dùng secret để ký)', 'no credentials in the URL (the secret signs the body)');
  if (!u.hostname) throw bad('thiếu tên máy chủ', 'missing host');
  if (u.hash) throw bad('URL không được có phần #fragment', 'no #fragment in the URL');
  return u.toString();
}

/** Does an event of `connectorId` (created or not, entering a final state or not) match the subscription? */
export function matches(sub: Subscription, connectorId: string, created: boolean, terminal: boolean): boolean {
  if (sub.connectors.length && !sub.connectors.includes(connectorId)) return false;
  if (!sub.events.length) return true;
  if (created) return sub.events.includes('dossier.created');
  return sub.events.includes('dossier.status_changed') || (terminal && sub.events.includes('dossier.completed'));
}

const CACHE_MS = 1000;

/**
 * Subscriptions per province in one Redis hash (id → JSON): a client sees its province's dossiers, so the dispatcher
 * looks subscriptions up by the event's province. Reads are cached briefly for the dispatcher's hot path.
 */
export class SubscriptionStore {
  private cache = new Map<string, { at: number; subs: Subscription[] }>();
  private byId = new Map<string, { at: number; sub: Subscription | null }>();

  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private key(province: string) {
    return `${this.prefix}:wh:subs:${province}`;
  }

  /** id → province (where its JSON lives). */
  private get indexKey() {
    return `${this.prefix}:wh:sub-province`;
  }

  async create(args: Omit<Subscription, 'id' | 'createdAt' | 'secret'> & { secret?: string }, now: Date): Promise<{ sub: Subscription; generatedSecret: boolean }> {
    const sub: Subscription = {
      ...args,
      id: `wh_${randomBytes(8).toString('hex')}`,
      secret: args.secret ?? randomBytes(24).toString('base64url'),
      createdAt: now.toISOString(),
    };
    await this.redis.multi().hset(this.key(sub.province), sub.id, JSON.stringify(sub)).hset(this.indexKey, sub.id, sub.province).exec();
    this.cache.delete(sub.province);
    return { sub, generatedSecret: !args.secret };
  }

  /** Every subscription of a province (all its clients), oldest first. */
  async forProvince(province: string): Promise<Subscription[]> {
    const hit = this.cache.get(province);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.subs;
    const all = await this.redis.hvals(this.key(province));
    const subs = all.map((s) => JSON.parse(s) as Subscription).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    this.cache.set(province, { at: Date.now(), subs });
    return subs;
  }

  async list(clientId: string, province: string): Promise<Subscription[]> {
    return (await this.forProvince(province)).filter((s) => s.clientId === clientId);
  }

  async get(id: string): Promise<Subscription | null> {
    const hit = this.byId.get(id);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.sub;
    const province = await this.redis.hget(this.indexKey, id);
    const raw = province ? await this.redis.hget(this.key(province), id) : null;
    const sub = raw ? (JSON.parse(raw) as Subscription) : null;
    if (this.byId.size > 10_000) this.byId.clear();
    this.byId.set(id, { at: Date.now(), sub });
    return sub;
  }

  /** Deletes a client's own subscription; false when it has none with this id. */
  async remove(clientId: string, id: string): Promise<boolean> {
    this.byId.delete(id);
    const sub = await this.get(id);
    if (!sub || sub.clientId !== clientId) return false;
    await this.redis.multi().hdel(this.key(sub.province), id).hdel(this.indexKey, id).exec();
    this.cache.delete(sub.province);
    this.byId.delete(id);
    return true;
  }
}
