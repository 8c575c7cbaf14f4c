/**
 * Evidence gates: pure functions over the sandbox clients and the traffic journal. Each returns what is still
 * missing, in Vietnamese first; an empty list means the gate passes. The rules, precisely:
 *
 * - cấp quyền: the province has a live sandbox client whose scopes include the connector.
 * - tích hợp: such a client made at least one successful call (2xx, request valid, no scenario) to the connector.
 * - vận hành (from kiểm thử): for ONE such client, all of:
 *   1. every operation of the connector answered 2xx to a schema-valid request without a scenario;
 *   2. every scenario of the connector met at least once and handled as its kind requires:
 *      - fault with Retry-After (503 upstream-error, maintenance): after EVERY such answer, the next call of the same
 *        operation started no earlier than Retry-After seconds later; when Retry-After ≤ 60 s a retry must also exist;
 *      - fault without Retry-After (e.g. 404 not-found): after NO such answer was the identical request (same
 *        operation, input, scenario) sent again within 60 s;
 *      - hang (timeout): the client gave up before the gateway answered (its call lasted less than the hang);
 *      - malformed: within 60 s the client fetched the same operation again and got a valid answer (it rejected
 *        the off-schema body instead of using it);
 *      - latency (slow): the client waited for and got the 2xx answer;
 *      - any other (connector-specific) scenario: met at least once;
 *   3. no request refused with 400 for invalid input was sent again unchanged within 60 s.
 */
import type { JournalEntry } from '../gateway/journal.js';
import type { ScenarioEffect } from '../core/scenarios.js';
import type { Stage } from './stages.js';

export interface GateClient {
  id: string;
  province: string;
  sandbox: boolean;
  scopes: string[];
  revokedAt?: string;
}

export interface GateConnector {
  id: string;
  /** Undefined when the simulator has no such connector yet (no sandbox to exercise). */
  operations?: string[];
  scenarios?: Array<{ name: string; effect: ScenarioEffect }>;
}

export type GateEntry = Pick<JournalEntry, 'time' | 'clientId' | 'connector' | 'operation' | 'status' | 'validation' | 'scenario' | 'durationMs' | 'request'>;

export interface Missing {
  vi: string;
  en: string;
}

export interface GateVerdict {
  passed: boolean;
  missing: Missing[];
  clientId?: string;
}

export const RETRY_WINDOW_MS = 60_000;
const LONG_RETRY_AFTER_SEC = 60;
// Journal times are taken when the answer is sent and rounded to the millisecond; allow that much slack.
const CLOCK_SLACK_MS = 50;

const ok2xx = (e: GateEntry) => e.status >= 200 && e.status < 300;
const cleanSuccess = (e: GateEntry) => ok2xx(e) && e.validation === 'ok' && !e.scenario;
const startMs = (e: GateEntry) => Date.parse(e.time) - (e.durationMs ?? 0);
const endMs = (e: GateEntry) => Date.parse(e.time);
// The same request: operation, input and scenario (in the sandbox the X-Mock-Scenario header is part of the request).
const sameRequest = (a: GateEntry, b: GateEntry) =>
  a.operation === b.operation && a.scenario === b.scenario && JSON.stringify(a.request) === JSON.stringify(b.request);

/** Sandbox clients of the province allowed to call the connector. */
export function eligibleClients(clients: GateClient[], province: string, connector: string): GateClient[] {
  return clients.filter((c) => c.sandbox && !c.revokedAt && c.province === province && c.scopes.includes(connector));
}

function noClient(province: string, connector: string): Missing {
  return {
    vi: `Chưa có ứng dụng sandbox của tỉnh "${province}" được cấp scope "${connector}"`,
    en: `No sandbox client of province "${province}" has the scope "${connector}"`,
  };
}

const NOT_SIMULATED: Missing = {
  vi: 'Hệ thống này chưa có trong trình mô phỏng nên chưa thể có bằng chứng gọi thử sandbox',
  en: 'This system is not in the simulator yet, so no sandbox evidence can exist',
};

/** Entries after `e` (ascending order) of the same operation by the same client. */
function laterSameOp(entries: GateEntry[], i: number): GateEntry[] {
  const e = entries[i]!;
  return entries.slice(i + 1).filter((x) => x.operation === e.operation);
}

