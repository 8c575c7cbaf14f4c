/**
 * Idempotent pushes with receipts (biên nhận), for every system the province sends data up to (giá, cán bộ công chức,
 * thông tin nguồn…). The province names each submission with its own key; the central side answers with a receipt id:
 *  - a new key → stored, `201` with a new receipt (MaBienNhan);
 *  - the same key with the same content → `200` with the ORIGINAL receipt (a safe retry after a lost answer);
 *  - the same key with different content → `409 CONFLICT` naming the key field and the original receipt.
 * Everything is stored per province through ctx.records, so a submission can be read back by receipt or listed.
 */
import { isDeepStrictEqual } from 'node:util';
import { reply, type OperationContext, type Reply } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { formatTimestampCompact } from '../../src/core/identifiers.js';
import { contentHash } from './hash.js';

/** What every receipt carries; a connector adds its own fields (counts, status…). */
export interface ReceiptBase {
  MaBienNhan: string;
  ThoiGianTiepNhan: string;
}

export interface StoredPush<C, R extends ReceiptBase> {
  key: string;
  receipt: R;
  content: C;
}

/**
 * `BN-yyyyMMddHHmmss-XXXXXX`: time of receipt plus 6 hex digits of the submission's hash (kind, key, content), so the
 * same push at the same time gets the same receipt on every simulator instance (gateway, mock kit, replays).
 */
export const MA_BIEN_NHAN_PATTERN = '^BN-\\d{14}-[0-9A-F]{6}$';
const newMaBienNhan = (at: Date, collection: string, key: string, content: unknown) =>
  `BN-${formatTimestampCompact(at)}-${contentHash({ c: collection, k: key, v: content }).slice(0, 6).toUpperCase()}`;

const receiptIndex = (collection: string) => `${collection}:bien-nhan`;

export interface PushOptions<C, R extends ReceiptBase> {
  /** Record collection of this kind of submission (one per kind). */
  collection: string;
  /** The province's idempotency key (e.g. its report number). */
  key: string;
  /** The request field the key comes from, named in a conflict. */
  keyField: string;
  content: C;
  /** Builds the connector's receipt around the base fields. */
  receipt: (base: ReceiptBase) => R;
  /** A submission under this key known outside the record store (the seeded history), checked first. */
  existing?: StoredPush<C, R>;
}

/** 200 with the original receipt for the same content; 409 naming the key and the original receipt otherwise. */
function replay<C, R extends ReceiptBase>(stored: StoredPush<C, R>, o: PushOptions<C, R>): Reply {
  if (isDeepStrictEqual(stored.content, o.content)) return reply(200, stored.receipt);
  throw new NdxpError('CONFLICT', {
    field: o.keyField,
    detailVi: `${o.keyField} ${o.key} đã được tiếp nhận (biên nhận ${stored.receipt.MaBienNhan}) với nội dung khác`,
    detailEn: `${o.keyField} ${o.key} was already received (receipt ${stored.receipt.MaBienNhan}) with different content`,
    details: { MaBienNhan: stored.receipt.MaBienNhan, ThoiGianTiepNhan: stored.receipt.ThoiGianTiepNhan },
  });
}

export async function acceptPush<C, R extends ReceiptBase>(ctx: Pick<OperationContext, 'records' | 'now'>, o: PushOptions<C, R>): Promise<Reply> {
  if (o.existing) return replay(o.existing, o);
  const fresh: StoredPush<C, R> = {
    key: o.key,
    receipt: o.receipt({ MaBienNhan: newMaBienNhan(ctx.now(), o.collection, o.key, o.content), ThoiGianTiepNhan: formatTimestampCompact(ctx.now()) }),
    content: o.content,
  };
  const { value, created } = await ctx.records.putIfAbsent(o.collection, o.key, fresh);
  if (created) {
    await ctx.records.put(receiptIndex(o.collection), value.receipt.MaBienNhan, o.key);
    return reply(201, value.receipt);
  }
  return replay(value, o);
}

/** A submission of the caller's province by its receipt id (stored ones first, then the seeded history), or null. */
export async function findPush<C, R extends ReceiptBase>(
  ctx: Pick<OperationContext, 'records'>,
  collection: string,
  maBienNhan: string,
  history: ReadonlyArray<StoredPush<C, R>> = [],
): Promise<StoredPush<C, R> | null> {
  const key = await ctx.records.get<string>(receiptIndex(collection), maBienNhan);
  if (key !== null) return ctx.records.get<StoredPush<C, R>>(collection, key);
  return history.find((h) => h.receipt.MaBienNhan === maBienNhan) ?? null;
}

/** The submissions of one kind, oldest first: the seeded history, then what the caller's province pushed. */
export async function listPushes<C, R extends ReceiptBase>(
  ctx: Pick<OperationContext, 'records'>,
  collection: string,
  offset: number,
  limit: number,
  history: ReadonlyArray<StoredPush<C, R>> = [],
): Promise<{ total: number; items: Array<StoredPush<C, R>> }> {
  const fromHistory = history.slice(offset, offset + limit);
  const liveLimit = limit - fromHistory.length;
  // A zero-length range would read the whole set; ask for one item only to learn the total.
  const live = await ctx.records.list<StoredPush<C, R>>(collection, Math.max(0, offset - history.length), Math.max(1, liveLimit));
  return { total: history.length + live.total, items: [...fromHistory, ...(liveLimit > 0 ? live.items : [])] };
}
