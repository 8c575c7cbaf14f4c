/**
 * The registered connectors, an explicit list (ARCHITECTURE.md), in the appendix order. Adding the 25th system: one
 * folder in connectors/, its schemas under schemas/<id>/v1/, its data under mocks/<id>/, and one line here.
 */
import type { ConnectorDefinition } from '../src/core/connector.js';
import dangKyDoanhNghiep from './dang-ky-doanh-nghiep/index.js';
import danCu from './dan-cu/index.js';
import baoHiem from './bao-hiem/index.js';
import datDai from './dat-dai/index.js';
import canBoCongChuc from './can-bo-cong-chuc/index.js';
import vanBanPhapLuat from './van-ban-phap-luat/index.js';
import gia from './gia/index.js';
import dangKiem from './dang-kiem/index.js';
import giayPhepLaiXe from './giay-phep-lai-xe/index.js';
import lyLichTuPhap from './ly-lich-tu-phap/index.js';
import hoTich from './ho-tich/index.js';
import maSoNganSach from './ma-so-ngan-sach/index.js';
import danhMucDungChung from './danh-muc-dung-chung/index.js';
import lienThongThueDatDai from './lien-thong-thue-dat-dai/index.js';
import quanLyVanTai from './quan-ly-van-tai/index.js';
import nhaOHinhThanhTuongLai from './nha-o-hinh-thanh-tuong-lai/index.js';
import troGiupXaHoi from './tro-giup-xa-hoi/index.js';
import danhMucTaiChinh from './danh-muc-tai-chinh/index.js';
import danhMucNganHang from './danh-muc-ngan-hang/index.js';
import buuChinhCongIch from './buu-chinh-cong-ich/index.js';
import vpostcode from './vpostcode/index.js';
import dienLuc from './dien-luc/index.js';
import dinhDanhDienTu from './dinh-danh-dien-tu/index.js';
import thongTinNguon from './thong-tin-nguon/index.js';

export const CONNECTORS: ConnectorDefinition[] = [
  dangKyDoanhNghiep,
  danCu,
  baoHiem,
  datDai,
  canBoCongChuc,
  vanBanPhapLuat,
  gia,
  dangKiem,
  giayPhepLaiXe,
  lyLichTuPhap,
  hoTich,
  maSoNganSach,
  danhMucDungChung,
  lienThongThueDatDai,
  quanLyVanTai,
  nhaOHinhThanhTuongLai,
  troGiupXaHoi,
  danhMucTaiChinh,
  danhMucNganHang,
  buuChinhCongIch,
  vpostcode,
  dienLuc,
  dinhDanhDienTu,
  thongTinNguon,
];
