/**
 * Approximate centres (WGS84) of the An Giang sample communes, and the pre-1/7/2025 province each belonged to.
 * Invented from public maps to about a kilometre, enough to place digital addresses and land parcels plausibly; they
 * are not survey data. Used by the Vpostcode and đất đai seeds.
 */
export interface CommuneGeo {
  viDo: number;
  kinhDo: number;
  /** Province code before the 2025 merger: 89 An Giang, 91 Kiên Giang. */
  maTinhCu: '89' | '91';
}

export const COMMUNE_GEO: Readonly<Record<string, CommuneGeo>> = {
  '30100': { viDo: 10.3864, kinhDo: 105.4352, maTinhCu: '89' }, // Phường Long Xuyên
  '30107': { viDo: 10.4102, kinhDo: 105.4105, maTinhCu: '89' }, // Phường Bình Đức
  '30114': { viDo: 10.3468, kinhDo: 105.4712, maTinhCu: '89' }, // Phường Mỹ Thới
  '30121': { viDo: 10.7053, kinhDo: 105.1171, maTinhCu: '89' }, // Phường Châu Đốc
  '30128': { viDo: 10.6812, kinhDo: 105.0703, maTinhCu: '89' }, // Phường Vĩnh Tế
  '30135': { viDo: 10.7984, kinhDo: 105.2376, maTinhCu: '89' }, // Phường Tân Châu
  '30142': { viDo: 10.7731, kinhDo: 105.2055, maTinhCu: '89' }, // Phường Long Phú
  '30149': { viDo: 10.6021, kinhDo: 104.9478, maTinhCu: '89' }, // Phường Tịnh Biên
  '30156': { viDo: 10.0124, kinhDo: 105.0809, maTinhCu: '91' }, // Phường Rạch Giá
  '30163': { viDo: 9.9817, kinhDo: 105.1123, maTinhCu: '91' }, // Phường Vĩnh Thông
  '30170': { viDo: 10.3831, kinhDo: 104.4875, maTinhCu: '91' }, // Phường Hà Tiên
  '30177': { viDo: 10.4032, kinhDo: 104.5296, maTinhCu: '91' }, // Phường Tô Châu
  '30184': { viDo: 10.2270, kinhDo: 103.9637, maTinhCu: '91' }, // Đặc khu Phú Quốc
  '30191': { viDo: 9.8139, kinhDo: 104.6318, maTinhCu: '91' }, // Đặc khu Kiên Hải
  '30198': { viDo: 9.3013, kinhDo: 103.4826, maTinhCu: '91' }, // Đặc khu Thổ Châu
  '30205': { viDo: 10.5512, kinhDo: 105.4021, maTinhCu: '89' }, // Xã Chợ Mới
  '30212': { viDo: 10.6543, kinhDo: 105.2874, maTinhCu: '89' }, // Xã Phú Tân
  '30219': { viDo: 10.4361, kinhDo: 105.3287, maTinhCu: '89' }, // Xã Châu Thành
  '30226': { viDo: 10.5702, kinhDo: 105.1816, maTinhCu: '89' }, // Xã Châu Phú
  '30233': { viDo: 10.2987, kinhDo: 105.2603, maTinhCu: '89' }, // Xã Thoại Sơn
  '30240': { viDo: 10.4185, kinhDo: 104.9942, maTinhCu: '89' }, // Xã Tri Tôn
  '30247': { viDo: 10.8421, kinhDo: 105.0893, maTinhCu: '89' }, // Xã An Phú
  '30254': { viDo: 10.1834, kinhDo: 104.9301, maTinhCu: '91' }, // Xã Hòn Đất
  '30261': { viDo: 10.2722, kinhDo: 104.6326, maTinhCu: '91' }, // Xã Kiên Lương
  '30268': { viDo: 9.9105, kinhDo: 105.3128, maTinhCu: '91' }, // Xã Giồng Riềng
  '30275': { viDo: 9.7318, kinhDo: 105.2716, maTinhCu: '91' }, // Xã Gò Quao
  '30282': { viDo: 9.8096, kinhDo: 105.0612, maTinhCu: '91' }, // Xã An Biên
  '30289': { viDo: 9.6327, kinhDo: 105.1204, maTinhCu: '91' }, // Xã U Minh Thượng
  '30296': { viDo: 9.5103, kinhDo: 105.2598, maTinhCu: '91' }, // Xã Vĩnh Thuận
  '30303': { viDo: 10.1119, kinhDo: 105.2847, maTinhCu: '91' }, // Xã Tân Hiệp
};

export function communeGeo(maXa: string): CommuneGeo {
  const g = COMMUNE_GEO[maXa];
  if (!g) throw new Error(`no coordinates for commune ${maXa}`);
  return g;
}

/** Metres → degrees near latitude `lat` (small offsets only). */
export const metresToDegrees = (lat: number, dNorth: number, dEast: number) => ({
  dLat: dNorth / 111_320,
  dLon: dEast / (111_320 * Math.cos((lat * Math.PI) / 180)),
});

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: { viDo: number; kinhDo: number }, b: { viDo: number; kinhDo: number }): number {
  const r = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.viDo - a.viDo) * rad;
  const dLon = (b.kinhDo - a.kinhDo) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.viDo * rad) * Math.cos(b.viDo * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}
