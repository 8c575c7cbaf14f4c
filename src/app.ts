import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { CONNECTORS } from '../connectors/index.js';
import { systemClock, type Clock } from './core/clock.js';
import type { ConnectorDefinition } from './core/connector.js';
import { loadReference } from './core/reference.js';
import { loadRegistry, type Registry } from './core/registry.js';
import type { Config } from './config.js';
import { createGatewayApp } from './gateway/app.js';
import { ClientStore } from './gateway/clients.js';
import { Journal } from './gateway/journal.js';
import { GatewayMetrics } from './gateway/metrics.js';
import type { GatewayDeps } from './gateway/pipeline.js';
import { createUpstreams, parseUpstreamConfig } from './gateway/proxy.js';
import type { Logger } from './logging.js';
import { createDossierProgressQueue, createDossierProgressWorker, progressScheduler } from './queue/dossier-progress.js';
import { resolveRedis, type RedisHandle } from './queue/redis.js';
import type { ProgressJob } from './sync/dossier-store.js';
import { DossierStore } from './sync/dossier-store.js';
import { createStatusSync, type StatusSync } from './sync/status-sync.js';
import { startRollout, type RolloutModule } from './rollout/module.js';
import { adminQueuesRouter } from './web/admin-queues.js';
import { dashboardApi } from './web/dashboard-api.js';
import path from 'node:path';

export interface Simulator {
  url: string;
  config: Config;
  registry: Registry;
  deps: GatewayDeps;
  redis: RedisHandle;
  sync: StatusSync;
  /** Milliseconds from the call to ready (request schemas compiled, Redis connected, listening). */
  startupMs: number;
  /** Settles when every response schema is compiled too (rejects with the ConnectorLoadError naming the bad one). */
  warm: Promise<void>;
  rollout: RolloutModule;
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  logger: Logger;
  definitions?: ConnectorDefinition[];
  clock?: Clock;
  redis?: RedisHandle;
}

/** Loads the 24 connectors once (schemas compiled), for tools that need the registry without a server. */
export async function loadDefaultRegistry(rootDir: string, definitions: ConnectorDefinition[] = CONNECTORS): Promise<Registry> {
  return loadRegistry({
    definitions,
    reference: await loadReference(path.join(rootDir, 'reference', 'ndxp-systems.json')),
    schemasDir: path.join(rootDir, 'schemas'),
    mocksDir: path.join(rootDir, 'mocks'),
  });
}

/** The composition root: every part gets its Redis, clock, logger and config passed in (no module singletons). */
export async function startSimulator(opts: StartOptions): Promise<Simulator> {
  const t0 = performance.now();
  const { config, logger } = opts;
  const clock = opts.clock ?? systemClock(config.clockFactor);
  const [registry, redisHandle] = await Promise.all([
    loadDefaultRegistry(config.rootDir, opts.definitions),
    opts.redis ?? resolveRedis({ redisUrl: config.redisUrl, dataDir: config.dataDir, logger }),
  ]);
  const redis: Redis = redisHandle.connect();
  const queueConn: Redis = redisHandle.connect();
  const bullPrefix = `${config.keyPrefix}:bull`;
  const progressQueue: Queue<ProgressJob> = createDossierProgressQueue(queueConn, bullPrefix);
  const lifecycles = (connectorId: string, name: string) => registry.get(connectorId)?.def.lifecycles?.[name];
  const dossiers = new DossierStore(redis, config.keyPrefix, lifecycles, clock, progressScheduler(progressQueue));
  const clients = new ClientStore(redis, config.keyPrefix);
  const journal = new Journal(redis, config.keyPrefix, config.journalMaxLen, 20, (e) => logger.error('journal write failed', { error: e.message }));
  const metrics = new GatewayMetrics();
  const deps: GatewayDeps = {
    registry, clients, journal, metrics, dossiers, redis, clock, logger,
    keyPrefix: config.keyPrefix, tokenTtlSec: config.tokenTtlSec, maxBodyBytes: config.maxBodyBytes,
    upstreams: createUpstreams(registry, parseUpstreamConfig(process.env), process.env.NDXP_RECORDINGS_DIR || path.join(config.rootDir, 'mocks')),
  };

  const workers: Worker[] = [];
  let workerConn: Redis | undefined;
  if (config.role === 'all' || config.role === 'workers') {
    workerConn = redisHandle.connect();
    workers.push(createDossierProgressWorker(workerConn, bullPrefix, dossiers, logger));
  }

  const sync = createStatusSync({ config, redisHandle, deps, runWorkers: config.role === 'all' || config.role === 'workers' });

  const { created } = await clients.ensure({
    id: config.demoClientId,
    secret: config.demoClientSecret,
    name: 'Hệ thống giải quyết TTHC (sandbox)',
    province: config.province,
    scopes: registry.connectors.map((c) => c.id),
    sandbox: true,
  });
  if (created) logger.info('demo sandbox client created', { clientId: config.demoClientId });

  const rollout = await startRollout({ config, gateway: deps, redisHandle, logger, runWorkers: config.role === 'all' || config.role === 'workers' });

  let server: Server | undefined;
  let url = '';
  if (config.role !== 'workers') {
    const app = createGatewayApp(deps, (a) => {
      sync.mount(a);
      a.use(rollout.router);
      a.use(dashboardApi({ deps, sync, users: rollout.users }));
      a.use(adminQueuesRouter({ users: rollout.users, hostProvince: config.province, queues: [progressQueue as unknown as Queue, sync.queue as unknown as Queue, ...rollout.queues] }));
    });
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(config.port, config.host, () => resolve(s));
      s.once('error', reject);
    });
    server.keepAliveTimeout = 65_000;
    const addr = server.address() as AddressInfo;
    url = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;
  }

  const startupMs = performance.now() - t0;
  // Response validators compile right after start, in slices; a broken one is reported naming its connector. A
  // workers-only process serves no requests and validates nothing: it skips that work.
  const warm = config.role === 'workers' ? Promise.resolve() : registry.warmUp();
  warm.catch((e: Error) => logger.error('schema compilation failed', { error: e.message }));
  let closed = false;
  return {
    url, config, registry, deps, redis: redisHandle, sync, startupMs, warm, rollout,
    async close() {
      if (closed) return;
      closed = true;
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((r) => server!.close(() => r()));
      }
      await sync.close();
      await rollout.close();
      await Promise.all(workers.map((w) => w.close()));
      await journal.close();
      await progressQueue.close();
      for (const c of [redis, queueConn, workerConn]) c?.disconnect();
      if (!opts.redis) await redisHandle.stop();
    },
  };
}
