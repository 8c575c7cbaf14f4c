import { formatTimestampCompact, makeCccd, makeMaHoSo } from '../../src/core/identifiers.js';
import { noiDangKyKcbBanDau } from '../_shared/co-so-kcb.js';
import { maDinhDanhUbndXa } from '../_shared/don-vi-hanh-chinh.js';
import { hashInt, pickBy } from '../_shared/hash.js';
import type { Person, SeedBuilder, SeedRng } from '../_shared/population.js';
import { treEmDuoi6Tuoi, type TreEm } from '../_shared/tre-em.js';
import { ageOn, isoAt, isoPlusDays } from '../_shared/thoi-gian.js';
import { toDmy } from '../_shared/wire.js';
import { LY_DO_LOI, tenTrangThai, type LoaiHoSo, type TrangThai } from './codes.js';
import {
  buildKetQua, buildYeuCauBoSung, coQuanDangKy, ngayHenTra, type DuLieuHoSo, type Nguoi, type NguoiYeuCau, type TinhTrangHonNhan,
  type YeuCauHoTich,
} from './ho-so.js';
import type { LichSuItem, TaiLieu } from '../_shared/ho-so-lien-thong.js';

const HOUR = 3_600_000;

const nguoi = (p: Person): Nguoi => ({
  HoVaTen: p.hoVaTen,
  SoDinhDanh: p.soDinhDanh,
  NgaySinh: toDmy(p.ngaySinh),
  GioiTinh: p.gioiTinh === 'nam' ? '1' : '2',
  DanToc: p.danToc,
  QuocTich: p.quocTich,
  NoiCuTru: p.thuongTru.diaChi,
});

const nguoiYeuCau = (p: Person, quanHe: string): NguoiYeuCau => ({
  HoVaTen: p.hoVaTen,
  SoDinhDanh: p.soDinhDanh,
  NgaySinh: toDmy(p.ngaySinh),
  QuanHe: quanHe,
  SoDienThoai: p.soDienThoai,
  ...(p.email ? { Email: p.email } : {}),
  NoiCuTru: p.thuongTru.diaChi,
});

const TAI_LIEU: Record<LoaiHoSo, [string, string]> = {
  KS: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'],
  KSBHYT: ['Tờ khai điện tử liên thông đăng ký khai sinh, cấp thẻ bảo hiểm y tế', 'Giấy chứng sinh'],
  KT: ['Tờ khai đăng ký khai tử', 'Giấy báo tử'],
  KH: ['Tờ khai đăng ký kết hôn (có chữ ký của hai bên nam, nữ)', 'Bản chụp giấy tờ tùy thân của hai bên'],
  CMC: ['Tờ khai đăng ký nhận cha, mẹ, con', 'Văn bản của cơ quan y tế xác nhận quan hệ cha, con'],
  XNHN: ['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Bản chụp giấy tờ tùy thân của người yêu cầu'],
  TDCC: ['Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung'],
};

const taiLieu = (loai: LoaiHoSo, key: string): TaiLieu[] =>
  TAI_LIEU[loai].map((ten, k) => ({
    TenTaiLieu: ten,
    DuongDan: `https://dichvucong.angiang.gov.vn/tep/ho-tich/${hashInt(key, 'tep').toString(16)}-${k + 1}.pdf`,
  }));

/** A parent who is not in the living population (a deceased or long-absent father): a consistent identity. */
function nguoiChaCuaNguoi(p: Person): Nguoi {
  const nam = Number(p.ngaySinh.slice(0, 4)) - 24 - (hashInt(p.soDinhDanh, 'tuoi-cha') % 12);
  const ngaySinh = isoPlusDays(`${nam}-01-01`, hashInt(p.soDinhDanh, 'ngay-sinh-cha') % 360);
  return {
    HoVaTen: p.hoTenCha,
    SoDinhDanh: makeCccd(p.soDinhDanh.slice(0, 3), nam, 'nam', hashInt(p.soDinhDanh, 'cccd-cha') % 1_000_000),
    NgaySinh: toDmy(ngaySinh),
    GioiTinh: '1',
    DanToc: p.danToc,
    QuocTich: 'Việt Nam',
    NoiCuTru: p.thuongTru.diaChi,
  };
}

