import type { ClientInfo, DossierPort, DossierRecord, RecordPort } from '../../core/connector.js';
import type { Clock } from '../../core/clock.js';
import { makeMaHoSo } from '../../core/identifiers.js';
import { nextAutoStep, type LifecycleDefinition } from '../../core/lifecycle.js';
import { dossierExists, dossierNotFound, movedDossierRecord, newDossierRecord } from '../../sync/dossier-record.js';

type LifecycleLookup = (connectorId: string, name: string) => LifecycleDefinition | undefined;

/**
 * Dossiers in memory for the mock kit: the same record steps and lifecycle as the Redis store, central-side
 * progress on timers (scaled by the clock) instead of BullMQ.
 */
export class MemoryDossierStore {
  private readonly dossiers = new Map<string, DossierRecord>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private counter = 0;

  constructor(
    private readonly lifecycles: LifecycleLookup,
    private readonly clock: Clock,
  ) {}

  private key = (connectorId: string, maHoSo: string) => `${connectorId}:${maHoSo}`;

  private lifecycle(connectorId: string, name: string): LifecycleDefinition {
    const lc = this.lifecycles(connectorId, name);
    if (!lc) throw new Error(`connector ${connectorId} has no lifecycle "${name}"`);
    return lc;
  }

  get(connectorId: string, maHoSo: string): DossierRecord | null {
    return this.dossiers.get(this.key(connectorId, maHoSo)) ?? null;
  }

  all(): DossierRecord[] {
    return [...this.dossiers.values()];
  }

  private plan(record: DossierRecord, lc: LifecycleDefinition): void {
    const step = nextAutoStep(lc, record.status, record.scenario);
    if (!step) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const current = this.get(record.connectorId, record.maHoSo);
      if (!current || current.seq !== record.seq) return; // changed meanwhile: the step is stale
      this.apply(current, step.to, 'central', {});
    }, this.clock.scale(step.afterMs));
    timer.unref();
    this.timers.add(timer);
  }

  private apply(current: DossierRecord, to: string, by: 'province' | 'central', opts: { note?: string; patch?: Record<string, unknown> }) {
    const lc = this.lifecycle(current.connectorId, current.lifecycle);
    const next = movedDossierRecord(lc, current, to, by, opts, this.clock.now());
    this.dossiers.set(this.key(current.connectorId, current.maHoSo), next);
    this.plan(next, lc);
    return next;
  }

  port(connectorId: string, client: ClientInfo, scenario: string | undefined): DossierPort {
    const mine = (maHoSo: string) => {
      const d = this.get(connectorId, maHoSo);
      return d && d.province === client.province ? d : null;
    };
    return {
      create: async (args) => {
        const lc = this.lifecycle(connectorId, args.lifecycle);
        const maHoSo = args.maHoSo ?? makeMaHoSo(args.agencyCode, this.clock.now(), (++this.counter % 9999) + 1);
        if (this.dossiers.has(this.key(connectorId, maHoSo))) throw dossierExists(maHoSo);
        const record = newDossierRecord(connectorId, lc, client, scenario, { ...args, maHoSo }, this.clock.now());
        this.dossiers.set(this.key(connectorId, maHoSo), record);
        this.plan(record, lc);
        return record;
      },
      get: async (maHoSo) => mine(maHoSo),
      list: async (offset, limit) => {
        const items = this.all()
          .filter((d) => d.connectorId === connectorId && d.province === client.province)
          .reverse();
        return { total: items.length, items: items.slice(offset, offset + limit) };
      },
      move: async (maHoSo, to, note, patch) => {
        const d = mine(maHoSo);
        if (!d) throw dossierNotFound(maHoSo);
        return this.apply(d, to, 'province', { note, patch });
      },
    };
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/** Small JSON records in memory, per (province, connector, collection), in insertion order. */
export function memoryRecordPort(store: Map<string, Map<string, unknown>>, province: string, connectorId: string): RecordPort {
  const col = (c: string) => {
    const k = `${province}:${connectorId}:${c}`;
    let m = store.get(k);
    if (!m) store.set(k, (m = new Map()));
    return m;
  };
  const copy = <T>(v: unknown) => structuredClone(v) as T;
  return {
    get: async <T>(c: string, key: string) => (col(c).has(key) ? copy<T>(col(c).get(key)) : null),
    putIfAbsent: async <T>(c: string, key: string, value: T) => {
      const m = col(c);
      if (m.has(key)) return { value: copy<T>(m.get(key)), created: false };
      m.set(key, copy(value));
      return { value, created: true };
    },
    put: async <T>(c: string, key: string, value: T) => {
      col(c).set(key, copy(value));
    },
    list: async <T>(c: string, offset: number, limit: number) => {
      const items = [...col(c).values()];
      return { total: items.length, items: items.slice(offset, offset + limit).map((v) => copy<T>(v)) };
    },
  };
}
