import { defineConnector, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { foldVietnamese } from '../../src/core/text.js';
import { ageOn, isoPlusDays, isoPlusYears } from '../_shared/thoi-gian.js';
import { dmyToIso, found, fromSeed, indexBy, paginate } from '../_shared/wire.js';
import { BHXH_AGENCY, CQ_BHXH, MA_KET_QUA, mucDongHoGiaDinh, type MaDoiTuong, type MaKetQua } from './codes.js';

interface TheBhyt {
  maThe: string;
  maDoiTuong: MaDoiTuong;
  tenDoiTuong: string;
  mucHuong: number;
  gtTheTu: string;
  gtTheDen: string;
  maDKBD: string;
  tenDKBD: string;
  trangThai: 'HIEU_LUC' | 'BAO_GIAM' | 'THU_HOI';
  giaHanHangNam: boolean;
  ngayDu5Nam?: string;
}
interface NguoiThamGia {
  maSoBhxh: string;
  soDinhDanh: string;
  hoTen: string;
  ngaySinh: string;
  gioiTinh: 0 | 1;
  diaChi: string;
  maTinh: string;
  maXa: string;
  maHoGiaDinh: string;
  soDienThoai: string;
  quanHeChuHo: string;
  theBhyt?: TheBhyt;
  quaTrinhThamGia: unknown[];
  tongSoThangDongBhxh: number;
  treEm?: { hoTenMe: string; hoTenCha?: string; capQuaLienThong: boolean; ngayCapThe: string };
}
interface HoGiaDinh {
  maHoGiaDinh: string;
  maSoBhxhChuHo: string;
  hoTenChuHo: string;
  diaChi: string;
  maXa: string;
  thanhVien: string[];
}
interface Seed {
  nguoiThamGia: NguoiThamGia[];
  hoGiaDinh: HoGiaDinh[];
}

const indexes = fromSeed((seed: Seed) => ({
  byBhxh: indexBy(seed.nguoiThamGia, (n) => n.maSoBhxh),
  byCccd: indexBy(seed.nguoiThamGia, (n) => n.soDinhDanh),
  byMaThe: indexBy(seed.nguoiThamGia.filter((n) => n.theBhyt), (n) => n.theBhyt!.maThe),
  byHo: indexBy(seed.hoGiaDinh, (h) => h.maHoGiaDinh),
  treEmByXa: seed.nguoiThamGia.filter((n) => n.treEm).reduce((m, n) => m.set(n.maXa, [...(m.get(n.maXa) ?? []), n]), new Map<string, NguoiThamGia[]>()),
}));

const today = (ctx: OperationContext<Seed>) => ctx.now().toISOString().slice(0, 10);

const isoToDmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * The card as it stands on `on`: a card renewed every year (people still covered) rolls forward in 12-month
 * periods from its seeded dates, so the seed stays current whatever today is; other cards keep their dates.
 */
function theHienTai(n: NguoiThamGia, on: string): TheBhyt | undefined {
  const t = n.theBhyt;
  if (!t?.giaHanHangNam || t.trangThai !== 'HIEU_LUC') return t;
  let tu = dmyToIso(t.gtTheTu);
  let den = dmyToIso(t.gtTheDen);
  while (den < on) {
    tu = isoPlusDays(den, 1);
    den = isoPlusDays(isoPlusYears(tu, 1), -1);
  }
  return { ...t, gtTheTu: isoToDmy(tu), gtTheDen: isoToDmy(den) };
}

/** Valid on `on`: issued, not reported stopped or withdrawn, and `on` within gtTheTu…gtTheDen. */
const conHieuLuc = (t: TheBhyt | undefined, on: string) =>
  !!t && t.trangThai === 'HIEU_LUC' && dmyToIso(t.gtTheTu) <= on && on <= dmyToIso(t.gtTheDen);

/** The card on the wire (the renewal flag stays internal). */
function theXem(t: TheBhyt, on: string) {
  const { giaHanHangNam: _, ...rest } = t;
  return { ...rest, conHieuLuc: conHieuLuc(t, on) };
}

/** Same answer for an unknown number and a wrong name: a lookup must not confirm that a number exists. */
const khongKhop = (field: string, value: string) =>
  new NdxpError('RECORD_NOT_FOUND', {
    field,
    detailVi: 'không có người tham gia khớp số định danh và họ tên đã gửi',
    detailEn: 'no participant matches the identity number and name sent',
    details: { [field]: value },
  });

/** The card check (kiểm tra thẻ): the result code and, when the holder matches, the card. */
function kiemTraThe(ctx: OperationContext<Seed>) {
  const { maThe, hoTen, ngaySinh } = ctx.input as { maThe: string; hoTen: string; ngaySinh: string };
  const idx = indexes(ctx.seed);
  const n = maThe.length === 10 ? idx.byBhxh.get(maThe) : idx.byMaThe.get(maThe) ?? idx.byBhxh.get(maThe.slice(5));
  const ketQua = (ma: MaKetQua, extra: Record<string, unknown> = {}) => ({ maKetQua: ma, ghiChu: MA_KET_QUA[ma], conHieuLuc: false, ...extra });
  if (!n?.theBhyt) return ketQua('050');
  if (foldVietnamese(n.hoTen) !== foldVietnamese(hoTen)) return ketQua('060');
  if (n.ngaySinh !== ngaySinh) return ketQua('070');
  const on = today(ctx);
  let t = theHienTai(n, on)!;
  if (ctx.scenario === 'the-het-han') t = { ...t, gtTheDen: isoToDmy(isoPlusDays(on, -1)) };
  if (ctx.scenario === 'the-bao-giam') t = { ...t, trangThai: 'BAO_GIAM' };
  const the = {
    maThe: t.maThe, maSoBhxh: n.maSoBhxh, hoTen: n.hoTen, ngaySinh: n.ngaySinh, gioiTinh: n.gioiTinh, diaChi: n.diaChi,
    maDKBD: t.maDKBD, tenDKBD: t.tenDKBD, gtTheTu: t.gtTheTu, gtTheDen: t.gtTheDen, mucHuong: t.mucHuong,
    ...(t.ngayDu5Nam ? { ngayDu5Nam: t.ngayDu5Nam } : {}), cqBHXH: CQ_BHXH,
  };
  // An old card number (other group or level) of a person who holds a current card.
  if (maThe.length === 15 && maThe !== t.maThe) return ketQua('003', { ...the, maTheMoi: t.maThe, conHieuLuc: conHieuLuc(t, on) });
  if (t.trangThai === 'THU_HOI') return ketQua('110', the);
  if (t.trangThai === 'BAO_GIAM') return ketQua('120', the);
  if (!conHieuLuc(t, on)) return ketQua('010', the);
  return ketQua('000', { ...the, conHieuLuc: true });
}

function treEmDuoi6(n: NguoiThamGia | undefined, on: string): n is NguoiThamGia & { treEm: NonNullable<NguoiThamGia['treEm']>; theBhyt: TheBhyt } {
  return !!n?.treEm && !!n.theBhyt && ageOn(dmyToIso(n.ngaySinh), on) < 6;
}

const SOAP_NS = 'urn:bhxh:vss:1.0';

export default defineConnector<Seed>({
  id: 'bao-hiem',
  protocol: 'both',
  soap: { path: '/apiBHXH/1.0/soap', namespace: SOAP_NS },
  agencyCode: BHXH_AGENCY,
  seedSchemas: { nguoiThamGia: 'nguoiThamGia.record', hoGiaDinh: 'hoGiaDinh.record' },
  operations: {
    thongTinNguoiThamGia: {
      summary: 'Thông tin người tham gia BHXH, BHYT theo mã số BHXH: đối tượng, thẻ BHYT, quá trình tham gia',
      summaryEn: 'A participant by BHXH number: group, BHYT card, participation history',
      method: 'GET',
      path: '/apiBHXH/1.0/thongTinNguoiThamGia',
      soapAction: 'urn:bhxh#ThongTinNguoiThamGia',
      serves: [0, 1],
      example: { query: { maSoBhxh: '$seed:nguoiThamGia.11.maSoBhxh' } },
      handler: (ctx) => {
        const n = found(indexes(ctx.seed).byBhxh.get(ctx.input.maSoBhxh), 'maSoBhxh', ctx.input.maSoBhxh);
        return {
          maSoBhxh: n.maSoBhxh, soDinhDanh: n.soDinhDanh, hoTen: n.hoTen, ngaySinh: n.ngaySinh, gioiTinh: n.gioiTinh, diaChi: n.diaChi,
          maHoGiaDinh: n.maHoGiaDinh, quanHeChuHo: n.quanHeChuHo,
          ...(n.theBhyt ? { theBhyt: theXem(theHienTai(n, today(ctx))!, today(ctx)) } : {}),
          quaTrinhThamGia: n.quaTrinhThamGia, tongSoThangDongBhxh: n.tongSoThangDongBhxh,
        };
      },
    },
    traCuuMaSoBhxh: {
      summary: 'Tra cứu mã số BHXH theo số định danh cá nhân (CCCD) và họ tên',
      summaryEn: 'Find a BHXH number by personal ID number and name',
      method: 'GET',
      path: '/apiBHXH/1.0/traCuuMaSoBHXH',
      soapAction: 'urn:bhxh#TraCuuMaSoBHXH',
      serves: [0, 1],
      example: { query: { soDinhDanh: '$seed:nguoiThamGia.11.soDinhDanh', hoTen: '$seed:nguoiThamGia.11.hoTen' } },
      handler: (ctx) => {
        const n = indexes(ctx.seed).byCccd.get(ctx.input.soDinhDanh);
        if (!n || foldVietnamese(n.hoTen) !== foldVietnamese(ctx.input.hoTen)) throw khongKhop('soDinhDanh', ctx.input.soDinhDanh);
        return {
          maSoBhxh: n.maSoBhxh, hoTen: n.hoTen, ngaySinh: n.ngaySinh, gioiTinh: n.gioiTinh, maHoGiaDinh: n.maHoGiaDinh,
          coTheBhyt: !!n.theBhyt, conHieuLuc: conHieuLuc(theHienTai(n, today(ctx)), today(ctx)),
        };
      },
    },
    traCuuHoGiaDinh: {
      summary: 'Thông tin hộ gia đình tham gia BHYT: chủ hộ, thành viên, thẻ, mức đóng BHYT hộ gia đình',
      summaryEn: 'A household: head, members, their cards and household BHYT contributions',
      method: 'GET',
      path: '/apiBHXH/1.0/thongTinHoGiaDinh',
      soapAction: 'urn:bhxh#ThongTinHoGiaDinh',
      serves: [1],
      example: { query: { maHoGiaDinh: '$seed:hoGiaDinh.4.maHoGiaDinh' } },
      handler: (ctx) => {
        const idx = indexes(ctx.seed);
        const h = found(idx.byHo.get(ctx.input.maHoGiaDinh), 'maHoGiaDinh', ctx.input.maHoGiaDinh);
        const on = today(ctx);
        let thuTuHgd = 0;
        const thanhVien = h.thanhVien.map((ma) => {
          const n = idx.byBhxh.get(ma)!;
          const t = theHienTai(n, on);
          const hgd = t?.maDoiTuong === 'GD' && conHieuLuc(t, on);
          return {
            maSoBhxh: n.maSoBhxh, hoTen: n.hoTen, ngaySinh: n.ngaySinh, gioiTinh: n.gioiTinh, quanHeChuHo: n.quanHeChuHo,
            ...(t ? { maDoiTuong: t.maDoiTuong, maThe: t.maThe, gtTheDen: t.gtTheDen } : {}),
            conHieuLuc: conHieuLuc(t, on),
            ...(hgd ? { mucDongThang: mucDongHoGiaDinh(++thuTuHgd) } : {}),
          };
        });
        return {
          maHoGiaDinh: h.maHoGiaDinh,
          chuHo: { hoTen: h.hoTenChuHo, maSoBhxh: h.maSoBhxhChuHo },
          diaChi: h.diaChi,
          soThanhVien: thanhVien.length,
          thanhVien,
          tongMucDongThang: thanhVien.reduce((s, m) => s + (m.mucDongThang ?? 0), 0),
        };
      },
    },
    kiemTraTheBhyt: {
      summary: 'Kiểm tra thẻ BHYT: giá trị sử dụng từ/đến, nơi đăng ký KCB ban đầu, mức hưởng (mã kết quả 000, 010, 050…)',
      summaryEn: 'Check a BHYT card: validity dates, primary-care facility, benefit level (result code 000, 010, 050…)',
      method: 'GET',
      path: '/apiBHXH/1.0/kiemTraTheBHYT',
      soapAction: 'urn:bhxh#KiemTraTheBHYT',
      serves: [0, 1],
      example: { query: { maThe: '$seed:nguoiThamGia.11.theBhyt.maThe', hoTen: '$seed:nguoiThamGia.11.hoTen', ngaySinh: '$seed:nguoiThamGia.11.ngaySinh' } },
      handler: kiemTraThe,
    },
    theBhytTreEm: {
      summary: 'Thẻ BHYT của trẻ em dưới 6 tuổi theo số định danh của trẻ (cấp qua liên thông khai sinh hay không)',
      summaryEn: 'The BHYT card of a child under six by the child’s ID number',
      method: 'GET',
      path: '/apiBHXH/1.0/theBHYTTreEm',
      soapAction: 'urn:bhxh#TheBHYTTreEm',
      serves: [1],
      example: { query: { soDinhDanh: '$seed:nguoiThamGia.275.soDinhDanh' } },
      handler: (ctx) => {
        const n = indexes(ctx.seed).byCccd.get(ctx.input.soDinhDanh);
        const on = today(ctx);
        if (!treEmDuoi6(n, on)) {
          throw new NdxpError('RECORD_NOT_FOUND', {
            field: 'soDinhDanh',
            detailVi: 'không có thẻ BHYT trẻ em dưới 6 tuổi cho số định danh này',
            detailEn: 'no child (under six) BHYT card for this ID number',
          });
        }
        const t = n.theBhyt;
        return {
          soDinhDanh: n.soDinhDanh, hoTen: n.hoTen, ngaySinh: n.ngaySinh, gioiTinh: n.gioiTinh, maSoBhxh: n.maSoBhxh,
          maThe: t.maThe, gtTheTu: t.gtTheTu, gtTheDen: t.gtTheDen, maDKBD: t.maDKBD, tenDKBD: t.tenDKBD, mucHuong: 100,
          conHieuLuc: conHieuLuc(t, on), ...n.treEm,
        };
      },
    },
    danhSachTheBhytTreEm: {
      summary: 'Danh sách trẻ em dưới 6 tuổi cư trú tại một xã và thẻ BHYT của trẻ (rà soát bao phủ)',
      summaryEn: 'Children under six living in a commune and their BHYT cards',
      method: 'GET',
      path: '/apiBHXH/1.0/danhSachTheBHYTTreEm',
      soapAction: 'urn:bhxh#DanhSachTheBHYTTreEm',
      serves: [1],
      example: { query: { maXa: '$seed:nguoiThamGia.275.maXa' } },
      handler: (ctx) => {
        const on = today(ctx);
        const rows = (indexes(ctx.seed).treEmByXa.get(ctx.input.maXa) ?? [])
          .filter((n) => treEmDuoi6(n, on))
          .map((n) => ({ soDinhDanh: n.soDinhDanh, hoTen: n.hoTen, ngaySinh: n.ngaySinh, maThe: n.theBhyt!.maThe, gtTheDen: n.theBhyt!.gtTheDen, maDKBD: n.theBhyt!.maDKBD, conHieuLuc: conHieuLuc(n.theBhyt, on) }));
        const p = paginate(rows, ctx.input.trang, ctx.input.soBanGhi);
        return { tongSo: p.TongSo, trang: p.Trang, soBanGhi: p.SoBanGhi, danhSach: p.DanhSach };
      },
    },
    traCuuPhongChongDich: {
      summary: 'Tra cứu theo danh sách số định danh phục vụ phòng, chống dịch: liên hệ, nơi cư trú, thẻ BHYT, nơi KCB ban đầu',
      summaryEn: 'Batch lookup (up to 100 ID numbers) for epidemic prevention: contact, residence, BHYT card, facility',
      method: 'POST',
      path: '/apiBHXH/1.0/traCuuPhongChongDich',
      soapAction: 'urn:bhxh#TraCuuPhongChongDich',
      serves: [0],
      example: {
        body: {
          maYeuCau: 'AGG-PCD-20251105-0001',
          maCanBo: 'CB.SYT.0107',
          mucDich: 'PHONG_CHONG_DICH',
          tenDotDich: 'Sốt xuất huyết Dengue, tháng 11/2025',
          danhSachSoDinhDanh: ['$seed:nguoiThamGia.11.soDinhDanh', '$seed:nguoiThamGia.16.soDinhDanh', '$seed:nguoiThamGia.275.soDinhDanh'],
        },
      },
      handler: (ctx) => {
        const idx = indexes(ctx.seed);
        const on = today(ctx);
        const ketQua = (ctx.input.danhSachSoDinhDanh as string[]).map((soDinhDanh) => {
          const n = idx.byCccd.get(soDinhDanh);
          if (!n) return { soDinhDanh, timThay: false };
          const t = theHienTai(n, on);
          return {
            soDinhDanh, timThay: true, hoTen: n.hoTen, ngaySinh: n.ngaySinh, gioiTinh: n.gioiTinh, maSoBhxh: n.maSoBhxh,
            soDienThoai: n.soDienThoai, diaChi: n.diaChi, maXa: n.maXa,
            ...(t ? { maThe: t.maThe, gtTheDen: t.gtTheDen, maDKBD: t.maDKBD, tenDKBD: t.tenDKBD } : {}),
            conHieuLuc: conHieuLuc(t, on),
          };
        });
        return { maYeuCau: ctx.input.maYeuCau, soLuongYeuCau: ketQua.length, soLuongTimThay: ketQua.filter((k) => k.timThay).length, ketQua };
      },
    },
  },
  scenarios: [
    {
      name: 'the-het-han',
      description: 'Thẻ BHYT đã hết giá trị sử dụng (giá trị đến hôm qua): kiemTraTheBhyt trả maKetQua "010", conHieuLuc = false',
      descriptionEn: 'The BHYT card has expired (valid until yesterday): result code 010',
      effect: { handled: true },
      operations: ['kiemTraTheBhyt'],
      expect: { operation: 'kiemTraTheBhyt', status: 200, body: { maKetQua: '010', conHieuLuc: false } },
    },
    {
      name: 'the-bao-giam',
      description: 'Thẻ BHYT đã bị báo giảm (ngừng tham gia): kiemTraTheBhyt trả maKetQua "120"',
      descriptionEn: 'The card was reported stopped (participation ended): result code 120',
      effect: { handled: true },
      operations: ['kiemTraTheBhyt'],
      expect: { operation: 'kiemTraTheBhyt', status: 200, body: { maKetQua: '120', conHieuLuc: false } },
    },
  ],
});
