import type { Redis } from 'ioredis';
import type { ClientInfo } from '../core/connector.js';
import type { Clock } from '../core/clock.js';
import { NdxpError } from '../core/errors.js';
import type { LoadedConnector, LoadedOperation, Registry } from '../core/registry.js';
import type { Logger } from '../logging.js';
import type { DossierStore } from '../sync/dossier-store.js';
import { createRecordPort } from '../sync/record-store.js';
import type { ClientStore, TokenClaims } from './clients.js';
import { errorResult, executeOperation, requireScope, type CallResult, type ExecutionTrace } from './execute.js';
import { summariseInput, type Journal } from './journal.js';
import type { GatewayMetrics } from './metrics.js';
import type { UpstreamHandler } from './proxy.js';

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
  /** Connectors answered by a real upstream or recordings instead of their mock (src/gateway/proxy.ts). */
  upstreams?: Map<string, UpstreamHandler>;
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

export type { CallResult };

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

/**
 * The one pipeline every operation runs (like Prism's validate → mock → validate):
 * authenticate → authorise scope → validate request → scenario → handler → validate response → journal.
 */
export async function runCall(deps: GatewayDeps, call: Call): Promise<CallResult> {
  const started = performance.now();
  const { connector, op } = call;
  const logError = (message: string, meta: Record<string, unknown>) => deps.logger.error(message, meta);
  let claims: TokenClaims | undefined;
  const trace: ExecutionTrace = { validation: 'skipped' };
  let result: CallResult;
  try {
    claims = await authenticate(deps.clients, call.authorization);
    requireScope(claims.scopes, op);
    const client = await deps.clients.get(claims.clientId);
    if (!client || client.revokedAt) throw new NdxpError('TOKEN_EXPIRED');
    const info: ClientInfo = { id: client.id, province: client.province, sandbox: client.sandbox, scopes: claims.scopes };
    result = await executeOperation(
      {
        connector, op, input: call.input, textInput: call.textInput, scenarioHeader: call.scenarioHeader, clientScenario: client.scenario,
        client: info, requestId: call.requestId, headers: call.headers, signal: call.signal, now: () => deps.clock.now(),
        dossiers: (scenario) => deps.dossiers.port(connector.id, info, scenario),
        records: createRecordPort(deps.redis, deps.keyPrefix, client.province, connector.id),
        logError,
        upstream: deps.upstreams?.get(connector.id),
      },
      trace,
    );
  } catch (e) {
    result = errorResult(e, call.requestId, logError, { connector: connector.id, operation: op.name });
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
    scenario: trace.scenario?.def.name ?? null,
    validation: trace.validation,
    errorCode: result.error?.code ?? null,
    errorField: result.error?.field ?? null,
    request: summariseInput(call.input),
    ...(trace.problems ? { problems: trace.problems } : {}),
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
