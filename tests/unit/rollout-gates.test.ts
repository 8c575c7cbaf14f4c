import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS } from '../../src/core/scenarios.js';
import { evaluateGate, invalidRequestsResent, operationMissing, scenarioHandled, type GateClient, type GateConnector, type GateEntry } from '../../src/rollout/gates.js';

const T0 = Date.parse('2025-03-01T08:00:00.000Z');
/** An entry ending `atMs` after T0, lasting `durationMs`. */
function entry(atMs: number, over: Partial<GateEntry> = {}): GateEntry {
  return {
    time: new Date(T0 + atMs).toISOString(), clientId: 'c1', connector: 'x', operation: 'a', status: 200, validation: 'ok',
    scenario: null, durationMs: 5, request: { id: '1' }, ...over,
  };
}
const effect = (name: string) => BUILT_IN_SCENARIOS.find((s) => s.name === name)!.effect;
const connector: GateConnector = { id: 'x', operations: ['a', 'b'], scenarios: BUILT_IN_SCENARIOS.map((s) => ({ name: s.name, effect: s.effect })) };
const client: GateClient = { id: 'c1', province: 'an-giang', sandbox: true, scopes: ['x'] };

/** A client that does everything right (what tests/integration exercise over HTTP). */
function goodTraffic(): GateEntry[] {
  return [
    entry(0, { operation: 'a' }),
    entry(100, { operation: 'b' }),
    entry(1400, { scenario: 'slow', durationMs: 1205 }),
    entry(1800, { scenario: 'timeout', status: 504, durationMs: 300, validation: 'ok' }),
    entry(1900, { scenario: 'not-found', status: 404 }),
    entry(2000, { scenario: 'malformed', validation: 'off-schema-by-scenario' }),
    entry(2100),
    entry(2200, { scenario: 'upstream-error', status: 503 }),
    entry(4300),
    entry(4400, { scenario: 'maintenance', status: 503 }),
  ];
}

