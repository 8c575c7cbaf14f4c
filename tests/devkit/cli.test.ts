import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NdxpApiError, createNdxpClient } from '../../src/client/index.js';
import { ROOT_DIR } from '../../src/config.js';
import { buildProgram } from '../../src/cli/commands.js';
import { REDIS_URL, startTestSim, type TestSim } from '../helpers/sim.js';

const run = promisify(execFile);
const BIN = path.join(ROOT_DIR, 'bin', 'ndxp-sim.mjs');
let t: TestSim;

beforeAll(async () => {
  t = await startTestSim('cli');
});
afterAll(async () => t?.close());

/** Runs the real bin (a process: slow on a busy machine, so only for --help). */
async function spawnCli(...args: string[]) {
  const res = await run(process.execPath, [BIN, ...args], { cwd: ROOT_DIR, timeout: 60_000 });
  return res.stdout;
}

/** Runs the same program in this process against the test simulator (its Redis prefix, its URL). */
async function cli(...args: string[]) {
  Object.assign(process.env, { REDIS_URL, KEY_PREFIX: t.prefix, NDXP_URL: t.sim.url, LOG_LEVEL: 'error' });
  let stdout = '';
  let stderr = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  process.exitCode = 0;
  try {
    await buildProgram().exitOverride().parseAsync(['node', 'ndxp-sim', ...args]);
  } catch (e) {
    stderr = e instanceof NdxpApiError ? `${e.code} (${e.status}): ${e.messageVi}` : (e as Error).message;
    process.exitCode = 1;
  } finally {
    process.stdout.write = write;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { stdout, stderr, code };
}

describe('ndxp-sim CLI', () => {
  it('--help lists the commands', async () => {
    const stdout = await spawnCli('--help');
    for (const c of ['start', 'record', 'replay', 'recordings', 'connectors', 'clients', 'scenario', 'journal', 'openapi', 'postman', 'rollout', 'report', 'dossiers']) {
      expect(stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    }
  });

  it('connectors list --json: the catalog of the running simulator', async () => {
    const { stdout } = await cli('--json', 'connectors', 'list');
    expect(JSON.parse(stdout).map((c: { id: string }) => c.id)).toEqual(t.sim.registry.connectors.map((c) => c.id));
  });

  it('clients create, then rotate: the old secret stops working, the new one works', async () => {
    const id = `cli-${Date.now().toString(36)}`;
    const scope = t.sim.registry.connectors[0]!.id;
    const created = JSON.parse((await cli('--json', 'clients', 'create', id, '--scopes', scope)).stdout);
    expect(created).toMatchObject({ id, scopes: [scope] });
    const first = createNdxpClient({ baseUrl: t.sim.url, clientId: id, clientSecret: created.secret });
    expect(await first.getToken()).toBeTruthy();
    const rotated = JSON.parse((await cli('--json', 'clients', 'rotate', id)).stdout);
    expect(rotated.secret).not.toBe(created.secret);
    const stale = createNdxpClient({ baseUrl: t.sim.url, clientId: id, clientSecret: created.secret });
    await new Promise((r) => setTimeout(r, 2100)); // the gateway caches client records for 2 s
    await expect(stale.getToken()).rejects.toMatchObject({ code: 'INVALID_CLIENT' });
    const fresh = createNdxpClient({ baseUrl: t.sim.url, clientId: id, clientSecret: rotated.secret });
    expect(await fresh.getToken()).toBeTruthy();
    const dup = await cli('clients', 'create', id);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('exists');
  });

  it('scenario set / clear and journal go through the API with the client credentials', async () => {
    const c = t.sim.registry.connectors[0]!;
    const op = c.operations[0]!;
    const sdk = createNdxpClient({ baseUrl: t.sim.url, clientId: 'tthc-an-giang', clientSecret: 'sandbox-secret' });
    expect((await cli('--json', 'scenario', 'set', 'not-found', '--connectors', c.id)).code).toBe(0);
    const err = await sdk.call(`${c.id}.${op.name}` as never, (op.example.query ?? op.example.body) as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NdxpApiError);
    expect((err as NdxpApiError).code).toBe('RECORD_NOT_FOUND');
    expect((await cli('scenario', 'clear')).stdout).toContain('cleared');
    await expect(sdk.call(`${c.id}.${op.name}` as never, (op.example.query ?? op.example.body) as never)).resolves.toBeTruthy();
    await new Promise((r) => setTimeout(r, 100)); // journal writes are batched
    const journal = JSON.parse((await cli('--json', 'journal', '--connector', c.id, '--limit', '5')).stdout);
    expect(journal.entries.length).toBeGreaterThan(0);
    expect(journal.entries[0]).toMatchObject({ connector: c.id, operation: op.name });
  });

  it('openapi --connector writes a valid document; an API error gives exit code 1 and the envelope message', async () => {
    const id = t.sim.registry.connectors.at(-1)!.id;
    const doc = JSON.parse((await cli('openapi', '--connector', id)).stdout);
    await expect(SwaggerParser.validate(doc)).resolves.toBeTruthy();
    const bad = await cli('scenario', 'set', 'khong-co-kich-ban');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/VALIDATION_FAILED \(400\)/);
  });

  it('rollout status / move / export / import / report monthly, as the demo Sở admin', async () => {
    process.env.DEMO_ADMIN_PASSWORD = t.sim.config.demoAdminPassword;
    const status = JSON.parse((await cli('--json', 'rollout', 'status')).stdout);
    expect(status.rows.length).toBe(24);
    expect(status.summary.rows).toBe(24);
    const id = t.sim.registry.connectors[0]!.id;
    // cấp quyền needs evidence (a sandbox client with the scope exists: the demo client), vận hành much more.
    const skip = await cli('rollout', 'move', id, 'van-hanh');
    expect(skip.code).toBe(1);
    expect(skip.stderr).toMatch(/\(409\)|\(400\)/);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ndxp-cli-'));
    const exported = JSON.parse((await cli('--json', 'rollout', 'export', '--out', path.join(dir, 'sheet.csv'))).stdout);
    expect(exported.bytes).toBeGreaterThan(100);
    const again = JSON.parse((await cli('--json', 'rollout', 'import', path.join(dir, 'sheet.csv'), '--dry-run')).stdout);
    expect(again).toMatchObject({ dryRun: true, rejected: 0, applied: 0 });
    const report = JSON.parse((await cli('--json', 'report', 'monthly', '--month', '2025-03', '--out', dir)).stdout);
    expect(report.files).toHaveLength(2);
    expect(await readFile(report.files[1], 'utf8')).toMatch(/<html/i);
    await rm(dir, { recursive: true, force: true });
  });
});
