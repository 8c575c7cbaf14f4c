import { fakerVI, type Faker } from '@faker-js/faker';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeCccd, makeMst, CCCD_PROVINCE_CODES } from '../src/core/identifiers.js';
import type { Address, Company, Person, Population, SeedRng } from '../connectors/_shared/population.js';

/** Fixed "today" of the synthetic population: files are byte-for-byte reproducible. */
export const AS_OF = '2025-11-01';

const STREETS = [
  'Trần Hưng Đạo', 'Nguyễn Trãi', 'Hùng Vương', 'Lê Lợi', 'Tôn Đức Thắng', 'Nguyễn Huệ', 'Lý Thái Tổ', 'Hai Bà Trưng',
  'Nguyễn Thái Học', 'Phạm Hồng Thái', 'Lê Hồng Phong', 'Châu Văn Liêm', 'Hà Hoàng Hổ', 'Ung Văn Khiêm', 'Mạc Cửu',
  'Nguyễn Trung Trực', 'Ngô Quyền', 'Thoại Ngọc Hầu', 'Võ Thị Sáu', 'Lạc Long Quân',
];
const HAMLETS = ['khóm Đông Thịnh', 'khóm Bình Khánh', 'ấp Hòa Long', 'ấp Mỹ Phú', 'khóm Châu Long', 'ấp Tân Thạnh', 'khu phố 3', 'ấp Phú Hữu', 'khóm Vĩnh Lạc', 'ấp An Hòa'];
const ETHNIC = ['Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Khmer', 'Hoa', 'Chăm'];
const RELIGION = ['Không', 'Không', 'Không', 'Phật giáo', 'Phật giáo Hòa Hảo', 'Công giáo', 'Cao Đài', 'Hồi giáo'];
const JOBS = ['Nông dân', 'Công nhân', 'Giáo viên', 'Kinh doanh', 'Nội trợ', 'Học sinh', 'Sinh viên', 'Công chức', 'Lao động tự do', 'Ngư dân', 'Kỹ sư', 'Bác sĩ', 'Hưu trí'];
const HOME_TOWNS = ['An Giang', 'Kiên Giang', 'Đồng Tháp', 'Cần Thơ', 'Vĩnh Long', 'Cà Mau', 'Thành phố Hồ Chí Minh', 'Tây Ninh'];
const COMPANY_TYPES = [
  { loai: 'Công ty trách nhiệm hữu hạn một thành viên', prefix: 'Công ty TNHH MTV', suffix: 'Company Limited' },
  { loai: 'Công ty trách nhiệm hữu hạn hai thành viên trở lên', prefix: 'Công ty TNHH', suffix: 'Company Limited' },
  { loai: 'Công ty cổ phần', prefix: 'Công ty Cổ phần', suffix: 'Joint Stock Company' },
  { loai: 'Doanh nghiệp tư nhân', prefix: 'Doanh nghiệp tư nhân', suffix: 'Private Enterprise' },
];
const BUSINESS_WORDS: Array<[string, string, string]> = [
  ['Thủy sản', 'Seafood', '1020'], ['Lương thực', 'Food', '4631'], ['Xây dựng', 'Construction', '4100'],
  ['Vận tải', 'Transport', '4933'], ['Du lịch', 'Tourism', '7911'], ['Thương mại', 'Trading', '4690'],
  ['Nông nghiệp', 'Agriculture', '0111'], ['Công nghệ', 'Technology', '6201'], ['Dược phẩm', 'Pharmaceutical', '2100'],
  ['Cơ khí', 'Mechanical', '2592'],
];
const INDUSTRY_NAMES: Record<string, string> = {
  '1020': 'Chế biến, bảo quản thủy sản và các sản phẩm từ thủy sản',
  '4631': 'Bán buôn gạo, lúa mỳ, hạt ngũ cốc khác, bột mỳ',
  '4100': 'Xây dựng nhà các loại',
  '4933': 'Vận tải hàng hóa bằng đường bộ',
  '7911': 'Đại lý du lịch',
  '4690': 'Bán buôn tổng hợp',
  '0111': 'Trồng lúa',
  '6201': 'Lập trình máy vi tính',
  '2100': 'Sản xuất thuốc, hóa dược và dược liệu',
  '2592': 'Gia công cơ khí; xử lý và tráng phủ kim loại',
  '4932': 'Vận tải hành khách đường bộ khác',
  '5510': 'Dịch vụ lưu trú ngắn ngày',
};
const BRAND = ['Phú Quốc', 'Long Xuyên', 'Châu Đốc', 'Mekong', 'Hà Tiên', 'Thoại Sơn', 'Bảy Núi', 'Cửu Long', 'Sông Hậu', 'Tây Nam', 'Kiên Giang', 'Hòn Đất', 'Vĩnh Tế', 'Tân Châu'];

