/**
 * The conformance suite (like Airbyte's acceptance tests): one suite over every registered connector. A connector joins
 * by being registered in connectors/index.ts; nothing here names a connector.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTORS } from '../../connectors/index.js';
import { ROOT_DIR } from '../../src/config.js';
import type { ReferenceData } from '../../src/core/reference.js';
import { getCompiled } from '../../src/core/schema-compiler.js';
import { shapeBySchemaFile } from '../../src/core/xml-shape.js';
import { callRest, callSoap, exampleInput, soapElement } from '../helpers/calls.js';
import { eventually, matchesPartial, startTestSim, type TestSim } from '../helpers/sim.js';
import { soapBody } from '../helpers/soap.js';
import { loadDefaultRegistry } from '../../src/app.js';

// The appendix as shipped in ../shared (CI lays it beside the repo); the repo's copy must equal it.
const sharedRef = path.resolve(ROOT_DIR, '..', 'shared', 'reference', 'ndxp-systems.json');
const reference: ReferenceData = JSON.parse(readFileSync(existsSync(sharedRef) ? sharedRef : path.join(ROOT_DIR, 'reference', 'ndxp-systems.json'), 'utf8'));
const refById = new Map(reference.systems.map((s) => [s.id, s]));

// Load once here to enumerate connectors for describe.each (the server below loads its own copy).
const registry = await loadDefaultRegistry(ROOT_DIR, CONNECTORS);
const connectorIds = registry.connectors.map((c) => c.id);

let t: TestSim;
let auth: Record<string, string>;

beforeAll(async () => {
  t = await startTestSim('conformance');
  auth = await t.auth();
});
afterAll(async () => t?.close());

it('the repository copy of the reference data equals ../shared', () => {
  const local = JSON.parse(readFileSync(path.join(ROOT_DIR, 'reference', 'ndxp-systems.json'), 'utf8'));
  expect(local).toEqual(reference);
});

describe.each(connectorIds)('connector %s', (id) => {
  const c = registry.get(id)!;
  const serverConnector = () => t.sim.registry.get(id)!;

  it('has the metadata of the reference data', async () => {
    const ref = refById.get(id)!;
    expect(ref, `${id} is not in the reference data`).toBeDefined();
    const entry = (await t.http.get(`/api/connectors/${id}`)).data;
    expect(entry.stt).toBe(ref.stt);
    expect(entry.name).toBe(ref.name);
    expect(entry.owner).toBe(ref.owner);
    expect(entry.kinds).toEqual(ref.kinds);
    expect(entry.purposes.map((p: { text: string }) => p.text)).toEqual(ref.purposes);
    for (const p of entry.purposes) expect(p.operations.length, `purpose without operation: ${p.text.slice(0, 60)}`).toBeGreaterThan(0);
  });

  it('has compiled request and response schemas for every operation', () => {
    for (const op of c.operations) {
      expect(typeof op.validateBody).toBe('function');
      expect(typeof op.validateResponse).toBe('function');
      // Requests refuse unknown fields: every request schema is closed.
      expect(op.validateBody({ ...exampleInput(op.example), __khongCo: 1 })).toBe(false);
    }
  });

  it('has seed data whose every record validates', () => {
    const collections = Object.entries(c.def.seedSchemas ?? {});
    expect(collections.length, 'declare seedSchemas for the seed collections').toBeGreaterThan(0);
    expect(Object.keys(c.seed).sort()).toEqual(collections.map(([k]) => k).sort());
    for (const [collection, stem] of collections) {
      const validate = getCompiled(registry.schemas.strict, `${id}/v1/${stem}.schema.json`);
      const records = c.seed[collection] ?? [];
      expect(records.length, `${collection} is empty`).toBeGreaterThan(0);
      records.forEach((r, i) => expect(validate(r), `${collection}[${i}]: ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true));
    }
    expect(Math.max(...Object.values(c.seed).map((r) => r.length))).toBeGreaterThanOrEqual(50);
  });

  describe.each(c.operations.map((o) => o.name))('operation %s', (name) => {
    const op = c.operation(name)!;

    it('answers its catalog example over HTTP with a schema-valid response', async () => {
      const res = await callRest(t.http, op, op.example, auth);
      expect(res.status, JSON.stringify(res.data)).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(300);
      expect(op.validateResponse(res.data), JSON.stringify(op.validateResponse.errors)).toBe(true);
      expect(res.headers['x-request-id']).toBeTruthy();
    });

    // SOAP tests exist only for SOAP operations (defined conditionally, never skipped).
    if (op.def.soapAction) it('answers its example over SOAP 1.1 too', async () => {
      const res = await callSoap(t.http, serverConnector(), op, exampleInput(op.example), auth);
      expect(res.status, res.data).toBeLessThan(300);
      expect(res.headers['content-type']).toMatch(/text\/xml/);
      const body = await soapBody(res.data);
      // XML read back has no arrays: shape it by the schema as a SOAP client generated from the WSDL would.
      const payload = shapeBySchemaFile(registry.schemas.coercing, body[`${soapElement(op)}Response`], op.responseSchema);
      expect(payload, res.data).toBeTruthy();
      const validate = getCompiled(registry.schemas.coercing, op.responseSchema);
      expect(validate(payload), JSON.stringify(validate.errors)).toBe(true);
    });

    it('refuses an unknown field and a missing required field with 400 in the envelope', async () => {
      const unknown = await callRest(t.http, op, addField(op.example, '__khongHopLe', 'x'), auth);
      expect(unknown.status).toBe(400);
      expect(unknown.data.error).toMatchObject({ code: 'UNKNOWN_FIELD', status: 400, field: '__khongHopLe' });
      expect(unknown.data.error.message).toBeTruthy();
      expect(unknown.data.error.messageEn).toBeTruthy();
      const required = (requestSchemaOf(op) as { required?: string[] }).required ?? [];
      const pathParams = [...op.def.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]);
      const field = required.find((f) => !pathParams.includes(f));
      if (field) {
        const missing = await callRest(t.http, op, dropField(op.example, field), auth);
        expect(missing.status).toBe(400);
        expect(missing.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
      }
    });

    if (op.def.soapAction) it('answers a SOAP Fault for an invalid SOAP request', async () => {
      const res = await callSoap(t.http, serverConnector(), op, { ...exampleInput(op.example), __khongHopLe: 'x' }, auth);
      expect(res.status).toBe(400);
      expect(res.data).toContain('Fault');
      expect(res.data).toContain('UNKNOWN_FIELD');
    });

    it('refuses a call without a token (401) or with a wrong one (401)', async () => {
      const none = await callRest(t.http, op, op.example);
      expect(none.status).toBe(401);
      expect(none.data.error.code).toBe('TOKEN_MISSING');
      const bad = await callRest(t.http, op, op.example, { Authorization: 'Bearer khongphaitokenhople0123456789' });
      expect(bad.status).toBe(401);
      expect(bad.data.error.code).toBe('TOKEN_INVALID');
    });

    it('refuses a token without this connector in its scope (403)', async () => {
      const other = connectorIds.find((x) => x !== id);
      const scoped = await scopedAuth(other);
      const res = await callRest(t.http, op, op.example, scoped);
      expect(res.status).toBe(403);
      expect(res.data.error.code).toBe('SCOPE_FORBIDDEN');
    });
  });
});

// Scenarios are per call (X-Mock-Scenario), so they are independent: they run concurrently across every connector
// (slow and timeout each wait ~1 s; one after another they were most of this suite's time).
const scenarioCases = connectorIds.flatMap((id) => registry.get(id)!.scenarios.map((s) => [id, s.name] as const));
describe('scenarios', () => {
  // test.for hands each test its own `expect`, as concurrent tests need.
  it.concurrent.for(scenarioCases)('connector %s, scenario %s, has its declared effect', async ([id, scenarioName], { expect }) => {
    const c = registry.get(id)!;
    const s = c.scenario(scenarioName)!;
    const op = c.operation(s.expect.operation ?? s.operations?.[0] ?? defaultScenarioOperation(c))!;
    const headers = { ...auth, 'X-Mock-Scenario': s.name };
    if (s.expect.noResponseWithinMs) {
      const started = Date.now();
      await expect(callRest(t.http, op, op.example, headers, s.expect.noResponseWithinMs)).rejects.toThrow(/timeout/i);
      expect(Date.now() - started).toBeGreaterThanOrEqual(s.expect.noResponseWithinMs - 5);
      return;
    }
    const started = Date.now();
    const res = await callRest(t.http, op, op.example, headers);
    const elapsed = Date.now() - started;
    expect(res.status, JSON.stringify(res.data)).toBe(s.expect.status);
    if (s.expect.minLatencyMs) expect(elapsed).toBeGreaterThanOrEqual(s.expect.minLatencyMs - 5);
    for (const [h, v] of Object.entries(s.expect.headers ?? {})) expect(res.headers[h]).toBe(v);
    if (s.expect.body) expect(matchesPartial(res.data, s.expect.body), JSON.stringify(res.data)).toBe(true);
    if (s.expect.offSchema) expect(op.validateResponse(res.data)).toBe(false);
    if (s.expect.then) {
      const then = s.expect.then;
      const next = c.operation(then.operation)!;
      const input = then.input(res.data);
      const got = await eventually(async () => {
        const r = await callRest(t.http, next, next.def.method === 'GET' ? { query: input as Record<string, string> } : { body: input }, auth);
        return r.status < 300 && matchesPartial(r.data, then.body) ? r.data : undefined;
      }, then.withinMs);
      expect(got, `${then.operation} never matched ${JSON.stringify(then.body)}`).toBeTruthy();
    }
  });
});

/** Built-in scenarios run on a read (the first GET), safe to repeat; a connector without reads uses its first operation. */
function defaultScenarioOperation(c: { operations: Array<{ name: string; def: { method: string } }> }): string {
  return (c.operations.find((o) => o.def.method === 'GET') ?? c.operations[0]!).name;
}

