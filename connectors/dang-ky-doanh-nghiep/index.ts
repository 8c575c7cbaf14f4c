import { defineConnector } from '../../src/core/connector.js';
import { foldVietnamese } from '../../src/core/text.js';
import { dmyToIso, found, fromSeed, indexBy, paginate } from '../_shared/wire.js';

interface MainInformation {
  MSDN: string;
  TenTiengViet: string;
  TenNuocNgoai: string;
  TenVietTat: string;
  NgayThanhLap: string;
  TinhTrangHoatDong: string;
  DiaChiTruSo: { MaTinh: string; DiaChiDayDu: string };
  [k: string]: unknown;
}
interface Seed {
  doanhNghiep: Array<{ MainInformation: MainInformation; DanhSachChiNhanh: unknown[] }>;
  hoSoDangKy: Array<{ MaHoSo: string }>;
}

const indexes = fromSeed((seed: Seed) => ({
  byMsdn: indexBy(seed.doanhNghiep, (d) => d.MainInformation.MSDN),
  byMaHoSo: indexBy(seed.hoSoDangKy, (h) => h.MaHoSo),
  // Folded names once, so a search is a substring scan over plain ASCII.
  folded: seed.doanhNghiep.map((d) => ({
    d,
    key: foldVietnamese(`${d.MainInformation.TenTiengViet} ${d.MainInformation.TenNuocNgoai} ${d.MainInformation.TenVietTat}`),
  })),
}));

const tomTat = (m: MainInformation) => ({
  MSDN: m.MSDN,
  TenTiengViet: m.TenTiengViet,
  TinhTrangHoatDong: m.TinhTrangHoatDong,
  DiaChiTruSo: m.DiaChiTruSo.DiaChiDayDu,
  NgayThanhLap: m.NgayThanhLap,
});

export default defineConnector<Seed>({
  id: 'dang-ky-doanh-nghiep',
  protocol: 'rest',
  agencyCode: '000.00.00.G06',
  seedSchemas: { doanhNghiep: 'doanhNghiep.record', hoSoDangKy: 'hoSoDangKy.record' },
  operations: {
    chiTietDoanhNghiep: {
      summary: 'Tra cứu thông tin Giấy chứng nhận đăng ký doanh nghiệp theo mã số doanh nghiệp',
      summaryEn: 'Company registration details by enterprise code',
      method: 'GET',
      path: '/apiCSDLDKDN/1.0/chiTietDoanhNghiep',
      serves: [0],
      example: { query: { msdn: '$seed:doanhNghiep.0.MainInformation.MSDN' } },
      handler: ({ input, seed }) => {
        const d = found(indexes(seed).byMsdn.get(input.msdn), 'msdn', input.msdn);
        return { MainInformation: d.MainInformation };
      },
    },
    timKiemDoanhNghiep: {
      summary: 'Tìm doanh nghiệp theo tên (không phân biệt dấu), lọc theo tỉnh',
      summaryEn: 'Search companies by name (diacritic-insensitive)',
      method: 'GET',
      path: '/apiCSDLDKDN/1.0/timKiemDoanhNghiep',
      serves: [0, 1],
      example: { query: { ten: 'thuy san', maTinh: '91' } },
      handler: ({ input, seed }) => {
        const needle = foldVietnamese(input.ten);
        const hits = indexes(seed)
          .folded.filter(({ d, key }) => key.includes(needle) && (!input.maTinh || d.MainInformation.DiaChiTruSo.MaTinh === input.maTinh))
          .map(({ d }) => tomTat(d.MainInformation));
        return paginate(hits, input.trang, input.soBanGhi);
      },
    },
    danhSachChiNhanh: {
      summary: 'Danh sách chi nhánh, đơn vị phụ thuộc của doanh nghiệp',
      summaryEn: 'Branches of a company',
      method: 'GET',
      path: '/apiCSDLDKDN/1.0/danhSachChiNhanh',
      serves: [0],
      example: { query: { msdn: '$seed:doanhNghiep.0.MainInformation.MSDN' } },
      handler: ({ input, seed }) => {
        const d = found(indexes(seed).byMsdn.get(input.msdn), 'msdn', input.msdn);
        return { MSDN: d.MainInformation.MSDN, TenTiengViet: d.MainInformation.TenTiengViet, DanhSachChiNhanh: d.DanhSachChiNhanh };
      },
    },
    doanhNghiepTrenDiaBan: {
      summary: 'Danh sách doanh nghiệp đăng ký trên địa bàn tỉnh (lọc theo ngày thành lập, tình trạng)',
      summaryEn: 'Companies registered in a province',
      method: 'GET',
      path: '/apiCSDLDKDN/1.0/doanhNghiepTrenDiaBan',
      serves: [1],
      example: { query: { maTinh: '91', tuNgay: '01/01/2020', soBanGhi: '10' } },
      handler: ({ input, seed }) => {
        const from = input.tuNgay ? dmyToIso(input.tuNgay) : '0000';
        const to = input.denNgay ? dmyToIso(input.denNgay) : '9999';
        const hits = seed.doanhNghiep
          .map((d) => d.MainInformation)
          .filter((m) => m.DiaChiTruSo.MaTinh === input.maTinh)
          .filter((m) => {
            const iso = dmyToIso(m.NgayThanhLap);
            return iso >= from && iso <= to && (!input.tinhTrang || m.TinhTrangHoatDong === input.tinhTrang);
          })
          .map(tomTat);
        return paginate(hits, input.trang, input.soBanGhi);
      },
    },
    trangThaiHoSoDangKy: {
      summary: 'Trạng thái xử lý, trả kết quả hồ sơ đăng ký doanh nghiệp trên địa bàn',
      summaryEn: 'Processing status of a business registration dossier',
      method: 'GET',
      path: '/apiCSDLDKDN/1.0/trangThaiHoSoDangKy',
      serves: [1],
      example: { query: { maHoSo: '$seed:hoSoDangKy.0.MaHoSo' } },
      handler: ({ input, seed }) => found(indexes(seed).byMaHoSo.get(input.maHoSo), 'maHoSo', input.maHoSo),
    },
  },
});
