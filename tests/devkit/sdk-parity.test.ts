import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as soap from 'soap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NdxpApiError, NdxpTransportError, createNdxpClient, type NdxpClient, type OperationKey } from '../../src/client/index.js';
import { createNdxpMock, type NdxpMock } from '../../src/client/mock/index.js';
import { soapElementOf } from '../../src/gateway/soap.js';
import { nextAutoStep } from '../../src/core/lifecycle.js';
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
const SCHEMAS_DIR = path.resolve(import.meta.dirname, '../../schemas');

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

// Values the server makes up per call (times; codes it numbers from its own store or draws: dossier codes, document
// numbers, waybills, and what is derived from them, like the budget unit code ma-so-ngan-sach issues from the dossier
// code) differ between two runs of anything.
const VOLATILE = /^(ThoiGian\w*|requestId|MaHoSo|maHoSo|NgayHenTra|NgayNop|SoBienNhan|SoPhieu|MaSoDVQHNS|SoVanBan|SoQuyetDinh|SoHopDong|MaVanDon)$/;
/** Each side names itself in the links it returns (OIDC endpoints…): the same link under either base URL. */
const ownBaseUrls = (text: string) => (t ? text.split(t.sim.url).join('<baseUrl>') : text).split(KIT_URL).join('<baseUrl>');
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, VOLATILE.test(k) ? `<${typeof x}>` : normalise(x)]));
  }
  // Compact timestamps inside text (the malformed scenario's serialised body).
  return typeof v === 'string'
    ? ownBaseUrls(v)
        .replace(/\d{14}/g, '<yyyyMMddHHmmss>')
        .replace(/\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}/g, '<maHoSo>')
        .replace(/"(MaSoDVQHNS|SoVanBan|SoQuyetDinh|SoHopDong|MaVanDon)":"[^"]*"/g, '"$1":"<string>"')
    : v;
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
type RequestSchema = { required?: string[] };
const requestSchema = (op: (ReturnType<typeof operations>)[number]['op']): RequestSchema =>
  JSON.parse(readFileSync(path.join(SCHEMAS_DIR, op.requestSchema), 'utf8')) as RequestSchema;
/** The top-level `required` of the operation's request schema (no request schema nests it elsewhere). */
const requiredFields = (op: (ReturnType<typeof operations>)[number]['op']): string[] => requestSchema(op).required ?? [];

/**
 * A read may list live items the earlier example calls created (dossiers, parcels); their progress runs on BullMQ or
 * on the simulated clock on one side and on timers on the other, so a snapshot taken mid-way may catch them a step
 * apart. Reads are repeated (they change nothing) until both sides have settled on the same answer, or 5 s pass; the
 * caller then asserts equality as before, so a lasting difference still fails.
 */
async function settled<T>(op: ReturnType<typeof operations>[number]['op'], run: () => Promise<{ gateway: T; mock: T }>) {
  const first = sameCut(await run());
  if (op.def.method !== 'GET') return first;
  const same = (r: { gateway: T; mock: T }) => JSON.stringify(r.gateway) === JSON.stringify(r.mock);
  return same(first) ? first : ((await eventually(async () => { const r = sameCut(await run()); return same(r) && r; }, 5000, 100)) || sameCut(await run()));
}

/**
 * `malformed` cuts the serialised answer at 200 characters: where each side names its own base URL, the cut falls
 * elsewhere; keep what both kept, so settling and the assertion compare the same thing.
 */
function sameCut<T>(r: { gateway: T; mock: T }): { gateway: T; mock: T } {
  const cutG = (r.gateway as { ok?: { __malformed?: boolean; data?: string } }).ok;
  const cutM = (r.mock as { ok?: { __malformed?: boolean; data?: string } }).ok;
  if (cutG?.__malformed && cutM?.__malformed && typeof cutG.data === 'string' && typeof cutM.data === 'string') {
    const n = Math.min(cutG.data.length, cutM.data.length);
    [cutG.data, cutM.data] = [cutG.data.slice(0, n), cutM.data.slice(0, n)];
  }
  return r;
}

describe('SDK against the gateway and against the mock kit: same answers', () => {
  it('every operation example', async () => {
    for (const { key, op } of operations()) {
      const { gateway, mock } = await settled(op, () => both((cl) => outcome(cl.call(key, exampleOf(op) as never))));
      expect(gateway, key).toHaveProperty('ok');
      expect(mock, key).toEqual(gateway);
    }
  });

  it('a missing required field: the same VALIDATION_FAILED, status and field', async () => {
    let checked = 0;
    for (const { key, op } of operations()) {
      const input = { ...exampleOf(op) };
      // A field the request schema requires (an optional one, e.g. a filter, may well be left out); path parameters
      // cannot be left out of a URL, so they are not candidates.
      const drop = requiredFields(op).find((f) => f in input && !op.def.path.includes(`{${f}}`));
      if (!drop) continue;
      delete input[drop];
      const { gateway, mock } = await both((c) => outcome(c.call(key, input as never)));
      expect(gateway, key).toMatchObject({ error: { status: 400, code: 'VALIDATION_FAILED' } });
      expect(mock, key).toEqual(gateway);
      checked++;
    }
    expect(checked).toBeGreaterThan(operations().length / 2);
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
        const { gateway, mock } = await settled(op, () => both((cl) => outcome(cl.call(key, exampleOf(op) as never, { scenario: s.name, retry: { maxAttempts: 1 } }))));
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
      const { gateway, mock } = await both(async (client) => {
        const receipt = (await client.call(`${c.id}.${create.name}` as OperationKey, exampleOf(create) as never)) as Record<string, unknown>;
        // The status read: a GET whose one required parameter is a field of the receipt (the dossier's key: MaHoSo,
        // MaVanDon…), a status path first.
        const keyOf = (o: (typeof c.operations)[number]) => {
          const req = requiredFields(o);
          const field = req.length === 1 ? Object.keys(receipt).find((k) => k.toLowerCase() === req[0]!.toLowerCase()) : undefined;
          return field ? { param: req[0]!, value: receipt[field] } : undefined;
        };
        const reads = c.operations.filter((o) => o.def.method === 'GET' && keyOf(o));
        const read = reads.find((o) => o.def.path.includes('rangThai')) ?? reads[0];
        if (!read) throw new Error(`${c.id}: no status read by a key of the receipt ${JSON.stringify(Object.keys(receipt))}`);
        const { param, value } = keyOf(read)!;
        // Where the central side stops on its own: a terminal state, or one that waits for the province (payment,
        // supplements, signing), which the province plays no part of here.
        const final = await eventually(async () => {
          const s = (await client.call(`${c.id}.${read.name}` as OperationKey, { [param]: value } as never)) as Record<string, unknown>;
          const lc = Object.values(c.def.lifecycles!).find((l) => String(s[l.statusField]) in l.states);
          return lc && !nextAutoStep(lc, String(s[lc.statusField])) ? s : undefined;
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
        const fault: any = await (client as any)[`${soapElementOf(op)}Async`](op.example.body ?? op.example.query).catch((e: unknown) => e);
        out.push(fault.root.Envelope.Body.Fault.detail.error.code);
        return out;
      });
      expect(gateway.at(-1)).toBe('RECORD_NOT_FOUND');
      expect(mock).toEqual(gateway);
    }
  });
});
