import type { Redis } from 'ioredis';
import { Reply, type ClientInfo, type OperationContext } from '../core/connector.js';
import type { Clock } from '../core/clock.js';
import { NdxpError, isNdxpError } from '../core/errors.js';
import type { LoadedConnector, LoadedOperation, Registry } from '../core/registry.js';
import { malform, type ScenarioDefinition } from '../core/scenarios.js';
import { requestValidationError, toFieldProblems } from '../core/schema-compiler.js';
import { nfcDeep } from '../core/text.js';
import { shapeBySchemaFile } from '../core/xml-shape.js';
import type { Logger } from '../logging.js';
import type { DossierStore } from '../sync/dossier-store.js';
import { createRecordPort } from '../sync/record-store.js';
import type { ClientRecord, ClientStore, TokenClaims } from './clients.js';
import { summariseInput, type Journal, type JournalEntry } from './journal.js';
import type { GatewayMetrics } from './metrics.js';

export interface GatewayDeps {
  registry: Registry;
  clients: ClientStore;
  journal: Journal;
  metrics: GatewayMetrics;
  dossiers: DossierStore;
  redis: Redis;
  clock: Clock;
  logger: Logger;
  keyPrefix: string;
  tokenTtlSec: number;
  maxBodyBytes: number;
}

export interface Call {
  connector: LoadedConnector;
  op: LoadedOperation;
  protocol: 'rest' | 'soap';
  input: Record<string, unknown>;
  /** Input came as text (query string, SOAP): validate with type coercion. */
  textInput: boolean;
  authorization: string | undefined;
  scenarioHeader: string | undefined;
  headers: Record<string, string | undefined>;
  requestId: string;
  method: string;
  path: string;
  /** Aborted when the client goes away (stops simulated waits). */
  signal: AbortSignal;
}

export interface CallResult {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  error?: NdxpError;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/** Bearer token → claims, or the 401 that says why. */
export async function authenticate(clients: ClientStore, authorization: string | undefined): Promise<TokenClaims> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!bearer) throw new NdxpError('TOKEN_MISSING', { headers: { 'WWW-Authenticate': 'Bearer realm="ndxp"' } });
  const claims = await clients.resolveToken(bearer[1]!);
  if (claims === 'invalid') {
    throw new NdxpError('TOKEN_INVALID', { headers: { 'WWW-Authenticate': 'Bearer realm="ndxp", error="invalid_token"' } });
  }
  if (claims === 'expired') {
    throw new NdxpError('TOKEN_EXPIRED', { headers: { 'WWW-Authenticate': 'Bearer realm="ndxp", error="invalid_token"' } });
  }
  return claims;
}

interface ActiveScenario {
  def: ScenarioDefinition;
  /** Seconds left in a per-client window (maintenance until …). */
  windowLeftSec?: number;
}

function chooseScenario(call: Call, client: ClientRecord | null, now: Date): ActiveScenario | undefined {
  const { connector, op } = call;
  const applies = (s: ScenarioDefinition) => !s.operations || s.operations.includes(op.name);
  if (call.scenarioHeader) {
    const name = call.scenarioHeader.trim();
    const def = connector.scenario(name);
    if (!def) {
      throw new NdxpError('VALIDATION_FAILED', {
        field: 'X-Mock-Scenario',
        detailVi: `kịch bản "${name}" không có; có: ${connector.scenarios.map((s) => s.name).join(', ')}`,
        detailEn: `unknown scenario "${name}"; known: ${connector.scenarios.map((s) => s.name).join(', ')}`,
      });
    }
    return applies(def) ? { def } : undefined;
  }
  const set = client?.scenario;
  if (!set) return undefined;
  if (set.connectors && !set.connectors.includes(connector.id)) return undefined;
  const until = set.until ? Date.parse(set.until) : undefined;
  if (until !== undefined && until <= now.getTime()) return undefined;
  const def = connector.scenario(set.name);
  if (!def || !applies(def)) return undefined;
  return { def, windowLeftSec: until !== undefined ? Math.ceil((until - now.getTime()) / 1000) : undefined };
}

function validateInput(deps: GatewayDeps, call: Call): Record<string, unknown> {
  let input = nfcDeep(call.input);
  if (call.protocol === 'soap') input = shapeBySchemaFile(deps.registry.schemas.coercing, input, call.op.requestSchema) as Record<string, unknown>;
  const validate = call.textInput ? call.op.validateText : call.op.validateBody;
  if (!validate(input)) throw requestValidationError(validate.errors);
  return input;
}

/**
 * The one pipeline every operation runs (like Prism's validate → mock → validate):
 * authenticate → authorise scope → validate request → scenario → handler → validate response → journal.
 */
