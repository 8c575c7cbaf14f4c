import type { Redis } from 'ioredis';
import type { ClientInfo, DossierPort, DossierRecord } from '../core/connector.js';
import { NdxpError } from '../core/errors.js';
import { makeMaHoSo, vietnamDate } from '../core/identifiers.js';
import { nextAutoStep, type LifecycleDefinition } from '../core/lifecycle.js';
import { dossierExists, dossierNotFound, movedDossierRecord, newDossierRecord } from './dossier-record.js';
import type { Clock } from '../core/clock.js';
import { DOSSIER_DICTIONARY_V1 } from './dossier-dictionary.js';
import { EVENTS_MAXLEN, eventFields, type DossierEvent } from './dossier-events.js';
import { packedJson } from './packed-json.js';
import { defineScript } from './redis-scripts.js';

/**
 * A dossier is a hash: `s` its seq (what the compare-and-set reads) and `v` the record packed (format byte + deflate
 * with a preset dictionary): an issued ly-lich-tu-phap dossier is ~2.3 kB of JSON and ~0.5 kB stored.
 */
const packing = packedJson<DossierRecord>({ name: 'dossier', format: 1, dictionary: DOSSIER_DICTIONARY_V1 });

// Older versions stored a dossier as a plain JSON string. Such a dossier is read as it is and becomes a hash at its
// next move (the scripts below check the key's type) instead of being migrated at start-up: nothing to coordinate
// between the processes that start together (api, workers), no pass over every key before serving, no race with a
// writer. Reads try HGET first (every dossier written now) and fall back to READ_ANY_SCRIPT on WRONGTYPE.

// KEYS: dossier, events stream. ARGV: expected seq, packed record, new seq, stream MAXLEN, event fields…
// Returns 1 applied, 0 stale, -1 missing.
const CAS_SCRIPT = `
local t = redis.call('TYPE', KEYS[1]).ok
local seq
if t == 'hash' then seq = tonumber(redis.call('HGET', KEYS[1], 's'))
elseif t == 'string' then seq = cjson.decode(redis.call('GET', KEYS[1])).seq
else return -1 end
if seq ~= tonumber(ARGV[1]) then return 0 end
if t == 'string' then redis.call('DEL', KEYS[1]) end
redis.call('HSET', KEYS[1], 's', ARGV[3], 'v', ARGV[2])
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[4], '*', unpack(ARGV, 5))
return 1`;

