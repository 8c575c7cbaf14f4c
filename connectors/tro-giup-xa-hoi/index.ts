import { defineConnector, reply, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { formatDateDmy } from '../../src/core/identifiers.js';
import { defineLifecycle } from '../../src/core/lifecycle.js';
import { maDinhDanhUbndXa } from '../_shared/don-vi-hanh-chinh.js';
import { pickBy } from '../_shared/hash.js';
import { dossierKit, ts, type HoSoView, type SeededDossier } from '../_shared/ho-so-lien-thong.js';
import { acceptPush, pushByReceipt, type StoredPush } from '../_shared/push-receipt.js';
import { addWorkingDays } from '../_shared/thoi-gian.js';
import { found, paginate } from '../_shared/wire.js';
import {
  LOAI_HO_SO, LY_DO_KHONG_DU_DIEU_KIEN, tenTrangThai, TGXH_AGENCY, TRANG_THAI, YEU_CAU_BO_SUNG, type TrangThai,
} from './codes.js';
import { csdlHienTai, mucTheoNhom, type CapNhatDoiTuong, type DoiTuongBtxh } from './csdl.js';
import { buildQuyetDinh, coQuanTiepNhan, type DuLieuHoSoTroCap, type QuyetDinh, type YeuCauTroCap } from './ho-so.js';
import { chuaHuong, checkIdentity, dangHuong, kiemTraNhom, kiemTraXa } from './kiem-tra.js';

interface HoSoSeed extends SeededDossier<DuLieuHoSoTroCap> {
  TrangThai: TrangThai;
  YeuCauBoSung?: { NoiDung: string; ThoiGianYeuCau: string; HanBoSung: string };
  ThongBaoKhongDuDieuKien?: { LyDo: string; ThoiGian: string };
  QuyetDinh?: QuyetDinh;
}
interface Seed {
  hoSoTroCap: HoSoSeed[];
  doiTuong: DoiTuongBtxh[];
  lichSuCapNhat: Array<StoredPush<CapNhatDoiTuong>>;
}

const khongTimThay = (maHoSo: string, field: string) => new NdxpError('RECORD_NOT_FOUND', { field, detailVi: `${field}=${maHoSo}`, detailEn: `${field}=${maHoSo}` });

const kit = dossierKit<DuLieuHoSoTroCap, Seed>({
  lifecycle: 'troCap',
  tenTrangThai,
  seeded: (seed) => seed.hoSoTroCap,
  notFound: khongTimThay,
  outputs: { '4': 'YeuCauBoSung', '6': 'ThongBaoKhongDuDieuKien', '5': 'QuyetDinh' },
  loaiHoSo: (du) => du.LoaiHoSo,
});

/**
 * The commune's handling of a claim (Nghị định 20/2021/NĐ-CP, Điều 7): received (1) → reviewed by the council (2) →
 * result publicly posted (3) → the chairman's decision (5). The council may ask for documents (4, scenario bo-sung) or
 * find the person not eligible (6, scenario khong-du-dieu-kien; or after a complaint during posting, co-khieu-nai).
 * The province may supplement (4 → 2) or withdraw (→ 7). Durations are simulated (divided by CLOCK_FACTOR).
 */
export const troCapLifecycle = defineLifecycle<TrangThai>({
  statusField: 'TrangThai',
  initial: '1',
  states: {
    '1': { ...TRANG_THAI['1'] },
    '2': { ...TRANG_THAI['2'] },
    '3': { ...TRANG_THAI['3'] },
    '4': { ...TRANG_THAI['4'] },
    '5': { ...TRANG_THAI['5'], terminal: true },
    '6': { ...TRANG_THAI['6'], terminal: true },
    '7': { ...TRANG_THAI['7'], terminal: true },
  },
  moves: { '1': ['2', '7'], '2': ['3', '4', '6', '7'], '3': ['5', '6', '7'], '4': ['2', '7'] },
  auto: { '1': { to: '2', afterMs: 5 * 60_000 }, '2': { to: '3', afterMs: 15 * 60_000 }, '3': { to: '5', afterMs: 20 * 60_000 } },
  scenarios: {
    'bo-sung': { '2': { to: '4', afterMs: 10 * 60_000, firstVisitOnly: true } },
    'khong-du-dieu-kien': { '2': { to: '6', afterMs: 10 * 60_000 } },
    'co-khieu-nai': { '3': { to: '6', afterMs: 10 * 60_000 } },
  },
  provinceMoves: ['2', '7'],
  onEnter: {
    '4': ({ data, at }) => ({
      YeuCauBoSung: { NoiDung: YEU_CAU_BO_SUNG[(data as unknown as DuLieuHoSoTroCap).LoaiHoSo], ThoiGianYeuCau: ts(at), HanBoSung: formatDateDmy(addWorkingDays(at, 5)) },
    }),
    '6': ({ maHoSo, at }) => ({ ThongBaoKhongDuDieuKien: { LyDo: pickBy(LY_DO_KHONG_DU_DIEU_KIEN, maHoSo), ThoiGian: ts(at) } }),
    '5': ({ maHoSo, data, at }) => ({ QuyetDinh: buildQuyetDinh({ maHoSo, du: data as unknown as DuLieuHoSoTroCap, at }) }),
  },
});

type KetQua = Pick<HoSoSeed, 'YeuCauBoSung' | 'ThongBaoKhongDuDieuKien' | 'QuyetDinh'>;

/** What the central side produced, shown only in the state it belongs to. */
const theoTrangThai = (v: HoSoView<DuLieuHoSoTroCap>) => kit.shown(v) as KetQua;

const maHoSoTinh = (v: HoSoView<DuLieuHoSoTroCap>) => (v.du.YeuCau.MaHoSoTinh ? { MaHoSoTinh: v.du.YeuCau.MaHoSoTinh } : {});

const bienNhan = (v: HoSoView<DuLieuHoSoTroCap>) => ({
  MaHoSo: v.MaHoSo,
  ...maHoSoTinh(v),
  LoaiHoSo: v.du.LoaiHoSo,
  TenThuTuc: LOAI_HO_SO[v.du.LoaiHoSo].ten,
  MaTTHC: LOAI_HO_SO[v.du.LoaiHoSo].maTTHC,
  TrangThai: v.TrangThai,
  TenTrangThai: tenTrangThai(v.TrangThai),
  MaCoQuan: v.du.MaCoQuan,
  CoQuanTiepNhan: v.du.CoQuanTiepNhan,
  ThoiGianTiepNhan: v.du.ThoiGianTiepNhan,
  NgayHenTra: v.du.NgayHenTra,
});

/** The database as of now: seed, then the decisions of the province's live dossiers and its pushed updates. */
const csdl = (ctx: OperationContext<Seed>) =>
  csdlHienTai(ctx, {
    seeded: (seed) => seed.doiTuong,
    decisions: async (c) =>
      (await c.dossiers.list(0, 1000)).items
        .filter((d) => d.status === '5' && d.result?.QuyetDinh)
        .map((d) => ({ view: kit.fromLive(d), qd: d.result!.QuyetDinh as QuyetDinh })),
    pushes: async (c) => (await c.records.list<StoredPush<CapNhatDoiTuong>>(CAP_NHAT, 0, 10_000)).items,
  });

const CAP_NHAT = 'capNhatDoiTuong';

async function guiHoSo(ctx: OperationContext<Seed>) {
  const y = ctx.input as YeuCauTroCap;
  const today = ctx.now().toISOString().slice(0, 10);
  kiemTraXa('MaXa', y.MaXa);
  checkIdentity('NguoiDeNghi', y.NguoiDeNghi);
  checkIdentity('DoiTuong', y.DoiTuong);
  if (y.NhomDoiTuong) kiemTraNhom({ nhom: y.NhomDoiTuong, ngaySinh: y.DoiTuong.NgaySinh, onIso: today, mucDo: y.MucDoKhuyetTat, soCon: y.SoConDangNuoi, ngaySinhField: 'DoiTuong.NgaySinh' });
  if (y.HinhThucNhanTroCap === 'TAI_KHOAN' && !(y.SoTaiKhoan && y.NganHang)) {
    throw new NdxpError('VALIDATION_FAILED', { field: 'SoTaiKhoan', detailVi: 'SoTaiKhoan: nhận qua tài khoản cần số tài khoản và ngân hàng', detailEn: 'SoTaiKhoan: payment to an account needs the account and the bank' });
  }
  if (y.NgayMat && y.NgayMat.split('/').reverse().join('-') > today) {
    throw new NdxpError('VALIDATION_FAILED', { field: 'NgayMat', detailVi: 'NgayMat: sau ngày nộp hồ sơ', detailEn: 'NgayMat: after the filing date' });
  }
  // The request is well-formed: now its fit with the database (a claim for someone already paid, an adjustment for no one).
  const hienTai = (await csdl(ctx)).get(y.DoiTuong.SoDinhDanh);
  const resent = y.MaHoSoTinh ? await kit.resent(ctx, y.MaHoSoTinh, y, (du) => du.YeuCau) : null;
  if (resent) return bienNhan(resent);
  if (y.LoaiHoSo === 'HUONG_MOI') chuaHuong('DoiTuong.SoDinhDanh', hienTai);
  else dangHuong('DoiTuong.SoDinhDanh', y.DoiTuong.SoDinhDanh, hienTai);
  const now = ctx.now();
  const du: DuLieuHoSoTroCap = {
    YeuCau: y,
    LoaiHoSo: y.LoaiHoSo,
    MaCoQuan: maDinhDanhUbndXa(y.MaXa),
    CoQuanTiepNhan: coQuanTiepNhan(y.MaXa),
    ThoiGianTiepNhan: ts(now),
    NgayHenTra: formatDateDmy(addWorkingDays(now, LOAI_HO_SO[y.LoaiHoSo].thoiHan)),
    BoSung: [],
  };
  const d = await ctx.dossiers.create({ lifecycle: 'troCap', agencyCode: du.MaCoQuan, data: du as unknown as Record<string, unknown>, ...(y.MaHoSoTinh ? { maHoSo: y.MaHoSoTinh } : {}) });
  return reply(201, bienNhan(kit.fromLive(d)));
}

async function rutHoSo(ctx: OperationContext<Seed>) {
  const { MaHoSo, LyDoRut } = ctx.input as { MaHoSo: string; LyDoRut: string };
  const answer = (v: HoSoView<DuLieuHoSoTroCap>, daRut: boolean) => ({
    MaHoSo: v.MaHoSo, TrangThai: '7', TenTrangThai: tenTrangThai('7'), ThoiGianRut: v.LichSu.at(-1)!.ThoiGian, DaRutTruocDo: daRut,
  });
  let v = await kit.find(ctx, MaHoSo, 'MaHoSo');
  if (v.TrangThai === '7') return answer(v, true);
  const note = `Công dân rút hồ sơ: ${LyDoRut}`;
  if (!v.live) {
    if (v.TrangThai === '5' || v.TrangThai === '6') throw kit.illegal(v, '7', 'hồ sơ đã có kết quả, không rút được', 'the dossier has a result and cannot be withdrawn');
    v = await kit.goLive(ctx, v, {});
  }
  return answer(kit.fromLive(await ctx.dossiers.move(MaHoSo, '7', note)), false);
}

async function capNhatDoiTuong(ctx: OperationContext<Seed>) {
  const c = ctx.input as CapNhatDoiTuong;
  kiemTraXa('DoiTuong.MaXa', c.DoiTuong.MaXa);
  checkIdentity('DoiTuong', c.DoiTuong);
  const apDung = c.ThoiDiemApDung.split('/').reverse().join('-');
  let muc: number | undefined;
  if (c.NhomDoiTuong) {
    kiemTraNhom({ nhom: c.NhomDoiTuong, ngaySinh: c.DoiTuong.NgaySinh, onIso: apDung, mucDo: c.MucDoKhuyetTat, soCon: c.SoConDangNuoi, ngaySinhField: 'DoiTuong.NgaySinh' });
    muc = mucTheoNhom(c.NhomDoiTuong, c.DoiTuong.NgaySinh, c.ThoiDiemApDung, c.SoConDangNuoi).MucTroCap;
    if (c.MucTroCap !== undefined && c.MucTroCap !== muc) {
      throw new NdxpError('VALIDATION_FAILED', {
        field: 'MucTroCap',
        detailVi: `MucTroCap: ${c.MucTroCap} không bằng hệ số × mức chuẩn của nhóm ${c.NhomDoiTuong} (${muc})`,
        detailEn: `MucTroCap: ${c.MucTroCap} is not the group's coefficient × standard amount (${muc})`,
      });
    }
  }
  const { stored, created } = await acceptPush(ctx.records, {
    collection: CAP_NHAT, key: c.MaGiaoDich, keyField: 'MaGiaoDich', content: c, now: ctx.now(), receiptPrefix: 'TGXH-BN',
    check: async () => {
      const hienTai = (await csdl(ctx)).get(c.DoiTuong.SoDinhDanh);
      if (c.LoaiCapNhat === 'TANG_MOI') chuaHuong('DoiTuong.SoDinhDanh', hienTai);
      else dangHuong('DoiTuong.SoDinhDanh', c.DoiTuong.SoDinhDanh, hienTai, c.LoaiCapNhat === 'CAP_NHAT_THONG_TIN');
    },
  });
  const body = {
    MaBienNhan: stored.MaBienNhan, ThoiGianTiepNhan: stored.ThoiGianTiepNhan, MaGiaoDich: c.MaGiaoDich, SoDinhDanh: c.DoiTuong.SoDinhDanh,
    LoaiCapNhat: c.LoaiCapNhat, TrangThaiDongBo: 'DA_CAP_NHAT', ...(muc !== undefined ? { MucTroCap: muc } : {}), DaNhanTruocDo: !created,
  };
  return created ? reply(201, body) : body;
}

const SAMPLE_TAI_LIEU = [
  { TenTaiLieu: 'Giấy xác nhận khuyết tật (bản chụp rõ nét)', DuongDan: 'https://dichvucong.angiang.gov.vn/tep/tro-giup-xa-hoi/bo-sung/giay-xac-nhan-khuyet-tat.pdf' },
  { TenTaiLieu: 'Giấy chứng nhận hộ nghèo năm hiện hành', DuongDan: 'https://dichvucong.angiang.gov.vn/tep/tro-giup-xa-hoi/bo-sung/giay-chung-nhan-ho-ngheo.pdf' },
];

export default defineConnector<Seed>({
  id: 'tro-giup-xa-hoi',
  protocol: 'rest',
  agencyCode: TGXH_AGENCY,
  seedSchemas: { hoSoTroCap: 'hoSoTroCap.record', doiTuong: 'doiTuong.record', lichSuCapNhat: 'lichSuCapNhat.record' },
  lifecycles: { troCap: troCapLifecycle },
  operations: {
    // First operation: the built-in scenarios call it and expect 200, so a read comes first.
    traCuuHoSo: {
      summary: 'Trạng thái xử lý hồ sơ trợ giúp xã hội (tiếp nhận, xét duyệt, niêm yết, bổ sung, quyết định, không đủ điều kiện, rút) và lịch sử',
      summaryEn: 'Status and history of a social-assistance dossier',
      method: 'GET',
      path: '/api-tgxh/1.0/hoSo/trangThai',
      serves: [1],
      example: { query: { maHoSo: '$seed:hoSoTroCap.11.MaHoSo' } },
      handler: async (ctx) => {
        const v = await kit.find(ctx, ctx.input.maHoSo);
        const { QuyetDinh, ...khac } = theoTrangThai(v);
        return {
          ...bienNhan(v), SoDinhDanhDoiTuong: v.du.YeuCau.DoiTuong.SoDinhDanh, SoLanBoSung: v.du.BoSung.length, LichSu: v.LichSu,
          ...khac, ...(QuyetDinh ? { SoQuyetDinh: QuyetDinh.SoQuyetDinh } : {}),
        };
      },
    },
    guiHoSoTroCap: {
      summary: 'Liên thông hồ sơ đề nghị trợ cấp xã hội hằng tháng (hưởng mới, điều chỉnh, thôi hưởng) hoặc hỗ trợ mai táng phí',
      summaryEn: 'Send a social-assistance claim (new, adjustment, stop, funeral support) from the province’s TTHC system',
      method: 'POST',
      path: '/api-tgxh/1.0/hoSo',
      serves: [0],
      example: {
        body: {
          LoaiHoSo: 'DIEU_CHINH',
          MaXa: '$seed:hoSoTroCap.11.DuLieu.YeuCau.MaXa',
          KenhThucHien: '2',
          NguoiDeNghi: '$seed:hoSoTroCap.11.DuLieu.YeuCau.NguoiDeNghi',
          DoiTuong: '$seed:hoSoTroCap.11.DuLieu.YeuCau.DoiTuong',
          NhomDoiTuong: 'K6DBN',
          MucDoKhuyetTat: 'DAC_BIET_NANG',
          LyDo: 'Hội đồng xác định mức độ khuyết tật xác định lại mức độ khuyết tật đặc biệt nặng',
          TaiLieuNop: [
            { TenTaiLieu: 'Tờ khai đề nghị điều chỉnh trợ cấp xã hội', DuongDan: 'https://dichvucong.angiang.gov.vn/tep/tro-giup-xa-hoi/dieu-chinh/to-khai.pdf' },
            { TenTaiLieu: 'Giấy xác nhận khuyết tật (mức độ đặc biệt nặng)', DuongDan: 'https://dichvucong.angiang.gov.vn/tep/tro-giup-xa-hoi/dieu-chinh/giay-xac-nhan-khuyet-tat.pdf' },
          ],
        },
      },
      handler: guiHoSo,
    },
    boSungHoSo: {
      summary: 'Nộp bổ sung giấy tờ cho hồ sơ được yêu cầu bổ sung (4 → 2); gửi lại cùng MaBoSung là an toàn',
      summaryEn: 'Supplement documents (4 → 2); idempotent per MaBoSung',
      method: 'POST',
      path: '/api-tgxh/1.0/hoSo/boSung',
      serves: [0],
      example: { body: { MaHoSo: '$seed:hoSoTroCap.6.MaHoSo', MaBoSung: 'BS-TGXH-20251105-01', TaiLieuBoSung: SAMPLE_TAI_LIEU } },
      handler: async (ctx) => {
        const { view, boSung, daNhanTruocDo } = await kit.supplement(ctx, ctx.input as Parameters<typeof kit.supplement>[1], { waiting: '4', resume: '2' });
        return { MaHoSo: view.MaHoSo, MaBoSung: boSung.MaBoSung, TrangThai: view.TrangThai, TenTrangThai: tenTrangThai(view.TrangThai), ThoiGianTiepNhanBoSung: boSung.ThoiGian, DaNhanTruocDo: daNhanTruocDo };
      },
    },
    rutHoSo: {
      summary: 'Công dân rút hồ sơ (→ 7); rút lại hồ sơ đã rút trả kết quả cũ',
      summaryEn: 'Withdraw a dossier (→ 7); idempotent',
      method: 'POST',
      path: '/api-tgxh/1.0/hoSo/rut',
      serves: [0],
      example: { body: { MaHoSo: '$seed:hoSoTroCap.4.MaHoSo', LyDoRut: 'Công dân rút hồ sơ để bổ sung giấy tờ, sẽ nộp lại' } },
      handler: rutHoSo,
    },
    layKetQuaHoSo: {
      summary: 'Kết quả giải quyết: quyết định của Chủ tịch UBND cấp xã (mức trợ cấp, thời điểm hưởng, tệp) hoặc thông báo không đủ điều kiện',
      summaryEn: 'Result: the commune chairman’s decision (amount, start, file) or the notice of ineligibility',
      method: 'GET',
      path: '/api-tgxh/1.0/hoSo/ketQua',
      serves: [1],
      example: { query: { maHoSo: '$seed:hoSoTroCap.11.MaHoSo' } },
      handler: async (ctx) => {
        const v = await kit.find(ctx, ctx.input.maHoSo);
        const { QuyetDinh, ThongBaoKhongDuDieuKien } = theoTrangThai(v);
        if (QuyetDinh || ThongBaoKhongDuDieuKien) return { MaHoSo: v.MaHoSo, LoaiHoSo: v.du.LoaiHoSo, TrangThai: v.TrangThai, ...(QuyetDinh ? { QuyetDinh } : { ThongBaoKhongDuDieuKien }) };
        throw kit.noResultYet(v);
      },
    },
    dongBoTrangThai: {
      summary: 'Đồng bộ trạng thái: hồ sơ trợ giúp xã hội của tỉnh thay đổi từ một thời điểm (theo thứ tự cập nhật, phân trang)',
      summaryEn: 'Status sync: the province’s dossiers updated since a time',
      method: 'GET',
      path: '/api-tgxh/1.0/hoSo/dongBo',
      serves: [1],
      example: { query: { capNhatTu: '20250101000000', soBanGhi: '50' } },
      handler: (ctx) =>
        kit.syncPage(ctx, ctx.input as Parameters<typeof kit.syncPage>[1], (v) => ({
          MaHoSo: v.MaHoSo, ...maHoSoTinh(v), LoaiHoSo: v.du.LoaiHoSo, TrangThai: v.TrangThai, TenTrangThai: tenTrangThai(v.TrangThai),
          SoDinhDanhDoiTuong: v.du.YeuCau.DoiTuong.SoDinhDanh, MaCoQuan: v.du.MaCoQuan, ThoiGianCapNhat: v.ThoiGianCapNhat,
        })),
    },
    traCuuDoiTuong: {
      summary: 'Tra cứu đối tượng trong CSDL trợ giúp xã hội: nhóm, hệ số, mức trợ cấp, quyết định, trạng thái hưởng, lịch sử cập nhật',
      summaryEn: 'A beneficiary in the social-assistance database',
      method: 'GET',
      path: '/api-tgxh/1.0/doiTuong',
      serves: [1],
      example: { query: { soDinhDanh: '$seed:doiTuong.0.SoDinhDanh' } },
      handler: async (ctx) => found((await csdl(ctx)).get(ctx.input.soDinhDanh), 'soDinhDanh', ctx.input.soDinhDanh),
    },
    danhSachDoiTuong: {
      summary: 'Danh sách đối tượng để rà soát (lọc theo xã, nhóm, trạng thái hưởng), kèm tổng kinh phí trợ cấp tháng',
      summaryEn: 'Beneficiaries for review (by commune, group, status), with the monthly total',
      method: 'GET',
      path: '/api-tgxh/1.0/doiTuong/danhSach',
      serves: [1],
      example: { query: { maXa: '$seed:doiTuong.0.MaXa' } },
      handler: async (ctx) => {
        const { maXa, nhomDoiTuong, trangThaiHuong, trang, soBanGhi } = ctx.input;
        const rows = [...(await csdl(ctx)).values()]
          .filter((d) => (!maXa || d.MaXa === maXa) && (!nhomDoiTuong || d.NhomDoiTuong === nhomDoiTuong) && (!trangThaiHuong || d.TrangThaiHuong === trangThaiHuong))
          .sort((a, b) => a.MaDoiTuong.localeCompare(b.MaDoiTuong));
        const p = paginate(rows.map((d) => ({
          MaDoiTuong: d.MaDoiTuong, SoDinhDanh: d.SoDinhDanh, HoVaTen: d.HoVaTen, NgaySinh: d.NgaySinh, MaXa: d.MaXa,
          NhomDoiTuong: d.NhomDoiTuong, MucTroCap: d.MucTroCap, TrangThaiHuong: d.TrangThaiHuong,
        })), trang, soBanGhi);
        const tong = rows.filter((d) => d.TrangThaiHuong === 'DANG_HUONG').reduce((s, d) => s + d.MucTroCap, 0);
        return { TongSo: p.TongSo, Trang: p.Trang, SoBanGhi: p.SoBanGhi, TongMucTroCapThang: tong, DanhSach: p.DanhSach };
      },
    },
    capNhatDoiTuong: {
      summary: 'Đồng bộ kết quả rà soát, cập nhật đối tượng (tăng mới, điều chỉnh, thôi hưởng, cập nhật thông tin) lên CSDL; biên nhận, chống gửi trùng',
      summaryEn: 'Push review results (new, adjust, stop, update) to the database; receipt, idempotent per MaGiaoDich',
      method: 'POST',
      path: '/api-tgxh/1.0/doiTuong/capNhat',
      serves: [0, 1],
      example: {
        body: {
          MaGiaoDich: 'RS2026-HINHTHUC-0001',
          NamRaSoat: 2026,
          LoaiCapNhat: 'CAP_NHAT_THONG_TIN',
          DoiTuong: '$seed:lichSuCapNhat.0.NoiDung.DoiTuong',
          HinhThucNhanTroCap: 'TAI_KHOAN',
          ThoiDiemApDung: '01/01/2026',
          LyDo: 'Rà soát định kỳ năm 2026: đối tượng đăng ký nhận trợ cấp qua tài khoản',
          MaCanBo: 'CB.XA.0031',
        },
      },
      handler: capNhatDoiTuong,
    },
    traCuuBienNhanCapNhat: {
      summary: 'Đọc lại một lần đồng bộ rà soát theo mã biên nhận (nội dung đã gửi, mã băm)',
      summaryEn: 'Read a pushed review update back by its receipt id',
      method: 'GET',
      path: '/api-tgxh/1.0/doiTuong/capNhat/bienNhan',
      serves: [0, 1],
      example: { query: { maBienNhan: '$seed:lichSuCapNhat.0.MaBienNhan' } },
      handler: async (ctx) => {
        const ma = ctx.input.maBienNhan as string;
        const p = (await pushByReceipt<CapNhatDoiTuong>(ctx.records, CAP_NHAT, ma)) ?? ctx.seed.lichSuCapNhat.find((r) => r.MaBienNhan === ma);
        const s = found(p, 'maBienNhan', ma);
        return { MaBienNhan: s.MaBienNhan, ThoiGianTiepNhan: s.ThoiGianTiepNhan, MaBam: s.MaBam, NoiDung: s.NoiDung };
      },
    },
  },
  scenarios: [
    {
      name: 'bo-sung',
      description: 'Hội đồng xét duyệt yêu cầu bổ sung giấy tờ (trạng thái 4); sau khi tỉnh gọi boSungHoSo, hồ sơ được xét duyệt lại (2) và đi tiếp đến quyết định (5)',
      descriptionEn: 'The council asks for documents (4); after boSungHoSo it is reviewed again (2) and goes on to a decision (5)',
      effect: { handled: true },
      operations: ['guiHoSoTroCap'],
      expect: {
        operation: 'guiHoSoTroCap',
        status: 201,
        then: { operation: 'traCuuHoSo', input: (b) => ({ maHoSo: b.MaHoSo }), body: { TrangThai: '4', YeuCauBoSung: {} }, withinMs: 5000 },
      },
    },
    {
      name: 'khong-du-dieu-kien',
      description: 'Hội đồng xét duyệt kết luận không đủ điều kiện hưởng (trạng thái 6), kèm thông báo lý do',
      descriptionEn: 'The council finds the person not eligible (6), with the reason',
      effect: { handled: true },
      operations: ['guiHoSoTroCap'],
      expect: {
        operation: 'guiHoSoTroCap',
        status: 201,
        then: { operation: 'traCuuHoSo', input: (b) => ({ maHoSo: b.MaHoSo }), body: { TrangThai: '6', ThongBaoKhongDuDieuKien: {} }, withinMs: 5000 },
      },
    },
    {
      name: 'co-khieu-nai',
      description: 'Có khiếu nại trong thời gian niêm yết công khai, xác minh không đủ điều kiện: hồ sơ đi 1 → 2 → 3 → 6',
      descriptionEn: 'A complaint during public posting: the dossier goes 1 → 2 → 3 → 6',
      effect: { handled: true },
      operations: ['guiHoSoTroCap'],
      expect: {
        operation: 'guiHoSoTroCap',
        status: 201,
        then: { operation: 'traCuuHoSo', input: (b) => ({ maHoSo: b.MaHoSo }), body: { TrangThai: '6', ThongBaoKhongDuDieuKien: {} }, withinMs: 5000 },
      },
    },
  ],
});
