import express, { type Router } from 'express';
import { NdxpError } from '../core/errors.js';
import { getCompiled, requestValidationError } from '../core/schema-compiler.js';
import { authenticate, type GatewayDeps } from '../gateway/pipeline.js';
import { isCursor, readChanges } from '../sync/changes.js';
import type { StatusSync } from '../sync/status-sync.js';
import { checkWebhookUrl, toPublic, type WebhookEvent } from '../sync/webhooks/subscriptions.js';
import { one, safe } from './router.js';

const bad = (field: string, vi: string, en: string) => new NdxpError('VALIDATION_FAILED', { field, detailVi: vi, detailEn: en });

function intParam(raw: unknown, field: string, min: number, max: number, dflt: number): number {
  const v = one(raw);
  if (v === undefined) return dflt;
  if (!/^\d{1,7}$/.test(v) || Number(v) < min || Number(v) > max) throw bad(field, `số nguyên ${min}–${max}`, `a whole number ${min}–${max}`);
  return Number(v);
}

/**
 * Status sync API for a TTHC system (its bearer token): webhook subscriptions, dead letters and replay, the pull
 * feed of changes, the DVCQG view of a dossier, reconciliation and the sync-rate KPI.
 */
export function syncRouter(deps: GatewayDeps, sync: StatusSync): Router {
  const router = express.Router();
  const body = express.json({ limit: '16kb' });
  const validateSub = getCompiled(deps.registry.schemas.strict, 'sync/v1/webhook-subscription.request.schema.json');
  const stateful = new Set(deps.registry.connectors.filter((c) => Object.keys(c.def.lifecycles ?? {}).length).map((c) => c.id));
  const auth = (authorization: string | undefined) => authenticate(deps.clients, authorization);

  router.post('/api/webhooks', body, safe(async (req, res) => {
    const claims = await auth(req.get('authorization'));
    const input = req.body as Record<string, unknown>;
    if (!input || typeof input !== 'object' || Array.isArray(input)) throw bad('(body)', 'cần một đối tượng JSON', 'a JSON object is required');
    if (!validateSub(input)) throw requestValidationError(validateSub.errors);
    const url = checkWebhookUrl(String(input.url));
    const connectors = (input.connectors as string[] | undefined) ?? [];
    const unknown = connectors.find((c) => !stateful.has(c));
    if (unknown) throw bad('connectors', `"${unknown}" không phải connector có hồ sơ; có: ${[...stateful].join(', ')}`, `"${unknown}" is not a stateful connector; known: ${[...stateful].join(', ')}`);
    const { sub, generatedSecret } = await sync.subscriptions.create({
      clientId: claims.clientId,
      province: claims.province,
      url,
      connectors,
      events: (input.events as WebhookEvent[] | undefined) ?? [],
      ...(input.secret ? { secret: String(input.secret) } : {}),
      ...(input.description ? { description: String(input.description) } : {}),
      ...(typeof input.batchSize === 'number' && input.batchSize > 1 ? { batchSize: input.batchSize } : {}),
    }, deps.clock.now());
    // A generated secret is shown once, here; it is never listed again.
    res.status(201).json({ ...toPublic(sub), ...(generatedSecret ? { secret: sub.secret } : {}) });
  }));

  router.get('/api/webhooks', safe(async (req, res) => {
    const claims = await auth(req.get('authorization'));
    res.json({ items: (await sync.subscriptions.list(claims.clientId, claims.province)).map(toPublic) });
  }));

  router.delete('/api/webhooks/:id', safe(async (req, res) => {
    const claims = await auth(req.get('authorization'));
    const id = String(req.params.id);
    if (!(await sync.subscriptions.remove(claims.clientId, id))) throw new NdxpError('RECORD_NOT_FOUND', { field: 'id', detailVi: id, detailEn: id });
    res.status(204).end();
  }));

  router.get('/api/webhooks/dead-letters', safe(async (req, res) => {
    const claims = await auth(req.get('authorization'));
    res.json({ items: await sync.lanes.deadLetters(claims.clientId) });
  }));

  router.post('/api/webhooks/dead-letters/replay', body, safe(async (req, res) => {
    const claims = await auth(req.get('authorization'));
    const input = (req.body ?? {}) as Record<string, unknown>;
    const allowed = new Set(['laneId', 'subscriptionId', 'maHoSo']);
    const extra = Object.keys(input).find((k) => !allowed.has(k));
    if (extra) throw new NdxpError('UNKNOWN_FIELD', { field: extra });
    for (const k of allowed) if (input[k] !== undefined && typeof input[k] !== 'string') throw bad(k, 'cần chuỗi ký tự', 'must be a string');
    const dead = (await sync.lanes.deadLetters(claims.clientId)).filter((d) =>
      (!input.laneId || d.laneId === input.laneId) && (!input.subscriptionId || d.subscriptionId === input.subscriptionId) && (!input.maHoSo || d.maHoSo === input.maHoSo));
    const deliveries = await sync.replay(claims.clientId, dead.map((d) => d.laneId));
    res.json({ lanes: dead.length, deliveries: dead.reduce((n, d) => n + d.seqs.length, 0), scheduled: deliveries });
  }));

  router.get('/api/sync/changes', safe(async (req, res) => {
    const claims = await auth(req.get('authorization'));
    const cursor = one(req.query.cursor) ?? '0';
    if (!isCursor(cursor)) throw bad('cursor', 'con trỏ dạng <số>-<số> lấy từ lần đọc trước, hoặc 0', 'a cursor from the previous page (<ms>-<n>), or 0');
    const connector = one(req.query.connector);
    if (connector && !stateful.has(connector)) throw bad('connector', `không phải connector có hồ sơ: ${connector}`, `not a stateful connector: ${connector}`);
    const limit = intParam(req.query.limit, 'limit', 1, 1000, 100);
    res.json(await readChanges(deps.redis, deps.dossiers.eventsKey, { province: claims.province, cursor, limit, connector }));
  }));

  router.get('/api/dvcqg/hoso/:maHoSo', safe(async (req, res) => {
    const claims = await auth(req.get('authorization'));
    const maHoSo = String(req.params.maHoSo);
    const d = await sync.dvcqg.get(maHoSo);
    if (!d || d.province !== claims.province) throw new NdxpError('RECORD_NOT_FOUND', { field: 'maHoSo', detailVi: maHoSo, detailEn: maHoSo });
    const { digests: _d, ...view } = d;
    res.json(view);
  }));

  router.get('/api/sync/reconciliation', safe(async (req, res) => {
    const claims = await auth(req.get('authorization'));
    const connector = one(req.query.connector);
    if (connector && !stateful.has(connector)) throw bad('connector', `không phải connector có hồ sơ: ${connector}`, `not a stateful connector: ${connector}`);
    const limit = intParam(req.query.limit, 'limit', 0, 10_000, 200);
    res.json(await sync.reconcile(claims.province, { connector, listLimit: limit, record: true }));
  }));

  router.get('/api/sync/kpi', safe(async (req, res) => {
    const claims = await auth(req.get('authorization'));
    const days = intParam(req.query.days, 'days', 1, 366, 30);
    res.json(await sync.kpi(claims.province, days));
  }));
  return router;
}
