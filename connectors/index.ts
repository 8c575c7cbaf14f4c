/**
 * The registered connectors, an explicit list (ARCHITECTURE.md). Adding the 25th system: one folder in connectors/,
 * its schemas under schemas/<id>/v1/, its data under mocks/<id>/, and one line here.
 */
import type { ConnectorDefinition } from '../src/core/connector.js';
import buuChinhCongIch from './buu-chinh-cong-ich/index.js';
import dangKyDoanhNghiep from './dang-ky-doanh-nghiep/index.js';
import dienLuc from './dien-luc/index.js';
import dinhDanhDienTu from './dinh-danh-dien-tu/index.js';
import thongTinNguon from './thong-tin-nguon/index.js';

export const CONNECTORS: ConnectorDefinition[] = [dangKyDoanhNghiep, buuChinhCongIch, dienLuc, dinhDanhDienTu, thongTinNguon];
