import express, { type Request, type Response, type Router } from 'express';
import { NdxpError } from '../core/errors.js';
import { nfcDeep } from '../core/text.js';
import { sendError, toNdxpError } from '../gateway/http.js';
import { assertValid, type JsonSchema } from '../rollout/validation.js';

/**
 * API routes described as data (method, path, summary, access rule, JSON Schemas of params/query/body/response),
 * so the OpenAPI generator can read them and the authorisation test can walk every one of them.
 */
export interface RouteReply {
  status?: number;
  body?: unknown;
  /** Raw payload (CSV, XLSX, HTML) with its content type. */
  raw?: { contentType: string; data: string | Buffer; filename?: string };
  headers?: Record<string, string>;
}

export interface RouteContext<U, D> {
  req: Request;
  res: Response;
  user: U;
  deps: D;
  params: Record<string, string>;
  query: Record<string, string>;
  body: any;
}

export interface RouteSpec<U, D, A extends string> {
  id: string;
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express path, `:name` parameters. */
  path: string;
  summary: string;
  summaryEn: string;
  tags: string[];
  /** Who may call it (resolved by the router's `authorise`); no default, so nothing is open by accident. */
  access: A;
  params?: JsonSchema;
  query?: JsonSchema;
  /** JSON body schema; `bodyType` for raw uploads. */
  body?: JsonSchema;
  bodyType?: 'json' | 'raw';
  responses: Record<number, { description: string; schema?: JsonSchema; contentType?: string }>;
  handler(ctx: RouteContext<U, D>): Promise<RouteReply>;
}

export interface MountOptions<U, D, A extends string> {
  deps: D;
  /** The signed-in user, or null. */
  resolveUser(req: Request): Promise<U | null>;
  /** Throws FORBIDDEN / RECORD_NOT_FOUND when the user may not call this route with these params. */
  authorise(access: A, user: U | null, params: Record<string, string>, deps: D): Promise<void>;
  jsonLimit: string;
  rawLimit: string;
}

const toStrings = (o: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((o ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;

const MUTATING = new Set(['post', 'put', 'delete']);

export function mountRoutes<U, D, A extends string>(routes: Array<RouteSpec<U, D, A>>, opts: MountOptions<U, D, A>): Router {
  const router = express.Router();
  const json = express.json({ limit: opts.jsonLimit });
  const raw = express.raw({ limit: opts.rawLimit, type: () => true });
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response) => {
      try {
        const user = await opts.resolveUser(req);
        const params = route.params ? assertValid<Record<string, string>>(route.params, toStrings(req.params)) : toStrings(req.params);
        await opts.authorise(route.access, user, params, opts.deps);
        const query = route.query ? assertValid<Record<string, string>>(route.query, toStrings(req.query)) : {};
        let body: unknown;
        if (MUTATING.has(route.method) && (route.body || route.bodyType === 'raw')) {
          const isJson = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
          if (route.bodyType !== 'raw' && !isJson) {
            // JSON only: a cross-site HTML form cannot send it, which keeps cookie sessions safe from CSRF.
            throw new NdxpError('UNSUPPORTED_MEDIA_TYPE', { detailVi: 'cần application/json', detailEn: 'application/json required' });
          }
          const parser = route.bodyType === 'raw' ? raw : json;
          const err = await new Promise<unknown>((resolve) => parser(req, res, resolve));
          if (err) throw err;
          // Vietnamese text is stored in NFC whatever the keyboard sent (reasons, notes, names).
          const received = route.bodyType === 'raw' ? req.body : nfcDeep(req.body ?? {});
          body = route.body ? assertValid(route.body, received) : received;
        }
        const reply = await route.handler({ req, res, user: user as U, deps: opts.deps, params, query, body });
        for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
        res.setHeader('Cache-Control', 'no-store');
        if (reply.raw) {
          res.status(reply.status ?? 200).type(reply.raw.contentType);
          if (reply.raw.filename) res.attachment(reply.raw.filename);
          res.send(reply.raw.data);
        } else if (reply.body === undefined) res.status(reply.status ?? 204).end();
        else res.status(reply.status ?? 200).json(reply.body);
      } catch (e) {
        sendError(res, toNdxpError(e), req.requestId);
      }
    });
  }
  return router;
}

/** The routes as plain data (no handlers), for the OpenAPI document. */
export function describeRoutes<U, D, A extends string>(routes: Array<RouteSpec<U, D, A>>) {
  return routes.map(({ handler: _h, ...rest }) => ({ ...rest, openapiPath: rest.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}') }));
}