export function makeRng(f: Faker): SeedRng {
  return {
    int: (min, max) => f.number.int({ min, max }),
    pick: (items) => f.helpers.arrayElement(items as unknown[]) as never,
    bool: (p = 0.5) => f.datatype.boolean({ probability: p }),
    date: (from, to) => f.date.between({ from: `${from}T00:00:00Z`, to: `${to}T00:00:00Z` }).toISOString().slice(0, 10),
  };
}

interface Commune {
  ma: string;
  ten: string;
}

function address(f: Faker, communes: Commune[], province = { ma: '91', ten: 'Tỉnh An Giang' }): Address {
  const commune = f.helpers.arrayElement(communes);
  const chiTiet = `Số ${f.number.int({ min: 1, max: 450 })} đường ${f.helpers.arrayElement(STREETS)}, ${f.helpers.arrayElement(HAMLETS)}`;
  return {
    maTinh: province.ma,
    tenTinh: province.ten,
    maXa: commune.ma,
    tenXa: commune.ten,
    chiTiet,
    diaChi: `${chiTiet}, ${commune.ten}, ${province.ten}`,
  };
}

const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

function personName(f: Faker, sex: 'nam' | 'nu'): string {
  return `${f.person.lastName()} ${f.person.firstName(sex === 'nam' ? 'male' : 'female')}`.normalize('NFC');
}

