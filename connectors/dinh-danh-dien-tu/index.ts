import { defineConnector } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { paginate } from '../_shared/wire.js';
import { accounts, canLogIn, searchAccounts, tenTrangThai, type Seed } from './accounts.js';
import { ACR_VALUES, acrOf, MUC_DO, OIDC_BASE_PATH, SCOPES, VNEID_AGENCY } from './codes.js';
import { CLAIMS_SUPPORTED, discoveryDocument, issuerOf } from './oidc/metadata.js';
import { oidcProvider } from './oidc/provider.js';
import type { TaiKhoan } from './seed.js';

const sameName = (a: string, b: string) => a.toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim() === b.toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

type MaKetQua = 'HOP_LE' | 'KHONG_CO_TAI_KHOAN' | 'SAI_THONG_TIN' | 'CHUA_DAT_MUC_DO' | 'TAI_KHOAN_TAM_KHOA' | 'CHUA_KICH_HOAT';
const THONG_DIEP: Record<MaKetQua, string> = {
  HOP_LE: 'Công dân có tài khoản định danh điện tử hợp lệ, đúng thông tin nhân thân',
  KHONG_CO_TAI_KHOAN: 'Công dân chưa có tài khoản định danh điện tử',
  SAI_THONG_TIN: 'Họ tên hoặc ngày sinh không khớp với tài khoản định danh điện tử',
  CHUA_DAT_MUC_DO: 'Tài khoản định danh điện tử chưa đạt mức độ yêu cầu',
  TAI_KHOAN_TAM_KHOA: 'Tài khoản định danh điện tử đang bị tạm khóa',
  CHUA_KICH_HOAT: 'Tài khoản định danh điện tử đã đăng ký nhưng chưa kích hoạt',
};

/** The verification verdict, first failing check wins (status before identity before level). */
function verdict(t: TaiKhoan | undefined, input: { HoVaTen: string; NgayThangNamSinh: string; MucDoYeuCau?: string }): MaKetQua {
  if (!t) return 'KHONG_CO_TAI_KHOAN';
  if (t.TrangThaiTaiKhoan === 'TAM_KHOA') return 'TAI_KHOAN_TAM_KHOA';
  if (t.TrangThaiTaiKhoan === 'CHUA_KICH_HOAT') return 'CHUA_KICH_HOAT';
  if (!sameName(t.HoVaTen, input.HoVaTen) || t.NgayThangNamSinh !== input.NgayThangNamSinh) return 'SAI_THONG_TIN';
  if (input.MucDoYeuCau && t.MucDoDinhDanh < input.MucDoYeuCau) return 'CHUA_DAT_MUC_DO';
  return 'HOP_LE';
}

