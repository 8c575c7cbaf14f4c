import { SCOPE_CLAIMS, type Scope } from '../codes.js';
import type { TaiKhoan } from '../seed.js';

const VALUE: Record<string, (t: TaiKhoan) => string | undefined> = {
  sub: (t) => t.Sub,
  SoDinhDanh: (t) => t.SoDinhDanh,
  HoVaTen: (t) => t.HoVaTen,
  NgayThangNamSinh: (t) => t.NgayThangNamSinh,
  GioiTinh: (t) => t.GioiTinh,
  SoDienThoai: (t) => t.SoDienThoai,
  Email: (t) => t.Email,
};

/** The claims the granted scopes release about the citizen (absent values, e.g. no e-mail, are left out). */
export function claimsFor(account: TaiKhoan, scopes: readonly Scope[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of scopes) {
    for (const name of SCOPE_CLAIMS[s]) {
      const v = VALUE[name]?.(account);
      if (v !== undefined) out[name] = v;
    }
  }
  return out;
}
