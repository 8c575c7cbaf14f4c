import path from 'node:path';
import type { QueueEvents, Worker } from 'bullmq';
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
  createRolloutChecksEvents, createRolloutChecksQueue, createRolloutChecksWorker, queuedGateRunner, scheduleRolloutChecks,
} from '../queue/rollout-checks.js';
import { checkProvinceHealth } from './health.js';
import { loadProfilesFromDir } from './province.js';
import { RolloutService } from './service.js';
import { RolloutStore } from './store.js';

export interface RolloutModule {
  service: RolloutService;
  users: UserStore;
  routes: RolloutRoute[];
  router: Router;
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
  const users = new UserStore(redis, config.keyPrefix, config.sessionTtlSec);

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

  let worker: Worker | undefined;
  let workerConn: Redis | undefined;
  if (args.runWorkers) {
    workerConn = args.redisHandle.connect();
    worker = createRolloutChecksWorker(workerConn, bullPrefix, {
      gate: (job, jobId) => service.computeGate(job, jobId),
      health: (province) => checkProvinceHealth(gateway, store, province),
      snapshot: (province) => service.snapshot(province),
    }, logger);
    for (const p of await store.listProvinces()) await scheduleRolloutChecks(queue, p, config.healthCheckEverySec * 1000);
  }

  const deps: RolloutApiDeps = {
    service, users, gateway, reference, hostProvince: config.province, sessionTtlSec: config.sessionTtlSec, secureCookie: config.cookieSecure,
  };
  const routes = buildRolloutRoutes(reference);
  const router = mountRoutes(routes, { deps, resolveUser: resolveUser(deps), authorise, jsonLimit: '1mb', rawLimit: '10mb' });

  return {
    service, users, routes, router,
    async close() {
      await worker?.close();
      await events.close();
      await queue.close();
      for (const c of [queueConn, eventsConn, workerConn]) c?.disconnect();
    },
  };
}
