import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import nock from 'nock';
import { CONNECTORS } from '../../../connectors/index.js';
import { systemClock, type Clock } from '../../core/clock.js';
import type { ClientInfo } from '../../core/connector.js';
import { NdxpError } from '../../core/errors.js';
import { loadReference } from '../../core/reference.js';
import { loadRegistry, type LoadedConnector, type LoadedOperation, type Registry } from '../../core/registry.js';
import { ROOT_DIR } from '../../config.js';
import { errorResult, executeOperation, requireScope, type CallResult, type ClientScenario, type ExecutionTrace } from '../../gateway/execute.js';
import { summariseInput } from '../../gateway/journal.js';
import { buildSoapFault, buildSoapResponse, parseSoapRequest, soapElementOf, soapOperationResolver } from '../../gateway/soap.js';
import { buildWsdl } from '../../gateway/wsdl.js';
import { MemoryDossierStore, memoryRecordPort } from './memory-ports.js';

/**
 * In-process mock of the NDXP gateway for a TTHC system's own unit tests: nock intercepts HTTP calls to `baseUrl`
 * and answers them from the same connector definitions, schemas, seed data and execution core (validation,
 * scenarios, handlers, error envelope) as the simulator, with no server and no Redis: the token endpoint, REST/JSON,
 * and SOAP 1.1 with its WSDL for SOAP connectors.
 */
export interface NdxpMockOptions {
  baseUrl: string;
  /** Connector ids to serve (default: every registered connector). */
  connectors?: string[];
  /** A scenario applied to every call (as `PUT /api/clients/me/scenario` does on the simulator). */
  scenario?: string | ClientScenario;
  /** Accept only these credentials at /token (default: any client id and secret). */
  clientId?: string;
  clientSecret?: string;
  province?: string;
  tokenTtlSec?: number;
  /** Simulated central-side processing speed-up (like CLOCK_FACTOR; default 1000). */
  clockFactor?: number;
  maxBodyBytes?: number;
  /** A registry already loaded (saves the schema compilation when many kits are created). */
  registry?: Registry;
}

export interface MockCall {
  time: string;
  method: string;
  path: string;
  connector: string | null;
  operation: string | null;
  status: number;
  errorCode: string | null;
  scenario: string | null;
  /** Masked, like the simulator's journal. */
  request: unknown;
}

export interface NdxpMock {
  baseUrl: string;
  registry: Registry;
  /** Every call answered, newest last. */
  calls: MockCall[];
  dossiers: MemoryDossierStore;
  setScenario(scenario: string | ClientScenario | undefined): void;
  close(): void;
}

interface Route {
  connector: LoadedConnector;
  op: LoadedOperation;
  re: RegExp;
  params: string[];
}

interface Token {
  clientId: string;
  scopes: string[];
  exp: number;
}

const BODY_METHODS = new Set(['POST', 'PUT']);
const SOAP_TYPES = ['text/xml', 'application/soap+xml'];

function routesOf(registry: Registry): Route[] {
  return registry.connectors.flatMap((connector) =>
    connector.operations.map((op) => {
      const params = [...op.def.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!);
      const pattern = op.def.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[A-Za-z0-9_]+\\?\}/g, '([^/]+)');
      return { connector, op, re: new RegExp(`^${pattern}$`), params };
    }),
  );
}

/** Query string → object; a repeated key becomes an array (as the gateway's "simple" query parser does). */
function queryObject(search: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of search) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