const MUC_DICH_XNHN = ['Để làm thủ tục đăng ký kết hôn', 'Để bổ sung hồ sơ vay vốn ngân hàng', 'Để làm thủ tục chuyển nhượng quyền sử dụng đất', 'Để bổ sung hồ sơ xin việc'];
const TINH_TRANG: Partial<Record<Person['tinhTrangHonNhan'], TinhTrangHonNhan>> = { 'doc-than': 'CHUA_KET_HON', 'ly-hon': 'DA_LY_HON', goa: 'GOA' };
const NGUYEN_NHAN_CHET = ['Bệnh già', 'Tai biến mạch máu não', 'Suy tim', 'Ung thư phổi', 'Nhồi máu cơ tim'];
const TINH_KHAC = ['Đồng Tháp', 'Cần Thơ', 'Vĩnh Long', 'Cà Mau'];

interface Plan {
  loai: LoaiHoSo;
  /** Fixed receipt date (births: the child's registration date). */
  ngay?: string;
  tre?: TreEm;
  yeuCau: YeuCauHoTich;
}

function khaiSinh(tre: Pick<TreEm, 'hoVaTen' | 'gioiTinh' | 'ngaySinh' | 'noiSinh' | 'danToc' | 'quocTich'>, me: Person, cha: Person | undefined) {
  return {
    NguoiDuocKhaiSinh: {
      HoVaTen: tre.hoVaTen,
      GioiTinh: tre.gioiTinh === 'nam' ? ('1' as const) : ('2' as const),
      NgaySinh: toDmy(tre.ngaySinh),
      NoiSinh: `${tre.noiSinh}, Tỉnh An Giang`,
      DanToc: tre.danToc,
      QuocTich: tre.quocTich,
      QueQuan: (cha ?? me).queQuan,
    },
    Me: nguoi(me),
    ...(cha ? { Cha: nguoi(cha) } : {}),
    SoGiayChungSinh: `${String(hashInt(me.soDinhDanh, tre.ngaySinh, 'gcs') % 1_000_000).padStart(6, '0')}/GCS`,
  };
}

