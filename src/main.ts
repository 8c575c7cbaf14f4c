/**
 * `npm start`: gateway, workers and dashboard in one process on embedded defaults.
 * `npm start -- --role gateway|workers|web` runs one part alone (scale the gateway behind a load balancer).
 */
import { parseArgs } from 'node:util';
import { startSimulator } from './app.js';
import { ConfigError, loadConfig, type Role } from './config.js';
import { ConnectorLoadError } from './core/registry.js';
import { createLogger } from './logging.js';
import { RedisUnavailableError } from './queue/redis.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { role: { type: 'string' }, port: { type: 'string' } }, allowPositionals: false });
  const env = { ...process.env, ...(values.role ? { ROLE: values.role } : {}), ...(values.port ? { PORT: values.port } : {}) };
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel);
  const sim = await startSimulator({ config, logger });
  const lines = [
    '',
    `  NDXP Gateway Simulator — tỉnh/province: ${config.province} — vai trò/role: ${config.role as Role}`,
    sim.url ? `  Gateway + dashboard:  ${sim.url}/` : '  (workers only, no HTTP)',
    sim.url ? `  Danh mục / catalog:   ${sim.url}/api/connectors  (${sim.registry.connectors.length} connectors)` : '',
    `  Redis:                ${sim.redis.source} (${new URL(sim.redis.url).host})`,
    `  Sandbox client:       ${config.demoClientId} / ${config.demoClientSecret === 'sandbox-secret' ? 'sandbox-secret' : '(DEMO_CLIENT_SECRET)'}`,
    sim.url ? `  Đăng nhập / sign-in:  ${sim.url}/dang-nhap — admin.${config.province}, tai-chinh.${config.province}, dev.${config.province}, viewer.${config.province}… (passwords: README "Dashboard")` : '',
    sim.url ? `  Token:                curl -s -u ${config.demoClientId}:<secret> -d grant_type=client_credentials ${sim.url}/token` : '',
    `  Ready in ${Math.round(sim.startupMs)} ms`,
    '',
  ].filter((l) => l !== '');
  process.stdout.write(`${lines.join('\n')}\n\n`);
  // A response schema that does not compile stops the process too, naming the connector (just after ready).
  sim.warm.catch(async (e: Error) => {
    process.stderr.write(`\n${e.message}\n\n`);
    await sim.close();
    process.exit(1);
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1); // a second signal: do not wait any longer
    stopping = true;
    logger.info('stopping', { signal });
    // Closing waits for Redis (queues, workers); with Redis gone it would wait forever.
    setTimeout(() => {
      logger.warn('stopping took too long: exiting without a clean close', { signal });
      process.exit(1);
    }, 10_000).unref();
    await sim.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof ConnectorLoadError || e instanceof RedisUnavailableError) {
    process.stderr.write(`\n${e.message}\n\n`);
  } else {
    process.stderr.write(`\nKhởi động thất bại / start-up failed: ${(e as Error)?.stack ?? String(e)}\n\n`);
  }
  process.exit(1);
});
