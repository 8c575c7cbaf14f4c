/**
 * An Giang's departments that several connectors name (mã định danh in the QĐ 20/2020 format; invented values).
 * Agencies changed with the 2025 mergers: on 1/3/2025 the Sở Giao thông vận tải merged into the Sở Xây dựng.
 */
export const SO_XAY_DUNG_AN_GIANG = { ma: '000.00.21.H01', ten: 'Sở Xây dựng tỉnh An Giang' } as const;

/** Who issued a transport paper on an ISO date, in the former province of the holder (An Giang or Kiên Giang). */
export function coQuanVanTai(isoDate: string, kienGiangCu: boolean): string {
  if (isoDate >= '2025-07-01') return SO_XAY_DUNG_AN_GIANG.ten;
  const tinh = kienGiangCu ? 'Kiên Giang' : 'An Giang';
  return isoDate >= '2025-03-01' ? `Sở Xây dựng tỉnh ${tinh}` : `Sở Giao thông vận tải tỉnh ${tinh}`;
}
