import type { Queue, Worker } from 'bullmq';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import { syncRouter } from '../api/sync-routes.js';
import type { Config } from '../config.js';
import type { GatewayDeps } from '../gateway/pipeline.js';
import type { RedisHandle } from '../queue/redis.js';
import { createStatusDeliveryQueue, createStatusDeliveryWorker, scheduleLanes, type DeliveryJob } from '../queue/status-delivery.js';
import { dvcqgRouter } from './dvcqg/routes.js';
import { DvcqgService } from './dvcqg/service.js';
import { DvcqgStore } from './dvcqg/store.js';
import { readSnapshots, reconcile, recordSnapshot, type Reconciliation } from './reconcile.js';
import { StatusDispatcher, type DescribeEvent } from './webhooks/dispatcher.js';
import { LaneStore } from './webhooks/lanes.js';
import { SubscriptionStore } from './webhooks/subscriptions.js';

export interface StatusSync {
  dvcqg: DvcqgService;
  dvcqgStore: DvcqgStore;
  subscriptions: SubscriptionStore;
  lanes: LaneStore;
  queue: Queue<DeliveryJob>;
  dispatcher?: StatusDispatcher;
  worker?: Worker<DeliveryJob>;
  /** Moves dead-lettered lanes back and schedules their heads; returns how many lanes were scheduled. */
  replay(clientId: string, laneIds: string[]): Promise<number>;
  reconcile(province: string, opts?: { connector?: string; listLimit?: number; record?: boolean }): Promise<Reconciliation>;
  kpi(province: string, days: number): Promise<{ province: string; current: Omit<Reconciliation, 'discrepancies' | 'daily'>; daily: Reconciliation['daily']; snapshots: unknown[] }>;
  /** Mounts the DVCQG mock and the sync API on the gateway's express app. */
  mount(app: Express): void;
  close(): Promise<void>;
}

export interface StatusSyncOptions {
  config: Config;
  redisHandle: RedisHandle;
  deps: GatewayDeps;
  /** Run the dispatcher and the delivery worker in this process (ROLE all or workers). */
  runWorkers: boolean;
  lockDurationMs?: number;
  sweepEveryMs?: number;
}

/** Status sync, composed: DVCQG mock, webhook subscriptions, the events→lanes dispatcher and delivery workers. */
export function createStatusSync(o: StatusSyncOptions): StatusSync {
  const { config, deps } = o;
  const prefix = config.keyPrefix;
  const bullPrefix = `${prefix}:bull`;
  const policy = { maxAttempts: config.webhookMaxAttempts, backoffMs: config.webhookBackoffMs, timeoutMs: config.webhookTimeoutMs };
  const own: Redis[] = [];
  const conn = () => {
    const c = o.redisHandle.connect();
    own.push(c);
    return c;
  };
  const queue = createStatusDeliveryQueue(conn(), bullPrefix);
  const dvcqgStore = new DvcqgStore(deps.redis, prefix);
  const dvcqg = new DvcqgService(deps.registry.schemas, dvcqgStore, deps.clock);
  const subscriptions = new SubscriptionStore(deps.redis, prefix);
  const lanes = new LaneStore(deps.redis, prefix);

  const describe: DescribeEvent = async (e) => {
    const lcs = deps.registry.get(e.connectorId)?.def.lifecycles ?? {};
    const names = Object.keys(lcs);
    let lc = names.length === 1 ? lcs[names[0]!] : undefined;
    if (lc && !lc.onEnter?.[e.to]) return { lc };
    const d = await deps.dossiers.get(e.connectorId, e.maHoSo);
    lc = d ? lcs[d.lifecycle] : lc;
    return { lc, result: lc?.onEnter?.[e.to] && d?.result ? d.result : undefined };
  };

  let dispatcher: StatusDispatcher | undefined;
  let worker: Worker<DeliveryJob> | undefined;
  if (o.runWorkers) {
    dispatcher = new StatusDispatcher({
      redis: conn(), blocking: conn(), prefix, eventsKey: deps.dossiers.eventsKey, subscriptions, lanes, queue, describe,
      logger: deps.logger, sweepEveryMs: o.sweepEveryMs,
    });
    dispatcher.start();
    worker = createStatusDeliveryWorker({
      connection: conn(), prefix: bullPrefix, queue, lanes, subscriptions, policy, logger: deps.logger,
      concurrency: config.webhookConcurrency, lockDurationMs: o.lockDurationMs ?? config.webhookLockMs,
    });
  }

  const sync: StatusSync = {
    dvcqg, dvcqgStore, subscriptions, lanes, queue, dispatcher, worker,
    async replay(clientId, laneIds) {
      const ready: string[] = [];
      for (const laneId of laneIds) if ((await lanes.replay(laneId, clientId)) > 0) ready.push(laneId);
      await scheduleLanes(queue, ready);
      return ready.length;
    },
    async reconcile(province, opts = {}) {
      const r = await reconcile({ registry: deps.registry, dossiers: deps.dossiers, dvcqg: dvcqgStore }, province, { ...opts, now: deps.clock.now() });
      if (opts.record) await recordSnapshot(deps.redis, prefix, r);
      return r;
    },
    async kpi(province, days) {
      const now = deps.clock.now();
      const since = new Date(now.getTime() - days * 86_400_000);
      const { discrepancies: _d, daily, ...current } = await sync.reconcile(province, { listLimit: 0 });
      return { province, current, daily: daily.filter((d) => d.date >= since.toISOString().slice(0, 10)), snapshots: await readSnapshots(deps.redis, prefix, province, since) };
    },
    mount(app) {
      app.use(dvcqgRouter(deps, dvcqg));
      app.use(syncRouter(deps, sync));
    },
    async close() {
      await dispatcher?.stop();
      await worker?.close();
      await queue.close();
      for (const c of own) c.disconnect();
    },
  };
  return sync;
}
