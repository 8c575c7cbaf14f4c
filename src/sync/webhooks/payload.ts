import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LifecycleDefinition } from '../../core/lifecycle.js';
import type { DossierEvent } from '../dossier-events.js';

/** What a TTHC system receives for one status change (README "Status sync" documents every field). */
export interface StatusChangeBody {
  id: string;
  event: 'dossier.created' | 'dossier.status_changed';
  connectorId: string;
  maHoSo: string;
  province: string;
  seq: number;
  statusField: string;
  from: string | null;
  fromLabel: string | null;
  to: string;
  toLabel: string;
  terminal: boolean;
  at: string;
  by: 'province' | 'central';
  /** Result documents built when the central side entered this state (e.g. the issued certificate). */
  result?: Record<string, unknown>;
}

/** One key per (dossier, seq): the receiver deduplicates retries, replays and redeliveries after a crash with it. */
export const idempotencyKey = (e: Pick<DossierEvent, 'connectorId' | 'maHoSo' | 'seq'>) => `${e.connectorId}:${e.maHoSo}:${e.seq}`;

export function buildBody(e: DossierEvent, lc: LifecycleDefinition | undefined, result: Record<string, unknown> | undefined): StatusChangeBody {
  const label = (s: string) => lc?.states[s]?.label ?? s;
  return {
    id: idempotencyKey(e),
    event: e.from === null ? 'dossier.created' : 'dossier.status_changed',
    connectorId: e.connectorId,
    maHoSo: e.maHoSo,
    province: e.province,
    seq: e.seq,
    statusField: lc?.statusField ?? 'status',
    from: e.from,
    fromLabel: e.from === null ? null : label(e.from),
    to: e.to,
    toLabel: label(e.to),
    terminal: !!lc?.states[e.to]?.terminal,
    at: e.at,
    by: e.by,
    ...(result ? { result } : {}),
  };
}

export const SIGNATURE_HEADER = 'X-NDXP-Signature';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (the timestamp lets a receiver refuse old replays). */
export function sign(secret: string, body: string | Buffer, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.`).update(body).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** A receiver's check (used by the simulation's receiver and the tests, and shown in the README). */
export function verifySignature(secret: string, body: string, header: string | undefined, toleranceSec = 300, nowSec = Date.now() / 1000): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  if (Math.abs(nowSec - Number(m[1])) > toleranceSec) return false;
  const expected = Buffer.from(sign(secret, body, Number(m[1])).slice(-64), 'hex');
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}
