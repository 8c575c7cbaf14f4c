import type { SeedBuilder } from '../_shared/population.js';
import { dmyToIso } from '../_shared/wire.js';
import { VAN_BAN } from './van-ban.js';

/** vbpl.vn-style address of a document's full text (central documents under TW, the province's under its site). */
const SITE: Partial<Record<string, string>> = { HDND_AG: 'angiang', UBND_AG: 'angiang', UBND_KG: 'kiengiang' };
const toanVan = (itemId: number, coQuan: string) => `https://vbpl.vn/${SITE[coQuan] ?? 'TW'}/Pages/vbpq-toanvan.aspx?ItemID=${itemId}`;

/** The documents in the order they were issued, each with an ItemID; relations checked to point at known documents. */
export const buildSeed: SeedBuilder = () => {
  const known = new Set(VAN_BAN.map((v) => v.so));
  const ordered = [...VAN_BAN].sort((a, b) => dmyToIso(a.ngayBanHanh).localeCompare(dmyToIso(b.ngayBanHanh)) || a.so.localeCompare(b.so));
  const vanBan = ordered.map((v, i) => {
    for (const ref of [...(v.canCu ?? []), ...(v.thayThe ?? []), ...(v.suaDoi ?? [])]) {
      if (!known.has(ref)) throw new Error(`van-ban-phap-luat: ${v.so} refers to unknown ${ref}`);
    }
    const itemId = 150_001 + i;
    return {
      ItemID: itemId,
      SoKyHieu: v.so,
      LoaiVanBan: v.loai,
      CoQuanBanHanh: v.coQuan,
      TrichYeu: v.trichYeu,
      NgayBanHanh: v.ngayBanHanh,
      NgayHieuLuc: v.ngayHieuLuc,
      ...(v.nguoiKy ? { NguoiKy: v.nguoiKy, ChucVuNguoiKy: 'Chủ tịch Quốc hội' } : {}),
      LinhVuc: v.linhVuc,
      PhamVi: SITE[v.coQuan] ? 'DP' : 'TW',
      CanCu: v.canCu ?? [],
      ThayThe: v.thayThe ?? [],
      SuaDoi: v.suaDoi ?? [],
      DuongDanToanVan: toanVan(itemId, v.coQuan),
    };
  });
  return { vanBan };
};