const mediaType = (headers: Record<string, string | undefined>) => (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

export async function createNdxpMock(opts: NdxpMockOptions): Promise<NdxpMock> {
  const registry =
    opts.registry ??
    (await loadRegistry({
      definitions: opts.connectors ? CONNECTORS.filter((c) => opts.connectors!.includes(c.id)) : CONNECTORS,
      reference: await loadReference(path.join(ROOT_DIR, 'reference', 'ndxp-systems.json')),
      schemasDir: path.join(ROOT_DIR, 'schemas'),
      mocksDir: path.join(ROOT_DIR, 'mocks'),
    }));
  const served = registry.connectors.filter((c) => !opts.connectors || opts.connectors.includes(c.id));
  const unknown = (opts.connectors ?? []).filter((id) => !registry.get(id));
  if (unknown.length) throw new Error(`createNdxpMock: unknown connectors ${unknown.join(', ')}`);
  const routes = routesOf({ ...registry, connectors: served });
  const soapResolvers = new Map(served.filter((c) => c.def.soap).map((c) => [c.id, soapOperationResolver(c)]));
  const clock: Clock = systemClock(opts.clockFactor ?? 1000);
  const dossiers = new MemoryDossierStore((id, name) => registry.get(id)?.def.lifecycles?.[name], clock);
  const records = new Map<string, Map<string, unknown>>();
  const tokens = new Map<string, Token>();
  const calls: MockCall[] = [];
  const province = opts.province ?? 'an-giang';
  const ttl = opts.tokenTtlSec ?? 3600;
  const maxBody = opts.maxBodyBytes ?? 1_048_576;
  let scenario: ClientScenario | undefined = typeof opts.scenario === 'string' ? { name: opts.scenario } : opts.scenario;
  const base = new URL(opts.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');

  const issueToken = (form: URLSearchParams, headers: Record<string, string | undefined>): CallResult => {
    if (mediaType(headers) !== 'application/x-www-form-urlencoded') {
      throw new NdxpError('UNSUPPORTED_MEDIA_TYPE', { detailVi: 'cần application/x-www-form-urlencoded', detailEn: 'use application/x-www-form-urlencoded' });
    }
    if (form.get('grant_type') !== 'client_credentials') {
      throw new NdxpError('INVALID_GRANT', { field: 'grant_type', detailVi: 'chỉ hỗ trợ client_credentials', detailEn: 'only client_credentials is supported' });
    }
    const basic = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? '');
    const [id, secret] = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':').map(decodeURIComponent) : [form.get('client_id'), form.get('client_secret')];
    const wrong = (opts.clientId !== undefined && id !== opts.clientId) || (opts.clientSecret !== undefined && secret !== opts.clientSecret);
    if (!id || !secret || wrong) throw new NdxpError('INVALID_CLIENT', { field: 'Authorization', headers: { 'WWW-Authenticate': 'Basic realm="ndxp"' } });
    const granted = served.map((c) => c.id);
    const asked = form.get('scope') ? [...new Set(form.get('scope')!.split(/\s+/).filter(Boolean))] : granted;
    const missing = asked.filter((s) => !granted.includes(s));
    if (missing.length) throw new NdxpError('INVALID_SCOPE', { field: 'scope', detailVi: missing.join(' '), detailEn: missing.join(' '), details: { notGranted: missing } });
    const token = randomBytes(32).toString('base64url');
    tokens.set(token, { clientId: id, scopes: asked, exp: Date.now() + ttl * 1000 });
    return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: ttl, scope: asked.join(' ') }, headers: { 'Cache-Control': 'no-store' } };
  };

  const authenticate = (authorization: string | undefined): Token => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!bearer) throw new NdxpError('TOKEN_MISSING', { headers: { 'WWW-Authenticate': 'Bearer realm="ndxp"' } });
    const t = tokens.get(bearer[1]!);
    if (!t) throw new NdxpError('TOKEN_INVALID', { headers: { 'WWW-Authenticate': 'Bearer realm="ndxp", error="invalid_token"' } });
    if (t.exp <= Date.now()) throw new NdxpError('TOKEN_EXPIRED', { headers: { 'WWW-Authenticate': 'Bearer realm="ndxp", error="invalid_token"' } });
    return t;
  };

  /** REST input: query (+ path params) for GET/DELETE, the JSON object body (+ path params) otherwise. */
  const restInput = (route: Route, m: RegExpExecArray, url: URL, method: string, headers: Record<string, string | undefined>, body: unknown) => {
    const params = Object.fromEntries(route.params.map((p, i) => [p, decodeURIComponent(m[i + 1]!)]));
    if (!BODY_METHODS.has(method)) return { ...queryObject(url.searchParams), ...params };
    if (mediaType(headers) !== 'application/json') throw new NdxpError('UNSUPPORTED_MEDIA_TYPE', { detailVi: 'cần application/json', detailEn: 'use application/json' });
    if (JSON.stringify(body ?? '').length > maxBody) throw new NdxpError('PAYLOAD_TOO_LARGE');
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new NdxpError('VALIDATION_FAILED', { field: '(body)', detailVi: 'nội dung phải là một đối tượng JSON', detailEn: 'body must be a JSON object' });
    }
    return { ...(body as Record<string, unknown>), ...params };
  };

  const callOperation = async (connector: LoadedConnector, op: LoadedOperation, input: Record<string, unknown>, textInput: boolean, headers: Record<string, string | undefined>, signal: AbortSignal, requestId: string, trace: ExecutionTrace) => {
    const token = authenticate(headers.authorization);
    requireScope(token.scopes, op);
    const client: ClientInfo = { id: token.clientId, province, sandbox: true, scopes: token.scopes };
    return executeOperation(
      {
        connector, op, input, textInput, scenarioHeader: headers['x-mock-scenario'],
        clientScenario: scenario, client, requestId, headers, signal, now: () => clock.now(),
        dossiers: (s) => dossiers.port(connector.id, client, s),
        records: memoryRecordPort(records, province, connector.id),
        logError: () => undefined,
      },
      trace,
    );
  };

  /** SOAP 1.1 at the connector's soap.path (and its WSDL at ?wsdl), answered by the same execution as REST. */
  const soapCall = async (
    connector: LoadedConnector, url: URL, method: string, headers: Record<string, string | undefined>, body: unknown, signal: AbortSignal, requestId: string, trace: ExecutionTrace,
  ): Promise<CallResult & { xml: string; op?: LoadedOperation }> => {
    if (method === 'GET' && url.searchParams.has('wsdl')) {
      return { status: 200, body: null, headers: {}, xml: buildWsdl(registry, connector, base.origin + prefix + connector.def.soap!.path) };
    }
    let op: LoadedOperation | undefined;
    try {
      if (method !== 'POST') throw new NdxpError('METHOD_NOT_ALLOWED', { detailVi: 'dùng POST', detailEn: 'use POST', headers: { Allow: 'POST' } });
      if (!SOAP_TYPES.includes(mediaType(headers))) throw new NdxpError('UNSUPPORTED_MEDIA_TYPE', { detailVi: 'SOAP 1.1 cần text/xml', detailEn: 'SOAP 1.1 needs text/xml' });
      const soap = await parseSoapRequest(typeof body === 'string' ? body : '');
      op = soapResolvers.get(connector.id)!(headers.soapaction, soap.element);
      const result = await callOperation(connector, op, soap.input, true, headers, signal, requestId, trace);
      if (result.error) throw result.error;
      return { ...result, op, xml: buildSoapResponse(connector.def.soap!.namespace, soapElementOf(op), result.body) };
    } catch (e) {
      const r = errorResult(e, requestId, () => undefined, {});
      return { ...r, op, xml: buildSoapFault(r.error!, requestId) };
    }
  };

  const handle = async (method: string, uri: string, headers: Record<string, string | undefined>, body: unknown, signal: AbortSignal): Promise<CallResult & { xml?: string }> => {
    const url = new URL(uri, base.origin);
    const p = url.pathname.slice(prefix.length) || '/';
    const incoming = headers['x-request-id'];
    const requestId = incoming && /^[A-Za-z0-9._:-]{6,80}$/.test(incoming) ? incoming : randomUUID();
    const trace: ExecutionTrace = { validation: 'skipped' };
    let route: Route | undefined;
    let result: CallResult;
    let xml: string | undefined;
    try {
      const soapConnector = served.find((c) => c.def.soap?.path === p);
      if (soapConnector) {
        const r = await soapCall(soapConnector, url, method, headers, body, signal, requestId, trace);
        if (r.op) route = { connector: soapConnector, op: r.op, re: /$^/, params: [] };
        result = r;
        xml = r.xml;
      } else if (method === 'POST' && p === '/token') {
        result = issueToken(new URLSearchParams(typeof body === 'string' ? body : ''), headers);
      } else {
        const matches = routes.map((r) => [r, r.re.exec(p)] as const).filter(([, m]) => m);
        const hit = matches.find(([r]) => r.op.def.method === method);
        if (!hit) {
          const allow = [...new Set(matches.map(([r]) => r.op.def.method))];
          if (allow.length) throw new NdxpError('METHOD_NOT_ALLOWED', { detailVi: `dùng ${allow.join(', ')}`, detailEn: `use ${allow.join(', ')}`, headers: { Allow: allow.join(', ') } });
          throw new NdxpError('NOT_FOUND', { detailVi: p.slice(0, 200), detailEn: p.slice(0, 200) });
        }
        route = hit[0];
        const input = restInput(route, hit[1]!, url, method, headers, body);
        result = await callOperation(route.connector, route.op, input, !BODY_METHODS.has(method), headers, signal, requestId, trace);
      }
    } catch (e) {
      result = errorResult(e, requestId, () => undefined, {});
    }
    calls.push({
      time: new Date().toISOString(), method, path: p, connector: route?.connector.id ?? null, operation: route?.op.name ?? (p === '/token' ? 'token' : null),
      status: result.status, errorCode: result.error?.code ?? null, scenario: trace.scenario?.def.name ?? null,
      request: p === '/token' ? null : summariseInput(body ?? queryObject(url.searchParams)),
    });
    const type = xml !== undefined ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8';
    return { ...result, ...(xml !== undefined ? { xml } : {}), headers: { ...result.headers, 'X-Request-Id': requestId, 'Content-Type': type } };
  };

  // allowUnmocked: once closed (interceptors removed) the host is no longer claimed by nock.
  const scope = nock(base.origin, { allowUnmocked: true }).persist();
  const interceptors = ['GET', 'POST', 'PUT', 'DELETE'].map((method) => {
    const interceptor = scope.intercept((uri) => uri.startsWith(prefix || '/'), method);
    interceptor.reply(async function (uri, body) {
      const ctrl = new AbortController();
      this.req.once('close', () => ctrl.abort());
      const headers = Object.fromEntries(Object.entries(this.req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)]));
      const r = await handle(method, uri, headers, body, ctrl.signal);
      return [r.status, r.xml ?? JSON.stringify(r.body), r.headers];
    });
    return interceptor;
  });

  return {
    baseUrl: opts.baseUrl,
    registry,
    calls,
    dossiers,
    setScenario(s) {
      scenario = typeof s === 'string' ? { name: s } : s;
    },
    close() {
      for (const i of interceptors) nock.removeInterceptor(i);
      dossiers.close();
    },
  };
}