/** Rule 2 for one scenario over one client's entries (ascending): null when handled, else what is missing. */
export function scenarioHandled(name: string, effect: ScenarioEffect, entries: GateEntry[]): Missing | null {
  const idx = entries.map((e, i) => (e.scenario === name ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) {
    return { vi: `Chưa gặp kịch bản lỗi "${name}" (gọi với X-Mock-Scenario: ${name})`, en: `Scenario "${name}" never met (call with X-Mock-Scenario: ${name})` };
  }
  if (effect.fault && effect.retryAfterSec !== undefined) {
    const waitMs = effect.retryAfterSec * 1000 - CLOCK_SLACK_MS;
    const mustRetry = effect.retryAfterSec <= LONG_RETRY_AFTER_SEC;
    const nexts = idx.map((i) => ({ fault: entries[i]!, next: laterSameOp(entries, i)[0] }));
    if (nexts.some(({ fault, next }) => next && startMs(next) - endMs(fault) < waitMs)) {
      return { vi: `Sau lỗi "${name}" đã gọi lại trước thời gian Retry-After (${effect.retryAfterSec} giây)`, en: `After "${name}" the client called again before Retry-After (${effect.retryAfterSec} s)` };
    }
    if (mustRetry && !nexts.some(({ next }) => next)) {
      return { vi: `Sau lỗi "${name}" (Retry-After: ${effect.retryAfterSec} giây) chưa thấy gọi lại sau thời gian chờ`, en: `After "${name}" (Retry-After: ${effect.retryAfterSec} s) no retry after the delay was seen` };
    }
    return null;
  }
  if (effect.fault) {
    const resent = idx.some((i) => laterSameOp(entries, i).some((x) => sameRequest(x, entries[i]!) && startMs(x) - endMs(entries[i]!) < RETRY_WINDOW_MS));
    return resent ? { vi: `Sau lỗi "${name}" đã gửi lại nguyên yêu cầu (lỗi này không nên thử lại)`, en: `After "${name}" the same request was sent again (this error must not be retried)` } : null;
  }
  if (effect.hangMs) {
    const good = idx.some((i) => (entries[i]!.durationMs ?? Infinity) < effect.hangMs!);
    return good ? null : { vi: `Với kịch bản "${name}" ứng dụng chưa tự ngắt theo thời hạn chờ của mình`, en: `With "${name}" the client never gave up on its own timeout` };
  }
  if (effect.malformed) {
    const good = idx.some((i) => laterSameOp(entries, i).some((x) => cleanSuccess(x) && startMs(x) - endMs(entries[i]!) < RETRY_WINDOW_MS));
    return good ? null : { vi: `Sau dữ liệu sai cấu trúc ("${name}") chưa thấy ứng dụng loại bỏ và lấy lại dữ liệu hợp lệ`, en: `After the off-schema answer ("${name}") the client did not fetch a valid one again` };
  }
  if (effect.latencyMs) {
    const good = idx.some((i) => ok2xx(entries[i]!));
    return good ? null : { vi: `Với kịch bản chậm "${name}" ứng dụng chưa chờ được kết quả`, en: `With the slow scenario "${name}" the client never waited for the answer` };
  }
  return null;
}

/** Rule 3: no unchanged resend of a request refused as invalid. */
export function invalidRequestsResent(entries: GateEntry[]): Missing | null {
  const bad = entries.findIndex((e, i) => e.status === 400 && e.validation === 'request-invalid' && !e.scenario &&
    laterSameOp(entries, i).some((x) => sameRequest(x, e) && startMs(x) - endMs(e) < RETRY_WINDOW_MS));
  if (bad < 0) return null;
  return {
    vi: `Đã gửi lại nguyên yêu cầu bị từ chối 400 (thao tác "${entries[bad]!.operation}"): lỗi dữ liệu phải được sửa, không thử lại`,
    en: `A request refused with 400 (operation "${entries[bad]!.operation}") was sent again unchanged: fix it, do not retry`,
  };
}

/** Rules 1–3 for one client's entries of one connector, in ascending time order. */
export function operationMissing(connector: GateConnector, entries: GateEntry[]): Missing[] {
  const missing: Missing[] = [];
  for (const op of connector.operations ?? []) {
    if (!entries.some((e) => e.operation === op && cleanSuccess(e))) {
      missing.push({ vi: `Chưa gọi thành công thao tác "${op}" với yêu cầu hợp lệ theo lược đồ`, en: `Operation "${op}" never succeeded with a schema-valid request` });
    }
  }
  for (const s of connector.scenarios ?? []) {
    const m = scenarioHandled(s.name, s.effect, entries);
    if (m) missing.push(m);
  }
  const resent = invalidRequestsResent(entries);
  if (resent) missing.push(resent);
  return missing;
}

/**
 * The gate of `target` for a (province, connector): judged per eligible client, passing when one client has
 * nothing missing; otherwise the client with the least missing is reported.
 */
export function evaluateGate(args: { target: Stage; province: string; connector: GateConnector; clients: GateClient[]; entries: GateEntry[] }): GateVerdict {
  const { target, province, connector } = args;
  if (target !== 'cap-quyen' && target !== 'tich-hop' && target !== 'van-hanh') return { passed: true, missing: [] };
  const clients = eligibleClients(args.clients, province, connector.id);
  if (clients.length === 0) return { passed: false, missing: connector.operations ? [noClient(province, connector.id)] : [NOT_SIMULATED, noClient(province, connector.id)] };
  if (target === 'cap-quyen') return { passed: true, missing: [], clientId: clients[0]!.id };
  if (!connector.operations) return { passed: false, missing: [NOT_SIMULATED] };
  const sorted = [...args.entries].filter((e) => e.connector === connector.id).sort((a, b) => endMs(a) - endMs(b));
  let best: GateVerdict | undefined;
  for (const c of clients) {
    const mine = sorted.filter((e) => e.clientId === c.id);
    const missing = target === 'tich-hop'
      ? (mine.some(cleanSuccess) ? [] : [{ vi: 'Chưa có lệnh gọi sandbox thành công nào', en: 'No successful sandbox call yet' }])
      : operationMissing(connector, mine);
    const verdict = { passed: missing.length === 0, missing, clientId: c.id };
    if (verdict.passed) return verdict;
    if (!best || missing.length < best.missing.length) best = verdict;
  }
  return best!;
}
