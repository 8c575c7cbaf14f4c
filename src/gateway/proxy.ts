import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import axios, { type AxiosInstance } from 'axios';
import { Reply, type OperationContext } from '../core/connector.js';
import { NdxpError } from '../core/errors.js';
import { maskPersonalData } from '../core/masking.js';
import type { LoadedOperation, Registry } from '../core/registry.js';
import { toFieldProblems, type FieldProblem } from '../core/schema-compiler.js';

/**
 * Proxy, record and replay modes per connector.
 * - proxy: forward each validated call to the real upstream (its own credentials, from the environment) and pass
 *   its answer on; off-schema answers are passed on and journalled as `response-invalid` (contract drift).
 * - record: proxy, and save every exchange to mocks/<id>/recorded/ with personal data masked.
 * - replay: answer from those recordings (matched on the masked input), no upstream.
 * Configuration (environment; credentials are never logged nor recorded):
 *   NDXP_MODES=dan-cu=proxy,ly-lich-tu-phap=record
 *   NDXP_UPSTREAM_<ID>_URL, NDXP_UPSTREAM_<ID>_TOKEN (bearer) or _USERNAME/_PASSWORD (basic), _TIMEOUT_MS
 *   with <ID> the connector id in upper snake case (DAN_CU).
 */
export type UpstreamMode = 'proxy' | 'record' | 'replay';

export interface UpstreamConfig {
  mode: UpstreamMode;
  url?: string;
  auth?: { bearer: string } | { username: string; password: string };
  timeoutMs: number;
}

export interface Recording {
  connector: string;
  operation: string;
  method: string;
  path: string;
  recordedAt: string;
  /** Masked input. */
  request: unknown;
  response: { status: number; body: unknown; headers: Record<string, string> };
}

const MODES: UpstreamMode[] = ['proxy', 'record', 'replay'];
export const envKey = (connectorId: string) => `NDXP_UPSTREAM_${connectorId.toUpperCase().replace(/-/g, '_')}`;

