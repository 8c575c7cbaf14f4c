/**
 * Idempotent pushes (the province sends records up): the first push of a key is stored with a receipt
 * (MaBienNhan); the same key with the same content returns that receipt again (a safe retry); the same key with
 * other content is 409 CONFLICT naming the original receipt. Receipts are readable back by their id.
 */
import type { RecordPort } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { formatTimestampCompact } from '../../src/core/identifiers.js';
import { contentHash } from './hash.js';

export interface StoredPush<T> {
  MaBienNhan: string;
  /** yyyyMMddHHmmss. */
  ThoiGianTiepNhan: string;
  /** SHA-256 of the content's stable JSON: what "same content" means. */
  MaBam: string;
  KhoaDongBo: string;
  NoiDung: T;
}

export interface PushArgs<T> {
  collection: string;
  /** The idempotency key (e.g. MaCanBo + version). */
  key: string;
  /** Field named in a CONFLICT error. */
  keyField: string;
  content: T;
  now: Date;
  /** Receipt ids look like `<prefix>-<yyMMdd>-<10 hex>`. */
  receiptPrefix: string;
  /**
   * Rules on the current state (the person is already paid, the version is older…), checked only for a key not
   * pushed before: a retry of an accepted push must get its receipt even if the state has moved on since.
   */
  check?: () => void | Promise<void>;
}

const receiptIndex = (collection: string) => `${collection}:bienNhan`;

/** The receipt a push gets (also used to build seeded history with the same ids the live service would give). */
export function buildReceipt<T>(a: Omit<PushArgs<T>, 'collection' | 'keyField' | 'check'>): StoredPush<T> {
  const MaBam = contentHash(a.content);
  const ts = formatTimestampCompact(a.now);
  return {
    MaBienNhan: `${a.receiptPrefix}-${ts.slice(2, 8)}-${contentHash({ k: a.key, h: MaBam }).slice(0, 10).toUpperCase()}`,
    ThoiGianTiepNhan: ts,
    MaBam,
    KhoaDongBo: a.key,
    NoiDung: a.content,
  };
}

export async function acceptPush<T>(records: RecordPort, a: PushArgs<T>): Promise<{ stored: StoredPush<T>; created: boolean }> {
  const candidate = buildReceipt(a);
  const MaBam = candidate.MaBam;
  if (a.check && !(await records.get(a.collection, a.key))) await a.check();
  const { value, created } = await records.putIfAbsent(a.collection, a.key, candidate);
  if (created) {
    await records.put(receiptIndex(a.collection), value.MaBienNhan, a.key);
    return { stored: value, created };
  }
  if (value.MaBam !== MaBam) throw pushConflict(a.keyField, a.key, value);
  return { stored: value, created: false };
}

/** The same key pushed again with other content: 409 naming the receipt the first content got. */
export function pushConflict(keyField: string, key: string, original: Pick<StoredPush<unknown>, 'MaBienNhan' | 'ThoiGianTiepNhan'>): NdxpError {
  return new NdxpError('CONFLICT', {
    field: keyField,
    detailVi: `${keyField} ${key} đã được gửi với nội dung khác (biên nhận ${original.MaBienNhan}); tăng phiên bản để gửi nội dung mới`,
    detailEn: `${keyField} ${key} was already pushed with other content (receipt ${original.MaBienNhan}); send a new version`,
    details: { MaBienNhan: original.MaBienNhan, ThoiGianTiepNhan: original.ThoiGianTiepNhan },
  });
}

/** A stored push by its receipt id, or null. */
export async function pushByReceipt<T>(records: RecordPort, collection: string, maBienNhan: string): Promise<StoredPush<T> | null> {
  const key = await records.get<string>(receiptIndex(collection), maBienNhan);
  return key ? records.get<StoredPush<T>>(collection, key) : null;
}
