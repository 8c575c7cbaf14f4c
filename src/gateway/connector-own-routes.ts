import express, { type Router } from 'express';
import type { ClientInfo, RouteContext } from '../core/connector.js';
import { NdxpError } from '../core/errors.js';
import type { LoadedConnector } from '../core/registry.js';
import { getCompiled, toFieldProblems } from '../core/schema-compiler.js';
import { createKeyValuePort } from '../sync/kv-store.js';
import type { ClientRecord } from './clients.js';
import { authenticate, type GatewayDeps } from './pipeline.js';

const info = (c: ClientRecord): ClientInfo => ({ id: c.id, province: c.province, sandbox: c.sandbox, scopes: c.scopes });

function routeContext(deps: GatewayDeps, connector: LoadedConnector): RouteContext {
  const { id } = connector;
  return {
    connectorId: id,
    basePath: connector.def.routes!.basePath,
    seed: connector.seed,
    kv: createKeyValuePort(deps.redis, deps.keyPrefix, id),
    now: () => deps.clock.now(),
    clients: {
      get: async (clientId) => {
        const c = await deps.clients.get(clientId);
        return c && !c.revokedAt ? info(c) : null;
      },
      authenticate: async (clientId, secret) => {
        const c = await deps.clients.authenticate(clientId, secret);
        return c ? info(c) : null;
      },
      bearer: async (authorization) => {
        const claims = await authenticate(deps.clients, authorization);
        if (!claims.scopes.includes(id)) {
          throw new NdxpError('SCOPE_FORBIDDEN', { detailVi: `cần scope "${id}"`, detailEn: `scope "${id}" required` });
        }
        const c = await deps.clients.get(claims.clientId);
        if (!c || c.revokedAt) throw new NdxpError('TOKEN_EXPIRED');
        return { ...info(c), scopes: claims.scopes };
      },
    },
    validate: (stem, value) => {
      const validate = getCompiled(deps.registry.schemas.strict, `${id}/v1/${stem}.schema.json`);
      return validate(value) ? null : toFieldProblems(validate.errors);
    },
    logError: (message, meta = {}) => deps.logger.error(message, { connector: id, ...meta }),
  };
}

/**
 * Mounts the connectors' own endpoints (ConnectorDefinition.routes) and journals each call like a pipeline call,
 * without its input: these protocols carry secrets (codes, verifiers, client secrets) in their bodies.
 */
export function connectorOwnRoutes(deps: GatewayDeps): Router {
  const router = express.Router();
  for (const connector of deps.registry.connectors) {
    const routes = connector.def.routes;
    if (!routes) continue;
    const handler = routes.build(routeContext(deps, connector));
    router.use(routes.basePath, (req, res, next) => {
      const started = performance.now();
      const sub = req.path; // relative to basePath here; express may restore the full URL before 'finish'
      res.once('finish', () => {
        const durationMs = performance.now() - started;
        // A path the connector does not serve falls through to the 404: one label for all, so metrics stay bounded.
        const operation = res.statusCode === 404 && !res.locals.errorCode ? '(unknown)' : sub.replace(/^\//, '') || '/';
        const clientId = typeof res.locals.clientId === 'string' ? res.locals.clientId : null;
        deps.metrics.observe(connector.id, operation, res.statusCode, 'other', durationMs / 1000);
        deps.journal.record({
          time: new Date().toISOString(), requestId: req.requestId, clientId, province: null, connector: connector.id, operation,
          protocol: 'other', method: req.method, path: `${routes.basePath}${sub}`, status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10, scenario: null, validation: 'skipped',
          errorCode: typeof res.locals.errorCode === 'string' ? res.locals.errorCode : null, errorField: null, request: null,
        });
      });
      handler(req, res, next);
    });
  }
  return router;
}
