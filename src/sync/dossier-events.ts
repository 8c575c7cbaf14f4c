/** The status-change event every move emits (status-delivery and DVCQG sync build on it). */
export interface DossierEvent {
  connectorId: string;
  maHoSo: string;
  province: string;
  clientId: string;
  seq: number;
  from: string | null;
  to: string;
  at: string;
  by: 'province' | 'central';
}

/**
 * The events stream (`<prefix>:dossier-events`) keeps about the last EVENTS_MAXLEN status changes (trimmed
 * approximately, `MAXLEN ~`): a pull-feed cursor or a dispatcher more than that many events behind loses the older
 * ones. An entry takes ~120 bytes (measured with ly-lich-tu-phap events): a full stream is ~115 MiB.
 */
export const EVENTS_MAXLEN = 1_000_000;

/**
 * An event is stored as stream fields, always the same ones in the same order: Redis then keeps the names once per
 * stream node instead of once per entry, about half the size of one JSON field. `from` null is stored as '' and `at`
 * as epoch milliseconds (a listpack integer) when that gives back the same ISO string.
 */
export function eventFields(e: DossierEvent): string[] {
  const ms = Date.parse(e.at);
  const at = new Date(ms).toISOString() === e.at ? String(ms) : e.at;
  return [
    'connectorId', e.connectorId, 'maHoSo', e.maHoSo, 'province', e.province, 'clientId', e.clientId, 'seq', String(e.seq),
    'from', e.from ?? '', 'to', e.to, 'at', at, 'by', e.by,
  ];
}

/** An event from its stream fields, either as above or as older versions wrote it (one field `e` holding the JSON). */
export function eventFromFields(fields: string[]): DossierEvent {
  if (fields[0] === 'e') return JSON.parse(fields[1]!) as DossierEvent;
  const f: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
  return {
    connectorId: f.connectorId!,
    maHoSo: f.maHoSo!,
    province: f.province!,
    clientId: f.clientId!,
    seq: Number(f.seq),
    from: f.from ? f.from : null,
    to: f.to!,
    at: /^\d+$/.test(f.at!) ? new Date(Number(f.at)).toISOString() : f.at!,
    by: f.by as DossierEvent['by'],
  };
}
