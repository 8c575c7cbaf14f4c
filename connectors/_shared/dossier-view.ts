/**
 * What the stateful connectors share when they serve a dossier: it is either live (Redis, this province's, moved by
 * the lifecycle) or part of the seeded history (closed, read-only). Lookups, idempotent re-submissions, "no result
 * yet" answers and status-sync lists are the same everywhere, so they live here once.
 */
import type { DossierRecord, OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { formatTimestampCompact } from '../../src/core/identifiers.js';
import type { LifecycleState } from '../../src/core/lifecycle.js';

export type FoundDossier<H> = { live: DossierRecord; seeded?: undefined } | { live?: undefined; seeded: H };

/** A live dossier of the caller's province first, then the seeded history; else RECORD_NOT_FOUND. */
export async function findDossier<H>(
  ctx: OperationContext,
  maHoSo: string,
  seeded: Map<string, H>,
  field = 'maHoSo',
): Promise<FoundDossier<H>> {
  const live = await ctx.dossiers.get(maHoSo);
  if (live) return { live };
  const h = seeded.get(maHoSo);
  if (h) return { seeded: h };
  throw new NdxpError('RECORD_NOT_FOUND', { field, detailVi: `${field}=${maHoSo}`, detailEn: `${field}=${maHoSo}` });
}

export interface LichSuXuLy {
  TrangThai: string;
  TenTrangThai: string;
  ThoiGian: string;
  NoiDung?: string;
}

/** A live dossier's history as the wire prints it (yyyyMMddHHmmss, with the label of each status). */
export const lichSuOf = (d: DossierRecord, label: (status: string) => string): LichSuXuLy[] =>
  d.history.map((h) => ({
    TrangThai: h.to,
    TenTrangThai: label(h.to),
    ThoiGian: formatTimestampCompact(new Date(h.at)),
    ...(h.note ? { NoiDung: h.note } : {}),
  }));

/**
 * Liên thông keeps the province's own dossier code. Sending the same dossier again (same code, same holder) is a safe
 * retry and gets the existing dossier back; the same code for another holder is a CONFLICT.
 */
export async function existingByProvinceCode(
  ctx: OperationContext,
  maHoSoTinh: string | undefined,
  sameHolder: (d: DossierRecord) => boolean,
  field = 'MaHoSoTinh',
): Promise<DossierRecord | null> {
  if (!maHoSoTinh) return null;
  const existing = await ctx.dossiers.get(maHoSoTinh);
  if (!existing) return null;
  if (!sameHolder(existing)) {
    throw new NdxpError('CONFLICT', {
      field,
      detailVi: `mã hồ sơ ${maHoSoTinh} đã được dùng cho hồ sơ của người khác`,
      detailEn: `dossier code ${maHoSoTinh} is already used for another holder's dossier`,
    });
  }
  return existing;
}

/** 409 for a result asked too early (or of a dossier closed without one), saying where the dossier stands. */
export function chuaCoKetQua(args: {
  status: string;
  label: string;
  field?: string;
  /** Set when the dossier ended without a result (refused, withdrawn). */
  closedReason?: string;
  details?: Record<string, unknown>;
}): NdxpError {
  const { status, label, closedReason } = args;
  return new NdxpError('CONFLICT', {
    field: args.field ?? 'maHoSo',
    detailVi: closedReason
      ? `hồ sơ đã kết thúc ở trạng thái ${status} (${label}), không có kết quả: ${closedReason}`
      : `chưa có kết quả, hồ sơ đang ở trạng thái ${status} (${label})`,
    detailEn: closedReason ? `the dossier ended in status ${status} without a result` : `no result yet: the dossier is in status ${status}`,
    details: { TrangThai: status, TenTrangThai: label, ...(closedReason ? { LyDo: closedReason } : {}), ...(args.details ?? {}) },
  });
}

/** A move asked of a seeded (closed, read-only) dossier that is not already in the target state. */
export function closedDossierMove(args: { status: string; label: string; to: string; field: string }): NdxpError {
  return new NdxpError('ILLEGAL_TRANSITION', {
    field: args.field,
    detailVi: `hồ sơ đã kết thúc ở trạng thái ${args.status} (${args.label}), không thể chuyển sang ${args.to}`,
    detailEn: `the dossier is closed in status ${args.status}, it cannot move to ${args.to}`,
    details: { from: args.status, to: args.to, allowed: [] },
  });
}

/** yyyyMMddHHmmss → Date (UTC, as every timestamp of the simulator). */
export const compactToDate = (ts: string): Date =>
  new Date(Date.UTC(+ts.slice(0, 4), +ts.slice(4, 6) - 1, +ts.slice(6, 8), +ts.slice(8, 10), +ts.slice(10, 12), +ts.slice(12, 14)));

/**
 * Status sync: the dossiers (live ones of the caller's province, then seeded ones) whose last change is at or after
 * `since` (yyyyMMddHHmmss), newest first. Only the newest `scan` live dossiers are looked at.
 */
export async function changedSince<H extends { MaHoSo: string; LichSu: LichSuXuLy[] }>(
  ctx: OperationContext,
  since: string,
  seeded: H[],
  fromLive: (d: DossierRecord) => H,
  scan = 1000,
): Promise<Array<H & { ThoiGianCapNhat: string }>> {
  const sinceMs = compactToDate(since).getTime();
  const { items } = await ctx.dossiers.list(0, scan);
  const live = items.filter((d) => Date.parse(d.updatedAt) >= sinceMs).map(fromLive);
  const liveCodes = new Set(live.map((h) => h.MaHoSo));
  const lastChange = (h: H) => h.LichSu[h.LichSu.length - 1]!.ThoiGian;
  return [...live, ...seeded.filter((h) => !liveCodes.has(h.MaHoSo) && lastChange(h) >= since)]
    .map((h) => ({ ...h, ThoiGianCapNhat: lastChange(h) }))
    .sort((a, b) => b.ThoiGianCapNhat.localeCompare(a.ThoiGianCapNhat) || a.MaHoSo.localeCompare(b.MaHoSo));
}

/** Lifecycle states from a code → labels table; `terminal` lists the codes no move leaves. */
export function statesOf<S extends string>(labels: Record<S, { label: string; labelEn: string }>, terminal: NoInfer<S>[]): Record<S, LifecycleState> {
  return Object.fromEntries(
    (Object.keys(labels) as S[]).map((s) => [s, { ...labels[s], ...(terminal.includes(s) ? { terminal: true } : {}) }]),
  ) as Record<S, LifecycleState>;
}

/** VALIDATION_FAILED naming the field, for the rules a schema cannot say. */
export const invalidField = (field: string, vi: string, en: string): NdxpError =>
  new NdxpError('VALIDATION_FAILED', { field, detailVi: `${field}: ${vi}`, detailEn: `${field}: ${en}` });

/** A seeded (historical) dossier's history, built step by step, each step some hours after the previous one. */
export function seedHistory(start: Date, first: string, label: (status: string) => string) {
  const steps: Array<{ s: string; at: Date; note?: string }> = [{ s: first, at: start }];
  return {
    step(s: string, afterHours: number, note?: string): void {
      steps.push({ s, at: new Date(steps[steps.length - 1]!.at.getTime() + afterHours * 3_600_000), ...(note ? { note } : {}) });
    },
    at: (s: string): Date | undefined => steps.find((x) => x.s === s)?.at,
    lichSu: (): LichSuXuLy[] =>
      steps.map((x) => ({ TrangThai: x.s, TenTrangThai: label(x.s), ThoiGian: formatTimestampCompact(x.at), ...(x.note ? { NoiDung: x.note } : {}) })),
  };
}