export default defineConnector<Seed>({
  id: 'dinh-danh-dien-tu',
  protocol: 'rest',
  agencyCode: VNEID_AGENCY,
  seedSchemas: { taiKhoan: 'taiKhoan.record' },
  routes: { basePath: OIDC_BASE_PATH, build: oidcProvider },
  operations: {
    cauHinhDangNhap: {
      summary: 'Thông tin tích hợp đăng nhập một lần bằng VNeID (OpenID Connect) cho hệ thống của tỉnh',
      summaryEn: 'VNeID single sign-on (OpenID Connect) integration settings for the province’s system',
      method: 'GET',
      path: '/vneid/1.0/cauHinhDangNhap',
      serves: [0],
      example: { query: {} },
      handler: ({ headers, client }) => {
        const d = discoveryDocument(issuerOf(headers, OIDC_BASE_PATH));
        return {
          Issuer: d.issuer,
          DiscoveryUrl: `${d.issuer}/.well-known/openid-configuration`,
          AuthorizationEndpoint: d.authorization_endpoint,
          TokenEndpoint: d.token_endpoint,
          UserinfoEndpoint: d.userinfo_endpoint,
          JwksUri: d.jwks_uri,
          EndSessionEndpoint: d.end_session_endpoint,
          RegistrationEndpoint: d.registration_endpoint,
          IntrospectionEndpoint: d.introspection_endpoint,
          ScopesSupported: SCOPES,
          AcrValuesSupported: [...ACR_VALUES],
          ClaimsSupported: CLAIMS_SUPPORTED,
          CodeChallengeMethods: ['S256'],
          ClientId: client.id,
          RedirectUriLoopback: client.sandbox,
          HuongDan: client.sandbox
            ? 'Dùng client_id/secret của nền tảng với redirect_uri trên localhost/127.0.0.1, hoặc đăng ký ứng dụng tại RegistrationEndpoint (Bearer token của nền tảng). Bắt buộc PKCE S256. Đăng nhập tự động: login_hint=<số định danh của tài khoản thử nghiệm>.'
            : 'Đăng ký ứng dụng tại RegistrationEndpoint (Bearer token của nền tảng) với các redirect_uri https của hệ thống; bắt buộc PKCE S256.',
        };
      },
    },
    taiKhoanThuNghiem: {
      summary: 'Danh sách tài khoản định danh điện tử thử nghiệm (sandbox) dùng để đăng nhập, lọc theo tên, mức độ, trạng thái',
      summaryEn: 'Sandbox test accounts to log in with, filtered by name, level and status',
      method: 'GET',
      path: '/vneid/1.0/taiKhoanThuNghiem',
      serves: [0],
      example: { query: { mucDo: '2', soBanGhi: '10' } },
      handler: ({ input, seed, client }) => {
        if (!client.sandbox) {
          throw new NdxpError('SCOPE_FORBIDDEN', { detailVi: 'chỉ có trong môi trường thử nghiệm', detailEn: 'sandbox clients only' });
        }
        const list = searchAccounts(seed, { ten: input.ten, mucDo: input.mucDo, trangThai: input.trangThai }).map((t) => ({
          SoDinhDanh: t.SoDinhDanh,
          HoVaTen: t.HoVaTen,
          NgayThangNamSinh: t.NgayThangNamSinh,
          GioiTinh: t.GioiTinh,
          MucDoDinhDanh: t.MucDoDinhDanh,
          Acr: acrOf(t.MucDoDinhDanh),
          TrangThaiTaiKhoan: t.TrangThaiTaiKhoan,
          TenTrangThai: tenTrangThai(t),
          DangNhapDuoc: canLogIn(t),
        }));
        return paginate(list, input.trang, input.soBanGhi);
      },
    },
    xacThucTaiKhoan: {
      summary: 'Xác thực công dân có tài khoản định danh điện tử đang hoạt động, đúng họ tên, ngày sinh và đạt mức độ yêu cầu',
      summaryEn: 'Verify a citizen holds an active electronic identity account matching name, birth date and level',
      method: 'POST',
      path: '/vneid/1.0/xacThucTaiKhoan',
      serves: [0],
      example: {
        body: {
          SoDinhDanh: '$seed:taiKhoan.0.SoDinhDanh',
          HoVaTen: '$seed:taiKhoan.0.HoVaTen',
          NgayThangNamSinh: '$seed:taiKhoan.0.NgayThangNamSinh',
          MucDoYeuCau: '2',
          MaYeuCau: 'TTHC-AG-20251101-000001',
        },
      },
      handler: ({ input, seed, scenario }) => {
        const found = accounts(seed).bySoDinhDanh.get(input.SoDinhDanh);
        // Scenarios bend the account the central side reports, not the request.
        const t: TaiKhoan | undefined =
          found && scenario === 'tai-khoan-bi-khoa' ? { ...found, TrangThaiTaiKhoan: 'TAM_KHOA' }
            : found && scenario === 'chua-dat-muc-2' ? { ...found, MucDoDinhDanh: '1' }
              : found;
        const ma = verdict(t, input as { HoVaTen: string; NgayThangNamSinh: string; MucDoYeuCau?: string });
        return {
          MaYeuCau: input.MaYeuCau,
          SoDinhDanh: input.SoDinhDanh,
          CoTaiKhoan: !!t,
          KetQuaXacThuc: ma === 'HOP_LE',
          MaKetQua: ma,
          ...(t && ma !== 'SAI_THONG_TIN'
            ? { MucDoDinhDanh: t.MucDoDinhDanh, TrangThaiTaiKhoan: t.TrangThaiTaiKhoan, TenTrangThai: tenTrangThai(t) }
            : {}),
          ThongDiep: ma === 'CHUA_DAT_MUC_DO' && t ? `${THONG_DIEP[ma]} (hiện tại: ${MUC_DO[t.MucDoDinhDanh].label.toLowerCase()})` : THONG_DIEP[ma],
        };
      },
    },
  },
  scenarios: [
    {
      name: 'tai-khoan-bi-khoa',
      description: 'Tài khoản định danh điện tử của công dân đang bị tạm khóa: xác thực trả KetQuaXacThuc=false, MaKetQua TAI_KHOAN_TAM_KHOA',
      descriptionEn: 'The citizen’s account is locked: verification answers false with TAI_KHOAN_TAM_KHOA',
      effect: { handled: true },
      operations: ['xacThucTaiKhoan'],
      expect: { operation: 'xacThucTaiKhoan', status: 200, body: { KetQuaXacThuc: false, MaKetQua: 'TAI_KHOAN_TAM_KHOA', TrangThaiTaiKhoan: 'TAM_KHOA' } },
    },
    {
      name: 'chua-dat-muc-2',
      description: 'Tài khoản chỉ đạt mức độ 1 trong khi dịch vụ công yêu cầu mức độ 2: MaKetQua CHUA_DAT_MUC_DO',
      descriptionEn: 'The account is only level 1 while the service needs level 2: CHUA_DAT_MUC_DO',
      effect: { handled: true },
      operations: ['xacThucTaiKhoan'],
      expect: { operation: 'xacThucTaiKhoan', status: 200, body: { KetQuaXacThuc: false, MaKetQua: 'CHUA_DAT_MUC_DO', MucDoDinhDanh: '1' } },
    },
  ],
});
