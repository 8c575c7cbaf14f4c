import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSample } from '../../examples/tthc-lltp/flow.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim('example');
});
afterAll(async () => t?.close());

describe('sample TTHC integration (examples/tthc-lltp)', () => {
  it('runs green against the simulator: every deployed step passes, the others say why they were skipped', async () => {
    const lines: string[] = [];
    const steps = await runSample({ baseUrl: t.sim.url, clientId: t.sim.config.demoClientId, clientSecret: t.sim.config.demoClientSecret, log: (l) => lines.push(l), waitMs: 15_000 });
    expect(steps.map((s) => s.step)).toEqual(['1. VNeID sign-in', '2. dân cư lookup', '3. LLTP request', '4. webhooks', '5. certificate', '6. DVCQG sync']);
    const byStep = Object.fromEntries(steps.map((s) => [s.step.slice(0, 1), s]));
    for (const n of ['2', '3', '5']) expect(byStep[n]!.status, byStep[n]!.detail).toBe('ok');
    expect(byStep['5']!.detail).toMatch(/phiếu số \S+/);
    const has = (connector: string) => !!t.sim.registry.get(connector);
    expect(byStep['1']!.status).toBe(has('dinh-danh-dien-tu') ? 'ok' : 'skipped');
    for (const s of steps.filter((x) => x.status === 'skipped')) expect(s.detail).toMatch(/not deployed/);
    expect(lines).toHaveLength(6);
  });
});
