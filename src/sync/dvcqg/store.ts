import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { packedJson } from '../packed-json.js';
import { defineScript } from '../redis-scripts.js';

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

// KEYS: dossier (a hash: s = seq, v = compressed JSON), province index. ARGV: expected seq (0 = create), packed value,
// index score, MaHoSo, new seq. Returns 1 saved, 0 changed meanwhile (or already created).
const SAVE_SCRIPT = `
local seq = tonumber(redis.call('HGET', KEYS[1], 's') or '0')
if seq ~= tonumber(ARGV[1]) then return 0 end
if seq == 0 then redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4]) end
redis.call('HSET', KEYS[1], 's', ARGV[5], 'v', ARGV[2])
return 1`;
const saveScript = defineScript('ndxpDvcqgSave', { lua: SAVE_SCRIPT, numberOfKeys: 2 });

/**
 * Dossiers are kept deflated with a preset dictionary of the field names and usual values: a DVCQG dossier with a
 * six-step history is ~2.7 kB of JSON and ~0.5 kB stored (a million fit in well under 1 GB). The first byte is the
 * format version, so the dictionary can change without breaking stored dossiers.
 */
const DICTIONARY_V1 = Buffer.from(JSON.stringify({
  MaHoSo: '000.00.00.H01-250101-0001', province: 'an-giang', clientId: 'tthc-an-giang', TrangThaiHoSo: '10', seq: 10,
  createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
  hoSo: {
    MaTTHC: '1.000000', TenTTHC: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài', MaDonVi: '000.00.00.H01',
    KenhThucHien: '2', LoaiDoiTuong: '1', ChuHoSo: 'Nguyễn Thị Trần Văn Lê Phạm Hoàng Huỳnh Võ Đặng Bùi', SoDienThoai: '09', Email: '@gmail.com',
    NgayTiepNhan: '2025', NgayHenTra: '2025', NgayKetThucXuLy: '2025', NgayTraKetQua: '2025',
    TaiLieuNop: [{ TenTaiLieu: 'Tờ khai', MaGiayTo: '', DuongDanTaiLieu: 'https://' }],
    DanhSachGiayToKetQua: [{ TenGiayTo: 'Phiếu', MaGiayTo: '', SoKyHieu: '', DuongDanTep: 'https://' }],
    DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '0' }],
  },
  history: [
    { seq: 1, kind: 'DongBoHoSoMC', from: null, to: '1', at: '2025-01-01T00:00:00.000Z' },
    { seq: 2, kind: 'CapNhatTienDoHoSoMC', from: '1', to: '2', at: '2025-01-01T00:00:00.000Z', ThoiDiemXuLy: '2025', NguoiXuLy: 'Nguyễn Văn', ChucDanh: 'Chuyên viên', PhongBanXuLy: 'Bộ phận Một cửa', NoiDungXuLy: 'Tiếp nhận hồ sơ; Đang xử lý (hệ thống trung ương); Trả kết quả cho công dân' },
  ],
  digests: [],
}));

/** Format 1: raw deflate with DICTIONARY_V1 (never edit it: a new dictionary gets format 2). */
export const dvcqgPacking = packedJson<DvcqgHoSo>({ name: 'DVCQG dossier', format: 1, dictionary: DICTIONARY_V1 });
const { pack, unpack } = dvcqgPacking;

/** A short, stable digest of a push (operation + body with keys sorted). */
export function pushDigest(kind: SyncKind, input: Record<string, unknown>): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical)
      : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
        : v;
  return createHash('sha256').update(kind).update(JSON.stringify(canonical(input))).digest('base64url').slice(0, 16);
}

/** The portal's dossiers in Redis, one hash each (seq and packed JSON), saved by compare-and-set on `seq`. */
export class DvcqgStore {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  key(maHoSo: string) {
    return `${this.prefix}:dvcqg:hoso:${maHoSo}`;
  }

  indexKey(province: string) {
    return `${this.prefix}:dvcqg:index:${province}`;
  }

  async get(maHoSo: string): Promise<DvcqgHoSo | null> {
    const raw = await this.redis.hgetBuffer(this.key(maHoSo), 'v');
    return raw ? unpack(raw) : null;
  }

  async getMany(codes: string[]): Promise<Map<string, DvcqgHoSo>> {
    const out = new Map<string, DvcqgHoSo>();
    for (let i = 0; i < codes.length; i += 500) {
      const chunk = codes.slice(i, i + 500);
      const pipe = this.redis.pipeline();
      for (const c of chunk) pipe.hgetBuffer(this.key(c), 'v');
      for (const [err, raw] of (await pipe.exec()) ?? []) {
        if (err) throw err;
        if (!raw) continue;
        const d = unpack(raw as Buffer);
        out.set(d.MaHoSo, d);
      }
    }
    return out;
  }

  /** Saves `next` if the stored dossier is still at `expectSeq` (0: only if it does not exist yet). */
  async save(next: DvcqgHoSo, expectSeq: number): Promise<boolean> {
    const ok = await saveScript(this.redis, this.key(next.MaHoSo), this.indexKey(next.province),
      String(expectSeq), pack(next), String(Date.parse(next.createdAt)), next.MaHoSo, String(next.seq),
    );
    return ok === 1;
  }

  async count(province: string): Promise<number> {
    return this.redis.zcard(this.indexKey(province));
  }
}
