import { createHash } from 'node:crypto';
import type { RecordPort } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of the canonical JSON of `content` (hex). */
export const contentHash = (content: unknown): string => createHash('sha256').update(canonical(content)).digest('hex');

/** 409: the key was already used for other content. */
export const keyClash = (field: string, key: string) =>
  new NdxpError('CONFLICT', {
    field,
    detailVi: `${field}=${key} đã được dùng cho một nội dung khác`,
    detailEn: `${field}=${key} was already used for different content`,
  });

interface Stored<T> {
  hash: string;
  value: T;
}

/**
 * Idempotent writes keyed by the caller's own id (a push's record key, an order's reference): the first call stores
 * `value`; a retry with the same content gets the stored value back (`replay: true`); the same key with different
 * content is refused with 409 CONFLICT naming `field`, so a client bug never silently overwrites data.
 */
export async function putOnce<T>(
  records: RecordPort,
  collection: string,
  key: string,
  content: unknown,
  value: T,
  field: string,
): Promise<{ value: T; replay: boolean }> {
  const hash = contentHash(content);
  const { value: stored, created } = await records.putIfAbsent<Stored<T>>(collection, key, { hash, value });
  if (created) return { value, replay: false };
  if (stored.hash !== hash) throw keyClash(field, key);
  return { value: stored.value, replay: true };
}

/** The stored value under an idempotency key, if any. */
export async function getOnce<T>(records: RecordPort, collection: string, key: string): Promise<T | null> {
  return (await records.get<Stored<T>>(collection, key))?.value ?? null;
}

/** A page of stored values in insertion order (oldest first), and how many there are. */
export async function listOnce<T>(records: RecordPort, collection: string, offset: number, limit: number): Promise<{ total: number; items: T[] }> {
  const { total, items } = await records.list<Stored<T>>(collection, offset, limit);
  return { total, items: items.map((i) => i.value) };
}
