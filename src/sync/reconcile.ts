import type { Redis } from 'ioredis';
import type { DossierRecord } from '../core/connector.js';
import type { LifecycleDefinition } from '../core/lifecycle.js';
import type { Registry } from '../core/registry.js';
import type { DossierStore } from './dossier-store.js';
import { expectedDvcqgStatus, inSync } from './dvcqg/status-map.js';
import type { DvcqgStore } from './dvcqg/store.js';

export interface Tally {
  total: number;
  synced: number;
  missing: number;
  mismatched: number;
  /** Percent in sync (2 decimals); null when there is nothing to sync. */
  rate: number | null;
}

export interface Discrepancy {
  maHoSo: string;
  connectorId: string;
  centralStatus: string;
  expected: string;
  /** What DVCQG holds (absent: never synchronised). */
  reported?: string;
  kind: 'missing' | 'behind' | 'conflict';
}

export interface Reconciliation extends Tally {
  province: string;
  at: string;
  byConnector: Record<string, Tally>;
  /** Per day the dossiers were created (yyyy-MM-dd): the KPI over time. */
  daily: Array<{ date: string } & Tally>;
  discrepancies: Discrepancy[];
  truncated: boolean;
}

const emptyTally = (): Tally => ({ total: 0, synced: 0, missing: 0, mismatched: 0, rate: null });
const finish = (t: Tally): Tally => ({ ...t, rate: t.total ? Math.round((t.synced / t.total) * 10_000) / 100 : null });

/** Order of statuses along the normal path, to tell "not yet reported" from "reported something else". */
const PATH_RANK: Record<string, number> = { '1': 0, '2': 1, '4': 2, '5': 2, '6': 2, '9': 3, '10': 4 };

/**
 * Compares, per dossier of a province, what the central systems say (DossierStore) with what the TTHC system
 * reported to DVCQG (DvcqgStore): missing syncs, mismatches, and the sync rate per connector and per day.
 */
export async function reconcile(
  deps: { registry: Registry; dossiers: DossierStore; dvcqg: DvcqgStore },
  province: string,
  opts: { connector?: string; listLimit?: number; now: Date },
): Promise<Reconciliation> {
  const synced = (lc: LifecycleDefinition | undefined) => lc?.syncsToDvcqg !== false;
  const connectors = deps.registry.connectors.filter((c) => Object.values(c.def.lifecycles ?? {}).some(synced) && (!opts.connector || c.id === opts.connector));
  const total = emptyTally();
  const byConnector: Record<string, Tally> = {};
  const byDay = new Map<string, Tally>();
  const discrepancies: Discrepancy[] = [];
  const listLimit = opts.listLimit ?? 200;
  let truncated = false;
  for (const c of connectors) {
    const tally = (byConnector[c.id] = emptyTally());
    for (let offset = 0; ; offset += 500) {
      const page = await deps.dossiers.list(c.id, province, offset, 500);
      const reported = await deps.dvcqg.getMany(page.items.map((d) => d.maHoSo));
      for (const d of page.items) {
        if (!synced(c.def.lifecycles?.[d.lifecycle])) continue;
        const outcome = compare(c.id, c.def.lifecycles?.[d.lifecycle], d, reported.get(d.maHoSo)?.TrangThaiHoSo);
        const day = d.createdAt.slice(0, 10);
        if (!byDay.has(day)) byDay.set(day, emptyTally());
        for (const t of [total, tally, byDay.get(day)!]) {
          t.total++;
          if (!outcome) t.synced++;
          else if (outcome.kind === 'missing') t.missing++;
          else t.mismatched++;
        }
        if (outcome) {
          if (discrepancies.length < listLimit) discrepancies.push(outcome);
          else truncated = true;
        }
      }
      if (page.items.length < 500) break;
    }
    byConnector[c.id] = finish(tally);
  }
  return {
    province,
    at: opts.now.toISOString(),
    ...finish(total),
    byConnector,
    daily: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, t]) => ({ date, ...finish(t) })),
    discrepancies,
    truncated,
  };
}

function compare(connectorId: string, lc: Parameters<typeof expectedDvcqgStatus>[1], d: DossierRecord, reported: string | undefined): Discrepancy | null {
  const expected = expectedDvcqgStatus(connectorId, lc, d.status);
  if (inSync(expected, reported)) return null;
  const base = { maHoSo: d.maHoSo, connectorId, centralStatus: d.status, expected };
  if (reported === undefined) return { ...base, kind: 'missing' };
  const behind = (PATH_RANK[reported] ?? 99) < (PATH_RANK[expected] ?? -1);
  return { ...base, reported, kind: behind ? 'behind' : 'conflict' };
}

/** Keeps one summary per reconciliation run (the KPI as it was measured over time), capped. */
export async function recordSnapshot(redis: Redis, prefix: string, r: Reconciliation): Promise<void> {
  const key = `${prefix}:sync-kpi:${r.province}`;
  const snap = { at: r.at, total: r.total, synced: r.synced, rate: r.rate, byConnector: Object.fromEntries(Object.entries(r.byConnector).map(([k, t]) => [k, t.rate])) };
  await redis.multi().zadd(key, Date.parse(r.at), JSON.stringify(snap)).zremrangebyrank(key, 0, -10_001).exec();
}

export async function readSnapshots(redis: Redis, prefix: string, province: string, since: Date): Promise<unknown[]> {
  const raws = await redis.zrangebyscore(`${prefix}:sync-kpi:${province}`, since.getTime(), '+inf');
  return raws.map((r) => JSON.parse(r));
}
