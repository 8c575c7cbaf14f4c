/**
 * Personal-data masking (Nghị định 13/2023/NĐ-CP): the one function that logs and the traffic journal both use.
 * Fields are recognised by name (Vietnamese wire names and English ones, case- and diacritic-insensitive), and free
 * text is scanned for identifier-, phone- and email-shaped substrings, so a CCCD inside a message is caught too.
 */

type Kind = 'id' | 'name' | 'date' | 'phone' | 'email' | 'address';

// Keys are compared lower-case with non-letters removed: "SoDinhDanh", "so_dinh_danh" and "soDinhDanh" all match.
const FIELD_KINDS: Record<string, Kind> = {};
const fields: Array<[Kind, string[]]> = [
  ['id', ['sodinhdanh', 'cccd', 'cmnd', 'socccd', 'socmnd', 'sodinhdanhcanhan', 'idnumber', 'nationalid', 'masobhxh',
    'mabhxh', 'sothebhyt', 'mathebhyt', 'mathe', 'mathemoi', 'sogplx', 'sogiayphep', 'bienso', 'biensoxe', 'dinhdanhchs', 'sohochieu', 'passport', 'sub',
    'sotaikhoan', 'sogiaychungsinh']],
  ['name', ['hovaten', 'hoten', 'ten', 'tencongdan', 'name', 'fullname', 'chuhoso', 'nguoiyeucau', 'hotencha', 'hotenme',
    'hotenvo', 'hotenchong', 'nguoidaidien', 'tennguoidaidien', 'hotennguoidaidien', 'givenname', 'familyname']],
  ['date', ['ngaysinh', 'ngaythangnam', 'ngaythangnamsinh', 'birthdate', 'dateofbirth', 'dob']],
  ['phone', ['sodienthoai', 'dienthoai', 'phone', 'phonenumber', 'mobile', 'sdt']],
  ['email', ['email', 'thudientu']],
  ['address', ['diachi', 'noithuongtru', 'noiohientai', 'quequan', 'noisinh', 'address', 'diachithuongtru',
    'diachilienhe', 'noicutru', 'diachinhan', 'noiohiennay', 'noimat']],
];
for (const [kind, names] of fields) for (const n of names) FIELD_KINDS[n] = kind;

const normaliseKey = (key: string) =>
  key.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]/g, '');

export function maskId(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  return '*'.repeat(value.length - 3) + value.slice(-3);
}

/** "Nguyễn Văn An" → "N*** V** A*": keeps initials so an operator can still tell records apart. */
export function maskName(value: string): string {
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => [...w][0] + '*'.repeat(Math.max(1, [...w].length - 1)))
    .join(' ');
}

export function maskDate(value: string): string {
  // Keep the year (useful for support, not identifying on its own); hide day and month.
  const year = /(19|20)\d{2}/.exec(value)?.[0];
  return year ? `**/**/${year}` : '********';
}

export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-3)}` : '*'.repeat(digits.length || 3);
}

export function maskEmail(value: string): string {
  const at = value.indexOf('@');
  return at > 0 ? `${value[0]}***${value.slice(at)}` : '***';
}

export function maskAddress(value: string): string {
  // Keep only the last segment (tỉnh/thành phố): enough for statistics, not enough to locate a person.
  const parts = value.split(',').map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 ? `***, ${parts[parts.length - 1]}` : '***';
}

const MASKERS: Record<Kind, (v: string) => string> = {
  id: maskId,
  name: maskName,
  date: maskDate,
  phone: maskPhone,
  email: maskEmail,
  address: maskAddress,
};

// Free-text patterns. Order matters: emails before digits, 12-digit CCCD before 10-digit phones.
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const LONG_DIGITS_RE = /(?<![\d.])\d{9,15}(?![\d.])/g;
const PHONE_RE = /(?<!\d)(?:\+84|0)[35789]\d{8}(?!\d)/g;

/** Masks identifier-, phone- and email-shaped substrings of free text (log messages, URLs, XML bodies). */
export function maskText(text: string): string {
  return text
    .replace(EMAIL_RE, (m) => maskEmail(m))
    .replace(PHONE_RE, (m) => maskPhone(m))
    .replace(LONG_DIGITS_RE, (m) => maskId(m));
}

function maskScalar(kind: Kind | undefined, value: string | number): unknown {
  if (kind) return MASKERS[kind](String(value));
  return typeof value === 'string' ? maskText(value) : value;
}

// Inside an address object the province may stay (statistics); every other part is masked as address.
const KEEP_IN_ADDRESS = new Set(['matinh', 'tentinh']);

/**
 * Deep copy of `value` with personal data masked. A personal-data key masks everything under it: strings by its kind
 * (an address object's parts as address, DinhDanhCHS entries through their own keys).
 */
export function maskPersonalData<T>(value: T, depth = 0, inherited?: Kind): T {
  if (depth > 12) return '[…]' as T;
  if (typeof value === 'string' || typeof value === 'number') return maskScalar(inherited, value) as T;
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v, depth + 1, inherited)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const key = normaliseKey(k);
      if (inherited === 'address' && KEEP_IN_ADDRESS.has(key)) {
        out[k] = v;
        continue;
      }
      const kind = FIELD_KINDS[key] ?? (inherited === 'address' ? 'address' : undefined);
      out[k] = maskPersonalData(v, depth + 1, kind);
    }
    return out as T;
  }
  return value;
}
