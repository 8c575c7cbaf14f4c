import { defineConnector, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { formatTimestampCompact } from '../../src/core/identifiers.js';
import { foldVietnamese } from '../../src/core/text.js';
import type { WireAddress } from '../_shared/wire.js';
import { fromSeed, indexBy } from '../_shared/wire.js';
import {
  DAN_CU_AGENCY, MUC_DICH, TRANG_THAI_DU_LIEU, TRUONG_CONG_DAN, TRUONG_LUON_TRA, type TruongCongDan,
} from './codes.js';

interface CongDan {
  SoDinhDanh: string;
  SoCMND?: string;
  HoVaTen: string;
  NgayThangNamSinh: string;
  GioiTinh: '1' | '2';
  NoiThuongTru: WireAddress;
  ChuHo: { HoVaTen: string; QuanHe: string };
  MaHoGiaDinh: string;
  [k: string]: unknown;
}
interface Seed {
  congDan: CongDan[];
}

const indexes = fromSeed((seed: Seed) => {
  const households = new Map<string, CongDan[]>();
  for (const c of seed.congDan) households.set(c.MaHoGiaDinh, [...(households.get(c.MaHoGiaDinh) ?? []), c]);
  return { bySoDinhDanh: indexBy(seed.congDan, (c) => c.SoDinhDanh), households };
});

/** The audit fields every call carries, echoed or logged (the central side audits who read what, and why). */
const AUDIT_EXAMPLE = {
  MaYeuCau: 'AGG-20251105-000123',
  MaDVC: '1.001612',
  MaTichHop: 'TTHC-AN-GIANG',
  MaCanBo: 'CB.STP.0042',
};

// A member (not the head) of a three-person household: thanhVienHoGiaDinh then lists several members, which over
// SOAP arrive as repeated elements (a one-member list would be a lone element, indistinguishable from an object).
const IDENT_EXAMPLE = {
  SoDinhDanh: '$seed:congDan.3.SoDinhDanh',
  HoVaTen: '$seed:congDan.3.HoVaTen',
  NgayThangNam: '$seed:congDan.3.NgayThangNamSinh',
};

const notFound = (soDinhDanh: string) =>
  new NdxpError('RECORD_NOT_FOUND', {
    field: 'SoDinhDanh',
    // The same answer for "unknown number" and "name/date do not match": a lookup must not confirm a number exists.
    detailVi: 'không có công dân khớp số định danh, họ tên và ngày sinh đã gửi',
    detailEn: 'no citizen matches the identity number, name and date of birth sent',
    details: { SoDinhDanh: soDinhDanh },
  });

/** The citizen whose number, name (diacritic-insensitive) and date of birth all match, or RECORD_NOT_FOUND. */
function findCitizen(seed: Seed, input: Record<string, any>): CongDan {
  const c = indexes(seed).bySoDinhDanh.get(input.SoDinhDanh);
  if (!c || foldVietnamese(c.HoVaTen) !== foldVietnamese(input.HoVaTen) || c.NgayThangNamSinh !== input.NgayThangNam) {
    throw notFound(input.SoDinhDanh);
  }
  return c;
}

/** The fields the purpose allows, narrowed to the requested ones; asking for more is PURPOSE_FORBIDDEN. */
function allowedFields(mucDich: string, requested: string[] | undefined): TruongCongDan[] {
  const allowed = new Set(MUC_DICH[mucDich]!.truong);
  if (!requested) return TRUONG_CONG_DAN.filter((t) => allowed.has(t));
  const forbidden = requested.filter((t) => !allowed.has(t as TruongCongDan));
  if (forbidden.length) {
    throw new NdxpError('PURPOSE_FORBIDDEN', {
      field: 'TruongDuLieu',
      detailVi: `mục đích ${mucDich} không được khai thác ${forbidden.join(', ')}`,
      detailEn: `purpose ${mucDich} may not read ${forbidden.join(', ')}`,
      details: { MucDich: mucDich, khongDuocPhep: forbidden, duocPhep: [...allowed] },
    });
  }
  const wanted = new Set<string>([...TRUONG_LUON_TRA, ...requested]);
  return TRUONG_CONG_DAN.filter((t) => wanted.has(t));
}

const head = (ctx: OperationContext<Seed>) => ({
  MaYeuCau: ctx.input.MaYeuCau as string,
  ThoiGianPhanHoi: formatTimestampCompact(ctx.now()),
});

export default defineConnector<Seed>({
  id: 'dan-cu',
  protocol: 'both',
  soap: { path: '/csdlqgdc/1.0/soap', namespace: 'urn:csdlqgdc:1.0' },
  agencyCode: DAN_CU_AGENCY,
  seedSchemas: { congDan: 'congDan.record' },
  operations: {
    traCuuCongDan: {
      summary: 'Tra cứu thông tin công dân theo số định danh, họ tên, ngày sinh; chỉ trả các trường mục đích khai thác cho phép',
      summaryEn: 'Look up a citizen by ID number, name and date of birth; only the fields the stated purpose allows',
      method: 'POST',
      path: '/csdlqgdc/1.0/traCuuCongDan',
      soapAction: 'urn:csdlqgdc#TraCuuThongTinCongDan',
      serves: [0],
      example: { body: { ...AUDIT_EXAMPLE, MucDich: 'TU_DONG_DIEN_BIEU_MAU', ...IDENT_EXAMPLE } },
      handler: (ctx) => {
        const { input, seed } = ctx;
        // The purpose check comes first: a forbidden request is refused whether or not the citizen exists.
        const fields = allowedFields(input.MucDich, input.TruongDuLieu);
        const c = findCitizen(seed, input);
        const congDan: Record<string, unknown> = {};
        for (const f of fields) if (c[f] !== undefined) congDan[f] = c[f];
        const chuaDongBo = ctx.scenario === 'thong-tin-chua-dong-bo';
        return {
          ...head(ctx),
          MucDich: input.MucDich,
          TrangThaiDuLieu: chuaDongBo ? '2' : '1',
          ...(chuaDongBo ? { GhiChu: TRANG_THAI_DU_LIEU['2'] } : {}),
          CongDan: congDan,
        };
      },
    },
    xacThucCongDan: {
      summary: 'Xác thực thông tin công dân (khớp/không khớp từng trường), không trả dữ liệu cá nhân',
      summaryEn: 'Verify a citizen’s identity data (match per field) without revealing any data',
      method: 'POST',
      path: '/csdlqgdc/1.0/xacThucCongDan',
      soapAction: 'urn:csdlqgdc#XacThucThongTinCongDan',
      serves: [0],
      example: { body: { ...AUDIT_EXAMPLE, MucDich: 'XAC_MINH_DANH_TINH', ...IDENT_EXAMPLE, GioiTinh: '$seed:congDan.3.GioiTinh' } },
      handler: (ctx) => {
        const { input, seed } = ctx;
        const c = indexes(seed).bySoDinhDanh.get(input.SoDinhDanh);
        const chiTiet = [
          { Truong: 'SoDinhDanh', Khop: !!c },
          { Truong: 'HoVaTen', Khop: !!c && foldVietnamese(c.HoVaTen) === foldVietnamese(input.HoVaTen) },
          { Truong: 'NgayThangNam', Khop: !!c && c.NgayThangNamSinh === input.NgayThangNam },
          ...(input.GioiTinh !== undefined ? [{ Truong: 'GioiTinh', Khop: !!c && c.GioiTinh === input.GioiTinh }] : []),
        ];
        return { ...head(ctx), KetQua: chiTiet.every((t) => t.Khop), ChiTiet: chiTiet };
      },
    },
    thanhVienHoGiaDinh: {
      summary: 'Danh sách thành viên hộ gia đình của công dân (thay thế sổ hộ khẩu), theo mục đích khai thác',
      summaryEn: 'Members of a citizen’s household (instead of the household book), purpose-gated',
      method: 'POST',
      path: '/csdlqgdc/1.0/thanhVienHoGiaDinh',
      soapAction: 'urn:csdlqgdc#TraCuuThanhVienHoGiaDinh',
      serves: [0],
      example: { body: { ...AUDIT_EXAMPLE, MucDich: 'THAY_THE_SO_HO_KHAU', ...IDENT_EXAMPLE } },
      handler: (ctx) => {
        const { input, seed } = ctx;
        if (!MUC_DICH[input.MucDich]!.hoGiaDinh) {
          const allowed = Object.entries(MUC_DICH).filter(([, m]) => m.hoGiaDinh).map(([k]) => k);
          throw new NdxpError('PURPOSE_FORBIDDEN', {
            field: 'MucDich',
            detailVi: `mục đích ${input.MucDich} không được khai thác thông tin hộ gia đình (cho phép: ${allowed.join(', ')})`,
            detailEn: `purpose ${input.MucDich} may not read household data (allowed: ${allowed.join(', ')})`,
          });
        }
        const c = findCitizen(seed, input);
        const members = indexes(seed).households.get(c.MaHoGiaDinh) ?? [c];
        const chuHo = members.find((m) => m.ChuHo.QuanHe === 'Chủ hộ') ?? c;
        return {
          ...head(ctx),
          MucDich: input.MucDich,
          MaHoGiaDinh: c.MaHoGiaDinh,
          ChuHo: { SoDinhDanh: chuHo.SoDinhDanh, HoVaTen: chuHo.HoVaTen },
          NoiThuongTru: chuHo.NoiThuongTru,
          SoThanhVien: members.length,
          DanhSachThanhVien: members.map((m) => ({
            SoDinhDanh: m.SoDinhDanh,
            HoVaTen: m.HoVaTen,
            NgayThangNamSinh: m.NgayThangNamSinh,
            GioiTinh: m.GioiTinh,
            QuanHeVoiChuHo: m.ChuHo.QuanHe,
          })),
        };
      },
    },
  },
  scenarios: [
    {
      name: 'thong-tin-chua-dong-bo',
      description:
        'Bản ghi công dân có nhưng chưa được đồng bộ, xác thực đầy đủ (ví dụ: địa chỉ chưa cập nhật sau sắp xếp đơn vị hành chính): trả 200 với TrangThaiDuLieu = "2"',
      descriptionEn: 'The record exists but is not fully synchronised/verified yet: 200 with TrangThaiDuLieu "2"',
      effect: { handled: true },
      operations: ['traCuuCongDan'],
      expect: { operation: 'traCuuCongDan', status: 200, body: { TrangThaiDuLieu: '2' } },
    },
  ],
});
