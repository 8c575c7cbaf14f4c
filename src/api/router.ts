import express, { type Request, type Response, type Router } from 'express';
import { NdxpError } from '../core/errors.js';
import { sendError, toNdxpError } from '../gateway/http.js';
import { authenticate, type GatewayDeps } from '../gateway/pipeline.js';

type Handler = (req: Request, res: Response) => Promise<void> | void;

/** Wraps an async route so every failure becomes the error envelope. */
export const safe = (fn: Handler): Handler => async (req, res) => {
  try {
    await fn(req, res);
  } catch (e) {
    sendError(res, toNdxpError(e), req.requestId);
  }
};

export const one = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined);

/** REST API for the dashboard, the CLI and the SDK: the catalog, a client's own traffic and scenario switch. */
export function apiRouter(deps: GatewayDeps): Router {
  const router = express.Router();
  const catalog = deps.registry.catalog();
  const byId = new Map(catalog.map((c) => [c.id, c]));

  router.get('/api/connectors', (_req, res) => {
    res.json(catalog);
  });
  router.get('/api/connectors/:id', safe((req, res) => {
    const entry = byId.get(String(req.params.id));
    if (!entry) throw new NdxpError('RECORD_NOT_FOUND', { field: 'id', detailVi: String(req.params.id), detailEn: String(req.params.id) });
    res.json(entry);
  }));

  // A client (its bearer token) reads its own traffic; roles for the Sở and agencies come with the rollout tracker.
  router.get('/api/journal', safe(async (req, res) => {
    const claims = await authenticate(deps.clients, req.get('authorization'));
    const limitRaw = one(req.query.limit);
    if (limitRaw !== undefined && !/^\d{1,3}$/.test(limitRaw)) throw new NdxpError('VALIDATION_FAILED', { field: 'limit', detailVi: '1–500', detailEn: '1–500' });
    const connector = one(req.query.connector);
    if (connector && !deps.registry.get(connector)) throw new NdxpError('VALIDATION_FAILED', { field: 'connector', detailVi: connector, detailEn: connector });
    const result = await deps.journal.read({
      clientId: claims.clientId,
      connector,
      operation: one(req.query.operation),
      limit: limitRaw ? Number(limitRaw) : undefined,
      before: one(req.query.before),
    });
    res.json(result);
  }));

  const scenarioBody = express.json({ limit: '4kb' });
  router.put('/api/clients/me/scenario', scenarioBody, safe(async (req, res) => {
    const claims = await authenticate(deps.clients, req.get('authorization'));
    const body = (req.body ?? {}) as { name?: unknown; until?: unknown; connectors?: unknown };
    const allowed = new Set(['name', 'until', 'connectors']);
    const extra = Object.keys(body).find((k) => !allowed.has(k));
    if (extra) throw new NdxpError('UNKNOWN_FIELD', { field: extra });
    if (typeof body.name !== 'string' || !deps.registry.connectors.some((c) => c.scenario(body.name as string))) {
      throw new NdxpError('VALIDATION_FAILED', { field: 'name', detailVi: 'tên kịch bản không có', detailEn: 'unknown scenario name' });
    }
    if (body.until !== undefined && (typeof body.until !== 'string' || Number.isNaN(Date.parse(body.until)))) {
      throw new NdxpError('VALIDATION_FAILED', { field: 'until', detailVi: 'cần thời điểm ISO 8601', detailEn: 'must be an ISO 8601 time' });
    }
    if (body.connectors !== undefined && (!Array.isArray(body.connectors) || body.connectors.some((c) => typeof c !== 'string' || !deps.registry.get(c)))) {
      throw new NdxpError('VALIDATION_FAILED', { field: 'connectors', detailVi: 'danh sách mã connector', detailEn: 'list of connector ids' });
    }
    const scenario = {
      name: body.name,
      ...(body.until ? { until: new Date(body.until as string).toISOString() } : {}),
      ...(body.connectors ? { connectors: body.connectors as string[] } : {}),
    };
    await deps.clients.setScenario(claims.clientId, scenario);
    res.json({ clientId: claims.clientId, scenario });
  }));
  router.delete('/api/clients/me/scenario', safe(async (req, res) => {
    const claims = await authenticate(deps.clients, req.get('authorization'));
    await deps.clients.setScenario(claims.clientId, undefined);
    res.status(204).end();
  }));
  return router;
}
