/**
 * A server for the benchmark, in its own process: `gateway` (the real pipeline: auth, validation both ways, journal)
 * or `bare` (plain express answering the same JSON). Prints its URL on stdout.
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { startSimulator } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logging.js';

const mode = process.argv[2];
const prefix = process.argv[3] ?? 'ndxp-bench';

if (mode === 'gateway') {
  const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'error', KEY_PREFIX: prefix, ROLE: 'gateway' });
  const sim = await startSimulator({ config, logger: createLogger('error', { silent: true }) });
  process.stdout.write(`${JSON.stringify({ url: sim.url, startupMs: sim.startupMs, connectors: sim.registry.connectors.length })}\n`);
  process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
} else if (mode === 'bare') {
  const record = JSON.parse(process.argv[4]!);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.get('/apiCSDLDKDN/1.0/chiTietDoanhNghiep', (_req, res) => {
    res.json(record);
  });
  const server = app.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  throw new Error('usage: server.ts gateway|bare [prefix] [recordJson]');
}