export async function runCall(deps: GatewayDeps, call: Call): Promise<CallResult> {
  const started = performance.now();
  const { connector, op } = call;
  let claims: TokenClaims | undefined;
  let scenario: ActiveScenario | undefined;
  let validation: JournalEntry['validation'] = 'skipped';
  let problems: unknown;
  let result: CallResult;
  try {
    claims = await authenticate(deps.clients, call.authorization);
    if (!claims.scopes.includes(op.scope)) {
      throw new NdxpError('SCOPE_FORBIDDEN', {
        detailVi: `cần scope "${op.scope}"`,
        detailEn: `scope "${op.scope}" required`,
        details: { required: op.scope, granted: claims.scopes },
      });
    }
    const client = await deps.clients.get(claims.clientId);
    if (!client || client.revokedAt) throw new NdxpError('TOKEN_EXPIRED');
    let input: Record<string, unknown>;
    try {
      input = validateInput(deps, call);
    } catch (e) {
      validation = 'request-invalid';
      if (isNdxpError(e)) problems = e.details;
      throw e;
    }
    validation = 'ok';
    const now = deps.clock.now();
    scenario = chooseScenario(call, client, now);
    const effect = scenario?.def.effect ?? {};
    if (effect.latencyMs) await sleep(effect.latencyMs, call.signal);
    if (effect.hangMs) {
      await sleep(effect.hangMs, call.signal);
      throw new NdxpError('GATEWAY_TIMEOUT');
    }
    if (effect.fault) {
      const retryAfter = scenario!.windowLeftSec ?? effect.retryAfterSec;
      throw new NdxpError(effect.fault, retryAfter !== undefined ? { headers: { 'Retry-After': String(retryAfter) } } : {});
    }
    const info: ClientInfo = { id: client.id, province: client.province, sandbox: client.sandbox, scopes: claims.scopes };
    const ctx: OperationContext = {
      connectorId: connector.id,
      operation: op.name,
      input,
      seed: connector.seed,
      client: info,
      scenario: scenario?.def.name,
      requestId: call.requestId,
      now: () => deps.clock.now(),
      dossiers: deps.dossiers.port(connector.id, info, scenario?.def.name),
      records: createRecordPort(deps.redis, deps.keyPrefix, client.province, connector.id),
      headers: call.headers,
    };
    const out = await op.def.handler(ctx);
    const replied = out instanceof Reply ? out : new Reply(200, out);
    if (effect.malformed) {
      validation = 'off-schema-by-scenario';
      result = { status: replied.status, body: malform(replied.body), headers: replied.headers };
    } else if (replied.status < 300 && !op.validateResponse(replied.body)) {
      // A mock that answers off-schema is a bug of ours: say so loudly rather than pass bad data on.
      validation = 'response-invalid';
      problems = toFieldProblems(op.validateResponse.errors);
      deps.logger.error('response failed its schema', { connector: connector.id, operation: op.name, problems, requestId: call.requestId });
      throw new NdxpError('INTERNAL', { detailVi: 'dữ liệu trả về sai lược đồ', detailEn: 'response failed its schema', details: problems });
    } else {
      result = { status: replied.status, body: replied.body, headers: replied.headers };
    }
  } catch (e) {
    const err = isNdxpError(e) ? e : new NdxpError('INTERNAL');
    if (!isNdxpError(e)) deps.logger.error('handler failed', { connector: connector.id, operation: op.name, error: (e as Error).stack, requestId: call.requestId });
    result = { status: err.status, body: err.toEnvelope(call.requestId), headers: err.headers, error: err };
  }
  const durationMs = performance.now() - started;
  deps.metrics.observe(connector.id, op.name, result.status, call.protocol, durationMs / 1000);
  deps.journal.record({
    time: new Date().toISOString(),
    requestId: call.requestId,
    clientId: claims?.clientId ?? null,
    province: claims?.province ?? null,
    connector: connector.id,
    operation: op.name,
    protocol: call.protocol,
    method: call.method,
    path: call.path,
    status: result.status,
    durationMs: Math.round(durationMs * 10) / 10,
    scenario: scenario?.def.name ?? null,
    validation,
    errorCode: result.error?.code ?? null,
    errorField: result.error?.field ?? null,
    request: summariseInput(call.input),
    ...(problems ? { problems } : {}),
  });
  return result;
}

/** Journals a call refused before the pipeline could run (unparseable body, wrong content type, unknown SOAPAction). */
export function recordRejection(
  deps: GatewayDeps,
  at: { requestId: string; method: string; path: string; protocol: 'rest' | 'soap'; connector: string; operation: string | null; startedAt: number },
  err: NdxpError,
): void {
  const durationMs = performance.now() - at.startedAt;
  deps.metrics.observe(at.connector, at.operation ?? '(unknown)', err.status, at.protocol, durationMs / 1000);
  deps.journal.record({
    time: new Date().toISOString(),
    requestId: at.requestId,
    clientId: null,
    province: null,
    connector: at.connector,
    operation: at.operation,
    protocol: at.protocol,
    method: at.method,
    path: at.path,
    status: err.status,
    durationMs: Math.round(durationMs * 10) / 10,
    scenario: null,
    validation: 'request-invalid',
    errorCode: err.code,
    errorField: err.field ?? null,
    request: null,
  });
}
