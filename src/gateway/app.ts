import express, { type Express } from 'express';
import { NdxpError } from '../core/errors.js';
import { apiRouter } from '../api/router.js';
import { webRouter } from '../web/router.js';
import { apiDocsRouter } from '../openapi/routes.js';
import { allowedMethods, connectorRouter } from './connector-routes.js';
import { connectorOwnRoutes } from './connector-own-routes.js';
import { errorHandler, requestId, sendError } from './http.js';
import type { GatewayDeps } from './pipeline.js';
import { tokenRouter } from './token-endpoint.js';

/** The express app: platform endpoints (token, services), the API, health and metrics. */
export function createGatewayApp(deps: GatewayDeps, extra: (app: Express) => void = () => undefined): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(requestId);

  app.get('/health', async (_req, res) => {
    let redis = false;
    try {
      redis = (await deps.redis.ping()) === 'PONG';
    } catch {
      redis = false;
    }
    const body = { status: redis ? 'ok' : 'degraded', redis, connectors: deps.registry.connectors.length };
    res.status(redis ? 200 : 503).json(body);
  });
  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  app.use(tokenRouter(deps));
  app.use(apiDocsRouter(deps.registry));
  app.use(connectorRouter(deps));
  app.use(connectorOwnRoutes(deps));
  app.use(apiRouter(deps));
  app.use(webRouter());
  extra(app);

  app.use((req, res) => {
    const allow = allowedMethods(deps, req.path);
    if (allow.length) {
      res.setHeader('Allow', allow.join(', '));
      sendError(res, new NdxpError('METHOD_NOT_ALLOWED', { detailVi: `dùng ${allow.join(', ')}`, detailEn: `use ${allow.join(', ')}` }), req.requestId);
      return;
    }
    sendError(res, new NdxpError('NOT_FOUND', { detailVi: req.path.slice(0, 200), detailEn: req.path.slice(0, 200) }), req.requestId);
  });
  app.use(errorHandler(deps.logger));
  return app;
}