function plans(people: Person[], byId: Map<string, Person>, treEm: TreEm[], asOf: string, rng: SeedRng): { births: Plan[]; others: Plan[]; pending: Plan } {
  const births: Plan[] = treEm
    .filter((t) => t.ngayDangKyKhaiSinh >= '2024-01-01')
    .map((t) => {
      const me = byId.get(t.me)!;
      const cha = t.cha ? byId.get(t.cha) : undefined;
      const lienThong = t.ngayDangKyKhaiSinh >= '2024-07-01';
      return {
        loai: lienThong ? 'KSBHYT' : 'KS',
        ngay: t.ngayDangKyKhaiSinh,
        tre: t,
        yeuCau: {
          ...(lienThong ? {} : { LoaiHoSo: 'KS' as const }),
          MaXaDangKy: me.thuongTru.maXa,
          KenhThucHien: '2',
          NguoiYeuCau: nguoiYeuCau(me, 'Mẹ'),
          KhaiSinh: khaiSinh(t, me, cha),
          ...(lienThong ? { TheBhyt: { NoiDangKyKCBBD: noiDangKyKcbBanDau(t.thuongTru.maXa, t.soDinhDanh).MaCoSo, HinhThucNhanThe: '3' as const } } : {}),
          TaiLieuNop: taiLieu(lienThong ? 'KSBHYT' : 'KS', t.soDinhDanh),
        },
      };
    });
  // Put the liên thông births first: the catalog examples use the first one.
  births.sort((a, b) => (a.loai === b.loai ? 0 : a.loai === 'KSBHYT' ? -1 : 1));

  const adults = people.filter((p) => ageOn(p.ngaySinh, asOf) >= 18);
  const married = adults.filter((p) => p.tinhTrangHonNhan === 'da-ket-hon');
  const men = married.filter((p) => p.gioiTinh === 'nam' && ageOn(p.ngaySinh, asOf) >= 21);
  const women = married.filter((p) => p.gioiTinh === 'nu');
  const ketHon: Plan[] = Array.from({ length: Math.min(10, men.length, women.length) }, (_, i) => {
    const nam = men[i]!;
    const nu = women[(i * 7) % women.length]!;
    return {
      loai: 'KH',
      yeuCau: {
        LoaiHoSo: 'KH', MaXaDangKy: nu.thuongTru.maXa, KenhThucHien: rng.pick(['1', '2'] as const),
        NguoiYeuCau: nguoiYeuCau(nam, 'Bản thân'), KetHon: { BenNam: nguoi(nam), BenNu: nguoi(nu) }, TaiLieuNop: taiLieu('KH', nam.soDinhDanh),
      },
    };
  });
  const xnhn: Plan[] = adults
    .filter((p) => TINH_TRANG[p.tinhTrangHonNhan])
    .filter((p) => hashInt(p.soDinhDanh, 'xnhn') % 4 === 0)
    .map((p) => ({
      loai: 'XNHN',
      yeuCau: {
        LoaiHoSo: 'XNHN', MaXaDangKy: p.thuongTru.maXa, KenhThucHien: '2', NguoiYeuCau: nguoiYeuCau(p, 'Bản thân'),
        XacNhanTinhTrangHonNhan: { NguoiDuocXacNhan: nguoi(p), TinhTrangHonNhan: TINH_TRANG[p.tinhTrangHonNhan]!, MucDichSuDung: pickBy(MUC_DICH_XNHN, p.soDinhDanh) },
        TaiLieuNop: taiLieu('XNHN', p.soDinhDanh),
      },
    }));
  const older = adults.filter((p) => p.ngaySinh < '1985-01-01');
  const khaiTu: Plan[] = older.filter((p) => hashInt(p.soDinhDanh, 'kt') % 9 === 0).map((p) => {
    const cha = nguoiChaCuaNguoi(p);
    return {
      loai: 'KT',
      yeuCau: {
        LoaiHoSo: 'KT', MaXaDangKy: p.thuongTru.maXa, KenhThucHien: rng.pick(['1', '2'] as const), NguoiYeuCau: nguoiYeuCau(p, 'Con'),
        KhaiTu: {
          NguoiDaMat: cha,
          NgayMat: '', // set with the receipt date
          NoiMat: `Tại nhà riêng, ${p.thuongTru.diaChi}`,
          NguyenNhan: pickBy(NGUYEN_NHAN_CHET, p.soDinhDanh),
          GiayBaoTu: { So: `${hashInt(p.soDinhDanh, 'gbt') % 900 + 100}/GBT`, NgayCap: '', CoQuanCap: `Trạm Y tế ${p.thuongTru.tenXa}` },
        },
        TaiLieuNop: taiLieu('KT', p.soDinhDanh),
      },
    };
  });
  const young = adults.filter((p) => p.ngaySinh >= '1990-01-01');
  const cmc: Plan[] = young.filter((p) => hashInt(p.soDinhDanh, 'cmc') % 14 === 0).slice(0, 5).map((p) => ({
    loai: 'CMC',
    yeuCau: {
      LoaiHoSo: 'CMC', MaXaDangKy: p.thuongTru.maXa, KenhThucHien: '1', NguoiYeuCau: nguoiYeuCau(p, 'Bản thân'),
      NhanChaMeCon: { BenNhan: nguoi(p), BenDuocNhan: nguoiChaCuaNguoi(p), QuanHe: 'CON_NHAN_CHA' },
      TaiLieuNop: taiLieu('CMC', p.soDinhDanh),
    },
  }));
  const tdcc: Plan[] = adults.filter((p) => hashInt(p.soDinhDanh, 'tdcc') % 16 === 0).slice(0, 10).map((p, k) => {
    const viec = (['CAI_CHINH', 'BO_SUNG', 'CAI_CHINH'] as const)[k % 3]!;
    const [truoc, sau, lyDo] =
      k % 3 === 0 ? [`Quê quán: ${pickBy(TINH_KHAC, p.soDinhDanh)}`, `Quê quán: ${p.queQuan}`, 'Sai sót của cán bộ khi ghi Sổ đăng ký khai sinh']
        : k % 3 === 1 ? ['Dân tộc: (chưa ghi)', `Dân tộc: ${p.danToc}`, 'Giấy khai sinh bản chính chưa ghi thông tin dân tộc']
          : [`Họ, chữ đệm, tên: ${p.hoVaTen.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')}`, `Họ, chữ đệm, tên: ${p.hoVaTen}`, 'Sai sót dấu tiếng Việt khi đăng ký khai sinh'];
    return {
      loai: 'TDCC',
      yeuCau: {
        LoaiHoSo: 'TDCC', MaXaDangKy: p.thuongTru.maXa, KenhThucHien: '2', NguoiYeuCau: nguoiYeuCau(p, 'Bản thân'),
        ThayDoiCaiChinh: {
          NguoiDuocThayDoi: nguoi(p), LoaiViec: viec, SoDangKyGoc: `Số ${hashInt(p.soDinhDanh, 'so-goc') % 400 + 1}, Quyển số 01/${p.ngaySinh.slice(0, 4)}`,
          NoiDungTruoc: truoc, NoiDungSau: sau, LyDo: lyDo,
        },
        TaiLieuNop: taiLieu('TDCC', p.soDinhDanh),
      },
    };
  });
  // Round-robin so every part of the history has every type.
  const pools = [ketHon, xnhn, khaiTu, tdcc, xnhn, cmc];
  const others: Plan[] = [];
  for (let round = 0; others.length < 80 && round < 40; round++) {
    for (const pool of pools) {
      const next = pool.shift();
      if (next) others.push(next);
    }
  }

  // A birth not registered yet (status 2, awaiting the Giấy chứng sinh): a newborn of a woman of the population.
  const me = people.find((p) => p.gioiTinh === 'nu' && ageOn(p.ngaySinh, asOf) >= 22 && ageOn(p.ngaySinh, asOf) <= 38 && !treEm.some((t) => t.me === p.soDinhDanh))!;
  const sinh = isoPlusDays(asOf, -9);
  const moi = { hoVaTen: `${me.hoVaTen.split(' ')[0]} Ngọc Bích`, gioiTinh: 'nu' as const, ngaySinh: sinh, noiSinh: 'Bệnh viện Sản - Nhi An Giang', danToc: me.danToc, quocTich: 'Việt Nam' };
  const pending: Plan = {
    loai: 'KS',
    ngay: isoPlusDays(asOf, -4),
    yeuCau: {
      LoaiHoSo: 'KS', MaXaDangKy: me.thuongTru.maXa, KenhThucHien: '2', NguoiYeuCau: nguoiYeuCau(me, 'Mẹ'),
      KhaiSinh: khaiSinh(moi, me, undefined), TaiLieuNop: taiLieu('KS', `${me.soDinhDanh}-moi`),
    },
  };
  return { births, others, pending };
}

