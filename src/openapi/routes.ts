import express, { type Request, type Router } from 'express';
import { NdxpError } from '../core/errors.js';
import type { Registry } from '../core/registry.js';
import { sendError } from '../gateway/http.js';
import { buildWsdl } from '../gateway/wsdl.js';
import { buildOpenApi, type OpenApiDocument } from './openapi.js';
import { buildPostmanCollection } from './postman.js';

const originOf = (req: Request) => `${req.protocol}://${req.get('host')}`;

/**
 * Machine-readable descriptions, generated once from the registry: `/openapi.json`, `/openapi/<id>.json`,
 * `/postman.json`, and `<soap.path>?wsdl` for every SOAP connector. Servers/addresses follow the request's host.
 */
export function apiDocsRouter(registry: Registry): Router {
  const router = express.Router();
  // Built on first request (start-up stays fast), then kept: the registry does not change while running.
  const memo = <T>(build: () => T) => {
    let v: T | undefined;
    return () => (v ??= build());
  };
  const whole = memo(() => buildOpenApi(registry));
  const ids = new Set(registry.connectors.map((c) => c.id));
  const perConnector = new Map<string, OpenApiDocument>();
  const docOf = (id: string) => {
    if (!ids.has(id)) return undefined;
    if (!perConnector.has(id)) perConnector.set(id, buildOpenApi(registry, { connectorIds: [id] }));
    return perConnector.get(id);
  };
  const postman = memo(() => buildPostmanCollection(whole()) as { variable: Array<{ key: string; value: string }> });
  const wsdl = new Map<string, string>();
  const withServer = (doc: OpenApiDocument, req: Request) => ({ ...doc, servers: [{ url: originOf(req) }] });

  router.get('/openapi.json', (req, res) => {
    res.json(withServer(whole(), req));
  });
  router.get('/openapi/:file', (req, res) => {
    const id = String(req.params.file).replace(/\.json$/, '');
    const doc = docOf(id);
    if (!doc) return sendError(res, new NdxpError('NOT_FOUND', { field: 'connectorId', detailVi: id, detailEn: id }), req.requestId);
    res.json(withServer(doc, req));
  });
  router.get('/postman.json', (req, res) => {
    const collection = postman();
    res.json({ ...collection, variable: collection.variable.map((v) => (v.key === 'baseUrl' ? { ...v, value: originOf(req) } : v)) });
  });
  for (const c of registry.connectors) {
    if (!c.def.soap) continue;
    router.get(c.def.soap.path, (req, res, next) => {
      if (req.query.wsdl === undefined) return next();
      const location = originOf(req) + c.def.soap!.path;
      const key = `${c.id} ${location}`;
      if (!wsdl.has(key) && wsdl.size < 100) wsdl.set(key, buildWsdl(registry, c, location));
      res.type('text/xml; charset=utf-8').send(wsdl.get(key) ?? buildWsdl(registry, c, location));
    });
  }
  return router;
}
