import { randomBytes, randomUUID } from 'node:crypto';
import { runCall, type GatewayDeps } from '../gateway/pipeline.js';
import type { RolloutStore } from './store.js';

/** The gateway's own monitoring client (not sandbox, so its calls never count as a province's evidence). */
export const healthClientId = (province: string) => `health-checker.${province}`;

/**
 * One health check round for a province: every connector in vận hành has its first operation's catalog example
 * run through the real pipeline (auth, validation both ways, journal); the outcome feeds the uptime counters.
 */
export async function checkProvinceHealth(deps: GatewayDeps, store: RolloutStore, province: string): Promise<{ checked: number; ok: number }> {
  const rows = (await store.listRows(province)).filter((r) => r.stage === 'van-hanh' && !r.suspended);
  let ok = 0;
  if (rows.length === 0) return { checked: 0, ok };
  const { record: client } = await deps.clients.ensure({
    id: healthClientId(province), secret: randomBytes(24).toString('base64url'), name: 'Giám sát vận hành', province,
    scopes: deps.registry.connectors.map((c) => c.id), sandbox: false,
  });
  for (const row of rows) {
    const connector = deps.registry.get(row.connector);
    const op = connector?.operations[0];
    if (!connector || !op) {
      await store.recordHealth(province, row.connector, false, 'không có trong trình mô phỏng / not in the simulator');
      continue;
    }
    const { token } = await deps.clients.issueToken(client, [op.scope], 60);
    const textInput = op.example.body === undefined;
    const result = await runCall(deps, {
      connector, op, protocol: 'rest', input: (textInput ? op.example.query ?? {} : op.example.body) as Record<string, unknown>, textInput,
      authorization: `Bearer ${token}`, scenarioHeader: undefined, headers: {}, requestId: `health-${randomUUID()}`,
      method: op.def.method, path: op.def.path, signal: new AbortController().signal,
    });
    const healthy = result.status >= 200 && result.status < 300;
    if (healthy) ok++;
    await store.recordHealth(province, row.connector, healthy, `${op.name}: HTTP ${result.status}`);
  }
  return { checked: rows.length, ok };
}
