/** Vietnamese text: stored and compared in NFC; matching strips tones (diacritic-insensitive search, DOMAIN.md). */
export const nfc = (s: string): string => s.normalize('NFC');

/** Folds a string for matching only: NFD, drop combining marks, đ→d, lower case, collapse spaces. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Deep-normalises every string of a JSON value to NFC (inputs may arrive decomposed from some keyboards). */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return nfc(value) as T;
  if (Array.isArray(value)) return value.map((v) => nfcDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[nfc(k)] = nfcDeep(v);
    return out as T;
  }
  return value;
}