export function parseUpstreamConfig(env: Record<string, string | undefined>): Map<string, UpstreamConfig> {
  const out = new Map<string, UpstreamConfig>();
  for (const part of (env.NDXP_MODES ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [id, mode] = part.split('=').map((s) => s.trim());
    if (!id || !MODES.includes(mode as UpstreamMode)) throw new Error(`NDXP_MODES: "${part}" must be <connector>=${MODES.join('|')}`);
    const k = envKey(id);
    const url = env[`${k}_URL`];
    if (mode !== 'replay' && !url) throw new Error(`NDXP_MODES: ${id}=${mode} needs ${k}_URL`);
    if (url && !/^https?:\/\//.test(url)) throw new Error(`${k}_URL must be an http(s) URL`);
    const token = env[`${k}_TOKEN`];
    const username = env[`${k}_USERNAME`];
    const auth = token ? { bearer: token } : username ? { username, password: env[`${k}_PASSWORD`] ?? '' } : undefined;
    const timeoutMs = Number(env[`${k}_TIMEOUT_MS`] ?? 15_000);
    if (!(timeoutMs > 0)) throw new Error(`${k}_TIMEOUT_MS must be a positive number`);
    out.set(id, { mode: mode as UpstreamMode, ...(url ? { url } : {}), ...(auth ? { auth } : {}), timeoutMs });
  }
  return out;
}

/** `mocksDir` is <root>/mocks unless NDXP_RECORDINGS_DIR says otherwise (tests, a shared volume). */
export const recordedDir = (mocksDir: string, connectorId: string) => path.join(mocksDir, connectorId, 'recorded');

/** Stable JSON (sorted keys) to compare masked inputs. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export async function loadRecordings(mocksDir: string, connectorId: string): Promise<Array<{ file: string; recording: Recording }>> {
  const dir = recordedDir(mocksDir, connectorId);
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return Promise.all(files.map(async (f) => ({ file: path.join(dir, f), recording: JSON.parse(await readFile(path.join(dir, f), 'utf8')) as Recording })));
}

const pathOf = (op: LoadedOperation, input: Record<string, unknown>) =>
  op.def.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => encodeURIComponent(String(input[name] ?? '')));

async function forward(http: AxiosInstance, cfg: UpstreamConfig, op: LoadedOperation, ctx: OperationContext): Promise<Reply> {
  const isBody = op.def.method === 'POST' || op.def.method === 'PUT';
  const headers: Record<string, string> = { 'X-Request-Id': ctx.requestId, Accept: 'application/json' };
  if (cfg.auth && 'bearer' in cfg.auth) headers.Authorization = `Bearer ${cfg.auth.bearer}`;
  try {
    const res = await http.request({
      method: op.def.method,
      url: cfg.url!.replace(/\/+$/, '') + pathOf(op, ctx.input),
      ...(isBody ? { data: ctx.input } : { params: ctx.input }),
      headers,
      ...(cfg.auth && 'username' in cfg.auth ? { auth: cfg.auth } : {}),
      timeout: cfg.timeoutMs,
      validateStatus: () => true,
      responseType: 'json',
    });
    const keep: Record<string, string> = {};
    if (res.headers['retry-after']) keep['Retry-After'] = String(res.headers['retry-after']);
    return new Reply(res.status, res.data, keep);
  } catch (e) {
    // Only the code: an axios error carries the request config, credentials included.
    const code = (e as { code?: string }).code ?? 'ERR';
    if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') throw new NdxpError('GATEWAY_TIMEOUT');
    throw new NdxpError('UPSTREAM_ERROR', { detailVi: code, detailEn: code });
  }
}

async function record(mocksDir: string, op: LoadedOperation, ctx: OperationContext, reply: Reply): Promise<void> {
  const at = ctx.now();
  const recording: Recording = {
    connector: op.connectorId,
    operation: op.name,
    method: op.def.method,
    path: op.def.path,
    recordedAt: at.toISOString(),
    request: maskPersonalData(ctx.input),
    response: { status: reply.status, body: maskPersonalData(reply.body), headers: reply.headers },
  };
  const dir = recordedDir(mocksDir, op.connectorId);
  await mkdir(dir, { recursive: true });
  const name = `${at.toISOString().replace(/[-:.]/g, '')}-${op.name}-${randomBytes(3).toString('hex')}.json`;
  await writeFile(path.join(dir, name), `${JSON.stringify(recording, null, 2)}\n`);
}

async function replay(mocksDir: string, op: LoadedOperation, ctx: OperationContext): Promise<Reply> {
  const wanted = canonical(maskPersonalData(ctx.input));
  const hits = (await loadRecordings(mocksDir, op.connectorId)).filter(
    ({ recording: r }) => r.operation === op.name && canonical(r.request) === wanted,
  );
  const last = hits.at(-1)?.recording;
  if (!last) {
    throw new NdxpError('RECORD_NOT_FOUND', {
      detailVi: `không có bản ghi lại cho ${op.connectorId}.${op.name} với dữ liệu này`,
      detailEn: `no recorded exchange for ${op.connectorId}.${op.name} with this input`,
    });
  }
  return new Reply(last.response.status, last.response.body, last.response.headers);
}

export type UpstreamHandler = (ctx: OperationContext) => Promise<Reply>;

/** One handler per connector in a non-mock mode; the pipeline uses it instead of the connector's mock handler. */
export function createUpstreams(registry: Registry, configs: Map<string, UpstreamConfig>, mocksDir: string, http: AxiosInstance = axios.create()): Map<string, UpstreamHandler> {
  const out = new Map<string, UpstreamHandler>();
  for (const [id, cfg] of configs) {
    const connector = registry.get(id);
    if (!connector) throw new Error(`NDXP_MODES: unknown connector "${id}"`);
    out.set(id, async (ctx) => {
      const op = connector.operation(ctx.operation)!;
      if (cfg.mode === 'replay') return replay(mocksDir, op, ctx);
      const reply = await forward(http, cfg, op, ctx);
      if (cfg.mode === 'record') await record(mocksDir, op, ctx, reply);
      return reply;
    });
  }
  return out;
}

// ---- contract drift ------------------------------------------------------------------------------------------------

export interface DriftEntry {
  connector: string;
  operation: string;
  file: string;
  recordedAt: string;
  status: number;
  problems: FieldProblem[];
}

/** Value at an ajv instance path. */
function at(body: unknown, pointer: string): unknown {
  let cur: unknown = body;
  for (const p of pointer.split('/').slice(1)) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return cur;
}

/**
 * Where recorded upstream answers do not match our schemas. Recordings are masked, so a pattern/format/length
 * complaint about a value with mask stars is the masking, not drift: those are left out.
 */
export async function contractDrift(registry: Registry, mocksDir: string, connectorIds?: string[], onFile?: () => void): Promise<DriftEntry[]> {
  const out: DriftEntry[] = [];
  for (const c of registry.connectors.filter((x) => !connectorIds || connectorIds.includes(x.id))) {
    for (const { file, recording } of await loadRecordings(mocksDir, c.id)) {
      onFile?.();
      const op = c.operation(recording.operation);
      if (!op || recording.response.status >= 300) continue;
      if (op.validateResponse(recording.response.body)) continue;
      const masked = new Set(['pattern', 'format', 'minLength', 'maxLength', 'enum', 'const']);
      const errors = (op.validateResponse.errors ?? []).filter((e) => {
        const v = at(recording.response.body, e.instancePath);
        return !(masked.has(e.keyword) && typeof v === 'string' && v.includes('*'));
      });
      const problems = toFieldProblems(errors);
      if (problems.length) {
        out.push({ connector: c.id, operation: op.name, file, recordedAt: recording.recordedAt, status: recording.response.status, problems });
      }
    }
  }
  return out;
}

export async function countRecordings(mocksDir: string, connectorIds: string[]): Promise<number> {
  let n = 0;
  for (const id of connectorIds) n += (await loadRecordings(mocksDir, id)).length;
  return n;
}
