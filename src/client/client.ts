import axios, { type AxiosInstance, type AxiosResponse, type Method } from 'axios';
import { NdxpApiError, NdxpTransportError, isErrorEnvelope } from './errors.js';
import { OPERATIONS, type OperationKey, type OperationRequests, type OperationResponses } from './generated/operations.js';

/**
 * The TTHC developer's SDK for the NDXP gateway (simulated or real): OAuth2 client credentials with the token
 * refreshed before it expires, typed operations, retries where a retry is safe and useful, typed errors.
 */
export interface RetryOptions {
  /** Attempts in all, the first included (default 3). */
  maxAttempts?: number;
  /** First backoff for timeouts/network errors; doubles each time, with jitter (default 200 ms). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A 503 asking to wait longer than this is not retried (a maintenance window): the error is thrown at once. */
  maxRetryAfterSec?: number;
  /** Retry timeouts, network errors and 504 (default true). Turn off for calls that must not be repeated. */
  onTimeout?: boolean;
}

export interface NdxpClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Connector ids to ask for (default: every scope the client was granted). */
  scope?: string[];
  /** Per-attempt timeout (default 10 s). */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Fetch a new token this many seconds before the current one expires (default 30). */
  refreshBeforeExpirySec?: number;
  /** Your own axios instance (agents, interceptors, proxies). */
  http?: AxiosInstance;
  /** Injectable wait (tests). */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface CallOptions {
  /** X-Mock-Scenario for this call (simulator only). */
  scenario?: string;
  headers?: Record<string, string>;
  /** Override the client's retry options for this call. */
  retry?: RetryOptions;
  timeoutMs?: number;
}

export interface RequestOptions extends CallOptions {
  query?: Record<string, unknown>;
  body?: unknown;
  /** Send the bearer token (default true). */
  auth?: boolean;
}

const NETWORK_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN', 'ERR_NETWORK']);

