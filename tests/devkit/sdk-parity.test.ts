import * as soap from 'soap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NdxpApiError, NdxpTransportError, createNdxpClient, type NdxpClient, type OperationKey } from '../../src/client/index.js';
import { createNdxpMock, type NdxpMock } from '../../src/client/mock/index.js';
import { soapElementOf } from '../../src/gateway/soap.js';
import { eventually, startTestSim, type TestSim } from '../helpers/sim.js';

/**
 * The same SDK test cases against the real gateway (startTestSim: HTTP, Redis, BullMQ) and against the in-process
 * mock kit (nock, no server): the answers must be the same. Cases are derived from the registry, so every new
 * connector is covered without a change here.
 */
let t: TestSim;
let kit: NdxpMock;
const KIT_URL = 'http://ndxp-kit.test';
const CREDS = { clientId: 'tthc-an-giang', clientSecret: 'sandbox-secret' };
const noWait = async () => undefined;

beforeAll(async () => {
  t = await startTestSim('sdk-parity');
  kit = await createNdxpMock({ baseUrl: KIT_URL, registry: t.sim.registry, clockFactor: 100_000 });
});
afterAll(async () => {
  kit?.close();
  await t?.close();
});

type Target = 'gateway' | 'kit';
const clientFor = (target: Target, extra: Partial<Parameters<typeof createNdxpClient>[0]> = {}): NdxpClient =>
  createNdxpClient({ baseUrl: target === 'gateway' ? t.sim.url : KIT_URL, ...CREDS, sleep: noWait, ...extra });

// Values the server makes up per call (times, generated dossier codes) differ between two runs of anything.
const VOLATILE = /^(ThoiGian\w*|requestId|MaHoSo|maHoSo|NgayHenTra|NgayNop|SoBienNhan|SoPhieu)$/;
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, VOLATILE.test(k) ? `<${typeof x}>` : normalise(x)]));
  }
  // Compact timestamps inside text (the malformed scenario's serialised body).
  return typeof v === 'string' ? v.replace(/\d{14}/g, '<yyyyMMddHHmmss>').replace(/\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}/g, '<maHoSo>') : v;
}

async function outcome(p: Promise<unknown>) {
  try {
    return { ok: normalise(await p) };
  } catch (e) {
    if (!(e instanceof NdxpApiError)) throw e;
    return { error: { status: e.status, code: e.code, field: e.field, message: e.messageVi } };
  }
}

// One client per target keeps its token (as an application would): the gateway's secret check is deliberately slow.
const shared = new Map<Target, NdxpClient>();
const sharedClient = (target: Target) => shared.get(target) ?? shared.set(target, clientFor(target)).get(target)!;

async function both<T>(fn: (c: NdxpClient, target: Target) => Promise<T>, extra?: Partial<Parameters<typeof createNdxpClient>[0]>) {
  const pick = (target: Target) => (extra ? clientFor(target, extra) : sharedClient(target));
  const [gateway, mock] = await Promise.all([fn(pick('gateway'), 'gateway'), fn(pick('kit'), 'kit')]);
  return { gateway, mock };
}

const operations = () =>
  t.sim.registry.connectors.flatMap((c) => c.operations.map((op) => ({ key: `${c.id}.${op.name}` as OperationKey, op, c })));
const exampleOf = (op: (ReturnType<typeof operations>)[number]['op']) => (op.example.body ?? op.example.query ?? {}) as Record<string, unknown>;

