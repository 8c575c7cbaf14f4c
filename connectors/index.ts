/**
 * The registered connectors, an explicit list (ARCHITECTURE.md). Adding the 25th system: one folder in connectors/,
 * its schemas under schemas/<id>/v1/, its data under mocks/<id>/, and one line here.
 */
import type { ConnectorDefinition } from '../src/core/connector.js';
import dangKyDoanhNghiep from './dang-ky-doanh-nghiep/index.js';
import baoHiem from './bao-hiem/index.js';
import canBoCongChuc from './can-bo-cong-chuc/index.js';
import hoTich from './ho-tich/index.js';
import troGiupXaHoi from './tro-giup-xa-hoi/index.js';
import vanBanPhapLuat from './van-ban-phap-luat/index.js';

export const CONNECTORS: ConnectorDefinition[] = [dangKyDoanhNghiep, baoHiem, canBoCongChuc, hoTich, troGiupXaHoi, vanBanPhapLuat];