/** Retry-After: delta seconds or an HTTP date. */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export class NdxpClient {
  private readonly http: AxiosInstance;
  private token?: { value: string; expiresAt: number };
  private pendingToken?: Promise<string>;
  private catalog?: Promise<Map<string, { method: Method; path: string }>>;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly opts: NdxpClientOptions) {
    this.http = opts.http ?? axios.create();
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.now = opts.now ?? Date.now;
  }

  private url(path: string) {
    return this.opts.baseUrl.replace(/\/+$/, '') + path;
  }

  /** A valid access token: the cached one, or a new one when it is missing or about to expire. */
  async getToken(): Promise<string> {
    const skew = (this.opts.refreshBeforeExpirySec ?? 30) * 1000;
    if (this.token && this.now() < this.token.expiresAt - skew) return this.token.value;
    // Concurrent calls share one token request.
    this.pendingToken ??= this.fetchToken().finally(() => {
      this.pendingToken = undefined;
    });
    return this.pendingToken;
  }

  /** Forget the cached token (after a 401, or a secret rotation). */
  invalidateToken(): void {
    this.token = undefined;
  }

  private async fetchToken(): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (this.opts.scope?.length) form.set('scope', this.opts.scope.join(' '));
    const data = await this.send<{ access_token: string; expires_in: number }>(
      'POST',
      '/token',
      {
        auth: false,
        body: form.toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(this.opts.clientId)}:${encodeURIComponent(this.opts.clientSecret)}`).toString('base64')}`,
        },
      },
    );
    this.token = { value: data.access_token, expiresAt: this.now() + data.expires_in * 1000 };
    return data.access_token;
  }

  /**
   * Where an operation lives: from the generated table, or (an operation newer than this SDK build) from the
   * simulator's catalog, read once.
   */
  private async locate(key: string): Promise<{ method: Method; path: string }> {
    const known = (OPERATIONS as Record<string, { method: Method; path: string }>)[key];
    if (known) return known;
    this.catalog ??= this.request<Array<{ id: string; operations: Array<{ name: string; method: Method; path: string }> }>>('GET', '/api/connectors', { auth: false })
      .then((entries) => new Map(entries.flatMap((c) => c.operations.map((o) => [`${c.id}.${o.name}`, { method: o.method, path: o.path }] as const))))
      .catch((e: unknown) => {
        this.catalog = undefined;
        throw e;
      });
    const found = (await this.catalog).get(key);
    if (!found) throw new TypeError(`unknown operation ${key}`);
    return found;
  }

  /** A typed operation: `call('dan-cu.traCuuCongDan', {...})`. Path parameters are taken from the input. */
  async call<K extends OperationKey>(key: K, input: OperationRequests[K], opts: CallOptions = {}): Promise<OperationResponses[K]> {
    const op = await this.locate(key);
    const rest: Record<string, unknown> = { ...(input as Record<string, unknown>) };
    const path = op.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
      const v = rest[name];
      delete rest[name];
      return encodeURIComponent(String(v));
    });
    const isBody = op.method === 'POST' || op.method === 'PUT';
    return this.request<OperationResponses[K]>(op.method, path, { ...opts, ...(isBody ? { body: rest } : { query: rest }) });
  }

  /** Any gateway or API route, with the same token handling, retries and errors. */
  async request<T = unknown>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
    return this.send<T>(method, path, opts);
  }

  private backoff(attempt: number, retry: RetryOptions): number {
    const base = retry.baseDelayMs ?? 200;
    const max = retry.maxDelayMs ?? 5000;
    const raw = Math.min(max, base * 2 ** (attempt - 1));
    return Math.round(raw * (0.5 + Math.random() * 0.5));
  }

  private async send<T>(method: Method, path: string, opts: RequestOptions): Promise<T> {
    const retry = { ...this.opts.retry, ...opts.retry };
    const maxAttempts = Math.max(1, retry.maxAttempts ?? 3);
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.auth !== false) headers.authorization = `Bearer ${await this.getToken()}`;
      if (opts.scenario) headers['x-mock-scenario'] = opts.scenario;
      let res: AxiosResponse;
      try {
        res = await this.http.request({
          method,
          url: this.url(path),
          params: opts.query,
          data: opts.body,
          headers,
          timeout: opts.timeoutMs ?? this.opts.timeoutMs ?? 10_000,
          validateStatus: () => true,
        });
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        if (!NETWORK_CODES.has(code)) throw e;
        const reason = code === 'ECONNABORTED' || code === 'ETIMEDOUT' ? 'timeout' : 'network';
        if (retry.onTimeout !== false && attempt < maxAttempts) {
          await this.sleep(this.backoff(attempt, retry));
          continue;
        }
        throw new NdxpTransportError(`${method} ${path}: ${reason} (${code}) after ${attempt} attempt(s)`, reason, attempt);
      }
      if (res.status < 300) return res.data as T;
      if (!isErrorEnvelope(res.data)) {
        throw new NdxpTransportError(`${method} ${path}: HTTP ${res.status} without an error envelope`, 'bad-response', attempt, res.status);
      }
      const retryAfter = parseRetryAfter(res.headers['retry-after'], this.now());
      const err = new NdxpApiError(res.data, retryAfter);
      if (res.status === 401 && opts.auth !== false && !refreshed && (err.code === 'TOKEN_EXPIRED' || err.code === 'TOKEN_INVALID')) {
        // Revoked or expired early (a secret rotation): one fresh token, then give up.
        refreshed = true;
        this.invalidateToken();
        attempt--;
        continue;
      }
      if (attempt < maxAttempts && res.status === 503 && (retryAfter ?? 0) <= (retry.maxRetryAfterSec ?? 30)) {
        await this.sleep(retryAfter !== undefined ? retryAfter * 1000 : this.backoff(attempt, retry));
        continue;
      }
      if (attempt < maxAttempts && res.status === 504 && retry.onTimeout !== false) {
        await this.sleep(this.backoff(attempt, retry));
        continue;
      }
      throw err;
    }
  }

  // ---- simulator API helpers --------------------------------------------------------------------------------------

  /** The connector catalog (GET /api/connectors). */
  connectors(): Promise<unknown[]> {
    return this.request('GET', '/api/connectors', { auth: false });
  }

  /** Apply a scenario to every call of this client (until a time, for some connectors). */
  setScenario(name: string, opts: { until?: string; connectors?: string[] } = {}): Promise<unknown> {
    return this.request('PUT', '/api/clients/me/scenario', { body: { name, ...opts } });
  }

  clearScenario(): Promise<unknown> {
    return this.request('DELETE', '/api/clients/me/scenario');
  }

  /** This client's own recent traffic (masked). */
  journal(query: { connector?: string; operation?: string; limit?: number; before?: string } = {}): Promise<{ entries: Array<Record<string, unknown>>; next: string | null }> {
    return this.request('GET', '/api/journal', { query });
  }
}

export const createNdxpClient = (opts: NdxpClientOptions) => new NdxpClient(opts);
