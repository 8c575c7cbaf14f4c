/**
 * Health facilities where people register for primary care (nơi đăng ký khám chữa bệnh ban đầu), shared by bảo hiểm
 * (BHYT cards) and hộ tịch (cards issued with a birth registration). Codes are 5 digits, the former province
 * (89 An Giang, 91 Kiên Giang) then 3 digits; names are real facility types, the codes are invented.
 */
import { communeOf, formerProvince } from './don-vi-hanh-chinh.js';
import { pickBy } from './hash.js';

export interface CoSoKcb {
  MaCoSo: string;
  TenCoSo: string;
}

const BENH_VIEN: Record<'89' | '91', CoSoKcb[]> = {
  '89': [
    { MaCoSo: '89001', TenCoSo: 'Bệnh viện Đa khoa Trung tâm An Giang' },
    { MaCoSo: '89002', TenCoSo: 'Bệnh viện Đa khoa khu vực tỉnh An Giang' },
    { MaCoSo: '89003', TenCoSo: 'Bệnh viện Sản - Nhi An Giang' },
    { MaCoSo: '89010', TenCoSo: 'Trung tâm Y tế Chợ Mới' },
    { MaCoSo: '89011', TenCoSo: 'Trung tâm Y tế Thoại Sơn' },
    { MaCoSo: '89012', TenCoSo: 'Trung tâm Y tế Tri Tôn' },
    { MaCoSo: '89013', TenCoSo: 'Trung tâm Y tế Tân Châu' },
    { MaCoSo: '89020', TenCoSo: 'Bệnh viện Đa khoa Hạnh Phúc' },
  ],
  '91': [
    { MaCoSo: '91001', TenCoSo: 'Bệnh viện Đa khoa tỉnh Kiên Giang' },
    { MaCoSo: '91002', TenCoSo: 'Bệnh viện Sản - Nhi Kiên Giang' },
    { MaCoSo: '91010', TenCoSo: 'Trung tâm Y tế Phú Quốc' },
    { MaCoSo: '91011', TenCoSo: 'Trung tâm Y tế Hòn Đất' },
    { MaCoSo: '91012', TenCoSo: 'Trung tâm Y tế Giồng Riềng' },
    { MaCoSo: '91013', TenCoSo: 'Trung tâm Y tế Hà Tiên' },
  ],
};

/** The commune's health station (trạm y tế), code = former province + last 3 digits of the commune code. */
export function tramYTe(maXa: string): CoSoKcb {
  const ten = communeOf(maXa)?.ten ?? maXa;
  return { MaCoSo: `${formerProvince(maXa)}${maXa.slice(-3)}`, TenCoSo: `Trạm Y tế ${ten}` };
}

/** Every facility a card may name, by code (for validating a requested registration place). */
export function coSoKcbTheoMa(maCoSo: string): CoSoKcb | undefined {
  const hospital = [...BENH_VIEN['89'], ...BENH_VIEN['91']].find((c) => c.MaCoSo === maCoSo);
  if (hospital) return hospital;
  const maXa = `30${maCoSo.slice(2)}`;
  return communeOf(maXa) && formerProvince(maXa) === maCoSo.slice(0, 2) ? tramYTe(maXa) : undefined;
}

/** Where someone living in `maXa` is registered: the commune's station for half of them, else a facility nearby. */
export function noiDangKyKcbBanDau(maXa: string, key: string): CoSoKcb {
  return pickBy([0, 1], key, 'kcb') === 0 ? tramYTe(maXa) : pickBy(BENH_VIEN[formerProvince(maXa)], key, 'benh-vien');
}