export async function generatePopulation(rootDir: string, sizes = { people: 240, companies: 80 }): Promise<Population> {
  const units = JSON.parse(await readFile(path.join(rootDir, 'reference', 'administrative-units.json'), 'utf8'));
  const communes: Commune[] = units.communes['91'];
  const f = fakerVI;
  f.seed(20250701);
  const usedCccd = new Set<string>();
  const people: Person[] = [];
  // Most were born in An Giang (089) or Kiên Giang (091), now one province; some elsewhere.
  const birthCodes = ['089', '089', '089', '091', '091', '091', '087', '092', '079', '086'];
  let household = 0;
  while (people.length < sizes.people) {
    household++;
    const home = address(f, communes);
    const size = f.number.int({ min: 1, max: 4 });
    const maHo = `HO91${String(household).padStart(8, '0')}`;
    for (let m = 0; m < size && people.length < sizes.people; m++) {
      const sex: 'nam' | 'nu' = f.datatype.boolean() ? 'nam' : 'nu';
      const ngaySinh = f.date.between({ from: '1945-01-01T00:00:00Z', to: '2007-12-31T00:00:00Z' }).toISOString().slice(0, 10);
      const year = Number(ngaySinh.slice(0, 4));
      const code = f.helpers.arrayElement(birthCodes);
      let soDinhDanh: string;
      do soDinhDanh = makeCccd(code, year, sex, f.number.int({ min: 1, max: 999_999 }));
      while (usedCccd.has(soDinhDanh));
      usedCccd.add(soDinhDanh);
      if (!CCCD_PROVINCE_CODES.has(code)) throw new Error(`bad province code ${code}`);
      const hoVaTen = personName(f, sex);
      const mail = strip(hoVaTen).toLowerCase().split(' ');
      people.push({
        soDinhDanh,
        soCmnd: year < 2000 ? String(f.number.int({ min: 350_000_000, max: 389_999_999 })) : null,
        hoVaTen,
        gioiTinh: sex,
        ngaySinh,
        danToc: f.helpers.arrayElement(ETHNIC),
        tonGiao: f.helpers.arrayElement(RELIGION),
        quocTich: 'Việt Nam',
        queQuan: f.helpers.arrayElement(HOME_TOWNS),
        thuongTru: home,
        soDienThoai: `0${f.helpers.arrayElement(['3', '7', '8', '9'])}${f.string.numeric(8)}`,
        email: f.datatype.boolean({ probability: 0.6 }) ? `${mail[mail.length - 1]}.${mail[0]}${f.number.int({ min: 1, max: 99 })}@example.vn` : null,
        maSoBhxh: `${code.slice(1)}${f.string.numeric(8)}`,
        maHoGiaDinh: maHo,
        quanHeChuHo: m === 0 ? 'Chủ hộ' : f.helpers.arrayElement(['Vợ', 'Chồng', 'Con', 'Con', 'Cháu', 'Mẹ']),
        hoTenCha: personName(f, 'nam'),
        hoTenMe: personName(f, 'nu'),
        tinhTrangHonNhan: year > 2000 ? 'doc-than' : f.helpers.arrayElement(['da-ket-hon', 'da-ket-hon', 'doc-than', 'ly-hon', 'goa'] as const),
        ngheNghiep: year > 2004 ? 'Học sinh' : f.helpers.arrayElement(JOBS),
        ngayCapCccd: f.date.between({ from: '2021-01-01T00:00:00Z', to: '2025-06-30T00:00:00Z' }).toISOString().slice(0, 10),
      });
    }
  }

  const companies: Company[] = [];
  const usedMst = new Set<string>();
  const adults = people.filter((p) => Number(p.ngaySinh.slice(0, 4)) < 2000);
  while (companies.length < sizes.companies) {
    const first9 = `${f.helpers.arrayElement(['17', '16', '03'])}${f.string.numeric(7)}`;
    const msdn = makeMst(first9);
    if (!msdn || usedMst.has(msdn)) continue;
    usedMst.add(msdn);
    const kind = f.helpers.arrayElement(COMPANY_TYPES);
    const [word, wordEn, industry] = f.helpers.arrayElement(BUSINESS_WORDS);
    const brand = f.helpers.arrayElement(BRAND);
    const i = companies.length;
    const tenTiengViet = `${kind.prefix} ${word} ${brand}${i % 3 === 0 ? '' : ` ${i}`}`.toUpperCase();
    const tenNuocNgoai = `${strip(brand)} ${wordEn} ${kind.suffix}${i % 3 === 0 ? '' : ` ${i}`}`.toUpperCase();
    const initials = strip(`${word} ${brand}`).split(/\s+/).map((w) => w[0]).join('').toUpperCase();
    const ngayThanhLap = f.date.between({ from: '2000-01-01T00:00:00Z', to: '2025-06-30T00:00:00Z' }).toISOString().slice(0, 10);
    const branchCount = f.helpers.weightedArrayElement([{ weight: 5, value: 0 }, { weight: 3, value: 1 }, { weight: 2, value: 3 }]);
    const secondary = f.helpers.arrayElements(Object.keys(INDUSTRY_NAMES).filter((k) => k !== industry), { min: 1, max: 3 });
    companies.push({
      msdn,
      tenTiengViet,
      tenNuocNgoai,
      tenVietTat: `${initials} ${kind.prefix.includes('Cổ phần') ? 'JSC' : 'CO., LTD'}${i % 3 === 0 ? '' : ` ${i}`}`,
      loaiHinh: kind.loai,
      ngayThanhLap,
      tinhTrang: f.helpers.weightedArrayElement([
        { weight: 14, value: 'dang-hoat-dong' as const }, { weight: 2, value: 'tam-ngung' as const },
        { weight: 1, value: 'cho-giai-the' as const }, { weight: 1, value: 'giai-the' as const },
      ]),
      diaChiTruSo: address(f, communes),
      nguoiDaiDien: f.helpers.arrayElement(adults).soDinhDanh,
      vonDieuLe: f.number.int({ min: 1, max: 500 }) * 100_000_000,
      nganhNghe: [
        { ma: industry, ten: INDUSTRY_NAMES[industry]!, chinh: true },
        ...secondary.map((ma) => ({ ma, ten: INDUSTRY_NAMES[ma]!, chinh: false })),
      ],
      chiNhanh: Array.from({ length: branchCount }, (_, b) => ({
        maChiNhanh: `${msdn}-${String(b + 1).padStart(3, '0')}`,
        ten: `CHI NHÁNH ${f.helpers.arrayElement(BRAND).toUpperCase()} - ${tenTiengViet}`,
        diaChi: address(f, communes),
        ngayThanhLap: f.date.between({ from: `${ngayThanhLap}T00:00:00Z`, to: '2025-06-30T00:00:00Z' }).toISOString().slice(0, 10),
      })),
      soDienThoai: `02${f.helpers.arrayElement(['96', '97'])}${f.string.numeric(7)}`,
      email: `lienhe@${strip(brand).toLowerCase().replace(/\s+/g, '')}${i}.example.vn`,
    });
  }
  return { asOf: AS_OF, people, companies };
}
