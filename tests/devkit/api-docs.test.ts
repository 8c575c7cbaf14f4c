import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import * as soap from 'soap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOM_FORMATS } from '../../src/core/schema-compiler.js';
import { operationId } from '../../src/openapi/openapi.js';
import { soapElementOf } from '../../src/gateway/wsdl.js';
import { callRest } from '../helpers/calls.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
let t: TestSim;

beforeAll(async () => {
  t = await startTestSim('api-docs');
});
afterAll(async () => t?.close());

/** An ajv over the document's bundled components, to prove the rewritten $refs resolve to the right shapes. */
function componentValidator(doc: any) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const [name, fn] of Object.entries(CUSTOM_FORMATS)) ajv.addFormat(name, { type: 'string', validate: fn });
  ajv.addSchema({ $id: 'https://doc.local/openapi', components: doc.components });
  return (component: string) => ajv.compile({ $ref: `https://doc.local/openapi#/components/schemas/${component}` });
}

describe('OpenAPI 3.1', () => {
  it('the whole-gateway document is valid for swagger-parser and lists every registered operation and the token endpoint', async () => {
    const res = await t.http.get('/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.data;
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    expect(doc.paths['/token'].post.requestBody.content).toHaveProperty('application/x-www-form-urlencoded');
    expect(doc.components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl).toBe('/token');
    expect(doc.servers[0].url).toBe(t.sim.url);
    for (const c of t.sim.registry.connectors) {
      for (const op of c.operations) {
        const o = doc.paths[op.def.path][op.def.method.toLowerCase()];
        expect(o.operationId).toBe(operationId(c.id, op.name));
        expect(o.security).toEqual([{ oauth2: [op.scope] }]);
        const header = o.parameters.find((p: any) => p.name === 'X-Mock-Scenario');
        const names = c.scenarios.filter((s) => !s.operations || s.operations.includes(op.name)).map((s) => s.name);
        expect(header.schema.enum).toEqual(names);
        for (const status of ['400', '401', '403', '404', '503']) {
          expect(o.responses[status].content['application/json'].schema.$ref).toBe('#/components/schemas/_shared.common__errorEnvelope');
        }
        if (op.def.method === 'POST') expect(Object.keys(o.responses)).toEqual(expect.arrayContaining(['413', '415']));
      }
    }
  });

  it('per-connector documents are valid and hold only that connector', async () => {
    for (const c of t.sim.registry.connectors) {
      const res = await t.http.get(`/openapi/${c.id}.json`);
      expect(res.status).toBe(200);
      await expect(SwaggerParser.validate(structuredClone(res.data))).resolves.toBeTruthy();
      const paths = Object.keys(res.data.paths).filter((p) => p !== '/token');
      expect(paths.sort()).toEqual([...new Set(c.operations.map((o) => o.def.path))].sort());
    }
    const missing = await t.http.get('/openapi/khong-co.json');
    expect(missing.status).toBe(404);
    expect(missing.data.error.code).toBe('NOT_FOUND');
  });

  it('bundled schemas describe the real answers: each example call validates against its 200 schema, errors against the envelope', async () => {
    const doc = (await t.http.get('/openapi.json')).data;
    const validator = componentValidator(doc);
    const auth = await t.auth();
    const envelope = validator('_shared.common__errorEnvelope');
    for (const c of t.sim.registry.connectors) {
      for (const op of c.operations) {
        const o = doc.paths[op.def.path][op.def.method.toLowerCase()];
        // Path parameters ({maDanhMuc}) are filled from the example, as a caller would.
        const res = await callRest(t.http, op, op.example, auth);
        expect(res.status, `${c.id}.${op.name}`).toBeLessThan(300);
        expect(Object.keys(o.responses), `${c.id}.${op.name} documents ${res.status}`).toContain(String(res.status));
        const ref = o.responses[String(res.status)].content['application/json'].schema.$ref.split('/').pop();
        const validate = validator(ref);
        expect(validate(res.data), `${c.id}.${op.name} ${JSON.stringify(validate.errors)}`).toBe(true);
        const bad = await callRest(t.http, op, op.example, { ...auth, 'X-Mock-Scenario': 'not-found' });
        expect(envelope(bad.data)).toBe(true);
      }
    }
  });

  it('a Postman v2.1 collection is generated from it: one folder per connector, a request per operation', async () => {
    const res = await t.http.get('/postman.json');
    expect(res.status).toBe(200);
    expect(res.data.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(res.data.auth.type).toBe('oauth2');
    expect(res.data.variable.find((v: any) => v.key === 'baseUrl').value).toBe(t.sim.url);
    for (const c of t.sim.registry.connectors) {
      const folder = res.data.item.find((f: any) => f.name === c.id);
      expect(folder.item).toHaveLength(c.operations.length);
      for (const op of c.operations) {
        const item = folder.item.find((i: any) => i.name.startsWith(`${operationId(c.id, op.name)}:`));
        expect(item.request.method).toBe(op.def.method);
        if (op.example.body) expect(JSON.parse(item.request.body.raw)).toEqual(op.example.body);
      }
    }
  });
});

describe('WSDL 1.1', () => {
  const soapConnectors = () => t.sim.registry.connectors.filter((c) => c.def.soap);

  it('there is at least one SOAP connector to test', () => {
    expect(soapConnectors().length).toBeGreaterThan(0);
  });

  it('the soap package builds a client from <soap.path>?wsdl and calls every operation', async () => {
    const token = await t.token();
    for (const c of soapConnectors()) {
      const client = await soap.createClientAsync(`${t.sim.url}${c.def.soap!.path}?wsdl`);
      client.setSecurity(new soap.BearerSecurity(token));
      const described = client.describe() as Record<string, Record<string, Record<string, unknown>>>;
      const port = Object.values(Object.values(described)[0]!)[0]!;
      for (const op of c.operations.filter((o) => o.def.soapAction)) {
        const el = soapElementOf(op);
        expect(port).toHaveProperty(el);
        const [result] = await (client as any)[`${el}Async`](op.example.body ?? op.example.query);
        expect(result, `${c.id}.${el}`).toBeTruthy();
        // The same call over REST: the SOAP answer carries the same top-level fields.
        const rest = await callRest(t.http, op, op.example, { Authorization: `Bearer ${token}` });
        expect(rest.status, `${c.id}.${op.name} over REST`).toBeLessThan(300);
        expect(Object.keys(result).sort()).toEqual(Object.keys(rest.data).sort());
      }
    }
  });

  it('a fault reaches the soap client as an error carrying the envelope code', async () => {
    const token = await t.token();
    const c = soapConnectors()[0]!;
    const op = c.operations.find((o) => o.def.soapAction)!;
    const client = await soap.createClientAsync(`${t.sim.url}${c.def.soap!.path}?wsdl`);
    client.setSecurity(new soap.BearerSecurity(token));
    client.addHttpHeader('X-Mock-Scenario', 'upstream-error');
    const err: any = await (client as any)[`${soapElementOf(op)}Async`](op.example.body ?? op.example.query).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.root.Envelope.Body.Fault.detail.error.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
