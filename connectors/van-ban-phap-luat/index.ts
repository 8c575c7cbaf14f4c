import { defineConnector, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { foldVietnamese } from '../../src/core/text.js';
import { dmyToIso, found, fromSeed, indexBy, paginate } from '../_shared/wire.js';
import {
  CO_QUAN_BAN_HANH, LINH_VUC, LOAI_VAN_BAN, TINH_TRANG_HIEU_LUC, VBPL_AGENCY, type CoQuanBanHanh, type LinhVuc, type LoaiVanBan,
  type TinhTrangHieuLuc,
} from './codes.js';

interface VanBan {
  ItemID: number;
  SoKyHieu: string;
  LoaiVanBan: LoaiVanBan;
  CoQuanBanHanh: CoQuanBanHanh;
  TrichYeu: string;
  NgayBanHanh: string;
  NgayHieuLuc: string;
  NguoiKy?: string;
  ChucVuNguoiKy?: string;
  LinhVuc: LinhVuc[];
  PhamVi: 'TW' | 'DP';
  CanCu: string[];
  ThayThe: string[];
  SuaDoi: string[];
  DuongDanToanVan: string;
}
interface Seed {
  vanBan: VanBan[];
}

/** Số ký hiệu compared without tones, case or spaces: "13/2023/ND-CP" finds 13/2023/NĐ-CP. */
const khoaSo = (so: string) => foldVietnamese(so).replace(/\s+/g, '').toUpperCase();

const indexes = fromSeed((seed: Seed) => {
  const bySo = new Map<string, VanBan[]>();
  for (const v of seed.vanBan) bySo.set(khoaSo(v.SoKyHieu), [...(bySo.get(khoaSo(v.SoKyHieu)) ?? []), v]);
  const exact = indexBy(seed.vanBan, (v) => v.SoKyHieu);
  // Inverse relations, once: who cites, replaces or amends each document.
  const inverse = (rel: 'CanCu' | 'ThayThe' | 'SuaDoi') => {
    const m = new Map<string, VanBan[]>();
    for (const v of seed.vanBan) for (const so of v[rel]) m.set(so, [...(m.get(so) ?? []), v]);
    return m;
  };
  return {
    bySo,
    exact,
    byId: indexBy(seed.vanBan, (v) => String(v.ItemID)),
    duocCanCuBoi: inverse('CanCu'),
    biThayTheBoi: inverse('ThayThe'),
    biSuaDoiBoi: inverse('SuaDoi'),
    folded: seed.vanBan.map((v) => ({ v, key: foldVietnamese(`${v.SoKyHieu} ${LOAI_VAN_BAN[v.LoaiVanBan]} ${v.TrichYeu}`) })),
  };
});

type Idx = ReturnType<typeof indexes>;

/**
 * Which later documents replace or amend `v`. Under scenario hieu-luc-chua-cap-nhat the database has not linked them
 * yet (a real lag of the national database), so a replaced law still reads "in force".
 */
function sauNay(idx: Idx, v: VanBan, stale: boolean) {
  return stale ? { thayThe: [], suaDoi: [] } : { thayThe: idx.biThayTheBoi.get(v.SoKyHieu) ?? [], suaDoi: idx.biSuaDoiBoi.get(v.SoKyHieu) ?? [] };
}

/** Ends when the first replacing document takes effect. */
const ngayHetHieuLuc = (thayThe: VanBan[]): string | undefined => thayThe.map((t) => dmyToIso(t.NgayHieuLuc)).sort()[0];

/** Status on a day (ISO): not yet in force, in force, partly out of force (an amendment in force), or replaced. */
function tinhTrang(idx: Idx, v: VanBan, on: string, stale: boolean): TinhTrangHieuLuc {
  if (on < dmyToIso(v.NgayHieuLuc)) return 'CHUA_CO_HIEU_LUC';
  const { thayThe, suaDoi } = sauNay(idx, v, stale);
  const het = ngayHetHieuLuc(thayThe);
  if (het && on >= het) return 'HET_HIEU_LUC_TOAN_BO';
  if (suaDoi.some((s) => dmyToIso(s.NgayHieuLuc) <= on)) return 'HET_HIEU_LUC_MOT_PHAN';
  return 'CON_HIEU_LUC';
}

const STALE = 'hieu-luc-chua-cap-nhat';

const today = (ctx: OperationContext<Seed>) => ctx.now().toISOString().slice(0, 10);
const isoToDmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const ref = (v: VanBan) => ({ ItemID: v.ItemID, SoKyHieu: v.SoKyHieu, TrichYeu: v.TrichYeu });

function chiTiet(ctx: OperationContext<Seed>, v: VanBan) {
  const idx = indexes(ctx.seed);
  const stale = ctx.scenario === STALE;
  const sau = sauNay(idx, v, stale);
  const het = ngayHetHieuLuc(sau.thayThe);
  const tt = tinhTrang(idx, v, today(ctx), stale);
  const refs = (list: string[]) => list.map((so) => ref(idx.exact.get(so)!));
  return {
    ItemID: v.ItemID,
    SoKyHieu: v.SoKyHieu,
    TrichYeu: v.TrichYeu,
    LoaiVanBan: { Ma: v.LoaiVanBan, Ten: LOAI_VAN_BAN[v.LoaiVanBan] },
    CoQuanBanHanh: { Ma: v.CoQuanBanHanh, Ten: CO_QUAN_BAN_HANH[v.CoQuanBanHanh] },
    NgayBanHanh: v.NgayBanHanh,
    NgayHieuLuc: v.NgayHieuLuc,
    ...(het ? { NgayHetHieuLuc: isoToDmy(het) } : {}),
    TinhTrangHieuLuc: { Ma: tt, Ten: TINH_TRANG_HIEU_LUC[tt] },
    ...(v.NguoiKy ? { NguoiKy: v.NguoiKy, ChucVuNguoiKy: v.ChucVuNguoiKy } : {}),
    LinhVuc: v.LinhVuc.map((l) => ({ Ma: l, Ten: LINH_VUC[l] })),
    PhamVi: v.PhamVi,
    DuongDanToanVan: v.DuongDanToanVan,
    VanBanLienQuan: {
      CanCu: refs(v.CanCu),
      DuocCanCuBoi: (idx.duocCanCuBoi.get(v.SoKyHieu) ?? []).map(ref),
      ThayThe: refs(v.ThayThe),
      BiThayTheBoi: sau.thayThe.map(ref),
      SuaDoi: refs(v.SuaDoi),
      BiSuaDoiBoi: sau.suaDoi.map(ref),
    },
  };
}

const SAP_XEP: Record<string, (a: VanBan, b: VanBan) => number> = {
  NGAY_BAN_HANH_GIAM: (a, b) => dmyToIso(b.NgayBanHanh).localeCompare(dmyToIso(a.NgayBanHanh)) || b.ItemID - a.ItemID,
  NGAY_BAN_HANH_TANG: (a, b) => dmyToIso(a.NgayBanHanh).localeCompare(dmyToIso(b.NgayBanHanh)) || a.ItemID - b.ItemID,
  NGAY_HIEU_LUC_GIAM: (a, b) => dmyToIso(b.NgayHieuLuc).localeCompare(dmyToIso(a.NgayHieuLuc)) || b.ItemID - a.ItemID,
};

const DANH_MUC: Record<string, { ten: Record<string, string>; cua: (v: VanBan, idx: Idx, on: string) => string[] }> = {
  'loai-van-ban': { ten: LOAI_VAN_BAN, cua: (v) => [v.LoaiVanBan] },
  'co-quan-ban-hanh': { ten: CO_QUAN_BAN_HANH, cua: (v) => [v.CoQuanBanHanh] },
  'linh-vuc': { ten: LINH_VUC, cua: (v) => v.LinhVuc },
  'tinh-trang-hieu-luc': { ten: TINH_TRANG_HIEU_LUC, cua: (v, idx, on) => [tinhTrang(idx, v, on, false)] },
};

export default defineConnector<Seed>({
  id: 'van-ban-phap-luat',
  protocol: 'rest',
  agencyCode: VBPL_AGENCY,
  seedSchemas: { vanBan: 'vanBan.record' },
  operations: {
    chiTietVanBan: {
      summary: 'Tra cứu văn bản quy phạm pháp luật theo số, ký hiệu: thông tin, tình trạng hiệu lực hôm nay, văn bản liên quan',
      summaryEn: 'A legal document by its number: details, current legal status, related documents',
      method: 'GET',
      path: '/vbpl/1.0/vanBan',
      serves: [0],
      example: { query: { soKyHieu: '13/2023/NĐ-CP' } },
      handler: (ctx) => {
        const { soKyHieu, coQuanBanHanh } = ctx.input as { soKyHieu: string; coQuanBanHanh?: CoQuanBanHanh };
        const hits = (indexes(ctx.seed).bySo.get(khoaSo(soKyHieu)) ?? []).filter((v) => !coQuanBanHanh || v.CoQuanBanHanh === coQuanBanHanh);
        if (hits.length > 1) {
          // Local bodies share ký hiệu (every province has its "QĐ-UBND"): ask for the issuer.
          throw new NdxpError('CONFLICT', {
            field: 'coQuanBanHanh',
            detailVi: `có ${hits.length} văn bản cùng số ký hiệu ${soKyHieu}; gửi thêm coQuanBanHanh`,
            detailEn: `${hits.length} documents share ${soKyHieu}; add coQuanBanHanh`,
            details: hits.map(ref),
          });
        }
        return chiTiet(ctx, found(hits[0], 'soKyHieu', soKyHieu));
      },
    },
    chiTietVanBanTheoId: {
      summary: 'Tra cứu văn bản theo mã ItemID (như đường dẫn toàn văn)',
      summaryEn: 'A legal document by its ItemID',
      method: 'GET',
      path: '/vbpl/1.0/vanBan/{itemId}',
      serves: [0],
      example: { query: { itemId: '$seed:vanBan.0.ItemID' } },
      handler: (ctx) => chiTiet(ctx, found(indexes(ctx.seed).byId.get(String(ctx.input.itemId)), 'itemId', String(ctx.input.itemId))),
    },
    timKiemVanBan: {
      summary: 'Tìm kiếm văn bản theo từ khóa (không phân biệt dấu), lọc theo loại, cơ quan ban hành, lĩnh vực, hiệu lực, phạm vi, ngày ban hành; phân trang',
      summaryEn: 'Search legal documents by keywords and filters, paged',
      method: 'GET',
      path: '/vbpl/1.0/timKiem',
      serves: [0],
      example: { query: { tuKhoa: 'ho tich', tinhTrangHieuLuc: 'CON_HIEU_LUC', soBanGhi: '10' } },
      handler: (ctx) => {
        const q = ctx.input;
        const idx = indexes(ctx.seed);
        const on = today(ctx);
        const words = q.tuKhoa ? foldVietnamese(q.tuKhoa).split(' ').filter(Boolean) : [];
        const from = q.tuNgayBanHanh ? dmyToIso(q.tuNgayBanHanh) : '0000';
        const to = q.denNgayBanHanh ? dmyToIso(q.denNgayBanHanh) : '9999';
        const hits = idx.folded
          .filter(({ key }) => words.every((w: string) => key.includes(w)))
          .map(({ v }) => v)
          .filter((v) => (!q.loaiVanBan || v.LoaiVanBan === q.loaiVanBan) && (!q.coQuanBanHanh || v.CoQuanBanHanh === q.coQuanBanHanh))
          .filter((v) => (!q.linhVuc || v.LinhVuc.includes(q.linhVuc)) && (!q.phamVi || v.PhamVi === q.phamVi))
          .filter((v) => dmyToIso(v.NgayBanHanh) >= from && dmyToIso(v.NgayBanHanh) <= to)
          .map((v) => ({ v, tt: tinhTrang(idx, v, on, ctx.scenario === STALE) }))
          .filter(({ tt }) => !q.tinhTrangHieuLuc || tt === q.tinhTrangHieuLuc)
          .sort((a, b) => SAP_XEP[q.sapXep ?? 'NGAY_BAN_HANH_GIAM']!(a.v, b.v))
          .map(({ v, tt }) => ({
            ItemID: v.ItemID, SoKyHieu: v.SoKyHieu, TrichYeu: v.TrichYeu, LoaiVanBan: v.LoaiVanBan, TenLoaiVanBan: LOAI_VAN_BAN[v.LoaiVanBan],
            CoQuanBanHanh: v.CoQuanBanHanh, TenCoQuanBanHanh: CO_QUAN_BAN_HANH[v.CoQuanBanHanh], NgayBanHanh: v.NgayBanHanh, NgayHieuLuc: v.NgayHieuLuc,
            TinhTrangHieuLuc: tt,
          }));
        return paginate(hits, q.trang, q.soBanGhi);
      },
    },
    danhMuc: {
      summary: 'Danh mục để lọc: loại văn bản, cơ quan ban hành, lĩnh vực, tình trạng hiệu lực (kèm số văn bản)',
      summaryEn: 'Filter catalogs (document types, issuers, fields, legal status) with document counts',
      method: 'GET',
      path: '/vbpl/1.0/danhMuc/{loaiDanhMuc}',
      serves: [0],
      example: { query: { loaiDanhMuc: 'linh-vuc' } },
      handler: (ctx) => {
        const dm = DANH_MUC[ctx.input.loaiDanhMuc]!;
        const idx = indexes(ctx.seed);
        const on = today(ctx);
        const counts = new Map<string, number>();
        for (const v of ctx.seed.vanBan) for (const k of dm.cua(v, idx, on)) counts.set(k, (counts.get(k) ?? 0) + 1);
        return { LoaiDanhMuc: ctx.input.loaiDanhMuc, DanhSach: Object.entries(dm.ten).map(([Ma, Ten]) => ({ Ma, Ten, SoVanBan: counts.get(Ma) ?? 0 })) };
      },
    },
  },
  scenarios: [
    {
      name: STALE,
      description: 'CSDL chưa cập nhật tình trạng hiệu lực: văn bản đã bị thay thế vẫn hiện "Còn hiệu lực", chưa có liên kết văn bản thay thế, sửa đổi (để tỉnh kiểm thử việc không dựa hoàn toàn vào trường này)',
      descriptionEn: 'The database lags: a replaced document still reads "in force" and is not linked to its successor',
      effect: { handled: true },
      operations: ['chiTietVanBan', 'chiTietVanBanTheoId', 'timKiemVanBan'],
      expect: {
        operation: 'chiTietVanBanTheoId',
        status: 200,
        body: { SoKyHieu: '51/2005/QH11', TinhTrangHieuLuc: { Ma: 'CON_HIEU_LUC' }, VanBanLienQuan: { BiThayTheBoi: [] } },
      },
    },
  ],
});
