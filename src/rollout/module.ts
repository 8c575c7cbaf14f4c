import path from 'node:path';
import type { Queue, QueueEvents, Worker } from 'bullmq';
import type { Router } from 'express';
import type { Redis } from 'ioredis';
import { buildRolloutRoutes, authorise, resolveUser, type RolloutApiDeps, type RolloutRoute } from '../api/rollout-routes.js';
import { mountRoutes } from '../api/route-spec.js';
import { seedDemoUsers } from '../auth/demo-users.js';
import { UserStore } from '../auth/users.js';
import type { Config } from '../config.js';
import type { GatewayDeps } from '../gateway/pipeline.js';
import type { Logger } from '../logging.js';
import type { RedisHandle } from '../queue/redis.js';
import {
  createRolloutChecksEvents, createRolloutChecksQueue, createRolloutChecksWorker, queuedGateRunner, queuedHealthRunner, scheduleRolloutChecks,
} from '../queue/rollout-checks.js';
import { createReportsEvents, createReportsQueue, createReportsWorker, queuedReportRunner, scheduleMonthlyReport } from '../queue/reports.js';
import { checkProvinceHealth } from './health.js';
import { loadProfilesFromDir } from './province.js';
import { RolloutService } from './service.js';
import { RolloutStore } from './store.js';

export interface RolloutModule {
  service: RolloutService;
  users: UserStore;
  routes: RolloutRoute[];
  router: Router;
  /** rollout-checks and reports (for bull-board at /admin/queues, and tests). */
  queues: Queue[];
  close(): Promise<void>;
}

const SYSTEM = { userId: 'system', role: 'system' };

/**
 * The rollout tracker wired to the gateway's deps: provinces from reference/provinces (+ PROVINCES_DIR), demo
 * accounts, the rollout-checks queue (gates, health, daily snapshot) and the REST routes.
 */
export async function startRollout(args: { config: Config; gateway: GatewayDeps; redisHandle: RedisHandle; logger: Logger; runWorkers: boolean }): Promise<RolloutModule> {
  const { config, gateway, logger } = args;
  const reference = gateway.registry.reference;
  const redis = gateway.redis;
  const store = new RolloutStore(redis, config.keyPrefix, reference);
  const service = new RolloutService(store, gateway.registry, gateway.clients, gateway.journal);
  const users = new UserStore(redis, config.keyPrefix, config.sessionTtlSec, config.bcryptRounds);

  const profiles = [
    ...(await loadProfilesFromDir(path.join(config.rootDir, 'reference', 'provinces'), reference)),
    ...(config.provincesDir ? await loadProfilesFromDir(path.resolve(config.provincesDir), reference) : []),
  ];
  for (const p of profiles) {
    await store.ensureProvince(p, SYSTEM);
    await service.snapshot(p.id);
  }
  const home = profiles.find((p) => p.id === config.province);
  await seedDemoUsers(users, {
    province: config.province, demoClientId: config.demoClientId, adminPassword: config.demoAdminPassword, userPassword: config.demoUserPassword,
    agencies: new Set(home?.agencies.map((a) => a.id) ?? []), logger,
  });

  const bullPrefix = `${config.keyPrefix}:bull`;
  const queueConn: Redis = args.redisHandle.connect();
  const eventsConn: Redis = args.redisHandle.connect();
  const queue = createRolloutChecksQueue(queueConn, bullPrefix);
  const events: QueueEvents = createRolloutChecksEvents(eventsConn, bullPrefix);
  await events.waitUntilReady();
  service.gateRunner = queuedGateRunner(queue, events, config.gateWaitMs);
  const reportsQueue = createReportsQueue(queueConn, bullPrefix);
  const reportsEventsConn: Redis = args.redisHandle.connect();
  const reportsEvents = createReportsEvents(reportsEventsConn, bullPrefix);
  await reportsEvents.waitUntilReady();

  const workers: Worker[] = [];
  let workerConn: Redis | undefined;
  // Up to a minute: a report over a busy month takes longer than a gate check.
  const runReport = queuedReportRunner(reportsQueue, reportsEvents, Math.max(config.gateWaitMs, 60_000));
  if (args.runWorkers) {
    workerConn = args.redisHandle.connect();
    workers.push(createRolloutChecksWorker(workerConn, bullPrefix, {
      gate: (job, jobId) => service.computeGate(job, jobId),
      health: (province) => checkProvinceHealth(gateway, store, province),
      snapshot: (province) => service.snapshot(province),
    }, logger));
    workers.push(createReportsWorker(workerConn, bullPrefix, (job) => service.buildReport(job), logger));
    for (const p of await store.listProvinces()) {
      await scheduleRolloutChecks(queue, p, config.healthCheckEverySec * 1000);
      await scheduleMonthlyReport(reportsQueue, p);
    }
  }

  const deps: RolloutApiDeps = {
    service, users, gateway, reference, hostProvince: config.province, sessionTtlSec: config.sessionTtlSec, secureCookie: config.cookieSecure, runReport,
    runHealth: queuedHealthRunner(queue, events, Math.max(config.gateWaitMs, 60_000)),
  };
  const routes = buildRolloutRoutes(
    reference,
    gateway.registry.connectors.map((c) => c.id),
    [...new Set(gateway.registry.connectors.flatMap((c) => c.scenarios.map((x) => x.name)))],
  );
  const router = mountRoutes(routes, { deps, resolveUser: resolveUser(deps), authorise, jsonLimit: '1mb', rawLimit: '10mb' });

  return {
    service, users, routes, router, queues: [queue as unknown as Queue, reportsQueue as unknown as Queue],
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([events.close(), reportsEvents.close()]);
      await Promise.all([queue.close(), reportsQueue.close()]);
      for (const c of [queueConn, eventsConn, reportsEventsConn, workerConn]) c?.disconnect();
    },
  };
}
