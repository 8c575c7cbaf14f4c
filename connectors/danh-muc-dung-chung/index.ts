import { defineConnector } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import {
  catalogOperations, catalogVersionChangeScenario, conditionalReply, findCatalog, resolveVersion, type CatalogSeed,
} from '../_shared/catalog.js';
import { DMDC_AGENCY } from './codes.js';

/** The day the 34-province map took effect (Nghị quyết 202/2025/QH15); the day before, the 63-province one held. */
const NGAY_SAP_XEP = '01/07/2025';
const NGAY_TRUOC_SAP_XEP = '30/06/2025';

const catalog = catalogOperations({
  basePath: '/dmdc/1.0/Category',
  serves: [0],
  owner: 'Bộ Thông tin và Truyền thông',
  examples: { maDanhMuc: 'DM_DVHC_TINH', ma: '91', tuPhienBan: '2008-08', denPhienBan: '2025-07' },
});

export default defineConnector<CatalogSeed>({
  id: 'danh-muc-dung-chung',
  protocol: 'rest',
  agencyCode: DMDC_AGENCY,
  seedSchemas: { danhMuc: 'danhMuc.record', phienBan: 'phienBan.record', phanTu: 'phanTu.record' },
  operations: {
    ...catalog,
    chuyenDoiMaTinh: {
      summary: 'Chuyển đổi mã tỉnh trước 01/7/2025 (63 tỉnh) sang mã tỉnh hiện hành (34 tỉnh), kèm các tỉnh cùng hợp nhất',
      summaryEn: 'Maps a pre-1/7/2025 province code (63 provinces) to the current one (34), with its merge partners',
      method: 'GET',
      path: '/dmdc/1.0/DonViHanhChinh/ChuyenDoiMaTinh',
      serves: [0],
      example: { query: { maTinhCu: '89' } },
      handler: (ctx) => {
        const cat = findCatalog(ctx.seed, 'DM_DVHC_TINH');
        const cu = resolveVersion(ctx, cat, { ngayHieuLuc: NGAY_TRUOC_SAP_XEP });
        const moi = resolveVersion(ctx, cat, { ngayHieuLuc: NGAY_SAP_XEP });
        const old = cu.byMa.get(ctx.input.maTinhCu);
        if (!old) {
          throw new NdxpError('RECORD_NOT_FOUND', {
            field: 'maTinhCu',
            detailVi: `không có tỉnh mã ${ctx.input.maTinhCu} trong danh mục 63 tỉnh (phiên bản ${cu.meta.PhienBan})`,
            detailEn: `no province ${ctx.input.maTinhCu} in the 63-province catalog`,
          });
        }
        const target = moi.byMa.get(String(old.SapNhapVao))!;
        const partners = (target.HinhThanhTu as string[]).map((ma) => ({ MaTinh: ma, TenTinh: cu.byMa.get(ma)!.Ten }));
        return conditionalReply(ctx, {
          MaTinhCu: old.Ma,
          TenTinhCu: old.Ten,
          PhienBanCu: cu.meta.PhienBan,
          MaTinhMoi: target.Ma,
          TenTinhMoi: target.Ten,
          PhienBanMoi: moi.meta.PhienBan,
          NgayHieuLuc: moi.meta.NgayHieuLuc,
          CanCuPhapLy: moi.meta.CanCuPhapLy,
          GiuNguyenMa: old.Ma === target.Ma,
          CacTinhHopNhat: partners,
        });
      },
    },
  },
  scenarios: [catalogVersionChangeScenario('2025-07')],
});
