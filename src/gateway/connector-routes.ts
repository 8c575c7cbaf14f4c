import express, { type Request, type Response, type Router } from 'express';
import { NdxpError } from '../core/errors.js';
import type { LoadedConnector, LoadedOperation } from '../core/registry.js';
import { hasContentType, sendError, toNdxpError } from './http.js';
import { recordRejection, runCall, type Call, type CallResult, type GatewayDeps } from './pipeline.js';
import { buildSoapFault, buildSoapResponse, parseSoapRequest, soapElementOf, soapOperationResolver } from './soap.js';

const JSON_TYPES = ['application/json'];
const SOAP_TYPES = ['text/xml', 'application/soap+xml'];

/** `/dmdc/1.0/Category/{maDanhMuc}` → express `/dmdc/1.0/Category/:maDanhMuc`. */
export const toExpressPath = (p: string) => p.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');

/** Aborted when the client goes away before the answer (ends simulated waits early). */
function abortSignal(res: Response): AbortSignal {
  const ctrl = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) ctrl.abort();
  });
  return ctrl.signal;
}

function baseCall(req: Request, res: Response, connector: LoadedConnector, op: LoadedOperation): Omit<Call, 'input' | 'textInput' | 'protocol'> {
  return {
    connector,
    op,
    authorization: req.get('authorization'),
    scenarioHeader: req.get('x-mock-scenario'),
    headers: req.headers as Record<string, string | undefined>,
    requestId: req.requestId,
    method: req.method,
    path: req.path,
    signal: abortSignal(res),
  };
}

function sendJson(res: Response, result: CallResult): void {
  if (res.writableEnded || res.destroyed) return;
  for (const [k, v] of Object.entries(result.headers)) res.setHeader(k, v);
  res.status(result.status).json(result.body);
}

function restHandler(deps: GatewayDeps, connector: LoadedConnector, op: LoadedOperation) {
  const isBodyMethod = op.def.method !== 'GET' && op.def.method !== 'DELETE';
  const json = express.json({ limit: deps.maxBodyBytes, strict: true, type: JSON_TYPES });
  const reject = (req: Request, res: Response, startedAt: number, e: unknown) => {
    const err = toNdxpError(e);
    recordRejection(deps, { requestId: req.requestId, method: req.method, path: req.path, protocol: 'rest', connector: connector.id, operation: op.name, startedAt }, err);
    sendError(res, err, req.requestId);
  };
  return async (req: Request, res: Response) => {
    const startedAt = performance.now();
    const params = req.params as Record<string, string>;
    let input: Record<string, unknown>;
    if (isBodyMethod) {
      if (!hasContentType(req, JSON_TYPES)) {
        return reject(req, res, startedAt, new NdxpError('UNSUPPORTED_MEDIA_TYPE', { detailVi: 'cần application/json', detailEn: 'use application/json' }));
      }
      const parseError = await new Promise<unknown>((resolve) => json(req, res, resolve));
      if (parseError) return reject(req, res, startedAt, parseError);
      const body = req.body;
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        return reject(req, res, startedAt, new NdxpError('VALIDATION_FAILED', { field: '(body)', detailVi: 'nội dung phải là một đối tượng JSON', detailEn: 'body must be a JSON object' }));
      }
      input = { ...body, ...params };
    } else {
      input = { ...(req.query as Record<string, unknown>), ...params };
    }
    const result = await runCall(deps, { ...baseCall(req, res, connector, op), protocol: 'rest', input, textInput: !isBodyMethod });
    sendJson(res, result);
  };
}

function soapHandler(deps: GatewayDeps, connector: LoadedConnector) {
  const resolveOp = soapOperationResolver(connector);
  const namespace = connector.def.soap!.namespace;
  const sendXml = (res: Response, status: number, xml: string, headers: Record<string, string> = {}) => {
    if (res.writableEnded || res.destroyed) return;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.status(status).type('text/xml; charset=utf-8').send(xml);
  };
  const text = express.text({ limit: deps.maxBodyBytes, type: SOAP_TYPES });
  return async (req: Request, res: Response) => {
    const startedAt = performance.now();
    let op: LoadedOperation | undefined;
    try {
      if (!hasContentType(req, SOAP_TYPES)) {
        throw new NdxpError('UNSUPPORTED_MEDIA_TYPE', { detailVi: 'SOAP 1.1 cần text/xml', detailEn: 'SOAP 1.1 needs text/xml' });
      }
      const parseError = await new Promise<unknown>((resolve) => text(req, res, resolve));
      if (parseError) throw parseError;
      if (typeof req.body !== 'string' || req.body.length === 0) {
        throw new NdxpError('MALFORMED_XML', { detailVi: 'nội dung rỗng', detailEn: 'empty body' });
      }
      const soap = await parseSoapRequest(req.body);
      op = resolveOp(req.get('soapaction'), soap.element);
      const result = await runCall(deps, { ...baseCall(req, res, connector, op), protocol: 'soap', input: soap.input, textInput: true });
      if (result.error) sendXml(res, result.status, buildSoapFault(result.error, req.requestId), result.headers);
      else sendXml(res, result.status, buildSoapResponse(namespace, soapElementOf(op), result.body), result.headers);
    } catch (e) {
      const err = toNdxpError(e);
      recordRejection(deps, { requestId: req.requestId, method: req.method, path: req.path, protocol: 'soap', connector: connector.id, operation: op?.name ?? null, startedAt }, err);
      sendXml(res, err.status, buildSoapFault(err, req.requestId), err.headers);
    }
  };
}

type RouteHandler = (req: Request, res: Response) => Promise<void>;

/**
 * Every operation at its own path (REST/JSON), and one SOAP 1.1 endpoint per SOAP connector. Exact paths are found
 * in one Map lookup (express would try ~120 routes in turn); paths with `{param}` fall back to express routing.
 */
export function connectorRouter(deps: GatewayDeps): Router {
  const router = express.Router();
  const exact = new Map<string, RouteHandler>();
  for (const connector of deps.registry.connectors) {
    if (connector.def.soap) exact.set(`POST ${connector.def.soap.path}`, soapHandler(deps, connector));
    for (const op of connector.operations) {
      const handler = restHandler(deps, connector, op);
      if (!op.def.path.includes('{')) {
        exact.set(`${op.def.method} ${op.def.path}`, handler);
        continue;
      }
      const method = op.def.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
      router[method](toExpressPath(op.def.path), handler);
    }
  }
  const dispatch: express.RequestHandler = (req, res, next) => {
    const handler = exact.get(`${req.method} ${req.path}`);
    if (!handler) return next();
    req.params = {};
    handler(req, res).catch(next);
  };
  const outer = express.Router();
  outer.use(dispatch, router);
  return outer;
}

/** For a 404: does the path exist under another method (→ 405)? */
export function allowedMethods(deps: GatewayDeps, path: string): string[] {
  const out = new Set<string>();
  for (const c of deps.registry.connectors) {
    if (c.def.soap?.path === path) out.add('POST');
    for (const o of c.operations) {
      const re = new RegExp(`^${o.def.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[A-Za-z0-9_]+\\?\}/g, '[^/]+')}$`);
      if (re.test(path)) out.add(o.def.method);
    }
  }
  return [...out];
}