describe('evidence gates (pure rules over the journal)', () => {
  it('cấp quyền needs a live sandbox client of the province with the scope', () => {
    const args = { target: 'cap-quyen' as const, province: 'an-giang', connector, entries: [] };
    expect(evaluateGate({ ...args, clients: [client] })).toMatchObject({ passed: true, clientId: 'c1' });
    for (const c of [{ ...client, sandbox: false }, { ...client, province: 'ca-mau' }, { ...client, scopes: ['y'] }, { ...client, revokedAt: '2025-01-01' }]) {
      const v = evaluateGate({ ...args, clients: [c] });
      expect(v.passed).toBe(false);
      expect(v.missing[0]!.vi).toMatch(/Chưa có ứng dụng sandbox/);
    }
  });

  it('tích hợp needs one clean successful call from such a client', () => {
    const args = { target: 'tich-hop' as const, province: 'an-giang', connector, clients: [client] };
    expect(evaluateGate({ ...args, entries: [entry(0, { status: 400, validation: 'request-invalid' })] }).passed).toBe(false);
    expect(evaluateGate({ ...args, entries: [entry(0, { clientId: 'other' })] }).passed).toBe(false);
    expect(evaluateGate({ ...args, entries: [entry(0)] }).passed).toBe(true);
  });

  it('vận hành passes for a client that called every operation and handled every scenario', () => {
    const v = evaluateGate({ target: 'van-hanh', province: 'an-giang', connector, clients: [client], entries: goodTraffic().reverse() });
    expect(v.missing).toEqual([]);
    expect(v.passed).toBe(true);
  });

  it('lists, in Vietnamese, each operation never called cleanly and each scenario never met', () => {
    const missing = operationMissing(connector, [entry(0, { operation: 'a', validation: 'request-invalid', status: 400 })]);
    const vi = missing.map((m) => m.vi);
    expect(vi).toContain('Chưa gọi thành công thao tác "a" với yêu cầu hợp lệ theo lược đồ');
    expect(vi).toContain('Chưa gọi thành công thao tác "b" với yêu cầu hợp lệ theo lược đồ');
    for (const s of BUILT_IN_SCENARIOS) expect(vi.some((m) => m.includes(`"${s.name}"`))).toBe(true);
  });

  it('503 with Retry-After: a retry before the delay, or none at all, is not handling it', () => {
    const fault = entry(0, { scenario: 'upstream-error', status: 503 });
    expect(scenarioHandled('upstream-error', effect('upstream-error'), [fault])!.vi).toMatch(/chưa thấy gọi lại/);
    expect(scenarioHandled('upstream-error', effect('upstream-error'), [fault, entry(500)])!.vi).toMatch(/trước thời gian Retry-After/);
    expect(scenarioHandled('upstream-error', effect('upstream-error'), [fault, entry(500)])).not.toBeNull();
    expect(scenarioHandled('upstream-error', effect('upstream-error'), [fault, entry(2010, { durationMs: 5 })])).toBeNull();
    // Another operation in between does not count as the retry.
    expect(scenarioHandled('upstream-error', effect('upstream-error'), [fault, entry(100, { operation: 'b' }), entry(2100)])).toBeNull();
  });

  it('maintenance (long Retry-After): no call of the operation before the window ends; no retry required', () => {
    const fault = entry(0, { scenario: 'maintenance', status: 503 });
    expect(scenarioHandled('maintenance', effect('maintenance'), [fault])).toBeNull();
    expect(scenarioHandled('maintenance', effect('maintenance'), [fault, entry(10_000)])!.vi).toMatch(/trước thời gian Retry-After/);
    expect(scenarioHandled('maintenance', effect('maintenance'), [fault, entry(601_000)])).toBeNull();
  });

  it('404: resending the identical request (same input and scenario) within 60 s is a blind retry', () => {
    const fault = entry(0, { scenario: 'not-found', status: 404 });
    expect(scenarioHandled('not-found', effect('not-found'), [fault, entry(1000, { scenario: 'not-found', status: 404 })])!.vi).toMatch(/gửi lại nguyên yêu cầu/);
    expect(scenarioHandled('not-found', effect('not-found'), [fault, entry(1000, { scenario: 'not-found', status: 404, request: { id: '2' } })])).toBeNull();
    expect(scenarioHandled('not-found', effect('not-found'), [fault, entry(61_000, { scenario: 'not-found', status: 404 })])).toBeNull();
  });

  it('timeout: only a client that gave up before the gateway answered handled it', () => {
    expect(scenarioHandled('timeout', effect('timeout'), [entry(30_000, { scenario: 'timeout', status: 504, durationMs: 30_000 })])).not.toBeNull();
    expect(scenarioHandled('timeout', effect('timeout'), [entry(500, { scenario: 'timeout', status: 504, durationMs: 500 })])).toBeNull();
  });

  it('malformed: the client must fetch a valid answer again within 60 s; slow: it must wait for the 2xx', () => {
    const bad = entry(0, { scenario: 'malformed', validation: 'off-schema-by-scenario' });
    expect(scenarioHandled('malformed', effect('malformed'), [bad])).not.toBeNull();
    expect(scenarioHandled('malformed', effect('malformed'), [bad, entry(61_000)])).not.toBeNull();
    expect(scenarioHandled('malformed', effect('malformed'), [bad, entry(1000)])).toBeNull();
    expect(scenarioHandled('slow', effect('slow'), [entry(0, { scenario: 'slow', status: 504 })])).not.toBeNull();
    expect(scenarioHandled('slow', effect('slow'), [entry(0, { scenario: 'slow' })])).toBeNull();
  });

  it('400: resending a refused request unchanged fails the gate even if everything else is right', () => {
    const refused = entry(5000, { operation: 'b', status: 400, validation: 'request-invalid', request: { id: 'bad' } });
    const resent = entry(5100, { operation: 'b', status: 400, validation: 'request-invalid', request: { id: 'bad' } });
    expect(invalidRequestsResent([refused, entry(5100, { operation: 'b', request: { id: 'fixed' } })])).toBeNull();
    expect(invalidRequestsResent([refused, resent])!.vi).toMatch(/bị từ chối 400/);
    const v = evaluateGate({ target: 'van-hanh', province: 'an-giang', connector, clients: [client], entries: [...goodTraffic(), refused, resent] });
    expect(v.passed).toBe(false);
    expect(v.missing).toHaveLength(1);
  });

  it('judges clients separately: one good client passes even if another is bad; traffic of other clients does not add up', () => {
    const c2: GateClient = { ...client, id: 'c2' };
    const split = goodTraffic().map((e, i) => ({ ...e, clientId: i % 2 ? 'c1' : 'c2' }));
    expect(evaluateGate({ target: 'van-hanh', province: 'an-giang', connector, clients: [client, c2], entries: split }).passed).toBe(false);
    const both = [...goodTraffic(), entry(0, { clientId: 'c2', status: 500 })];
    expect(evaluateGate({ target: 'van-hanh', province: 'an-giang', connector, clients: [client, c2], entries: both })).toMatchObject({ passed: true, clientId: 'c1' });
  });

  it('a system not in the simulator cannot pass tích hợp or vận hành', () => {
    const v = evaluateGate({ target: 'van-hanh', province: 'an-giang', connector: { id: 'x' }, clients: [client], entries: goodTraffic() });
    expect(v.passed).toBe(false);
    expect(v.missing[0]!.vi).toMatch(/chưa có trong trình mô phỏng/);
  });
});
