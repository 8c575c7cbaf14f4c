import type { ClientInfo, DossierPort, DossierRecord } from '../core/connector.js';
import { NdxpError } from '../core/errors.js';
import { canMove, type LifecycleDefinition } from '../core/lifecycle.js';

/**
 * Pure dossier record steps (no storage): the Redis store (dossier-store.ts) and the in-memory one of the mock kit
 * (src/client/mock) build and move records with these, so both follow the lifecycle the same way.
 */
export function newDossierRecord(
  connectorId: string,
  lc: LifecycleDefinition,
  client: ClientInfo,
  scenario: string | undefined,
  args: Parameters<DossierPort['create']>[0] & { maHoSo: string },
  now: Date,
): DossierRecord {
  const at = now.toISOString();
  return {
    maHoSo: args.maHoSo,
    connectorId,
    lifecycle: args.lifecycle,
    status: lc.initial,
    seq: 1,
    clientId: client.id,
    province: client.province,
    ...(scenario ? { scenario } : {}),
    createdAt: at,
    updatedAt: at,
    data: args.data,
    history: [{ seq: 1, from: null, to: lc.initial, at, by: 'province' }],
  };
}

export const dossierExists = (maHoSo: string) =>
  new NdxpError('CONFLICT', { field: 'maHoSo', detailVi: `hồ sơ ${maHoSo} đã tồn tại`, detailEn: `dossier ${maHoSo} already exists` });

export const dossierNotFound = (maHoSo: string) => new NdxpError('RECORD_NOT_FOUND', { field: 'maHoSo', detailVi: maHoSo, detailEn: maHoSo });

/** The record after a move, or ILLEGAL_TRANSITION naming the moves that are allowed (to this side). */
export function movedDossierRecord(
  lc: LifecycleDefinition,
  current: DossierRecord,
  to: string,
  by: 'province' | 'central',
  opts: { note?: string; patch?: Record<string, unknown> },
  now: Date,
): DossierRecord {
  if (!canMove(lc, current.status, to) || (by === 'province' && !(lc.provinceMoves ?? []).includes(to))) {
    const fromLabel = lc.states[current.status]?.label ?? current.status;
    throw new NdxpError('ILLEGAL_TRANSITION', {
      field: lc.statusField,
      detailVi: `không thể chuyển từ ${current.status} (${fromLabel}) sang ${to}`,
      detailEn: `cannot move from ${current.status} to ${to}`,
      details: { from: current.status, to, allowed: (lc.moves[current.status] ?? []).filter((t) => by === 'central' || (lc.provinceMoves ?? []).includes(t)) },
    });
  }
  const at = now.toISOString();
  const seq = current.seq + 1;
  const next: DossierRecord = {
    ...current,
    status: to,
    seq,
    updatedAt: at,
    data: opts.patch ? { ...current.data, ...opts.patch } : current.data,
    history: [...current.history, { seq, from: current.status, to, at, by, ...(opts.note ? { note: opts.note } : {}) }],
  };
  const result = lc.onEnter?.[to]?.({ maHoSo: current.maHoSo, data: next.data, at: now });
  if (result) next.result = { ...(current.result ?? {}), ...result };
  return next;
}
