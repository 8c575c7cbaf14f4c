import { reply, type RecordPort } from '../../src/core/connector.js';
import { formatTimestampCompact } from '../../src/core/identifiers.js';
import { contentHash, getOnce, listOnce, putOnce } from './idempotent.js';

/** The acknowledgement of a push (biên nhận): its id and when the central side took it. */
export interface BienNhan {
  MaBienNhan: string;
  ThoiGianTiepNhan: string;
  LoaiDuLieu: string;
  Khoa: string;
  TrangThai: 'DA_TIEP_NHAN';
}

/** A pushed record as kept and read back: the receipt and the data exactly as sent. */
export interface PushRecord<T = unknown> {
  LoaiDuLieu: string;
  Khoa: string;
  BienNhan: BienNhan;
  DuLieu: T;
}

const RECEIPTS = 'bien-nhan';

/**
 * BN-<yyMMdd>-<10 hex>: sortable by day; the hex is the push's hash (kind, key, data), unguessable without the data and
 * the same on every simulator instance (gateway, mock kit, replays) for the same push on the same day.
 */
export const newMaBienNhan = (now: Date, loai: string, key: string, data: unknown) =>
  `BN-${formatTimestampCompact(now).slice(2, 8)}-${contentHash({ l: loai, k: key, d: data }).slice(0, 10).toUpperCase()}`;

/**
 * Takes a push once per key (the sender's own record id): the first time it is stored with a new receipt (201); the
 * same content again gets the original receipt (200); other content under the same key is refused (409 CONFLICT
 * naming `keyField`). The receipt id is indexed so any push can be read back by it.
 */
export async function acceptPush<T>(
  records: RecordPort,
  a: { loai: string; key: string; keyField: string; data: T; now: Date },
): Promise<{ record: PushRecord<T>; replay: boolean }> {
  const bienNhan: BienNhan = { MaBienNhan: newMaBienNhan(a.now, a.loai, a.key, a.data), ThoiGianTiepNhan: formatTimestampCompact(a.now), LoaiDuLieu: a.loai, Khoa: a.key, TrangThai: 'DA_TIEP_NHAN' };
  const { value, replay } = await putOnce<PushRecord<T>>(records, a.loai, a.key, a.data, { LoaiDuLieu: a.loai, Khoa: a.key, BienNhan: bienNhan, DuLieu: a.data }, a.keyField);
  if (!replay) await records.put(RECEIPTS, bienNhan.MaBienNhan, { loai: a.loai, key: a.key });
  return { record: value, replay };
}

/** 201 with the new receipt, or 200 with the original one for a repeated push. */
export const receiptReply = ({ record, replay }: { record: PushRecord; replay: boolean }) => reply(replay ? 200 : 201, record.BienNhan);

/** A push read back by its receipt id. */
export async function findByReceipt(records: RecordPort, maBienNhan: string): Promise<PushRecord | null> {
  const where = await records.get<{ loai: string; key: string }>(RECEIPTS, maBienNhan);
  return where ? findByKey(records, where.loai, where.key) : null;
}

/** A push read back by its own key. */
export async function findByKey<T = unknown>(records: RecordPort, loai: string, key: string): Promise<PushRecord<T> | null> {
  return getOnce<PushRecord<T>>(records, loai, key);
}

/** One page of a kind of push, newest first, and how many there are. */
export async function listPushes<T = unknown>(records: RecordPort, loai: string, offset: number, limit: number): Promise<{ total: number; items: PushRecord<T>[] }> {
  // Stored oldest first: count, then read the slice that ends `offset` items before the newest.
  const { total } = await records.list(loai, 0, 1);
  const end = total - offset;
  if (end <= 0 || limit <= 0) return { total, items: [] };
  const start = Math.max(0, end - limit);
  const { items } = await listOnce<PushRecord<T>>(records, loai, start, end - start);
  return { total, items: items.reverse() };
}
