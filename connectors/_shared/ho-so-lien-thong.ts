/**
 * What the stateful liên thông connectors (hộ tịch, trợ giúp xã hội) share about their dossiers: one view over a live
 * dossier (Redis) or a seeded historical one, supplements that are safe to resend, seeded open dossiers that go live
 * when the province acts on them, and the "changed since" list a status sync pulls.
 */
import type { DossierRecord, OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { formatTimestampCompact } from '../../src/core/identifiers.js';
import { contentHash } from './hash.js';
import { fromSeed, indexBy, paginate } from './wire.js';

export interface TaiLieu {
  TenTaiLieu: string;
  DuongDan: string;
  MaHash?: string;
}

export interface BoSung {
  MaBoSung: string;
  ThoiGian: string;
  TaiLieuBoSung: TaiLieu[];
  GhiChu?: string;
}

export interface LichSuItem {
  TrangThai: string;
  TenTrangThai: string;
  ThoiGian: string;
  GhiChu?: string;
}

/** What every liên thông dossier keeps in its data, besides the request itself. */
export interface DuLieuLienThong {
  MaCoQuan: string;
  ThoiGianTiepNhan: string;
  NgayHenTra: string;
  BoSung: BoSung[];
  /** History from before the dossier went live (a seeded dossier the province acted on through the API). */
  LichSuTruoc?: LichSuItem[];
}

/** A seeded dossier: its code, status, data, history, and whatever the central side produced (result, reasons…). */
export interface SeededDossier<D> {
  MaHoSo: string;
  TrangThai: string;
  DuLieu: D;
  LichSu: LichSuItem[];
}

export interface HoSoView<D> {
  MaHoSo: string;
  TrangThai: string;
  du: D;
  LichSu: LichSuItem[];
  ThoiGianCapNhat: string;
  /** What the central side built on entering states (live: the dossier's result; seeded: its extra fields). */
  ketQua: Record<string, unknown>;
  live: boolean;
}

export const ts = (d: Date | string): string => formatTimestampCompact(typeof d === 'string' ? new Date(d) : d);

export interface DossierKitOptions<D, Seed> {
  lifecycle: string;
  tenTrangThai: (status: string) => string;
  seeded: (seed: Seed) => SeededDossier<D>[];
  notFound: (maHoSo: string, field: string) => NdxpError;
  /** Which part of the central side's output belongs to which state (e.g. 2 → YeuCauBoSung, 4 → KetQua). */
  outputs: Record<string, string>;
  /** The dossier type, for the status sync's filter. */
  loaiHoSo: (du: D) => string;
}

export function dossierKit<D extends DuLieuLienThong, Seed extends object>(o: DossierKitOptions<D, Seed>) {
  const index = fromSeed((seed: Seed) => indexBy(o.seeded(seed), (s) => s.MaHoSo));

  const fromLive = (d: DossierRecord): HoSoView<D> => {
    const du = d.data as unknown as D;
    const history = d.history.map((h) => ({ TrangThai: h.to, TenTrangThai: o.tenTrangThai(h.to), ThoiGian: ts(h.at), ...(h.note ? { GhiChu: h.note } : {}) }));
    return { MaHoSo: d.maHoSo, TrangThai: d.status, du, LichSu: [...(du.LichSuTruoc ?? []), ...history], ThoiGianCapNhat: ts(d.updatedAt), ketQua: d.result ?? {}, live: true };
  };

  const fromSeeded = (s: SeededDossier<D>): HoSoView<D> => {
    const { MaHoSo, TrangThai, DuLieu, LichSu, ...ketQua } = s;
    return { MaHoSo, TrangThai, du: DuLieu, LichSu, ThoiGianCapNhat: LichSu[LichSu.length - 1]!.ThoiGian, ketQua, live: false };
  };

  /** A live dossier of the caller's province first, then the seeded history; else the connector's not-found error. */
  async function find(ctx: OperationContext<Seed>, maHoSo: string, field = 'maHoSo'): Promise<HoSoView<D>> {
    const live = await ctx.dossiers.get(maHoSo);
    if (live) return fromLive(live);
    const s = index(ctx.seed).get(maHoSo);
    if (!s) throw o.notFound(maHoSo, field);
    return fromSeeded(s);
  }

  /** A seeded dossier goes live (received again, then processed by the lifecycle), keeping its earlier history. */
  async function goLive(ctx: OperationContext<Seed>, v: HoSoView<D>, patch: Partial<D>): Promise<HoSoView<D>> {
    const d = await ctx.dossiers.create({
      lifecycle: o.lifecycle,
      agencyCode: v.du.MaCoQuan,
      maHoSo: v.MaHoSo,
      data: { ...v.du, ...patch, LichSuTruoc: v.LichSu } as unknown as Record<string, unknown>,
    });
    return fromLive(d);
  }

  /**
   * The province supplements documents: `waiting` → `resume`. The same MaBoSung again changes nothing (daNhanTruocDo);
   * a dossier in another state is ILLEGAL_TRANSITION (from the store, or here for a seeded one).
   */
  async function supplement(
    ctx: OperationContext<Seed>,
    input: { MaHoSo: string; MaBoSung: string; TaiLieuBoSung: TaiLieu[]; GhiChu?: string },
    states: { waiting: string; resume: string },
  ): Promise<{ view: HoSoView<D>; boSung: BoSung; daNhanTruocDo: boolean }> {
    const v = await find(ctx, input.MaHoSo, 'MaHoSo');
    const prior = v.du.BoSung.find((b) => b.MaBoSung === input.MaBoSung);
    if (prior) return { view: v, boSung: prior, daNhanTruocDo: true };
    const boSung: BoSung = { MaBoSung: input.MaBoSung, ThoiGian: ts(ctx.now()), TaiLieuBoSung: input.TaiLieuBoSung, ...(input.GhiChu ? { GhiChu: input.GhiChu } : {}) };
    const patch = { BoSung: [...v.du.BoSung, boSung] } as Partial<D>;
    if (v.live) {
      const moved = await ctx.dossiers.move(v.MaHoSo, states.resume, `Đã nhận hồ sơ bổ sung ${input.MaBoSung}`, patch as Record<string, unknown>);
      return { view: fromLive(moved), boSung, daNhanTruocDo: false };
    }
    if (v.TrangThai !== states.waiting) throw illegal(v, states.resume, `chỉ bổ sung được khi hồ sơ ở trạng thái ${states.waiting}`, `documents can be supplemented only in status ${states.waiting}`);
    return { view: await goLive(ctx, v, patch), boSung, daNhanTruocDo: false };
  }

  /** ILLEGAL_TRANSITION for a seeded dossier (live ones get the store's own, with the allowed moves). */
  function illegal(v: HoSoView<D>, to: string, vi: string, en: string): NdxpError {
    return new NdxpError('ILLEGAL_TRANSITION', {
      field: 'TrangThai',
      detailVi: `hồ sơ đang ở trạng thái ${v.TrangThai} (${o.tenTrangThai(v.TrangThai)}), ${vi}`,
      detailEn: `the dossier is in status ${v.TrangThai}; ${en}`,
      details: { from: v.TrangThai, to, allowed: [] },
    });
  }

  /**
   * Liên thông keeps the province's dossier code (`MaHoSoTinh`): the same dossier sent again is a safe retry (its
   * current view), another dossier under a code already used (live or seeded) is CONFLICT; null when the code is free.
   */
  async function resent(ctx: OperationContext<Seed>, maHoSoTinh: string, yeuCau: unknown, yeuCauOf: (du: D) => unknown): Promise<HoSoView<D> | null> {
    const existing = await ctx.dossiers.get(maHoSoTinh);
    if (existing && contentHash(yeuCauOf(existing.data as unknown as D)) === contentHash(yeuCau)) return fromLive(existing);
    if (existing || index(ctx.seed).has(maHoSoTinh)) {
      throw new NdxpError('CONFLICT', {
        field: 'MaHoSoTinh',
        detailVi: `mã hồ sơ ${maHoSoTinh} đã được liên thông với nội dung khác`,
        detailEn: `dossier code ${maHoSoTinh} was already sent with other content`,
      });
    }
    return null;
  }

  /** The central side's output for the dossier's current state only (a request for documents is gone once supplemented). */
  function shown(v: HoSoView<D>): Record<string, unknown> {
    const key = o.outputs[v.TrangThai];
    return key && v.ketQua[key] !== undefined ? { [key]: v.ketQua[key] } : {};
  }

  /** CONFLICT for a result asked too early: the status, the due date and what the central side said so far. */
  function noResultYet(v: HoSoView<D>): NdxpError {
    return new NdxpError('CONFLICT', {
      field: 'maHoSo',
      detailVi: `chưa có kết quả: hồ sơ ở trạng thái ${v.TrangThai} (${o.tenTrangThai(v.TrangThai)}), hẹn trả ${v.du.NgayHenTra}`,
      detailEn: `no result: the dossier is in status ${v.TrangThai}, due ${v.du.NgayHenTra}`,
      details: { TrangThai: v.TrangThai, NgayHenTra: v.du.NgayHenTra, ...shown(v) },
    });
  }

  /** The status sync page: changed since `capNhatTu`, filtered by status and type, one row per dossier. */
  async function syncPage<R>(
    ctx: OperationContext<Seed>,
    q: { capNhatTu: string; trangThai?: string; loaiHoSo?: string; trang?: number; soBanGhi?: number },
    row: (v: HoSoView<D>) => R,
  ) {
    const rows = (await changedSince(ctx, q.capNhatTu))
      .filter((v) => (!q.trangThai || v.TrangThai === q.trangThai) && (!q.loaiHoSo || o.loaiHoSo(v.du) === q.loaiHoSo))
      .map(row);
    return paginate(rows, q.trang, q.soBanGhi);
  }

  /** Live dossiers of the caller's province (the newest `window`) and seeded ones, updated at or after `since`, oldest first. */
  async function changedSince(ctx: OperationContext<Seed>, since: string, window = 1000): Promise<HoSoView<D>[]> {
    const live = (await ctx.dossiers.list(0, window)).items.map(fromLive);
    const liveCodes = new Set(live.map((v) => v.MaHoSo));
    return [...live, ...o.seeded(ctx.seed).filter((s) => !liveCodes.has(s.MaHoSo)).map(fromSeeded)]
      .filter((v) => v.ThoiGianCapNhat >= since)
      .sort((a, b) => a.ThoiGianCapNhat.localeCompare(b.ThoiGianCapNhat) || a.MaHoSo.localeCompare(b.MaHoSo));
  }

  return { find, fromLive, fromSeeded, goLive, supplement, resent, changedSince, illegal, shown, noResultYet, syncPage };
}
