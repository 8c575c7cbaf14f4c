import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { NdxpError } from '../core/errors.js';
import type { ReferenceData } from '../core/reference.js';
import type { ProvinceProfile } from './province.js';
import type { Flag, Stage } from './stages.js';

/** Evidence attached to a row: a note, a link to a document, or a gate result the checks produced. */
export interface Evidence {
  id: string;
  kind: 'note' | 'link' | 'gate';
  text: string;
  url?: string;
  at: string;
  by: string;
}

/** One (province, connector) row of the tracking sheet. */
export interface RolloutRow {
  province: string;
  connector: string;
  stt: number;
  name: string;
  stage: Stage;
  blocked?: Flag;
  suspended?: Flag;
  /** yyyy-MM-dd */
  deadline: string;
  note?: string;
  evidence: Evidence[];
  /** When the row reached its current stage (for burn-up and reports). */
  stageSince: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export interface Actor {
  userId: string;
  role: string;
}

export type AuditAction = 'create' | 'move' | 'block' | 'unblock' | 'suspend' | 'resume' | 'deadline' | 'note' | 'evidence' | 'import' | 'profile' | 'user';

/** The `connector` of audit lines about the province itself (its profile, its accounts). */
export const PROVINCE_WIDE = '*';

/** One line of the append-only audit trail (a Redis stream: entries are only ever added). */
export interface AuditEntry {
  id?: string;
  at: string;
  by: string;
  role: string;
  province: string;
  connector: string;
  action: AuditAction;
  from?: unknown;
  to?: unknown;
  reason?: string;
  evidence?: Evidence[];
  overrode?: string[];
}

export interface GateResult {
  target: Stage;
  passed: boolean;
  evaluatedAt: string;
  /** What is still missing, in Vietnamese (and English), empty when passed. */
  missing: Array<{ vi: string; en: string }>;
  /** The client whose traffic was judged (the best one), if any. */
  clientId?: string;
  jobId?: string;
}

// Compare-and-set of a row plus its audit line in one atomic step: a concurrent change makes the caller retry.
const CAS_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('XADD', KEYS[2], '*', 'e', ARGV[3])
return 1`;

/** Provinces, their rows, gate results and the audit trail, in Redis under `<prefix>:rollout:*`. */
export class RolloutStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly reference: ReferenceData,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private k(...parts: string[]) {
    return [this.prefix, 'rollout', ...parts].join(':');
  }

  auditKey(province: string) {
    return this.k('audit', province);
  }

  async listProvinces(): Promise<string[]> {
    return (await this.redis.smembers(this.k('provinces'))).sort();
  }

  async getProfile(province: string): Promise<ProvinceProfile | null> {
    const raw = await this.redis.get(this.k('province', province));
    return raw ? (JSON.parse(raw) as ProvinceProfile) : null;
  }

  async putProfile(profile: ProvinceProfile): Promise<void> {
    await this.redis.multi().set(this.k('province', profile.id), JSON.stringify(profile)).sadd(this.k('provinces'), profile.id).exec();
  }

  /** Adds the province (if new) and a row per reference system (if missing), each row's creation audited. */
  async ensureProvince(profile: ProvinceProfile, actor: Actor): Promise<{ createdProvince: boolean; createdRows: number }> {
    const createdProvince = (await this.redis.set(this.k('province', profile.id), JSON.stringify(profile), 'NX')) === 'OK';
    await this.redis.sadd(this.k('provinces'), profile.id);
    const at = this.now().toISOString();
    let createdRows = 0;
    for (const s of this.reference.systems) {
      const row: RolloutRow = {
        province: profile.id, connector: s.id, stt: s.stt, name: s.name, stage: 'chua-trien-khai', deadline: profile.deadline,
        evidence: [], stageSince: at, updatedAt: at, updatedBy: actor.userId, version: 1,
      };
      if ((await this.redis.set(this.rowKey(profile.id, s.id), JSON.stringify(row), 'NX')) === 'OK') {
        createdRows++;
        await this.appendAudit({ at, by: actor.userId, role: actor.role, province: profile.id, connector: s.id, action: 'create', to: row.stage });
      }
    }
    return { createdProvince, createdRows };
  }

  private rowKey(province: string, connector: string) {
    return this.k('row', province, connector);
  }

  async getRow(province: string, connector: string): Promise<RolloutRow | null> {
    const raw = await this.redis.get(this.rowKey(province, connector));
    return raw ? (JSON.parse(raw) as RolloutRow) : null;
  }

  async listRows(province: string): Promise<RolloutRow[]> {
    const keys = this.reference.systems.map((s) => this.rowKey(province, s.id));
    const raws = await this.redis.mget(...keys);
    return raws.filter((r): r is string => !!r).map((r) => JSON.parse(r) as RolloutRow);
  }

  /**
   * Applies `change` to the row atomically with its audit line. `change` returns the new row and the audit
   * fields, or throws (the row is left as it was). Retries a few times when another writer got there first.
   */
  async mutate(
    province: string,
    connector: string,
    actor: Actor,
    change: (row: RolloutRow, at: string) => { row: RolloutRow; audit: Omit<AuditEntry, 'at' | 'by' | 'role' | 'province' | 'connector'> },
  ): Promise<{ row: RolloutRow; audit: AuditEntry }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const raw = await this.redis.get(this.rowKey(province, connector));
      if (!raw) throw new Error(`row ${province}/${connector} does not exist`);
      const at = this.now().toISOString();
      const out = change(JSON.parse(raw) as RolloutRow, at);
      const row: RolloutRow = { ...out.row, updatedAt: at, updatedBy: actor.userId, version: out.row.version + 1 };
      const audit: AuditEntry = { at, by: actor.userId, role: actor.role, province, connector, ...out.audit };
      const ok = await this.redis.eval(CAS_SCRIPT, 2, this.rowKey(province, connector), this.auditKey(province), raw, JSON.stringify(row), JSON.stringify(audit));
      if (ok === 1) return { row, audit };
    }
    throw new NdxpError('CONFLICT', { detailVi: 'dòng đang được người khác thay đổi, hãy thử lại', detailEn: 'the row is being changed by someone else, retry' });
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.redis.xadd(this.auditKey(entry.province), '*', 'e', JSON.stringify(entry));
  }

  /** Newest first; optionally one connector's, or only connectors in `only` (an agency's view). */
  async readAudit(province: string, q: { connector?: string; only?: Set<string>; limit?: number; before?: string } = {}): Promise<{ entries: AuditEntry[]; next: string | null }> {
    const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
    const out: AuditEntry[] = [];
    let end = q.before ? `(${q.before}` : '+';
    for (;;) {
      const rows = await this.redis.xrevrange(this.auditKey(province), end, '-', 'COUNT', 500);
      if (rows.length === 0) break;
      for (const [id, fields] of rows) {
        const e = { ...(JSON.parse(fields[1] ?? '{}') as AuditEntry), id };
        if (q.connector && e.connector !== q.connector) continue;
        if (q.only && !q.only.has(e.connector)) continue;
        out.push(e);
        if (out.length >= limit) return { entries: out, next: id };
      }
      end = `(${rows[rows.length - 1]![0]}`;
    }
    return { entries: out, next: null };
  }

  /** Entries appended between two instants (stream ids are millisecond times), oldest first. */
  async auditBetween(province: string, fromMs: number, toMs: number): Promise<AuditEntry[]> {
    const rows = await this.redis.xrange(this.auditKey(province), String(fromMs), String(toMs));
    return rows.map(([id, fields]) => ({ ...(JSON.parse(fields[1] ?? '{}') as AuditEntry), id }));
  }

  async putGate(province: string, connector: string, result: GateResult): Promise<void> {
    await this.redis.hset(this.k('gate', province, connector), result.target, JSON.stringify(result));
  }

  async getGates(province: string, connector: string): Promise<GateResult[]> {
    const all = await this.redis.hgetall(this.k('gate', province, connector));
    return Object.values(all).map((v) => JSON.parse(v) as GateResult);
  }

  async recordHealth(province: string, connector: string, ok: boolean, detail: string): Promise<void> {
    const key = this.k('health', province, connector);
    const at = this.now().toISOString();
    await this.redis
      .multi()
      .hincrby(key, 'checks', 1)
      .hincrby(key, 'ok', ok ? 1 : 0)
      .hset(key, 'lastAt', at, 'lastOk', ok ? '1' : '0', 'lastDetail', detail.slice(0, 300))
      .lpush(`${key}:recent`, JSON.stringify({ at, ok, detail: detail.slice(0, 300) }))
      .ltrim(`${key}:recent`, 0, 99)
      .exec();
  }

  async getHealth(province: string, connector: string): Promise<{ checks: number; ok: number; uptime: number | null; lastAt?: string; lastOk?: boolean; lastDetail?: string; recent: Array<{ at: string; ok: boolean; detail: string }> }> {
    const key = this.k('health', province, connector);
    const [h, recent] = await Promise.all([this.redis.hgetall(key), this.redis.lrange(`${key}:recent`, 0, 19)]);
    const checks = Number(h.checks ?? 0);
    const ok = Number(h.ok ?? 0);
    return {
      checks, ok, uptime: checks ? ok / checks : null,
      ...(h.lastAt ? { lastAt: h.lastAt, lastOk: h.lastOk === '1', lastDetail: h.lastDetail } : {}),
      recent: recent.map((r) => JSON.parse(r)),
    };
  }

  async putSnapshot(province: string, date: string, snapshot: unknown): Promise<void> {
    await this.redis.hset(this.k('history', province), date, JSON.stringify(snapshot));
  }

  async history(province: string): Promise<Array<{ date: string } & Record<string, unknown>>> {
    const all = await this.redis.hgetall(this.k('history', province));
    return Object.entries(all)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, v]) => ({ date, ...(JSON.parse(v) as Record<string, unknown>) }));
  }

  async putReport(report: { province: string; month: string; generatedAt: string; csv: string; html: string }): Promise<void> {
    await this.redis.hset(this.k('report', report.province, report.month), 'csv', report.csv, 'html', report.html, 'generatedAt', report.generatedAt);
  }

  async getReport(province: string, month: string): Promise<{ csv?: string; html?: string; generatedAt?: string }> {
    return this.redis.hgetall(this.k('report', province, month));
  }

  newEvidence(kind: Evidence['kind'], text: string, by: string, url?: string): Evidence {
    return { id: randomUUID(), kind, text, ...(url ? { url } : {}), at: this.now().toISOString(), by };
  }
}
