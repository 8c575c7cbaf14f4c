import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Packs values of one kind as `<format byte><raw deflate of their JSON with a preset dictionary>`. */
export interface PackedJson<T> {
  readonly format: number;
  readonly dictionary: Buffer;
  pack(value: T): Buffer;
  unpack(stored: Buffer): T;
}

/**
 * Small JSON records kept in Redis (a dossier is 1–3 kB of JSON) compress poorly on their own; deflated with a preset
 * dictionary of their field names and usual values they shrink 4–5×. The first byte names the format, so a store can
 * move to a new dictionary without breaking what it holds: a format's dictionary never changes once values are stored
 * with it (tests pin each dictionary's digest); a better dictionary gets a new format byte.
 */
export function packedJson<T>(opts: { name: string; format: number; dictionary: Buffer }): PackedJson<T> {
  const { name, format, dictionary } = opts;
  if (!Number.isInteger(format) || format < 0 || format > 255) throw new Error(`${name}: format must be a byte, not ${format}`);
  const prefix = Buffer.of(format);
  return {
    format,
    dictionary,
    pack: (value) => Buffer.concat([prefix, deflateRawSync(JSON.stringify(value), { dictionary, level: 6 })]),
    unpack: (stored) => {
      if (stored[0] !== format) throw new Error(`${name} stored in unknown format ${stored.length ? stored[0] : '(empty value)'}`);
      return JSON.parse(inflateRawSync(stored.subarray(1), { dictionary }).toString('utf8')) as T;
    },
  };
}