function requestSchemaOf(op: { requestSchema: string }): Record<string, unknown> {
  const raw = registry.schemas.strict.getSchema(`https://ndxp-sim.vn/schemas/${op.requestSchema}`)?.schema;
  return (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
}

function addField(example: { query?: Record<string, string>; body?: unknown }, key: string, value: string) {
  return example.body !== undefined ? { body: { ...(example.body as object), [key]: value } } : { query: { ...(example.query ?? {}), [key]: value } };
}

function dropField(example: { query?: Record<string, string>; body?: unknown }, key: string) {
  const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
  return example.body !== undefined ? { body: strip(example.body as Record<string, unknown>) } : { query: strip(example.query ?? {}) as Record<string, string> };
}

// A token costs a secret check (bcrypt, ~350 ms): one per scope for the whole suite, not one per operation.
const scopedTokens = new Map<string, Promise<Record<string, string>>>();
function scopedAuth(scope: string | undefined): Promise<Record<string, string>> {
  const key = scope ?? '';
  if (!scopedTokens.has(key)) scopedTokens.set(key, scope ? t.auth(scope) : noScopeAuth());
  return scopedTokens.get(key)!;
}

async function noScopeAuth(): Promise<Record<string, string>> {
  await t.sim.deps.clients.create({ id: 'khong-quyen', secret: 'khong-quyen-secret', province: 'an-giang', scopes: [], sandbox: true });
  const res = await t.http.post('/token', 'grant_type=client_credentials', {
    auth: { username: 'khong-quyen', password: 'khong-quyen-secret' },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { Authorization: `Bearer ${res.data.access_token}` };
}
