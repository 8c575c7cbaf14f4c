/**
 * `npm run example` (simulator at NDXP_URL, default http://localhost:8080; credentials NDXP_CLIENT_ID /
 * NDXP_CLIENT_SECRET, default the sandbox client). Exit code 0 when every deployed step passed.
 */
import { runSample } from './flow.js';

const baseUrl = process.env.NDXP_URL ?? 'http://localhost:8080';
runSample({
  baseUrl,
  clientId: process.env.NDXP_CLIENT_ID ?? 'tthc-an-giang',
  clientSecret: process.env.NDXP_CLIENT_SECRET ?? 'sandbox-secret',
  log: (line) => process.stdout.write(`${line}\n`),
})
  .then((steps) => {
    const skipped = steps.filter((s) => s.status === 'skipped').length;
    process.stdout.write(`\n${steps.length - skipped} step(s) ran, ${skipped} skipped (endpoint not deployed) against ${baseUrl}\n`);
  })
  .catch((e: unknown) => {
    process.stderr.write(`sample failed: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
