import express, { type Request, type Router } from 'express';
import { canReadProvince } from '../auth/policy.js';
import { currentUser } from '../auth/session.js';
import type { UserStore } from '../auth/users.js';
import { NdxpError } from '../core/errors.js';
import { one, safe } from '../api/router.js';
import { authenticate, type GatewayDeps } from '../gateway/pipeline.js';
import type { StatusSync } from '../sync/status-sync.js';
import { laneIdOf } from '../sync/webhooks/lanes.js';
import { expectedDvcqgStatus } from '../sync/dvcqg/status-map.js';

const ID = /^[a-z][a-z0-9-]{1,40}$/;
const CODE = /^[A-Za-z0-9._-]{1,64}$/;
const notFound = (field: string, v: string) => new NdxpError('RECORD_NOT_FOUND', { field, detailVi: v, detailEn: v });

/**
 * Read-only views the dashboard needs beside the rollout and sync APIs: the province's sync rate over time (for a
 * signed-in Sở user) and, for a sandbox client (its bearer token), its dossiers and each dossier's timeline (every
 * status change, its delivery to each webhook subscription, its sync to DVCQG).
 */
export function dashboardApi(args: { deps: GatewayDeps; sync: StatusSync; users: UserStore }): Router {
  const { deps, sync, users } = args;
  const router = express.Router();
  const stateful = deps.registry.connectors.filter((c) => Object.keys(c.def.lifecycles ?? {}).length).map((c) => c.id);
  const client = (req: Request) => authenticate(deps.clients, req.get('authorization'));

  router.get('/api/dashboard/provinces/:province/sync-rate', safe(async (req, res) => {
    const user = await currentUser(users, req);
    if (!user) throw new NdxpError('UNAUTHENTICATED');
    const province = String(req.params.province);
    // A lead agency sees its own rows only, never the province-wide figures.
    if (!ID.test(province) || !canReadProvince(user, province) || user.role === 'agency' || user.role === 'developer') throw new NdxpError('FORBIDDEN');
    const days = Math.min(366, Math.max(1, Number(one(req.query.days) ?? 30) || 30));
    const kpi = await sync.kpi(province, days);
    res.json({ province, current: kpi.current, daily: kpi.daily, snapshots: kpi.snapshots });
  }));

  router.get('/api/dashboard/dossiers', safe(async (req, res) => {
    const claims = await client(req);
    const items = [];
    for (const c of stateful) {
      const { items: page } = await deps.dossiers.list(c, claims.province, 0, 20);
      for (const d of page.filter((x) => x.clientId === claims.clientId)) {
        items.push({ connectorId: c, maHoSo: d.maHoSo, status: d.status, updatedAt: d.updatedAt, changes: d.history.length });
      }
    }
    items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    res.json({ items: items.slice(0, 50) });
  }));

  router.get('/api/dashboard/dossiers/:connector/:maHoSo/timeline', safe(async (req, res) => {
    const claims = await client(req);
    const connector = String(req.params.connector);
    const maHoSo = String(req.params.maHoSo);
    if (!stateful.includes(connector)) throw notFound('connector', connector);
    if (!CODE.test(maHoSo)) throw notFound('maHoSo', maHoSo.slice(0, 64));
    const d = await deps.dossiers.get(connector, maHoSo);
    if (!d || d.clientId !== claims.clientId || d.province !== claims.province) throw notFound('maHoSo', maHoSo);
    const subs = (await sync.subscriptions.list(claims.clientId, claims.province))
      .filter((s) => !s.connectors.length || s.connectors.includes(connector));
    const laneIds = subs.map((s) => laneIdOf(s.id, connector, maHoSo));
    const [acked, dead, portal, deliveredAt] = await Promise.all([
      sync.lanes.ackedSeqs(laneIds), sync.lanes.deadLetters(claims.clientId), sync.dvcqg.get(maHoSo), Promise.all(laneIds.map((id) => sync.lanes.deliveredAt(id))),
    ]);
    const deadSeqs = new Map(dead.map((x) => [x.laneId, new Set(x.seqs)]));
    const lc = deps.registry.get(connector)?.def.lifecycles?.[d.lifecycle];
    // The first push to the portal that reported this change's DVCQG status (a lifecycle state maps to one of them).
    const synced = (to: string) => portal?.history.find((h) => h.to === expectedDvcqgStatus(connector, lc, to)) ?? null;
    res.json({
      connectorId: connector, maHoSo, status: d.status, dvcqgStatus: portal?.TrangThaiHoSo ?? null,
      subscriptions: subs.map((s) => ({ id: s.id, url: s.url })),
      entries: d.history.map((h) => ({
        ...h,
        deliveries: subs.map((s, i) => {
          const state = deadSeqs.get(laneIds[i]!)?.has(h.seq) ? 'dead' : h.seq <= acked[i]! ? 'delivered' : 'pending';
          // When the receiver acknowledged it (an event skipped as already delivered has no time of its own).
          const at = state === 'delivered' ? deliveredAt[i]!.get(h.seq)?.toISOString() ?? null : null;
          return { subscriptionId: s.id, state, deliveredAt: at };
        }),
        dvcqg: synced(h.to),
      })),
    });
  }));
  return router;
}
