import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { LifecycleDefinition } from '../../core/lifecycle.js';
import type { Logger } from '../../logging.js';
import { scheduleLanes, type DeliveryJob } from '../../queue/status-delivery.js';
import { eventFromFields, type DossierEvent } from '../dossier-events.js';
import { laneIdOf, type Delivery, type LaneStore } from './lanes.js';
import { buildBody, idempotencyKey } from './payload.js';
import { matches, type SubscriptionStore } from './subscriptions.js';

/** The lifecycle of an event's dossier and, when the new state carries one, its result documents. */
export type DescribeEvent = (e: DossierEvent) => Promise<{ lc?: LifecycleDefinition; result?: Record<string, unknown> }>;

export interface DispatcherDeps {
  redis: Redis;
  /** A connection of its own: XREAD BLOCK holds it. */
  blocking: Redis;
  prefix: string;
  eventsKey: string;
  subscriptions: SubscriptionStore;
  lanes: LaneStore;
  queue: Queue<DeliveryJob>;
  describe: DescribeEvent;
  logger: Logger;
  batch?: number;
  sweepEveryMs?: number;
}

// Renews the leader lock only if we still hold it.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const LOCK_MS = 5000;

/**
 * Reads the dossier-events stream in order and turns each event into one delivery per matching subscription, placed
 * in its (subscription, dossier) lane. One dispatcher leads at a time (a lock with expiry): a single reader keeps the
 * stream's order, and the cursor is saved after each batch, so a killed leader's successor re-reads at most one
 * batch, which the lanes absorb (a seq already queued or delivered is not added twice). Lanes are scheduled in
 * batches (status-delivery.ts), so a burst of events costs a few queue jobs, not one each.
 */
export class StatusDispatcher {
  private running = false;
  private loop?: Promise<void>;
  private readonly id = `${process.pid}-${randomBytes(4).toString('hex')}`;
  private lastSweep = 0;

  constructor(private readonly d: DispatcherDeps) {}

  private get lockKey() { return `${this.d.prefix}:wh:dispatcher-lock`; }
  get cursorKey() { return `${this.d.prefix}:wh:dispatch-cursor`; }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.d.blocking.disconnect(); // ends a pending XREAD BLOCK at once
    await this.loop;
    await this.d.redis.eval(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`, 1, this.lockKey, this.id).catch(() => undefined);
  }

  private async isLeader(): Promise<boolean> {
    const renewed = await this.d.redis.eval(RENEW, 1, this.lockKey, this.id, String(LOCK_MS));
    if (renewed === 1) return true;
    return (await this.d.redis.set(this.lockKey, this.id, 'PX', LOCK_MS, 'NX')) === 'OK';
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!(await this.isLeader())) {
          await new Promise((r) => setTimeout(r, 500));
          continue;
        }
        await this.step();
        if (Date.now() - this.lastSweep > (this.d.sweepEveryMs ?? 5000)) {
          this.lastSweep = Date.now();
          await this.sweep();
        }
      } catch (e) {
        if (!this.running) break;
        this.d.logger.warn('status dispatcher retrying', { error: (e as Error).message });
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** One batch: read after the cursor, enqueue into lanes, schedule the heads, save the cursor. */
  async step(blockMs = 1000): Promise<number> {
    const cursor = (await this.d.redis.get(this.cursorKey)) ?? '0';
    const res = (await this.d.blocking.xread('COUNT', this.d.batch ?? 1000, 'BLOCK', blockMs, 'STREAMS', this.d.eventsKey, cursor)) as
      | Array<[string, Array<[string, string[]]>]>
      | null;
    const entries = res?.[0]?.[1] ?? [];
    if (!entries.length) return 0;
    const deliveries: Delivery[] = [];
    for (const [, fields] of entries) {
      const e = eventFromFields(fields);
      const subs = (await this.d.subscriptions.forProvince(e.province)).filter((s) => s.createdAt <= e.at);
      if (!subs.length) continue;
      const { lc, result } = await this.d.describe(e);
      const terminal = !!lc?.states[e.to]?.terminal;
      const wanted = subs.filter((s) => matches(s, e.connectorId, e.from === null, terminal));
      if (!wanted.length) continue;
      const body = buildBody(e, lc, result);
      const bytes = Buffer.from(JSON.stringify(body));
      for (const s of wanted) {
        deliveries.push({
          laneId: laneIdOf(s.id, e.connectorId, e.maHoSo), subscriptionId: s.id, clientId: s.clientId, seq: e.seq,
          event: body.event, idempotencyKey: idempotencyKey(e), body: bytes,
        });
      }
    }
    if (deliveries.length) {
      const heads = await this.d.lanes.enqueue(deliveries);
      await scheduleLanes(this.d.queue, [...new Set(deliveries.filter((_, i) => heads[i]! > 0).map((dl) => dl.laneId))]);
    }
    await this.d.redis.set(this.cursorKey, entries[entries.length - 1]![0]);
    return entries.length;
  }

  private lastHeads = new Map<string, number>();

  /**
   * Re-schedules every unclaimed lane whose head has not moved since the previous sweep (its job was lost, e.g. with a
   * worker killed between a claim running out and a new job). A lane in someone's hands is claimed and not listed.
   */
  async sweep(): Promise<void> {
    const seen = new Map<string, number>();
    for await (const heads of this.d.lanes.pendingHeads()) {
      for (const h of heads) seen.set(h.laneId, h.seq);
      await scheduleLanes(this.d.queue, heads.filter((h) => this.lastHeads.get(h.laneId) === h.seq).map((h) => h.laneId));
    }
    this.lastHeads = seen;
  }
}
