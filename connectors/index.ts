/**
 * The registered connectors, an explicit list (ARCHITECTURE.md). Adding the 25th system: one folder in connectors/,
 * its schemas under schemas/<id>/v1/, its data under mocks/<id>/, and one line here.
 */
import type { ConnectorDefinition } from '../src/core/connector.js';
import dangKiem from './dang-kiem/index.js';
import dangKyDoanhNghiep from './dang-ky-doanh-nghiep/index.js';
import giayPhepLaiXe from './giay-phep-lai-xe/index.js';
import lienThongThueDatDai from './lien-thong-thue-dat-dai/index.js';
import nhaOHinhThanhTuongLai from './nha-o-hinh-thanh-tuong-lai/index.js';
import quanLyVanTai from './quan-ly-van-tai/index.js';

export const CONNECTORS: ConnectorDefinition[] = [dangKyDoanhNghiep, lienThongThueDatDai, nhaOHinhThanhTuongLai, dangKiem, quanLyVanTai, giayPhepLaiXe];
