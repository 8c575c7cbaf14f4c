import type { ErrorCode } from './errors.js';

/**
 * Scenarios (fault injection), chosen per request with `X-Mock-Scenario: <name>` or per client.
 * A scenario is data: its effect on the pipeline, and the expectation the conformance suite checks.
 */
export interface ScenarioEffect {
  /** Added latency before the handler runs. */
  latencyMs?: number;
  /** Hold the request this long without answering, then answer GATEWAY_TIMEOUT (a client times out first). */
  hangMs?: number;
  /** Answer this error instead of calling the handler. */
  fault?: ErrorCode;
  /** Retry-After (seconds) sent with the fault. */
  retryAfterSec?: number;
  /** Send an off-schema response body (to test the client's own validation). */
  malformed?: boolean;
  /** The handler reads `ctx.scenario` itself (connector-specific behaviour). */
  handled?: boolean;
}

export interface ScenarioExpectation {
  /** Operation to call; defaults to the connector's first GET operation (else its first operation). */
  operation?: string;
  status: number;
  /** Partial deep match on the response body. */
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  minLatencyMs?: number;
  /** The client (with this timeout) gets no answer. */
  noResponseWithinMs?: number;
  /** The body must NOT validate against the response schema. */
  offSchema?: boolean;
  /** A follow-up call whose answer must eventually match (stateful systems). */
  then?: {
    operation: string;
    /** Builds the follow-up input from the first response body. */
    input: (firstBody: any) => Record<string, unknown>;
    body: Record<string, unknown>;
    withinMs: number;
  };
}

export interface ScenarioDefinition {
  name: string;
  description: string;
  descriptionEn?: string;
  effect: ScenarioEffect;
  expect: ScenarioExpectation;
  /** Operations the scenario applies to (default: all). */
  operations?: string[];
}

/** The scenarios every connector has, as the platform would misbehave. */
export const BUILT_IN_SCENARIOS: readonly ScenarioDefinition[] = [
  {
    name: 'slow',
    description: 'Hệ thống nguồn phản hồi chậm (thêm 1,2 giây)',
    descriptionEn: 'Upstream answers slowly (+1.2 s)',
    effect: { latencyMs: 1200 },
    expect: { status: 200, minLatencyMs: 1200 },
  },
  {
    name: 'timeout',
    description: 'Hệ thống nguồn không phản hồi (giữ kết nối 30 giây rồi trả 504)',
    descriptionEn: 'Upstream never answers in time (holds 30 s, then 504)',
    effect: { hangMs: 30_000 },
    expect: { status: 504, noResponseWithinMs: 400 },
  },
  {
    name: 'upstream-error',
    description: 'Hệ thống nguồn tạm thời lỗi (503, có Retry-After)',
    descriptionEn: 'Upstream temporarily failing (503 with Retry-After)',
    effect: { fault: 'UPSTREAM_UNAVAILABLE', retryAfterSec: 2 },
    expect: { status: 503, headers: { 'retry-after': '2' }, body: { error: { code: 'UPSTREAM_UNAVAILABLE' } } },
  },
  {
    name: 'not-found',
    description: 'Không tìm thấy bản ghi',
    descriptionEn: 'Record not found',
    effect: { fault: 'RECORD_NOT_FOUND' },
    expect: { status: 404, body: { error: { code: 'RECORD_NOT_FOUND' } } },
  },
  {
    name: 'maintenance',
    description: 'Hệ thống đang bảo trì (503 trong khung giờ bảo trì, Retry-After đến hết khung giờ)',
    descriptionEn: 'Maintenance window (503, Retry-After until the window ends)',
    effect: { fault: 'MAINTENANCE', retryAfterSec: 600 },
    expect: { status: 503, headers: { 'retry-after': '600' }, body: { error: { code: 'MAINTENANCE' } } },
  },
  {
    name: 'malformed',
    description: 'Trả dữ liệu sai cấu trúc (để kiểm thử việc kiểm tra dữ liệu phía tỉnh)',
    descriptionEn: 'Off-schema response body (to test the client’s own validation)',
    effect: { malformed: true },
    expect: { status: 200, offSchema: true },
  },
];

export const BUILT_IN_SCENARIO_NAMES = BUILT_IN_SCENARIOS.map((s) => s.name);

/** Makes a valid response body off-schema in a way every schema notices: required data gone, a wrong type added. */
export function malform(body: unknown): unknown {
  return { __malformed: true, data: typeof body === 'object' ? JSON.stringify(body).slice(0, 200) : body, ketQua: 12 };
}
