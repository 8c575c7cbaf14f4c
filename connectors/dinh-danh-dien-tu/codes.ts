/**
 * Codes of the VNeID connector. The real Hệ thống định danh và xác thực điện tử (Bộ Công an, C06) does not publish its
 * OpenID Connect profile in full; the values below are plausible, consistent and documented in README.md.
 */

/** Bộ Công an, the same mã định danh the dân cư connector uses (QĐ 20/2020 format; plausible value). */
export const VNEID_AGENCY = '000.00.00.G01';

/** Where the OpenID Connect provider lives under the gateway: the issuer is `<origin>/vneid/oidc`. */
export const OIDC_BASE_PATH = '/vneid/oidc';

/** Mức độ tài khoản định danh điện tử (Nghị định 69/2024/NĐ-CP): mức 1 (đăng ký trên ứng dụng), mức 2 (tại cơ quan công an). */
export const MUC_DO = {
  '1': { acr: 'LoA1', label: 'Tài khoản định danh điện tử mức độ 1', labelEn: 'Level 1 electronic identity account' },
  '2': { acr: 'LoA2', label: 'Tài khoản định danh điện tử mức độ 2', labelEn: 'Level 2 electronic identity account' },
} as const;
export type MucDo = keyof typeof MUC_DO;
export const ACR_VALUES = ['LoA1', 'LoA2'] as const;
export type Acr = (typeof ACR_VALUES)[number];
export const acrOf = (mucDo: MucDo): Acr => MUC_DO[mucDo].acr;

export const TRANG_THAI_TAI_KHOAN = {
  HOAT_DONG: 'Đã kích hoạt, đang hoạt động',
  TAM_KHOA: 'Tạm khóa',
  CHUA_KICH_HOAT: 'Đã đăng ký, chưa kích hoạt',
} as const;
export type TrangThaiTaiKhoan = keyof typeof TRANG_THAI_TAI_KHOAN;

/** Scopes and the claims each releases (invented split; `openid` already names the citizen, as TTHC systems need). */
export const SCOPE_CLAIMS = {
  openid: ['sub', 'SoDinhDanh'],
  profile: ['HoVaTen', 'NgayThangNamSinh', 'GioiTinh'],
  phone: ['SoDienThoai'],
  email: ['Email'],
} as const;
export type Scope = keyof typeof SCOPE_CLAIMS;
export const SCOPES = Object.keys(SCOPE_CLAIMS) as Scope[];

/** Lifetimes (real time: logins are interactive, CLOCK_FACTOR does not apply). */
export const TTL = {
  authorizationRequestMs: 10 * 60_000,
  codeMs: 5 * 60_000,
  accessTokenSec: 3600,
  idTokenSec: 3600,
  sessionMs: 8 * 3600_000,
} as const;

export const SESSION_COOKIE = 'VNEID_SID';
