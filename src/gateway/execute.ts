import { Reply, type ClientInfo, type DossierPort, type OperationContext, type RecordPort } from '../core/connector.js';
import { NdxpError, isNdxpError } from '../core/errors.js';
import type { LoadedConnector, LoadedOperation } from '../core/registry.js';
import { malform, type ScenarioDefinition } from '../core/scenarios.js';
import { requestValidationError, toFieldProblems } from '../core/schema-compiler.js';
import { nfcDeep } from '../core/text.js';

/**
 * The transport-free heart of a call: validate request → scenario → handler → validate response, and errors as the
 * envelope. No HTTP, no Redis: the gateway (pipeline.ts) and the in-process mock kit (src/client/mock) both run it,
 * so they answer the same way.
 */
export interface CallResult {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  error?: NdxpError;
}

export interface ActiveScenario {
  def: ScenarioDefinition;
  /** Seconds left in a per-client window (maintenance until …). */
  windowLeftSec?: number;
}

/** A scenario set for a client (all its calls), possibly limited in time and to some connectors. */
export interface ClientScenario {
  name: string;
  until?: string;
  connectors?: string[];
}

export type Validation = 'ok' | 'request-invalid' | 'response-invalid' | 'skipped' | 'off-schema-by-scenario';

/** What the journal wants to know about an execution, filled in as it goes (also when it throws). */
export interface ExecutionTrace {
  validation: Validation;
  problems?: unknown;
  scenario?: ActiveScenario;
}

export interface Execution {
  connector: LoadedConnector;
  op: LoadedOperation;
  input: Record<string, unknown>;
  /** Input came as text (query string, SOAP): validate with type coercion. */
  textInput: boolean;
  scenarioHeader: string | undefined;
  clientScenario?: ClientScenario;
  client: ClientInfo;
  requestId: string;
  headers: Record<string, string | undefined>;
  /** Aborted when the caller goes away (stops simulated waits). */
  signal: AbortSignal;
  now(): Date;
  dossiers(scenario: string | undefined): DossierPort;
  records: RecordPort;
  logError(message: string, meta: Record<string, unknown>): void;
  /**
   * Answer from somewhere else than the mock handler (proxy, record, replay: src/gateway/proxy.ts). Such answers
   * are passed on even when off-schema (that is contract drift to report, not a bug of ours).
   */
  upstream?: (ctx: OperationContext) => Promise<Reply>;
}

/** SCOPE_FORBIDDEN unless the token carries the operation's scope. */
export function requireScope(scopes: string[], op: LoadedOperation): void {
  if (!scopes.includes(op.scope)) {
    throw new NdxpError('SCOPE_FORBIDDEN', {
      detailVi: `cần scope "${op.scope}"`,
      detailEn: `scope "${op.scope}" required`,
      details: { required: op.scope, granted: scopes },
    });
  }
}

export const sleep = (ms: number, signal: AbortSignal) =>
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

export function chooseScenario(
  connector: LoadedConnector,
  op: LoadedOperation,
  header: string | undefined,
  set: ClientScenario | undefined,
  now: Date,
): ActiveScenario | undefined {
  const applies = (s: ScenarioDefinition) => !s.operations || s.operations.includes(op.name);
  if (header) {
    const name = header.trim();
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
  if (!set) return undefined;
  if (set.connectors && !set.connectors.includes(connector.id)) return undefined;
  const until = set.until ? Date.parse(set.until) : undefined;
  if (until !== undefined && until <= now.getTime()) return undefined;
  const def = connector.scenario(set.name);
  if (!def || !applies(def)) return undefined;
  return { def, windowLeftSec: until !== undefined ? Math.ceil((until - now.getTime()) / 1000) : undefined };
}

function validateInput(ex: Execution, trace: ExecutionTrace): Record<string, unknown> {
  const input = ex.textInput ? ex.op.shapeText(nfcDeep(ex.input)) : nfcDeep(ex.input);
  const validate = ex.textInput ? ex.op.validateText : ex.op.validateBody;
  if (!validate(input)) {
    const err = requestValidationError(validate.errors);
    trace.validation = 'request-invalid';
    trace.problems = err.details;
    throw err;
  }
  trace.validation = 'ok';
  return input;
}

/** Runs one authorised call; throws NdxpError for every refusal (use `errorResult` to turn it into the envelope). */
export async function executeOperation(ex: Execution, trace: ExecutionTrace): Promise<CallResult> {
  const { connector, op } = ex;
  const input = validateInput(ex, trace);
  const scenario = chooseScenario(connector, op, ex.scenarioHeader, ex.clientScenario, ex.now());
  trace.scenario = scenario;
  const effect = scenario?.def.effect ?? {};
  if (effect.latencyMs) await sleep(effect.latencyMs, ex.signal);
  if (effect.hangMs) {
    await sleep(effect.hangMs, ex.signal);
    throw new NdxpError('GATEWAY_TIMEOUT');
  }
  if (effect.fault) {
    const retryAfter = scenario!.windowLeftSec ?? effect.retryAfterSec;
    throw new NdxpError(effect.fault, retryAfter !== undefined ? { headers: { 'Retry-After': String(retryAfter) } } : {});
  }
  const ctx: OperationContext = {
    connectorId: connector.id,
    operation: op.name,
    input,
    seed: connector.seed,
    client: ex.client,
    scenario: scenario?.def.name,
    requestId: ex.requestId,
    now: ex.now,
    dossiers: ex.dossiers(scenario?.def.name),
    records: ex.records,
    headers: ex.headers,
  };
  const out = ex.upstream ? await ex.upstream(ctx) : await op.def.handler(ctx);
  const replied = out instanceof Reply ? out : new Reply(200, out);
  if (effect.malformed) {
    trace.validation = 'off-schema-by-scenario';
    return { status: replied.status, body: malform(replied.body), headers: replied.headers };
  }
  if (replied.status < 300 && !op.validateResponse(replied.body)) {
    if (ex.upstream) {
      trace.validation = 'response-invalid';
      trace.problems = toFieldProblems(op.validateResponse.errors);
      return { status: replied.status, body: replied.body, headers: replied.headers };
    }
    // A mock that answers off-schema is a bug of ours: say so loudly rather than pass bad data on.
    trace.validation = 'response-invalid';
    trace.problems = toFieldProblems(op.validateResponse.errors);
    ex.logError('response failed its schema', { connector: connector.id, operation: op.name, problems: trace.problems, requestId: ex.requestId });
    throw new NdxpError('INTERNAL', { detailVi: 'dữ liệu trả về sai lược đồ', detailEn: 'response failed its schema', details: trace.problems });
  }
  return { status: replied.status, body: replied.body, headers: replied.headers };
}

/** Any failure → the documented envelope; an unexpected one is logged and answered as a 500 without internals. */
export function errorResult(e: unknown, requestId: string, logError: (msg: string, meta: Record<string, unknown>) => void, where: Record<string, unknown>): CallResult {
  const err = isNdxpError(e) ? e : new NdxpError('INTERNAL');
  if (!isNdxpError(e)) logError('handler failed', { ...where, error: (e as Error)?.stack, requestId });
  return { status: err.status, body: err.toEnvelope(requestId), headers: err.headers, error: err };
}
