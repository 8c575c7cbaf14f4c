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
  const whole = buildOpenApi(registry);
  const perConnector = new Map(registry.connectors.map((c) => [c.id, buildOpenApi(registry, { connectorIds: [c.id] })]));
  const withServer = (doc: OpenApiDocument, req: Request) => ({ ...doc, servers: [{ url: originOf(req) }] });

  router.get('/openapi.json', (req, res) => {
    res.json(withServer(whole, req));
  });
  router.get('/openapi/:file', (req, res) => {
    const id = String(req.params.file).replace(/\.json$/, '');
    const doc = perConnector.get(id);
    if (!doc) return sendError(res, new NdxpError('NOT_FOUND', { field: 'connectorId', detailVi: id, detailEn: id }), req.requestId);
    res.json(withServer(doc, req));
  });
  router.get('/postman.json', (req, res) => {
    const collection = buildPostmanCollection(whole) as { variable: Array<{ key: string; value: string }> };
    collection.variable.find((v) => v.key === 'baseUrl')!.value = originOf(req);
    res.json(collection);
  });
  for (const c of registry.connectors) {
    if (!c.def.soap) continue;
    router.get(c.def.soap.path, (req, res, next) => {
      if (req.query.wsdl === undefined) return next();
      res.type('text/xml; charset=utf-8').send(buildWsdl(registry, c, originOf(req) + c.def.soap!.path));
    });
  }
  return router;
}