/** Status of the i-th seeded dossier: mostly registered, a few sent back, failed or still in progress. */
function statusOf(i: number): { status: TrangThai; supplemented: boolean } {
  if (i === 2 || i === 17 || i === 34) return { status: '2', supplemented: false };
  if (i === 5 || i === 26 || i === 47) return { status: '0', supplemented: false };
  if (i === 55 || i === 58) return { status: '1', supplemented: false };
  if (i === 56 || i === 59) return { status: '3', supplemented: false };
  return { status: '4', supplemented: i % 6 === 4 };
}

export const buildSeed: SeedBuilder = (population, rng) => {
  const byId = new Map(population.people.map((p) => [p.soDinhDanh, p]));
  const treEm = treEmDuoi6Tuoi(population);
  const { births, others, pending } = plans(population.people, byId, treEm, population.asOf, rng);
  // Births in slots 0, 3, 6…, the pending birth in slot 2, the other types everywhere else.
  const ordered: Plan[] = [];
  for (let i = 0; i < 60; i++) {
    const next = i === 2 ? pending : i % 3 === 0 && births.length ? births.shift()! : others.shift();
    if (next) ordered.push(next);
  }
  const hoSoHoTich = ordered.map((plan, i) => {
    const { status, supplemented } = statusOf(i);
    const open = status !== '4' && status !== '0';
    const ngay = plan.ngay ?? (open ? rng.date('2025-10-20', '2025-10-30') : rng.date('2024-07-01', '2025-10-15'));
    const t0 = isoAt(ngay, rng.int(1, 8), rng.int(0, 59));
    const y = plan.yeuCau;
    if (y.KhaiTu) {
      const mat = isoPlusDays(ngay, -rng.int(2, 25));
      y.KhaiTu.NgayMat = toDmy(mat);
      y.KhaiTu.GiayBaoTu.NgayCap = toDmy(isoPlusDays(mat, 1));
    }
    const maCoQuan = maDinhDanhUbndXa(y.MaXaDangKy);
    const maHoSo = makeMaHoSo(maCoQuan, t0, i + 1);
    const at = (h: number) => new Date(t0.getTime() + h * HOUR);
    const entry = (s: TrangThai, d: Date, GhiChu?: string): LichSuItem => ({
      TrangThai: s, TenTrangThai: tenTrangThai(s), ThoiGian: formatTimestampCompact(d), ...(GhiChu ? { GhiChu } : {}),
    });
    const maBoSung = `BS-${ngay.replace(/-/g, '')}-${String(i + 1).padStart(4, '0')}`;
    const du: DuLieuHoSo = {
      YeuCau: y,
      LoaiHoSo: plan.loai,
      MaCoQuan: maCoQuan,
      CoQuanDangKy: coQuanDangKy(y.MaXaDangKy),
      ThoiGianTiepNhan: formatTimestampCompact(t0),
      NgayHenTra: ngayHenTra(plan.loai, t0),
      BoSung: supplemented ? [{ MaBoSung: maBoSung, ThoiGian: formatTimestampCompact(at(26)), TaiLieuBoSung: taiLieu(plan.loai, `${maHoSo}-bs`).slice(1) }] : [],
    };
    const lichSu: LichSuItem[] = [entry('1', t0)];
    if (supplemented) lichSu.push(entry('2', at(2)), entry('1', at(26), `Đã nhận hồ sơ bổ sung ${maBoSung}`));
    const base = supplemented ? 26 : 0;
    if (status === '2') lichSu.push(entry('2', at(2)));
    if (status === '0') lichSu.push(entry('0', at(3)));
    if (status === '3' || status === '4') lichSu.push(entry('3', at(base + 1)));
    if (status === '4') lichSu.push(entry('4', at(base + 3)));
    return {
      MaHoSo: maHoSo,
      TrangThai: status,
      DuLieu: du,
      LichSu: lichSu,
      ...(status === '2' ? { YeuCauBoSung: buildYeuCauBoSung(plan.loai, at(2)) } : {}),
      ...(status === '0' ? { Loi: { LyDo: pickBy(LY_DO_LOI, maHoSo), ThoiGian: formatTimestampCompact(at(3)) } } : {}),
      ...(status === '4' ? { KetQua: buildKetQua({ maHoSo, du, at: at(base + 3), soDinhDanh: plan.tre?.soDinhDanh, maSoBhxh: plan.tre?.maSoBhxh }) } : {}),
    };
  });
  return { hoSoHoTich };
};