describe('SDK against the gateway and against the mock kit: same answers', () => {
  it('every operation example', async () => {
    for (const { key, op } of operations()) {
      const { gateway, mock } = await both((c) => outcome(c.call(key, exampleOf(op) as never)));
      expect(gateway, key).toHaveProperty('ok');
      expect(mock, key).toEqual(gateway);
    }
  });

  it('a missing required field: the same VALIDATION_FAILED, status and field', async () => {
    for (const { key, op } of operations()) {
      const input = { ...exampleOf(op) };
      const drop = Object.keys(input)[0];
      if (!drop) continue;
      delete input[drop];
      const { gateway, mock } = await both((c) => outcome(c.call(key, input as never)));
      expect(gateway, key).toMatchObject({ error: { status: 400 } });
      expect(mock, key).toEqual(gateway);
    }
  });

  it('an unknown field: UNKNOWN_FIELD naming it', async () => {
    for (const { key, op } of operations()) {
      const { gateway, mock } = await both((c) => outcome(c.call(key, { ...exampleOf(op), truongLa: 'x' } as never)));
      expect(gateway, key).toMatchObject({ error: { status: 400, code: 'UNKNOWN_FIELD', field: 'truongLa' } });
      expect(mock, key).toEqual(gateway);
    }
  });

  it('every scenario that answers at once (per call, X-Mock-Scenario)', async () => {
    for (const { key, op, c } of operations()) {
      for (const s of c.scenarios.filter((s) => !s.effect.hangMs && !s.effect.latencyMs && (!s.operations || s.operations.includes(op.name)))) {
        const { gateway, mock } = await both((cl) => outcome(cl.call(key, exampleOf(op) as never, { scenario: s.name, retry: { maxAttempts: 1 } })));
        expect(mock, `${key} ${s.name}`).toEqual(gateway);
      }
    }
  });

  it('a token without the scope: 403 SCOPE_FORBIDDEN on both', async () => {
    const [first, second] = t.sim.registry.connectors;
    const op = (second ?? first)!.operations[0]!;
    const key = `${(second ?? first)!.id}.${op.name}` as OperationKey;
    const other = second ? first!.id : 'khong-co';
    const { gateway, mock } = await both((c) => outcome(c.call(key, exampleOf(op) as never)), { scope: [other] });
    expect(gateway).toMatchObject({ error: { status: second ? 403 : 400 } });
    expect(mock).toEqual(gateway);
  });

  it('503 with Retry-After is retried, waiting what the server asked, then surfaces the typed error', async () => {
    const { key, op } = operations()[0]!;
    const res = await both(async (c, target) => {
      const waits: number[] = [];
      const client = clientFor(target, { sleep: async (ms) => void waits.push(ms), retry: { maxAttempts: 3 } });
      const err = await client.call(key, exampleOf(op) as never, { scenario: 'upstream-error' }).catch((e: unknown) => e);
      void c;
      return { waits, code: (err as NdxpApiError).code, retryAfter: (err as NdxpApiError).retryAfterSec };
    });
    expect(res.gateway).toEqual({ waits: [2000, 2000], code: 'UPSTREAM_UNAVAILABLE', retryAfter: 2 });
    expect(res.mock).toEqual(res.gateway);
  });

  it('the timeout scenario: the SDK gives up on its own timeout, retries with backoff, then a NdxpTransportError', async () => {
    const { key, op } = operations()[0]!;
    const res = await both(async (c) => {
      await c.getToken();
      const started = Date.now();
      const err = (await c.call(key, exampleOf(op) as never, { scenario: 'timeout', timeoutMs: 200, retry: { maxAttempts: 2 } }).catch((e: unknown) => e)) as NdxpTransportError;
      return { name: err.name, reason: err.reason, attempts: err.attempts, gaveUp: Date.now() - started < 10_000 };
    });
    expect(res.gateway).toEqual({ name: 'NdxpTransportError', reason: 'timeout', attempts: 2, gaveUp: true });
    expect(res.mock).toEqual(res.gateway);
  });

  it('a maintenance window longer than maxRetryAfterSec is not waited for', async () => {
    const { key, op } = operations()[0]!;
    const res = await both(async (_c, target) => {
      const waits: number[] = [];
      const client = clientFor(target, { sleep: async (ms) => void waits.push(ms) });
      const err = (await client.call(key, exampleOf(op) as never, { scenario: 'maintenance' }).catch((e: unknown) => e)) as NdxpApiError;
      return { waits, code: err.code, status: err.status };
    });
    expect(res.gateway).toEqual({ waits: [], code: 'MAINTENANCE', status: 503 });
    expect(res.mock).toEqual(res.gateway);
  });

  it('a per-client scenario applies to every call until cleared', async () => {
    const { key, op } = operations()[0]!;
    const gw = sharedClient('gateway');
    await gw.setScenario('not-found');
    kit.setScenario('not-found');
    try {
      const { gateway, mock } = await both((c) => outcome(c.call(key, exampleOf(op) as never)));
      expect(gateway).toMatchObject({ error: { status: 404, code: 'RECORD_NOT_FOUND' } });
      expect(mock).toEqual(gateway);
    } finally {
      await gw.clearScenario();
      kit.setScenario(undefined);
    }
  });

  it('stateful dossiers progress the same way (central steps on BullMQ vs timers)', async () => {
    for (const c of t.sim.registry.connectors.filter((x) => x.def.lifecycles)) {
      const create = c.operations.find((o) => o.def.method === 'POST')!;
      const read = c.operations.find((o) => o.def.method === 'GET' && o.def.path.includes('rangThai')) ?? c.operations[0]!;
      const { gateway, mock } = await both(async (client) => {
        const receipt = (await client.call(`${c.id}.${create.name}` as OperationKey, exampleOf(create) as never)) as Record<string, unknown>;
        const code = Object.entries(receipt).find(([k]) => /^MaHoSo$/i.test(k))?.[1] as string;
        const lc = Object.values(c.def.lifecycles!)[0]!;
        const final = await eventually(async () => {
          const s = (await client.call(`${c.id}.${read.name}` as OperationKey, { maHoSo: code } as never)) as Record<string, unknown>;
          return lc.states[String(s[lc.statusField])]?.terminal ? s : undefined;
        }, 5000);
        return { receipt: normalise(receipt), final: normalise(final) };
      });
      expect(gateway.final, c.id).toBeTruthy();
      expect(mock).toEqual(gateway);
    }
  });

  it('SOAP through the WSDL with the soap package: same answers and faults', async () => {
    for (const c of t.sim.registry.connectors.filter((x) => x.def.soap)) {
      const { gateway, mock } = await both(async (sdk, target) => {
        const client = await soap.createClientAsync(`${target === 'gateway' ? t.sim.url : KIT_URL}${c.def.soap!.path}?wsdl`);
        client.setSecurity(new soap.BearerSecurity(await sdk.getToken()));
        const out: unknown[] = [];
        for (const op of c.operations.filter((o) => o.def.soapAction)) {
          const [result] = await (client as any)[`${soapElementOf(op)}Async`](op.example.body ?? op.example.query);
          out.push(normalise(result));
        }
        client.addHttpHeader('X-Mock-Scenario', 'not-found');
        const op = c.operations.find((o) => o.def.soapAction)!;
        const fault: any = await (client as any)[`${soapElementOf(op)}Async`](op.example.body).catch((e: unknown) => e);
        out.push(fault.root.Envelope.Body.Fault.detail.error.code);
        return out;
      });
      expect(gateway.at(-1)).toBe('RECORD_NOT_FOUND');
      expect(mock).toEqual(gateway);
    }
  });
});
