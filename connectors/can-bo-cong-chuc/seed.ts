import { coQuanCongTac, laCongVu, quaTrinhCongTac, SO_NGANH } from '../_shared/co-quan.js';
import { hashInt, pickBy } from '../_shared/hash.js';
import type { Person, SeedBuilder } from '../_shared/population.js';
import { buildReceipt } from '../_shared/push-receipt.js';
import { ageOn, isoAt, isoPlusDays, isoPlusYears } from '../_shared/thoi-gian.js';
import { toDmy } from '../_shared/wire.js';
import { heSoLuong, NGACH, NHOM_LUONG, type Loai } from './codes.js';
import { khoaDongBo, type HoSoCanBo } from './ho-so.js';

const CHUYEN_NGANH_CC = ['Luật', 'Quản lý nhà nước', 'Kinh tế', 'Công nghệ thông tin', 'Quản lý đất đai', 'Tài chính - Ngân hàng'];
const CHUYEN_NGANH_GV = ['Sư phạm Toán học', 'Sư phạm Ngữ văn', 'Sư phạm Vật lý', 'Sư phạm Tiếng Anh', 'Sư phạm Hóa học'];
const CHUYEN_NGANH_BS = ['Y khoa', 'Nội khoa', 'Ngoại khoa', 'Nhi khoa'];
const PHONG_XA = ['Văn phòng HĐND và UBND', 'Phòng Kinh tế', 'Phòng Văn hóa - Xã hội'];
const SO = new Set(SO_NGANH.map((c) => c.maDinhDanh));

/** Rank by years of service (promotion after 9 and 18 years, not everyone), and the years spent in it. */
function ngach(p: Person, namCongTac: number, oXa: boolean): { ma: string; tuNam: number } {
  const h = (s: string) => hashInt(p.soDinhDanh, s);
  const [co, chinh, caoCap] =
    p.ngheNghiep === 'Giáo viên' ? ['V.07.05.15', 'V.07.05.14', 'V.07.05.13']
      : p.ngheNghiep === 'Bác sĩ' ? ['V.08.01.03', 'V.08.01.02', 'V.08.01.01']
        : [oXa && h('can-su') % 4 === 0 ? '01.004' : '01.003', '01.002', oXa ? '01.002' : '01.001'];
  if (namCongTac >= 18 && h('cao-cap') % 3 === 0) return { ma: caoCap, tuNam: 18 };
  if (namCongTac >= 9 && h('chinh') % 3 !== 0) return { ma: chinh, tuNam: 9 };
  return { ma: co, tuNam: 0 };
}

function chucVu(p: Person, maNgach: string, oXa: boolean): string {
  const lanhDao = hashInt(p.soDinhDanh, 'lanh-dao') % 3 === 0;
  if (p.ngheNghiep === 'Giáo viên') return maNgach === 'V.07.05.15' ? 'Giáo viên' : lanhDao ? 'Phó Hiệu trưởng' : 'Tổ trưởng chuyên môn';
  if (p.ngheNghiep === 'Bác sĩ') return maNgach === 'V.08.01.03' ? 'Bác sĩ điều trị' : lanhDao ? 'Trưởng khoa' : 'Phó Trưởng khoa';
  if (oXa) return `${maNgach === '01.004' ? 'Cán sự' : 'Chuyên viên'} ${pickBy(PHONG_XA, p.soDinhDanh, 'phong')}`;
  if (maNgach === '01.001') return 'Phó Giám đốc Sở';
  if (maNgach === '01.002') return lanhDao ? 'Trưởng phòng' : 'Phó Trưởng phòng';
  return 'Chuyên viên';
}

function trinhDo(p: Person, maNgach: string): { TrinhDoChuyenMon: string; ChuyenNganh: string; LyLuanChinhTri: string } {
  const h = (s: string) => hashInt(p.soDinhDanh, s);
  const bac = NGACH[maNgach]!.nhom; // A0 < A1 < A2.x < A3.x
  const trinhDoChuyenMon = bac === 'A0' ? 'Cao đẳng' : bac === 'A1' ? (h('ths') % 4 === 0 ? 'Thạc sĩ' : 'Đại học') : bac.startsWith('A2') ? (h('ths') % 2 ? 'Thạc sĩ' : 'Đại học') : h('ts') % 2 ? 'Tiến sĩ' : 'Thạc sĩ';
  const chuyenNganh = pickBy(p.ngheNghiep === 'Giáo viên' ? CHUYEN_NGANH_GV : p.ngheNghiep === 'Bác sĩ' ? CHUYEN_NGANH_BS : CHUYEN_NGANH_CC, p.soDinhDanh, 'nganh');
  const llct = bac.startsWith('A3') ? 'Cao cấp' : bac.startsWith('A2') ? (h('llct') % 2 ? 'Cao cấp' : 'Trung cấp') : h('llct') % 3 === 0 ? 'Chưa qua đào tạo' : 'Sơ cấp';
  return { TrinhDoChuyenMon: trinhDoChuyenMon, ChuyenNganh: chuyenNganh, LyLuanChinhTri: llct };
}

