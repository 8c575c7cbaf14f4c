/**
 * Deterministic choices for data derived from the shared population (children, beneficiaries…): a pure function of
 * the record's identifiers, so every connector that derives the same thing gets the same answer without sharing a
 * random stream (each connector's `rng` is its own).
 */
import { createHash } from 'node:crypto';

/** FNV-1a (32 bit) over the parts joined by "|": fast, stable across runs and platforms. */
export function hashInt(...parts: string[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** One of `items`, chosen by the key. */
export const pickBy = <T>(items: readonly T[], ...key: string[]): T => items[hashInt(...key) % items.length]!;

/** JSON with object keys sorted at every level: the same content always gives the same text (and hash). */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the content's stable JSON: "same content" for idempotent pushes. */
export const contentHash = (value: unknown): string => createHash('sha256').update(stableStringify(value)).digest('hex');

/** SHA-256 (hex) of text, e.g. a result file's bytes. */
export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
