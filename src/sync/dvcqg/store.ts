import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export type SyncKind = 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC';

export interface DvcqgHistoryEntry {
  seq: number;
  kind: SyncKind;
  from: string | null;
  to: string;
  /** When the portal accepted the push (server time, ISO 8601). */
  at: string;
  ThoiDiemXuLy?: string;
  NguoiXuLy?: string;
  ChucDanh?: string;
  PhongBanXuLy?: string;
  NoiDungXuLy?: string;
}

/** A dossier as the national portal holds it: the last whole-dossier push, its status and every accepted push. */
export interface DvcqgHoSo {
  MaHoSo: string;
  province: string;
  clientId: string;
  TrangThaiHoSo: string;
  seq: number;
  createdAt: string;
  updatedAt: string;
  hoSo: Record<string, unknown>;
  history: DvcqgHistoryEntry[];
  /** Digests of the accepted pushes: the same push sent again is acknowledged without a second change. */
  digests: string[];
}

// KEYS: dossier, province index. ARGV: expected seq (0 = create), new JSON, index score, MaHoSo.
// Returns 1 applied, 0 changed meanwhile (or already created), -1 missing.
const SAVE_SCRIPT = `
local v = redis.call('GET', KEYS[1])
if ARGV[1] == '0' then
  if v then return 0 end
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
else
  if not v then return -1 end
  if cjson.decode(v).seq ~= tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[2])
return 1`;

/** A short, stable digest of a push (operation + body with keys sorted). */
export function pushDigest(kind: SyncKind, input: Record<string, unknown>): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical)
      : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
        : v;
  return createHash('sha256').update(kind).update(JSON.stringify(canonical(input))).digest('base64url').slice(0, 16);
}

/** The portal's dossiers in Redis, one JSON value each, saved by compare-and-set on `seq`. */
export class DvcqgStore {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  key(maHoSo: string) {
    return `${this.prefix}:dvcqg:hoso:${maHoSo}`;
  }

  indexKey(province: string) {
    return `${this.prefix}:dvcqg:index:${province}`;
  }

  async get(maHoSo: string): Promise<DvcqgHoSo | null> {
    const raw = await this.redis.get(this.key(maHoSo));
    return raw ? (JSON.parse(raw) as DvcqgHoSo) : null;
  }

  async getMany(codes: string[]): Promise<Map<string, DvcqgHoSo>> {
    const out = new Map<string, DvcqgHoSo>();
    for (let i = 0; i < codes.length; i += 500) {
      const chunk = codes.slice(i, i + 500);
      const raws = await this.redis.mget(...chunk.map((c) => this.key(c)));
      raws.forEach((r) => {
        if (!r) return;
        const d = JSON.parse(r) as DvcqgHoSo;
        out.set(d.MaHoSo, d);
      });
    }
    return out;
  }

  /** Saves `next` if the stored dossier is still at `expectSeq` (0: only if it does not exist yet). */
  async save(next: DvcqgHoSo, expectSeq: number): Promise<boolean> {
    const ok = await this.redis.eval(
      SAVE_SCRIPT, 2, this.key(next.MaHoSo), this.indexKey(next.province),
      String(expectSeq), JSON.stringify(next), String(Date.parse(next.createdAt)), next.MaHoSo,
    );
    return ok === 1;
  }

  async count(province: string): Promise<number> {
    return this.redis.zcard(this.indexKey(province));
  }
}
