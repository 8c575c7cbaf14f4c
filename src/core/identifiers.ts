/**
 * Vietnamese identifiers, validated exactly as DOMAIN.md states. Pure functions: ajv formats, seed generators and
 * handlers all call these, so a rule lives in one place.
 */

/** 3-digit place-of-registration codes used in CCCD numbers (Thông tư 59/2021/TT-BCA, the 63 pre-2025 provinces). */
export const CCCD_PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45,
    46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92,
    93, 94, 95, 96,
  ].map((n) => String(n).padStart(3, '0')),
);

export interface CccdParts {
  provinceCode: string;
  century: number;
  sex: 'nam' | 'nu';
  birthYear: number;
  serial: string;
}

/** Parses a 12-digit CCCD / số định danh cá nhân; returns null when it is not one. */
export function parseCccd(value: string): CccdParts | null {
  if (!/^\d{12}$/.test(value)) return null;
  const provinceCode = value.slice(0, 3);
  if (!CCCD_PROVINCE_CODES.has(provinceCode)) return null;
  const centuryDigit = Number(value[3]);
  // 0/1: 20th century, 2/3: 21st, 4/5: 22nd, 6/7: 23rd, 8/9: 24th; even = male, odd = female.
  const century = 1900 + Math.floor(centuryDigit / 2) * 100;
  return {
    provinceCode,
    century,
    sex: centuryDigit % 2 === 0 ? 'nam' : 'nu',
    birthYear: century + Number(value.slice(4, 6)),
    serial: value.slice(6),
  };
}

export const isCccd = (value: string): boolean => parseCccd(value) !== null;

/** Old 9-digit CMND. */
export const isCmnd = (value: string): boolean => /^\d{9}$/.test(value);

/** Builds a CCCD from its parts (for seed generation); the inverse of parseCccd. */
export function makeCccd(provinceCode: string, birthYear: number, sex: 'nam' | 'nu', serial: number): string {
  const centuryIndex = Math.floor((birthYear - 1900) / 100);
  const digit = centuryIndex * 2 + (sex === 'nu' ? 1 : 0);
  return `${provinceCode}${digit}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

const MST_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit of a 10-digit MST from its first 9 digits, or null when the rule yields 10 (never issued). */
export function mstCheckDigit(first9: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += MST_WEIGHTS[i]! * Number(first9[i]);
  const digit = 10 - (sum % 11);
  return digit === 10 ? null : digit;
}

/** Mã số thuế / mã số doanh nghiệp: 10 digits with check digit, or a 13-digit branch `##########-###`. */
export function isMst(value: string): boolean {
  const m = /^(\d{10})(?:-(\d{3}))?$/.exec(value);
  if (!m) return false;
  const head = m[1]!;
  const check = mstCheckDigit(head.slice(0, 9));
  if (check === null || check !== Number(head[9])) return false;
  return m[2] === undefined || m[2] !== '000';
}

/** Completes 9 digits into a valid MST, or null if no valid check digit exists for them. */
export function makeMst(first9: string): string | null {
  const check = mstCheckDigit(first9);
  return check === null ? null : `${first9}${check}`;
}

export const isBhxh = (value: string): boolean => /^\d{10}$/.test(value);

/** Thẻ BHYT: 2 letters (group), 1 digit (benefit level 1-5), 2 digits (province), 10 digits (the BHXH number). */
export const isTheBhyt = (value: string): boolean => /^[A-Z]{2}[1-5]\d{2}\d{10}$/.test(value);

/** Mã định danh cơ quan (QĐ 20/2020/QĐ-TTg), e.g. 000.00.00.H30. */
export const AGENCY_CODE_PATTERN = '^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$';
export const isAgencyCode = (value: string): boolean => new RegExp(AGENCY_CODE_PATTERN).test(value);

/** Checks a yyMMdd (or yyyyMMdd) string is a real calendar date. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Mã hồ sơ: `<mã đơn vị>-<YYMMDD>-<4 digits>`, e.g. 000.00.00.H30-250312-0001. */
export function isMaHoSo(value: string): boolean {
  const m = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4})$/.exec(value);
  if (!m) return false;
  return isCalendarDate(2000 + Number(m[2]), Number(m[3]), Number(m[4]));
}

/** Vietnam keeps one offset all year (ICT, UTC+7): the services print local time and local dates. */
const ICT_OFFSET_MS = 7 * 3600_000;

/** The same instant shifted so that its UTC fields read as Vietnam local time. */
export const inVietnam = (date: Date): Date => new Date(date.getTime() + ICT_OFFSET_MS);

/** The local (ICT) calendar date of an instant, as ISO yyyy-MM-dd. */
export const vietnamDate = (date: Date): string => inVietnam(date).toISOString().slice(0, 10);

export function makeMaHoSo(agencyCode: string, date: Date, sequence: number): string {
  const local = inVietnam(date);
  const yy = String(local.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(local.getUTCDate()).padStart(2, '0');
  return `${agencyCode}-${yy}${mm}${dd}-${String(sequence % 10000).padStart(4, '0')}`;
}

/** dd/MM/yyyy (older services). */
export function isDateDmy(value: string): boolean {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  return !!m && isCalendarDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** yyyyMMdd (VNeID claims, compact dates). */
export function isDateCompact(value: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return !!m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** yyyyMMddHHmmss (DVCQG timestamps). */
export function isTimestampCompact(value: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) return false;
  return isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60;
}

/** yyyyMMddHHmmss in Vietnam local time. */
export function formatTimestampCompact(instant: Date): string {
  const date = inVietnam(instant);
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`
  );
}

/** dd/MM/yyyy of the Vietnam local date. */
export function formatDateDmy(instant: Date): string {
  const date = inVietnam(instant);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(date.getUTCDate())}/${p(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** Vietnamese mobile numbers: 0 + 9 digits, carrier prefixes 3/5/7/8/9. */
export const isPhoneVn = (value: string): boolean => /^0[35789]\d{8}$/.test(value);
