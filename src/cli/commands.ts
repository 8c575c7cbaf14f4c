import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { startSimulator } from '../app.js';
import { loadConfig, ROOT_DIR } from '../config.js';
import type { CatalogEntry } from '../core/registry.js';
import { ClientStore } from '../gateway/clients.js';
import { contractDrift, countRecordings, envKey, loadRecordings } from '../gateway/proxy.js';
import { createLogger } from '../logging.js';
import { buildOpenApi } from '../openapi/openapi.js';
import { buildPostmanCollection } from '../openapi/postman.js';
import { resolveRedis } from '../queue/redis.js';
import { contextOf } from './context.js';
import { table } from './output.js';
import { addRolloutCommands } from './rollout-commands.js';

const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);
const collect = (v: string, prev: string[] = []) => [...prev, v];
const mocksDir = () => process.env.NDXP_RECORDINGS_DIR || path.join(ROOT_DIR, 'mocks');

/** Runs the simulator in this process until Ctrl-C (optionally with connectors in proxy/record/replay mode). */
async function runSimulator(cmd: Command, opts: { port?: string; role?: string; mode?: string[] }): Promise<void> {
  if (opts.mode?.length) process.env.NDXP_MODES = opts.mode.join(',');
  const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}), ...(opts.role ? { ROLE: opts.role } : {}) });
  const sim = await startSimulator({ config, logger: createLogger(config.logLevel) });
  contextOf(cmd).out.print({ url: sim.url, connectors: sim.registry.connectors.length, modes: process.env.NDXP_MODES ?? '' }, () =>
    `NDXP simulator: ${sim.url} — ${sim.registry.connectors.length} connectors${process.env.NDXP_MODES ? ` — modes: ${process.env.NDXP_MODES}` : ''} (Ctrl-C to stop)`,
  );
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Redis-side admin (clients): the same configuration as the simulator (REDIS_URL, KEY_PREFIX, PROVINCE). */
async function withClients<T>(fn: (store: ClientStore, province: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await resolveRedis({ redisUrl: config.redisUrl ?? 'redis://127.0.0.1:6379', dataDir: config.dataDir, logger: createLogger('error', { silent: true }) });
  const redis = handle.connect();
  try {
    return await fn(new ClientStore(redis, config.keyPrefix), config.province);
  } finally {
    redis.disconnect();
    await handle.stop();
  }
}

export function buildProgram(): Command {
  const program = new Command('ndxp-sim')
    .description('NDXP Gateway Simulator: simulator, developer kit and admin tools')
    .option('--json', 'machine-readable JSON output')
    .option('--url <url>', 'simulator URL (env NDXP_URL, default http://localhost:$PORT)')
    .option('--client-id <id>', 'client id for API calls (env NDXP_CLIENT_ID)')
    .option('--client-secret <secret>', 'client secret (prefer env NDXP_CLIENT_SECRET)')
    .showHelpAfterError();

  program
    .command('start')
    .description('start the simulator (gateway, workers, dashboard)')
    .option('--port <port>', 'HTTP port')
    .option('--role <role>', 'all | gateway | workers | web')
    .option('--mode <connector=mode>', 'proxy | record | replay for a connector (repeatable)', collect)
    .action((opts, cmd: Command) => runSimulator(cmd, opts));

  program
    .command('record <connector>')
    .description(`start with <connector> forwarded to its real upstream and exchanges recorded (masked) to mocks/<id>/recorded/; credentials from ${envKey('<id>')}_TOKEN or _USERNAME/_PASSWORD`)
    .requiredOption('--upstream <url>', 'upstream base URL')
    .option('--port <port>', 'HTTP port')
    .action((connector: string, opts, cmd: Command) => {
      process.env[`${envKey(connector)}_URL`] = opts.upstream;
      return runSimulator(cmd, { port: opts.port, mode: [`${connector}=record`] });
    });

  program
    .command('replay <connectors...>')
    .description('start with these connectors answering from their recordings (no upstream)')
    .option('--port <port>', 'HTTP port')
    .action((connectors: string[], opts, cmd: Command) => runSimulator(cmd, { port: opts.port, mode: connectors.map((c) => `${c}=replay`) }));

  const recordings = program.command('recordings').description('recorded upstream exchanges');
  recordings
    .command('list [connector]')
    .description('list recordings')
    .action(async (connector: string | undefined, _o, cmd: Command) => {
      const ctx = contextOf(cmd);
      const reg = await ctx.registry();
      const rows: Array<Record<string, unknown>> = [];
      for (const c of reg.connectors.filter((x) => !connector || x.id === connector)) {
        for (const { file, recording: r } of await loadRecordings(mocksDir(), c.id)) {
          rows.push({ connector: r.connector, operation: r.operation, status: r.response.status, recordedAt: r.recordedAt, file: path.basename(file) });
        }
      }
      ctx.out.print(rows, () => (rows.length ? table(rows, ['connector', 'operation', 'status', 'recordedAt', 'file']) : 'no recordings'));
    });
  recordings
    .command('drift [connector]')
    .description('contract drift: where recorded answers do not match our schemas (exit code 1 when any)')
    .action(async (connector: string | undefined, _o, cmd: Command) => {
      const ctx = contextOf(cmd);
      const reg = await ctx.registry();
      const ids = reg.connectors.map((c) => c.id).filter((id) => !connector || id === connector);
      const total = await countRecordings(mocksDir(), ids);
      const bar = !ctx.out.json && process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
      bar?.start(total, 0);
      const drift = await contractDrift(reg, mocksDir(), ids, () => bar?.increment());
      bar?.stop();
      ctx.out.print({ checked: total, drift }, () =>
        drift.length
          ? table(drift.flatMap((d) => d.problems.map((p) => ({ connector: d.connector, operation: d.operation, field: p.field, rule: p.rule, file: path.basename(d.file) }))), ['connector', 'operation', 'field', 'rule', 'file'])
          : `${total} recording(s) checked: no drift`,
      );
      if (drift.length) process.exitCode = 1;
    });

  const connectors = program.command('connectors').description('the registered connectors');
  connectors
    .command('list')
    .description('list connectors (from the running simulator with --url, else from this checkout)')
    .action(async (_o, cmd: Command) => {
      const ctx = contextOf(cmd);
      const catalog = await catalogOf(cmd);
      const rows = catalog.map((c) => ({ stt: c.stt, id: c.id, protocol: c.protocol, operations: c.operations.length, name: c.name }));
      ctx.out.print(ctx.out.json ? catalog : rows, () => table(rows, ['stt', 'id', 'protocol', 'operations', 'name']));
    });
  connectors
    .command('show <id>')
    .description('operations, scenarios and purposes of one connector')
    .action(async (id: string, _o, cmd: Command) => {
      const ctx = contextOf(cmd);
      const entry = (await catalogOf(cmd)).find((c) => c.id === id);
      if (!entry) {
        process.stderr.write(`unknown connector "${id}"\n`);
        process.exitCode = 2;
        return;
      }
      ctx.out.print(entry, () =>
        [
          `${entry.stt}. ${entry.name} (${entry.owner}) — ${entry.protocol}${entry.soap ? `, WSDL ${entry.soap.wsdl}` : ''}`,
          '',
          table(entry.operations.map((o) => ({ operation: o.name, method: o.method, path: o.path, soapAction: o.soapAction ?? '' })), ['operation', 'method', 'path', 'soapAction']),
          '',
          table(entry.scenarios.map((s) => ({ scenario: s.name, description: s.description })), ['scenario', 'description']),
        ].join('\n'),
      );
    });

  const clients = program.command('clients').description('platform clients (Redis: REDIS_URL, KEY_PREFIX)');
  clients
    .command('create <id>')
    .description('create a client; the secret is printed once')
    .option('--scopes <ids>', 'connector ids, comma-separated (default: all)')
    .option('--province <code>', 'province (default PROVINCE)')
    .option('--name <name>', 'display name')
    .option('--production', 'not a sandbox client')
    .action(async (id: string, opts, cmd: Command) => {
      const ctx = contextOf(cmd);
      const reg = await ctx.registry();
      const scopes = opts.scopes ? list(opts.scopes) : reg.connectors.map((c) => c.id);
      const unknown = scopes.filter((s) => !reg.get(s));
      if (unknown.length) throw new Error(`unknown connectors: ${unknown.join(', ')}`);
      const secret = randomBytes(24).toString('base64url');
      const record = await withClients(async (store, province) => {
        if (await store.get(id)) throw new Error(`client "${id}" exists (use clients rotate)`);
        return store.create({ id, secret, name: opts.name, province: opts.province ?? province, scopes, sandbox: !opts.production });
      });
      ctx.out.print({ id, secret, province: record.province, scopes: record.scopes }, () => `client ${id} (${record.province})\nsecret: ${secret}\nscopes: ${record.scopes.join(' ')}`);
    });
  clients
    .command('rotate <id>')
    .description('new secret; every token issued so far is revoked')
    .action(async (id: string, _o, cmd: Command) => {
      const ctx = contextOf(cmd);
      const secret = randomBytes(24).toString('base64url');
      const revoked = await withClients(async (store) => {
        const current = await store.get(id);
        if (!current) throw new Error(`no client "${id}"`);
        const { secretHash: _h, ...rest } = current;
        await store.create({ ...rest, secret });
        if (current.scenario) await store.setScenario(id, current.scenario);
        return store.revokeTokens(id);
      });
      ctx.out.print({ id, secret, revokedTokens: revoked }, () => `client ${id}: new secret ${secret} (${revoked} token(s) revoked)`);
    });

  const scenario = program.command('scenario').description("this client's fault-injection scenario (API)");
  scenario
    .command('set <name>')
    .option('--until <time>', 'ISO 8601 end of the window')
    .option('--connectors <ids>', 'only these connectors, comma-separated')
    .action(async (name: string, opts, cmd: Command) => {
      const ctx = contextOf(cmd);
      const res = await ctx.client().setScenario(name, { ...(opts.until ? { until: opts.until } : {}), ...(opts.connectors ? { connectors: list(opts.connectors) } : {}) });
      ctx.out.print(res, () => `scenario ${name} set`);
    });
  scenario.command('clear').action(async (_o, cmd: Command) => {
    const ctx = contextOf(cmd);
    await ctx.client().clearScenario();
    ctx.out.print({ cleared: true }, () => 'scenario cleared');
  });

  program
    .command('journal')
    .description("this client's recent calls (masked)")
    .option('--connector <id>')
    .option('--operation <name>')
    .option('--limit <n>', 'entries', '20')
    .action(async (opts, cmd: Command) => {
      const ctx = contextOf(cmd);
      const res = await ctx.client().journal({ connector: opts.connector, operation: opts.operation, limit: Number(opts.limit) });
      const rows = res.entries.map((e) => ({ time: e.time, status: e.status, connector: e.connector, operation: e.operation, scenario: e.scenario, error: e.errorCode }));
      ctx.out.print(res, () => table(rows, ['time', 'status', 'connector', 'operation', 'scenario', 'error']));
    });

  program
    .command('openapi')
    .description('write the OpenAPI 3.1 document (whole gateway or one connector)')
    .option('--connector <id>')
    .option('--out <file>', 'file (default stdout)')
    .action(async (opts, cmd: Command) => {
      const doc = buildOpenApi(await contextOf(cmd).registry(), opts.connector ? { connectorIds: [opts.connector] } : {});
      await emit(doc, opts.out);
    });
  program
    .command('postman')
    .description('write the Postman v2.1 collection')
    .option('--out <file>', 'file (default stdout)')
    .action(async (opts, cmd: Command) => emit(buildPostmanCollection(buildOpenApi(await contextOf(cmd).registry())), opts.out));

  addRolloutCommands(program);
  return program;
}

async function emit(value: unknown, out?: string) {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (out) await writeFile(out, text);
  else process.stdout.write(text);
}

async function catalogOf(cmd: Command): Promise<CatalogEntry[]> {
  const ctx = contextOf(cmd);
  const wantsServer = cmd.optsWithGlobals<{ url?: string }>().url ?? process.env.NDXP_URL;
  if (wantsServer) return (await ctx.client().connectors()) as CatalogEntry[];
  return (await ctx.registry()).catalog();
}