// KEYS: dossier, events stream, province index. ARGV: packed record, seq, index score, code, stream MAXLEN, event
// fields… Returns 1 created, 0 exists (in either form).
const CREATE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 's', ARGV[2], 'v', ARGV[1])
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[5], '*', unpack(ARGV, 6))
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
return 1`;

// KEYS: dossier. The packed record of a hash, the JSON of an older plain string, nil when missing.
const READ_ANY_SCRIPT = `
local t = redis.call('TYPE', KEYS[1]).ok
if t == 'hash' then return redis.call('HGET', KEYS[1], 'v') end
if t == 'string' then return redis.call('GET', KEYS[1]) end
return false`;

const scripts = {
  cas: defineScript('ndxpDossierCas', { lua: CAS_SCRIPT, numberOfKeys: 2 }),
  create: defineScript('ndxpDossierCreate', { lua: CREATE_SCRIPT, numberOfKeys: 3 }),
  readAny: defineScript('ndxpDossierReadAny', { lua: READ_ANY_SCRIPT, numberOfKeys: 1 }),
};

const isWrongType = (e: unknown) => e instanceof Error && e.message.startsWith('WRONGTYPE');

/** A stored value: packed, or plain JSON from an older version (a packed value never starts with '{'). */
function decode(v: Buffer | null): DossierRecord | null {
  if (!v) return null;
  return v[0] === 0x7b ? (JSON.parse(v.toString('utf8')) as DossierRecord) : packing.unpack(v);
}

/** A central-side step to run later (the dossier-progress queue carries it). */
export interface ProgressJob {
  connectorId: string;
  maHoSo: string;
  from: string;
  to: string;
  /** The dossier's sequence when the step was planned: a step planned before another change is stale. */
  seq: number;
}

export type LifecycleLookup = (connectorId: string, lifecycle: string) => LifecycleDefinition | undefined;

/**
 * Dossiers in Redis, one hash per dossier, moved by compare-and-set on their sequence number (a Lua script, safe on a
 * shared connection) so a central step and a province move never both apply to the same version.
 */
export class DossierStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly lifecycles: LifecycleLookup,
    private readonly clock: Clock,
    private readonly schedule: (job: ProgressJob, delayMs: number) => Promise<void>,
  ) {}

  key(connectorId: string, maHoSo: string) {
    return `${this.prefix}:dossier:${connectorId}:${maHoSo}`;
  }

  indexKey(connectorId: string, province: string) {
    return `${this.prefix}:dossier-index:${connectorId}:${province}`;
  }

  /** A province's dossiers of one connector, newest first. */
  async list(connectorId: string, province: string, offset: number, limit: number): Promise<{ total: number; items: DossierRecord[] }> {
    const index = this.indexKey(connectorId, province);
    const [total, codes] = await Promise.all([this.redis.zcard(index), this.redis.zrevrange(index, offset, offset + limit - 1)]);
    if (codes.length === 0) return { total, items: [] };
    const pipe = this.redis.pipeline();
    for (const c of codes) pipe.hgetBuffer(this.key(connectorId, c), 'v');
    const out = (await pipe.exec()) ?? [];
    const records = await Promise.all(out.map(async ([err, v], i) => {
      if (!err) return decode(v as Buffer | null);
      if (isWrongType(err)) return this.readAny(this.key(connectorId, codes[i]!));
      throw err;
    }));
    return { total, items: records.filter((r): r is DossierRecord => !!r) };
  }

  /** One dossier, stored in either form. */
  private async read(key: string): Promise<DossierRecord | null> {
    try {
      return decode(await this.redis.hgetBuffer(key, 'v'));
    } catch (e) {
      if (isWrongType(e)) return this.readAny(key);
      throw e;
    }
  }

  private async readAny(key: string): Promise<DossierRecord | null> {
    return decode((await scripts.readAny.buffer(this.redis, key)) as Buffer | null);
  }

  get eventsKey() {
    return `${this.prefix}:dossier-events`;
  }

  private lifecycle(connectorId: string, name: string): LifecycleDefinition {
    const lc = this.lifecycles(connectorId, name);
    if (!lc) throw new Error(`connector ${connectorId} has no lifecycle "${name}"`);
    return lc;
  }

  async get(connectorId: string, maHoSo: string): Promise<DossierRecord | null> {
    return this.read(this.key(connectorId, maHoSo));
  }

  async nextCode(agencyCode: string): Promise<string> {
    const now = this.clock.now();
    const day = vietnamDate(now).slice(2).replace(/-/g, '');
    const n = await this.redis.incr(`${this.prefix}:dossier-seq:${agencyCode}:${day}`);
    if (n > 9999) throw new NdxpError('CONFLICT', { detailVi: 'hết số hồ sơ trong ngày', detailEn: 'daily dossier numbers exhausted' });
    return makeMaHoSo(agencyCode, now, n);
  }

  async create(
    connectorId: string,
    client: ClientInfo,
    scenario: string | undefined,
    args: Parameters<DossierPort['create']>[0],
  ): Promise<DossierRecord> {
    const lc = this.lifecycle(connectorId, args.lifecycle);
    const maHoSo = args.maHoSo ?? (await this.nextCode(args.agencyCode));
    const record = newDossierRecord(connectorId, lc, client, scenario, { ...args, maHoSo }, this.clock.now());
    const key = this.key(connectorId, maHoSo);
    const ok = await scripts.create(this.redis, key, this.eventsKey, this.indexKey(connectorId, client.province),
      packing.pack(record), String(record.seq), String(Date.parse(record.createdAt)), maHoSo, String(EVENTS_MAXLEN),
      ...eventFields(this.event(record, null, 'province')),
    );
    if (ok !== 1) throw dossierExists(maHoSo);
    await this.planNext(record, lc);
    return record;
  }

  /**
   * Applies a move if the dossier is still in `expectFrom` (and at `expectSeq` when given); returns the new record,
   * or null when the dossier changed meanwhile (a stale central step is dropped, which makes the worker idempotent).
   */
  async transition(
    connectorId: string,
    maHoSo: string,
    to: string,
    by: 'province' | 'central',
    opts: { expectFrom?: string; expectSeq?: number; note?: string; patch?: Record<string, unknown>; province?: string } = {},
  ): Promise<DossierRecord | null> {
    const key = this.key(connectorId, maHoSo);
    for (let attempt = 0; attempt < 10; attempt++) {
      const current = await this.read(key);
      // A client moves only its own province's dossiers.
      if (!current || (opts.province !== undefined && current.province !== opts.province)) throw dossierNotFound(maHoSo);
      if ((opts.expectFrom !== undefined && current.status !== opts.expectFrom) || (opts.expectSeq !== undefined && current.seq !== opts.expectSeq)) {
        return null;
      }
      const lc = this.lifecycle(connectorId, current.lifecycle);
      const next = movedDossierRecord(lc, current, to, by, opts, this.clock.now());
      // Compare-and-set on the sequence, and the event appended in the same atomic step.
      const applied = await scripts.cas(this.redis, key, this.eventsKey, String(current.seq), packing.pack(next), String(next.seq), String(EVENTS_MAXLEN),
        ...eventFields(this.event(next, current.status, by)),
      );
      if (applied !== 1) continue; // moved by someone else meanwhile: read again
      await this.planNext(next, lc);
      return next;
    }
    throw new NdxpError('CONFLICT', { detailVi: 'hồ sơ đang được cập nhật đồng thời', detailEn: 'dossier is being updated concurrently' });
  }

  private async planNext(record: DossierRecord, lc: LifecycleDefinition): Promise<void> {
    const visits = record.history.filter((h) => h.to === record.status).length;
    const step = nextAutoStep(lc, record.status, record.scenario, visits);
    if (!step) return;
    await this.schedule(
      { connectorId: record.connectorId, maHoSo: record.maHoSo, from: record.status, to: step.to, seq: record.seq },
      this.clock.scale(step.afterMs),
    );
  }

  private event(record: DossierRecord, from: string | null, by: 'province' | 'central'): DossierEvent {
    return {
      connectorId: record.connectorId,
      maHoSo: record.maHoSo,
      province: record.province,
      clientId: record.clientId,
      seq: record.seq,
      from,
      to: record.status,
      at: record.updatedAt,
      by,
    };
  }

  /** The DossierPort a handler sees: scoped to one connector and one client. */
  port(connectorId: string, client: ClientInfo, scenario: string | undefined): DossierPort {
    return {
      create: (args) => this.create(connectorId, client, scenario, args),
      list: (offset, limit) => this.list(connectorId, client.province, offset, limit),
      get: async (maHoSo) => {
        const d = await this.get(connectorId, maHoSo);
        // A client sees only its own province's dossiers.
        return d && d.province === client.province ? d : null;
      },
      move: async (maHoSo, to, note, patch) =>
        (await this.transition(connectorId, maHoSo, to, 'province', { note, patch, province: client.province }))!,
    };
  }
}