export const buildSeed: SeedBuilder = (population, rng) => {
  const asOf = population.asOf;
  const usedMa = new Set<string>();
  const officials = population.people.filter((p) => laCongVu(p) && ageOn(p.ngaySinh, asOf) >= 22);
  const canBo: HoSoCanBo[] = officials.map((p) => {
    const age = ageOn(p.ngaySinh, asOf);
    const nghiHuu = age >= 62 ? `${isoPlusYears(p.ngaySinh, p.gioiTinh === 'nam' ? 60 : 55).slice(0, 7)}-01` : undefined;
    const ky = quaTrinhCongTac(p, asOf).filter((k) => !nghiHuu || k.tu < nghiHuu);
    const hienTai = coQuanCongTac(p);
    const oXa = !SO.has(hienTai.maDinhDanh) && hienTai.loai === 'hanh-chinh';
    const tuyenDung = ky[0]!.tu;
    const den = nghiHuu ?? asOf;
    const namCongTac = ageOn(tuyenDung, den);
    const ng = ngach(p, namCongTac, oXa);
    const soBac = NHOM_LUONG[NGACH[ng.ma]!.nhom]!.soBac;
    const bac = Math.min(soBac, 1 + Math.floor(Math.max(0, namCongTac - ng.tuNam) / 3));
    const cv = chucVu(p, ng.ma, oXa);
    let ma: string;
    let n = hashInt(p.soDinhDanh, 'ma-can-bo') % 1_000_000;
    do ma = `CB91${String(n++ % 1_000_000).padStart(6, '0')}`;
    while (usedMa.has(ma));
    usedMa.add(ma);
    return {
      MaCanBo: ma,
      SoDinhDanh: p.soDinhDanh,
      HoVaTen: p.hoVaTen,
      NgaySinh: toDmy(p.ngaySinh),
      GioiTinh: p.gioiTinh === 'nam' ? '1' : '2',
      DanToc: p.danToc,
      TonGiao: p.tonGiao,
      QueQuan: p.queQuan,
      NoiOHienNay: p.thuongTru.diaChi,
      Loai: (p.ngheNghiep === 'Công chức' ? 'CONG_CHUC' : 'VIEN_CHUC') as Loai,
      CoQuan: { MaDinhDanh: hienTai.maDinhDanh, Ten: hienTai.ten },
      ChucVu: cv,
      MaNgach: ng.ma,
      TenNgach: NGACH[ng.ma]!.ten,
      BacLuong: bac,
      HeSoLuong: heSoLuong(ng.ma, bac)!,
      NgayHuongBac: toDmy(isoPlusYears(tuyenDung, ng.tuNam + (bac - 1) * 3)),
      ...trinhDo(p, ng.ma),
      NgayTuyenDung: toDmy(tuyenDung),
      QuaTrinhCongTac: ky.map((k, i) => ({
        TuNgay: toDmy(k.tu),
        ...(i < ky.length - 1 ? { DenNgay: toDmy(k.den!) } : nghiHuu ? { DenNgay: toDmy(isoPlusDays(nghiHuu, -1)) } : {}),
        MaCoQuan: k.coQuan.maDinhDanh,
        TenCoQuan: k.coQuan.ten,
        ChucVu: i < ky.length - 1 ? (p.ngheNghiep === 'Giáo viên' ? 'Giáo viên' : p.ngheNghiep === 'Bác sĩ' ? 'Bác sĩ điều trị' : 'Chuyên viên') : cv,
      })),
      TinhTrang: nghiHuu ? 'NGHI_HUU' : 'DANG_CONG_TAC',
      ...(nghiHuu ? { NgayNghiHuu: toDmy(nghiHuu) } : {}),
      PhienBan: 1 + (hashInt(p.soDinhDanh, 'phien-ban') % 4),
      NgayCapNhat: toDmy(rng.date('2025-01-06', '2025-10-31')),
    };
  });
  // A serving Chuyên viên first: the catalog's push example sends a new version of this record.
  const mau = canBo.findIndex((c) => c.MaNgach === '01.003' && c.TinhTrang === 'DANG_CONG_TAC');
  if (mau > 0) canBo.unshift(...canBo.splice(mau, 1));
  // Each record as the province last pushed it (the receipts the central side gave).
  const lichSuDongBo = canBo.map((h) =>
    buildReceipt({ key: khoaDongBo(h), content: h, now: isoAt(`${h.NgayCapNhat.slice(6)}-${h.NgayCapNhat.slice(3, 5)}-${h.NgayCapNhat.slice(0, 2)}`, rng.int(1, 9), rng.int(0, 59)), receiptPrefix: 'CBCCVC-BN' }),
  );
  return { canBo, lichSuDongBo };
};
