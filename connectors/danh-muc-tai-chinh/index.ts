import { defineConnector, type OperationContext } from '../../src/core/connector.js';
import {
  catalogOperations, catalogVersionChangeScenario, itemsInForce, type CatalogItem, type CatalogSeed,
} from '../_shared/catalog.js';
import { toDmy } from '../_shared/wire.js';
import { BTC_AGENCY } from './codes.js';

interface KetQuaKiemTra {
  Truong: string;
  Ma?: string;
  HopLe: boolean;
  Ten?: string;
  PhienBan: string;
  LyDo?: string;
}

/** Checks one code against its catalog version in force on the date; `rule` adds a reason when the item is unfit. */
function kiemTra(
  ctx: OperationContext<CatalogSeed>,
  truong: string,
  maDanhMuc: string,
  ma: string | undefined,
  rule: (item: CatalogItem | undefined) => string | undefined,
): KetQuaKiemTra {
  const { version } = itemsInForce(ctx, maDanhMuc, ctx.input.ngayHieuLuc ? { ngayHieuLuc: ctx.input.ngayHieuLuc } : {});
  const item = ma ? version.byMa.get(ma) : undefined;
  const lyDo = ma && !item ? `mã ${ma} không có trong ${maDanhMuc} phiên bản ${version.meta.PhienBan}` : rule(item);
  return {
    Truong: truong,
    ...(ma ? { Ma: ma } : {}),
    HopLe: !lyDo,
    ...(item ? { Ten: item.Ten } : {}),
    PhienBan: version.meta.PhienBan,
    ...(lyDo ? { LyDo: lyDo } : {}),
  };
}

export default defineConnector<CatalogSeed>({
  id: 'danh-muc-tai-chinh',
  protocol: 'rest',
  agencyCode: BTC_AGENCY,
  seedSchemas: { danhMuc: 'danhMuc.record', phienBan: 'phienBan.record', phanTu: 'phanTu.record' },
  operations: {
    ...catalogOperations({
      basePath: '/dmdcbtc/1.0/DanhMuc',
      serves: [0],
      owner: 'Bộ Tài chính',
      examples: { maDanhMuc: 'DM_CQ_THU', ma: '1091001', tuPhienBan: '2025-03', denPhienBan: '2025-07' },
    }),
    kiemTraMucLucNganSach: {
      summary: 'Kiểm tra tổ hợp mã chương – khoản – tiểu mục theo mục lục ngân sách hiệu lực vào một ngày (thu phí, lệ phí TTHC)',
      summaryEn: 'Checks a chapter / sub-item / sub-section combination of the state budget index as of a date',
      method: 'GET',
      path: '/dmdcbtc/1.0/MucLucNganSach/KiemTra',
      serves: [0],
      example: { query: { maChuong: '418', maTieuMuc: '2651' } },
      handler: (ctx) => {
        const { maChuong, maKhoan, maTieuMuc } = ctx.input;
        const tieuMuc = itemsInForce(ctx, 'DM_MUC_TIEU_MUC', ctx.input.ngayHieuLuc ? { ngayHieuLuc: ctx.input.ngayHieuLuc } : {}).version.byMa.get(maTieuMuc);
        const chiTiet = [
          kiemTra(ctx, 'maChuong', 'DM_CHUONG', maChuong, () => undefined),
          kiemTra(ctx, 'maKhoan', 'DM_LOAI_KHOAN', maKhoan, (item) => {
            if (item && item.CapMuc !== 'Khoản') return `${item.Ma} là mã loại, cần mã khoản thuộc loại đó`;
            if (!item && tieuMuc?.TinhChat === 'Chi') return 'tiểu mục chi cần mã khoản (phân loại theo chức năng)';
            return undefined;
          }),
          kiemTra(ctx, 'maTieuMuc', 'DM_MUC_TIEU_MUC', maTieuMuc, (item) =>
            item && item.CapMuc !== 'Tiểu mục' ? `${item.Ma} là mã mục, cần mã tiểu mục thuộc mục đó` : undefined,
          ),
        ];
        return {
          HopLe: chiTiet.every((c) => c.HopLe),
          NgayKiemTra: ctx.input.ngayHieuLuc ?? toDmy(ctx.now().toISOString()),
          ...(tieuMuc?.TinhChat ? { TinhChat: tieuMuc.TinhChat } : {}),
          ChiTiet: chiTiet,
        };
      },
    },
  },
  scenarios: [catalogVersionChangeScenario('2025-07')],
});
